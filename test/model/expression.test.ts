/** Terraform expressions as the static reader evaluates them: what is literal is computed, the rest stays unknown with the resources it reads. */
import fc from 'fast-check';
import { Scope, evaluateTemplate } from '../../policies/model/expression';
import { Unknown, Value } from '../../policies/model/value';

const LOCALS: Record<string, Value> = {
  teams: { desk: ['User Administrator', 'Global Reader'], admins: ['Global Administrator'] },
  names: ['b', 'a', 'b'],
};
const scope = (extra: Partial<Scope> = {}): Scope => ({
  local: (name) => LOCALS[name],
  variable: () => undefined,
  ...extra,
});
const evaluate = (text: string, extra?: Partial<Scope>) => evaluateTemplate(text, scope(extra));

/** An unknown as the addresses it reads (and whether it is exactly one reference). */
function shape(v: Value): unknown {
  if (v instanceof Unknown)
    return {
      unknown: v.references.map((r) => (r.attribute ? `${r.address}.${r.attribute}` : r.address)),
      direct: v.direct,
    };
  if (Array.isArray(v)) return v.map(shape);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, shape(e)]));
  return v;
}

describe('literal values', () => {
  it.each([
    ['${upper("desk")}-${1 + 2}', 'DESK-3'],
    ['${local.names[1]}', 'a'],
    ['${length(local.names) > 2 ? "many" : "few"}', 'many'],
    ['${toset(local.names)}', ['a', 'b']], // a set of strings is in lexical order, as terraform console shows it
    ['${merge({ a = 1 }, { b = 2 })}', { a: 1, b: 2 }],
    ['${flatten([["a"], ["b", ["c"]]])}', ['a', 'b', 'c']],
    ['${distinct(local.names)}', ['b', 'a']],
    ['${contains(local.names, "a")}', true],
    ['${element(local.names, 4)}', 'a'],
    ['${coalesce("", "x")}', 'x'],
    ['${compact(["a", "", null])}', ['a']],
    ['${split(",", "a,b")}', ['a', 'b']],
    ['${replace("a-b-c", "-", "_")}', 'a_b_c'],
    ['${zipmap(["x", "y"], [1, 2])}', { x: 1, y: 2 }],
    ['${sort(["b", "a"])}', ['a', 'b']],
    ['${one([])}', null],
    ['${tonumber("8")}', 8],
  ])('%s', (text, expected) => expect(evaluate(text)).toEqual(expected));

  it('try and can catch a missing key, and are unknown while an argument is', () => {
    expect(evaluate('${try(local.teams.nope, [])}')).toEqual([]);
    expect(evaluate('${can(local.names[5])}')).toBe(false);
    expect(shape(evaluate('${try(okta_group.g.name, "x")}'))).toEqual({
      unknown: ['okta_group.g.name'],
      direct: false,
    });
    expect(evaluate('${try(local.teams.nope)}')).toBeInstanceOf(Unknown);
  });

  it('leaves a regular-expression replace unknown rather than guess it', () => {
    expect(evaluate('${replace("a1", "/[0-9]/", "")}')).toBeInstanceOf(Unknown);
  });
});

describe('for expressions', () => {
  it.each([
    ['a list from a list, filtered', '${[for n in local.names : upper(n) if n != "a"]}', ['B', 'B']],
    [
      'a list from a map, in key order',
      '${[for team, roles in local.teams : "${team}:${length(roles)}"]}',
      ['admins:1', 'desk:2'],
    ],
    ['a map from a list, grouped', '${{ for n in local.names : n => n... }}', { b: ['b', 'b'], a: ['a'] }],
    [
      'a map from a nested for, expanded into merge',
      '${merge([for team, roles in local.teams : { for role in roles : "${team}|${role}" => role }]...)}',
      {
        'admins|Global Administrator': 'Global Administrator',
        'desk|User Administrator': 'User Administrator',
        'desk|Global Reader': 'Global Reader',
      },
    ],
  ])('%s', (_name, text, expected) => expect(evaluate(text)).toEqual(expected));

  it('keeps the keys of a map whose values read resources, each value a reference', () => {
    const v = evaluate('${{ for team, roles in local.teams : team => okta_group.team[team].id }}');
    expect(shape(v)).toEqual({
      admins: { unknown: ['okta_group.team["admins"].id'], direct: true },
      desk: { unknown: ['okta_group.team["desk"].id'], direct: true },
    });
  });

  it('over an unknown collection is unknown, reading the collection and what the body reads, not its own variables', () => {
    const v = evaluate(
      '${[for u in azuread_user.break_glass : u.object_id if u.account_enabled && azuread_group.g.id != ""]}',
    );
    expect(shape(v)).toEqual({ unknown: ['azuread_user.break_glass', 'azuread_group.g.id'], direct: false });
  });

  it('a for variable shadows a resource type of the same name', () => {
    expect(evaluate('${[for okta_group in ["x"] : okta_group]}')).toEqual(['x']);
  });

  it('is unknown when it cannot be built: a duplicate key, or a key that is not known', () => {
    expect(evaluate('${{ for n in local.names : n => n }}')).toBeInstanceOf(Unknown);
    expect(shape(evaluate('${{ for n in local.names : okta_group.g.name => n }}'))).toEqual({
      unknown: ['okta_group.g.name'],
      direct: false,
    });
  });
});

describe('lists and maps with unknown elements', () => {
  it('keep their shape: a list knows its length, a map its keys, before their values', () => {
    expect(shape(evaluate('${[okta_user.a.id, "literal", okta_user.b.id]}'))).toEqual([
      { unknown: ['okta_user.a.id'], direct: true },
      'literal',
      { unknown: ['okta_user.b.id'], direct: true },
    ]);
    expect(shape(evaluate('${{ owner = okta_user.a.id, name = "desk" }}'))).toEqual({
      owner: { unknown: ['okta_user.a.id'], direct: true },
      name: 'desk',
    });
  });

  it('format with a precision, a flag or a verb whose output is not certain is unknown, not approximated', () => {
    for (const f of [
      '${format("%.2f", 3)}',
      '${format("% d", 3)}',
      '${format("%q", "a")}',
      '${format("%d", 1.5)}',
      '${format("%s", [1])}',
    ])
      expect(evaluate(f)).toBeInstanceOf(Unknown);
  });

  it("resource.TYPE.NAME (Terraform 1.4's prefix) names the resource", () => {
    expect(shape(evaluate('${resource.azuread_user.bg.object_id}'))).toEqual({
      unknown: ['azuread_user.bg.object_id'],
      direct: true,
    });
    expect(shape(evaluate('${resource.azuread_user.bg["x"].object_id}'))).toEqual({
      unknown: ['azuread_user.bg["x"].object_id'],
      direct: true,
    });
  });

  it('an index of a computed list reads what the list reads', () => {
    expect(shape(evaluate('${concat([okta_user.a.id], ["x"])[0]}'))).toEqual({
      unknown: ['okta_user.a.id'],
      direct: false,
    });
    expect(evaluate('${concat([okta_user.a.id], ["x"])[1]}')).toBe('x');
  });

  it('pass through functions of shape (merge, concat, length, keys), and make others unknown', () => {
    expect(evaluate('${length([okta_user.a.id, okta_user.b.id])}')).toBe(2);
    expect(evaluate('${keys(merge({ a = okta_user.a.id }, { b = 1 }))}')).toEqual(['a', 'b']);
    expect(shape(evaluate('${element([okta_user.a.id, okta_user.b.id], 1)}'))).toEqual({
      unknown: ['okta_user.b.id'],
      direct: true,
    });
    expect(shape(evaluate('${join(",", [okta_user.a.id, "x"])}'))).toEqual({
      unknown: ['okta_user.a.id'],
      direct: false,
    });
  });
});

it('never throws, whatever the text: what it cannot read is unknown', () => {
  const token = fc.constantFrom(
    '${',
    '}',
    '[',
    ']',
    '{',
    '(',
    ')',
    'for',
    ' ',
    'in',
    ':',
    '=>',
    '...',
    'if',
    ',',
    'x',
    'local.teams',
    'okta_group.g.id',
    '"',
    '1',
    '+',
    '?',
    'merge',
    'each.key',
  );
  fc.assert(
    fc.property(fc.array(token, { maxLength: 24 }), (tokens) => {
      const v = evaluate(`\${${tokens.join('')}`);
      expect(v === undefined).toBe(false);
    }),
    { numRuns: 2000 },
  );
});
