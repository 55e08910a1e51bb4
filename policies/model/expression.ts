/**
 * Terraform's expression language, as far as a static checker needs it.
 *
 * Terraform JSON (cdktf output, `.tf.json`) and hcl2json output hold
 * expressions as template strings (`"${okta_group.a.id}"`). This module parses
 * them and evaluates what is literal: variables and locals the caller knows,
 * operators over literals, `for` expressions and a few pure functions.
 * Everything else becomes an {@link Unknown} that remembers the resources it
 * reads; a list or map keeps its shape around its unknown elements. It never
 * throws on input: an expression it cannot parse is unknown, with the
 * references a lexical scan finds.
 */
import { Reference, Secret, Unknown, Value, ValueObject, isObject, isSecret, referencesIn } from './value';

/** A parsed expression: one node per construct of Terraform's expression syntax. */
type Node =
  | { kind: 'literal'; value: Value }
  /** `"text ${expression} text"`. */
  | { kind: 'template'; parts: (string | Node)[] }
  /** The first name of a traversal: `var`, `local`, `each`, `count`, a resource type, a `for` variable. */
  | { kind: 'identifier'; name: string }
  /** `target.name`. */
  | { kind: 'attribute'; target: Node; name: string }
  /** `target[key]` (and `target.0`). */
  | { kind: 'index'; target: Node; key: Node }
  /** `target[*]` or `target.*`. */
  | { kind: 'splat'; target: Node }
  /** `name(args)`; `expand` for `f(list...)`, which passes the list's elements. */
  | { kind: 'call'; name: string; args: Node[]; expand: boolean }
  | { kind: 'tuple'; items: Node[] }
  | { kind: 'object'; entries: [Node, Node][] }
  /** `!operand`, `-operand`. */
  | { kind: 'unary'; operator: string; operand: Node }
  | { kind: 'binary'; operator: string; left: Node; right: Node }
  /** `condition ? whenTrue : whenFalse`. */
  | { kind: 'conditional'; condition: Node; whenTrue: Node; whenFalse: Node }
  /** `[for keyVar, valueVar in collection : value if filter]`, or with `key => value` (and `...` to group) for an object. */
  | {
      kind: 'for';
      keyVar: string | undefined;
      valueVar: string;
      collection: Node;
      key: Node | undefined;
      value: Node;
      group: boolean;
      filter: Node | undefined;
    };

/** What an expression can see. Anything it returns `undefined` for is unknown. */
export interface Scope {
  variable?(name: string): Value | undefined;
  local?(name: string): Value | undefined;
  each?: { key: Value; value: Value };
  /** Iterators of enclosing `dynamic` blocks, by name (`enabled_log.value`). */
  iterators?: ReadonlyMap<string, { key: Value; value: Value }>;
  /** Variables of enclosing `for` expressions, by name. */
  forVariables?: ReadonlyMap<string, Value>;
  countIndex?: number;
  /** Address of the resource the expression belongs to, for `self`. */
  self?: string;
  /** Prefix making module-relative addresses absolute (`module.idp.`). */
  modulePrefix?: string;
  /**
   * A resource with count or for_each as a value, where its instances are
   * known: a list (count) or map (for_each) of its instances, each unknown.
   * `length(azuread_user.bg)` and `[for k, g in azuread_group.g : g.id if k == "a"]`
   * read it.
   */
  resource?(address: string): Value | undefined;
  /**
   * Plain references already evaluated in this module: `${okta_group.a.id}`
   * becomes one (immutable) unknown however many resources name it.
   */
  plainReferences?: Map<string, Value>;
}

class ParseError extends Error {}

/** Roots of a traversal that are not a resource type. */
export const RESERVED_ROOTS: ReadonlySet<string> = new Set([
  'var',
  'local',
  'each',
  'count',
  'self',
  'path',
  'terraform',
  'data',
  'module',
  'resource',
]);

// ---------------------------------------------------------------- parsing

// Sticky tokens: matched in place, so the parser never copies the source.
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NAME_OR_INDEX = /[A-Za-z_][A-Za-z0-9_-]*|[0-9]+/y;
const NUMBER = /-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const FOR_KEYWORD = /for\s/y;
const IN_KEYWORD = /in(?![A-Za-z0-9_-])/y;
const IF_KEYWORD = /if(?![A-Za-z0-9_-])/y;
const BARE_KEY = /[A-Za-z_][A-Za-z0-9_-]*\s*(=(?!=)|:)/y;

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 9 ||
    c === 13 ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029
  );
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

/**
 * The character a template escape at `at` (`\n`, `\"`, `\u00e9`,
 * `\U0001F600`…) stands for and the escape's length, or what is wrong with it.
 */
export function readEscape(src: string, at: number): { text: string; length: number } | string {
  const selector = src[at + 1];
  if (Object.hasOwn(SIMPLE_ESCAPES, selector)) return { text: SIMPLE_ESCAPES[selector], length: 2 };
  if (selector !== 'u' && selector !== 'U') return `The symbol "${selector}" is not a valid escape sequence selector.`;
  const width = selector === 'u' ? 4 : 8;
  const hex = src.slice(at + 2, at + 2 + width);
  if (hex.length !== width || !/^[0-9A-Fa-f]+$/.test(hex))
    return `The \\${selector} escape sequence must be followed by ${width} hexadecimal digits.`;
  return { text: String.fromCodePoint(parseInt(hex, 16)), length: 2 + width };
}

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  /** A template runs to `end` (`"` inside an expression) or to the end of input. */
  template(end: '"' | null): Node {
    const parts: (string | Node)[] = [];
    let text = '';
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (end && c === end) break;
      if (c === '\\' && end) {
        text += this.escape();
        continue;
      }
      if ((c === '$' || c === '%') && s[this.pos + 1] === c && s[this.pos + 2] === '{') {
        text += c + '{';
        this.pos += 3;
        continue;
      }
      if (c === '$' && s[this.pos + 1] === '{') {
        if (text) parts.push(text);
        text = '';
        this.pos += 2;
        this.skipStrip();
        parts.push(this.expression());
        this.skipStrip();
        this.expect('}');
        continue;
      }
      if (c === '%' && s[this.pos + 1] === '{') throw new ParseError('template directives are not evaluated');
      text += c;
      this.pos++;
    }
    if (text || parts.length === 0) parts.push(text);
    return parts.length === 1 && typeof parts[0] === 'string'
      ? { kind: 'literal', value: parts[0] }
      : { kind: 'template', parts };
  }

  private escape(): string {
    const escaped = readEscape(this.src, this.pos);
    if (typeof escaped === 'string') throw new ParseError(escaped);
    this.pos += escaped.length;
    return escaped.text;
  }

  private skipStrip(): void {
    this.ws();
    if (this.src[this.pos] === '~') this.pos++;
    this.ws();
  }

  private ws(): void {
    const s = this.src;
    for (;;) {
      while (this.pos < s.length && isSpace(s.charCodeAt(this.pos))) this.pos++;
      if (s[this.pos] === '#' || (s[this.pos] === '/' && s[this.pos + 1] === '/')) {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else if (s[this.pos] === '/' && s[this.pos + 1] === '*') {
        const close = s.indexOf('*/', this.pos + 2);
        if (close < 0) throw new ParseError('unterminated comment');
        this.pos = close + 2;
      } else return;
    }
  }

  /** Matches a sticky regex at the current position without consuming it. */
  private match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    return re.exec(this.src);
  }

  private peek(token: string): boolean {
    this.ws();
    return this.src.startsWith(token, this.pos);
  }

  private eat(token: string): boolean {
    if (!this.peek(token)) return false;
    this.pos += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.eat(token)) throw new ParseError(`expected ${token} at ${this.pos}`);
  }

  expression(): Node {
    const c = this.binary(0);
    if (this.eat('?')) {
      const t = this.expression();
      this.expect(':');
      const f = this.expression();
      return { kind: 'conditional', condition: c, whenTrue: t, whenFalse: f };
    }
    return c;
  }

  private static readonly LEVELS: string[][] = [
    ['||'],
    ['&&'],
    ['==', '!='],
    ['<=', '>=', '<', '>'],
    ['+', '-'],
    ['*', '/', '%'],
  ];

  private binary(level: number): Node {
    if (level === Parser.LEVELS.length) return this.unary();
    let l = this.binary(level + 1);
    for (;;) {
      this.ws();
      const op = Parser.LEVELS[level].find(
        (o) => this.src.startsWith(o, this.pos) && !(o === '<' && this.src[this.pos + 1] === '<'),
      );
      // `=>` and `==` share a first character with other operators; never read `=` alone here.
      if (!op || (op === '-' && this.src[this.pos + 1] === '>')) return l;
      this.pos += op.length;
      l = { kind: 'binary', operator: op, left: l, right: this.binary(level + 1) };
    }
  }

  private unary(): Node {
    if (this.eat('!')) return { kind: 'unary', operator: '!', operand: this.unary() };
    if (this.peek('-') && !/[0-9]/.test(this.src[this.pos + 1] ?? '')) {
      this.pos++;
      return { kind: 'unary', operator: '-', operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(x: Node): Node {
    for (;;) {
      if (this.peek('.*') || this.peek('[*]')) {
        this.pos += this.src[this.pos] === '.' ? 2 : 3;
        x = { kind: 'splat', target: x };
      } else if (this.peek('.') && !this.src.startsWith('...', this.pos)) {
        this.pos++;
        this.ws();
        const m = this.match(NAME_OR_INDEX);
        if (!m) throw new ParseError('expected attribute name');
        this.pos += m[0].length;
        x = /^[0-9]/.test(m[0])
          ? { kind: 'index', target: x, key: { kind: 'literal', value: Number(m[0]) } }
          : { kind: 'attribute', target: x, name: m[0] };
      } else if (this.peek('[')) {
        this.pos++;
        const key = this.expression();
        this.expect(']');
        x = { kind: 'index', target: x, key };
      } else return x;
    }
  }

  private primary(): Node {
    this.ws();
    const s = this.src;
    const c = s[this.pos];
    if (c === undefined) throw new ParseError('unexpected end of expression');
    if (c === '"') {
      this.pos++;
      const t = this.template('"');
      this.expect('"');
      return t;
    }
    if (c === '(') {
      this.pos++;
      const e = this.expression();
      this.expect(')');
      return e;
    }
    if (c === '[') return this.collection('[', ']');
    if (c === '{') return this.collection('{', '}');
    if (c === '<' && s.startsWith('<<', this.pos)) throw new ParseError('heredoc inside an expression');
    const num = this.match(NUMBER);
    if (num) {
      this.pos += num[0].length;
      return { kind: 'literal', value: Number(num[0]) };
    }
    const id = this.match(IDENTIFIER);
    if (!id) throw new ParseError(`unexpected ${c}`);
    this.pos += id[0].length;
    const name = id[0];
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' };
    if (name === 'null') return { kind: 'literal', value: null };
    if (this.peek('(') || this.peek('::')) {
      let fn = name;
      while (this.eat('::')) fn += '::' + this.identifier();
      this.expect('(');
      const args: Node[] = [];
      let expand = false;
      while (!this.eat(')')) {
        args.push(this.expression());
        expand = this.eat('...');
        if (!this.eat(',') && !this.peek(')')) throw new ParseError('expected , or )');
      }
      return { kind: 'call', name: fn, args, expand };
    }
    return { kind: 'identifier', name };
  }

  private identifier(): string {
    this.ws();
    const id = this.match(IDENTIFIER);
    if (!id) throw new ParseError('expected identifier');
    this.pos += id[0].length;
    return id[0];
  }

  /** Tuples, objects, and `for` expressions. */
  private collection(open: '[' | '{', close: ']' | '}'): Node {
    this.pos++;
    this.ws();
    if (this.match(FOR_KEYWORD)) return this.forExpression(close);
    if (open === '[') {
      const items: Node[] = [];
      while (!this.eat(']')) {
        items.push(this.expression());
        if (!this.eat(',') && !this.peek(']')) throw new ParseError('expected , or ]');
      }
      return { kind: 'tuple', items };
    }
    const entries: [Node, Node][] = [];
    while (!this.eat('}')) {
      this.ws();
      const bare = this.match(BARE_KEY);
      let key: Node;
      if (bare) {
        key = { kind: 'literal', value: this.identifier() };
      } else key = this.expression();
      if (!this.eat('=') && !this.eat(':')) throw new ParseError('expected = in object');
      entries.push([key, this.expression()]);
      if (!this.eat(',')) this.ws();
    }
    return { kind: 'object', entries };
  }

  /** `for k, v in coll : value if cond ]`, or `: key => value... if cond }`, after the opening bracket. */
  private forExpression(close: ']' | '}'): Node {
    this.pos += 3;
    const first = this.identifier();
    const second = this.eat(',') ? this.identifier() : undefined;
    if (!this.eatKeyword(IN_KEYWORD, 'in')) throw new ParseError('expected in');
    const coll = this.expression();
    this.expect(':');
    let key: Node | undefined;
    let value = this.expression();
    let group = false;
    if (close === '}') {
      this.expect('=>');
      key = value;
      value = this.expression();
      group = this.eat('...');
    }
    const cond = this.eatKeyword(IF_KEYWORD, 'if') ? this.expression() : undefined;
    this.expect(close);
    return {
      kind: 'for',
      keyVar: second === undefined ? undefined : first,
      valueVar: second ?? first,
      collection: coll,
      key,
      value,
      group,
      filter: cond,
    };
  }

  /** Consumes `word` (matched whole by `re`) if it comes next. */
  private eatKeyword(re: RegExp, word: string): boolean {
    this.ws();
    if (!this.match(re)) return false;
    this.pos += word.length;
    return true;
  }
}

/** Traversal-looking words, for expressions we cannot parse or evaluate. */
function lexicalTraversals(text: string): Node[] {
  const out: Node[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9_."-])([A-Za-z_][A-Za-z0-9_-]*)((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)/g)) {
    let node: Node = { kind: 'identifier', name: m[1] };
    for (const part of m[2].slice(1).split('.')) node = { kind: 'attribute', target: node, name: part };
    out.push(node);
  }
  return out;
}

// ------------------------------------------------------------- evaluation

/** Marker for "unknown" during evaluation; converted to {@link Unknown} with the template's text. */
class Pending {
  constructor(readonly refs: Reference[]) {}
}

/** A key a known object or list does not have: an error in Terraform, which `try` and `can` catch. Unknown to everything else. */
class Missing extends Pending {
  static readonly instance = new Missing([]);
}
type Result = Value | Pending;

function flatten(node: Node): { root: string; steps: (string | Node)[] } | undefined {
  const steps: (string | Node)[] = [];
  let x = node;
  for (;;) {
    if (x.kind === 'identifier') {
      steps.reverse();
      // `resource.azuread_user.bg` is `azuread_user.bg` (Terraform 1.4's prefix for a resource type named like a keyword).
      if (x.name === 'resource' && typeof steps[0] === 'string') return { root: steps[0], steps: steps.slice(1) };
      return { root: x.name, steps };
    }
    if (x.kind === 'attribute') steps.push(x.name);
    else if (x.kind === 'index') steps.push(x.key);
    else return undefined;
    x = x.target;
  }
}

/** What a `for` variable holds while the collection is unknown. */
const UNKNOWN_ELEMENT = new Unknown(undefined, []);

class Evaluator {
  constructor(private readonly scope: Scope) {}

  eval(node: Node): Result {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'template':
        return this.template(node.parts);
      case 'tuple':
        return node.items.map((n) => this.element(n, this.eval(n)));
      case 'object': {
        const keys = node.entries.map(([k]) => this.eval(k));
        return this.all(keys, () => {
          const o: ValueObject = {};
          node.entries.forEach(([, v], i) => (o[String(keys[i])] = this.element(v, this.eval(v))));
          return o;
        });
      }
      case 'identifier':
      case 'attribute':
      case 'index':
        return this.traversal(node);
      case 'splat':
        return this.pending(node.target);
      case 'for':
        return this.forExpression(node);
      case 'unary': {
        const operand = this.eval(node.operand);
        if (operand instanceof Pending) return operand;
        return node.operator === '!' ? !operand : -(operand as number);
      }
      case 'conditional': {
        const c = this.eval(node.condition);
        if (c instanceof Pending) return this.merge([c, this.eval(node.whenTrue), this.eval(node.whenFalse)]);
        return c ? this.eval(node.whenTrue) : this.eval(node.whenFalse);
      }
      case 'binary':
        return this.binary(node);
      case 'call':
        return this.call(node);
    }
  }

  private template(parts: (string | Node)[]): Result {
    // `${expr}` alone is the expression's value, a list or map with unknown elements included.
    if (parts.length === 1 && typeof parts[0] !== 'string') return this.eval(parts[0]);
    const vals = parts.map((p) => (typeof p === 'string' ? p : this.eval(p)));
    return this.all(vals, (vs) => vs.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(''));
  }

  private binary(node: Extract<Node, { kind: 'binary' }>): Result {
    const l = this.eval(node.left);
    const r = this.eval(node.right);
    if (node.operator === '&&' && l === false) return false;
    if (node.operator === '||' && l === true) return true;
    return this.all([l, r], ([a, b]) => {
      switch (node.operator) {
        case '==':
          return JSON.stringify(a) === JSON.stringify(b);
        case '!=':
          return JSON.stringify(a) !== JSON.stringify(b);
        case '&&':
          return Boolean(a && b);
        case '||':
          return Boolean(a || b);
        case '<':
          return (a as number) < (b as number);
        case '>':
          return (a as number) > (b as number);
        case '<=':
          return (a as number) <= (b as number);
        case '>=':
          return (a as number) >= (b as number);
        case '+':
          return (a as number) + (b as number);
        case '-':
          return (a as number) - (b as number);
        case '*':
          return (a as number) * (b as number);
        case '/':
          return (a as number) / (b as number);
        default:
          return (a as number) % (b as number);
      }
    });
  }

  private call(node: Extract<Node, { kind: 'call' }>): Result {
    if (node.name === 'try' || node.name === 'can') return this.attempt(node);
    const fn = FUNCTIONS.get(node.name);
    const args = node.args.map((a) => this.eval(a));
    if (!fn) return this.merge(args);
    // merge, concat, keys… read only the shape of their arguments: unknown values inside them pass through.
    const unknown = STRUCTURAL_FUNCTIONS.has(node.name)
      ? (r: Result) => r instanceof Pending || r instanceof Unknown
      : (r: Result) => r instanceof Pending || containsPending(r);
    if (args.some(unknown)) return this.merge(args.map(pendingOf));
    const vs = args as Value[];
    const last = vs[vs.length - 1];
    if (node.expand && !Array.isArray(last)) throw new ParseError(`${node.name}(…...) needs a list to expand`);
    const out = fn(node.expand ? [...vs.slice(0, -1), ...(last as Value[])] : vs);
    if (out === undefined) throw new ParseError(`${node.name} could not be evaluated`);
    if (Array.isArray(out)) spend(out.length);
    else if (isObject(out)) spend(Object.keys(out).length);
    return out;
  }

  private traversal(node: Node): Result {
    const t = flatten(node);
    if (!t) {
      // An index or attribute of a computed value: `split("|", each.key)[0]`, `merge(a, b).x`.
      if (node.kind === 'index') return this.lookup(this.eval(node.target), [this.eval(node.key)]);
      if (node.kind === 'attribute') return this.lookup(this.eval(node.target), [node.name]);
      return this.pending(node);
    }
    const { root, steps } = t;
    const keys = steps.map((s) => (typeof s === 'string' ? s : this.eval(s)));
    const s = this.scope;
    if (s.forVariables?.has(root)) return this.lookup(s.forVariables.get(root), keys);
    const iterator = s.iterators?.get(root);
    if (iterator) return this.lookup(keys[0] === 'key' ? iterator.key : iterator.value, keys.slice(1));
    switch (root) {
      case 'var':
        return this.lookup(s.variable?.(String(keys[0])), keys.slice(1));
      case 'local':
        return this.lookup(s.local?.(String(keys[0])), keys.slice(1));
      case 'each':
        if (!s.each) return new Pending([]);
        return this.lookup(keys[0] === 'key' ? s.each.key : s.each.value, keys.slice(1));
      case 'count':
        return s.countIndex === undefined ? new Pending([]) : s.countIndex;
      default: {
        const instances =
          s.resource && typeof keys[0] === 'string' && !RESERVED_ROOTS.has(root)
            ? s.resource(`${s.modulePrefix ?? ''}${root}.${keys[0]}`)
            : undefined;
        if (instances === undefined || typeof steps[1] === 'string') return new Pending(this.refsOf(node));
        if (keys.length === 1) return instances; // the resource as a whole: length(), keys(), for over it
        const key = keys[1];
        // Which instance a computed key names must be known: an index the reader cannot evaluate is unknown, never a guess.
        // In the instance that stands for all (count.index, each.key unknown) it names one of every instance: all of them.
        if (key instanceof Pending)
          return s.countIndex === undefined && s.each === undefined && readsIteration(steps[1] as Node)
            ? new Pending(this.refsOf(node))
            : new Pending([]);
        const exists =
          typeof key === 'number'
            ? Array.isArray(instances) && Number.isInteger(key) && key >= 0 && key < instances.length
            : typeof key === 'string' && isObject(instances) && Object.hasOwn(instances, key);
        return exists ? new Pending(this.refsOf(node)) : Missing.instance;
      }
    }
  }

  /** Reads a path inside a known value; a missing key or unknown makes the result unknown. */
  private lookup(v: Result | undefined, keys: Result[]): Result {
    let cur: Result | undefined = v;
    for (const k of keys) {
      if (cur instanceof Pending || k instanceof Pending) return this.merge([cur ?? null, k]); // what they read, still read
      if (cur === undefined) return new Pending([]);
      if (cur instanceof Unknown) return new Pending([...cur.references]);
      if (Array.isArray(cur) && typeof k === 'number') cur = cur[k];
      else if (isObject(cur) && (typeof k === 'string' || typeof k === 'number'))
        cur = Object.hasOwn(cur, String(k)) ? cur[String(k)] : undefined;
      else return new Pending([]);
      if (cur === undefined) return Missing.instance;
    }
    if (cur === undefined) return new Pending([]);
    return cur instanceof Unknown ? new Pending([...cur.references]) : cur;
  }

  /** The resource a traversal names, if it names one. */
  refsOf(node: Node): Reference[] {
    const t = flatten(node);
    if (!t) return this.collect(node);
    const prefix = this.scope.modulePrefix ?? '';
    const names: string[] = [];
    let i = 0;
    for (; i < t.steps.length; i++) {
      const st = t.steps[i];
      if (typeof st === 'string') names.push(st);
      else break;
    }
    const attrFrom = (n: number) => names.slice(n).join('.') || undefined;
    if (t.root === 'self' && this.scope.self) return [{ address: this.scope.self, attribute: attrFrom(0) }];
    if (t.root === 'data' && names.length >= 2)
      return [{ address: `${prefix}data.${names[0]}.${names[1]}`, attribute: attrFrom(2) }];
    if (t.root === 'module' && names.length >= 1) {
      // module.team["desk"].id: the instance, and the output it reads.
      if (names.length === 1 && i < t.steps.length) {
        const key = this.eval(t.steps[i] as Node);
        const rest = t.steps.slice(i + 1).filter((x): x is string => typeof x === 'string');
        if (typeof key === 'number' || typeof key === 'string')
          return [
            { address: `${prefix}module.${names[0]}[${JSON.stringify(key)}]`, attribute: rest.join('.') || undefined },
          ];
      }
      return [{ address: `${prefix}module.${names[0]}`, attribute: attrFrom(1) }];
    }
    if (
      RESERVED_ROOTS.has(t.root) ||
      this.scope.iterators?.has(t.root) ||
      this.scope.forVariables?.has(t.root) ||
      names.length < 1
    )
      return [];
    // type.name[key].attr: keep a literal instance key in the address.
    let address = `${prefix}${t.root}.${names[0]}`;
    if (names.length === 1 && i < t.steps.length) {
      const key = this.eval(t.steps[i] as Node);
      if (typeof key === 'number' || typeof key === 'string') address += `[${JSON.stringify(key)}]`;
      const rest = t.steps.slice(i + 1).filter((x): x is string => typeof x === 'string');
      return [{ address, attribute: rest.join('.') || undefined }];
    }
    return [{ address, attribute: attrFrom(1) }];
  }

  /**
   * A `for` expression over a known collection: lists in order, maps in
   * lexical key order, as Terraform iterates them. Over an unknown one it is
   * unknown, and what its body reads still counts as references.
   */
  private forExpression(node: Extract<Node, { kind: 'for' }>): Result {
    const coll = this.eval(node.collection);
    const body = [node.key, node.value, node.filter].filter((n): n is Node => n !== undefined);
    // Unknown: what decided so, and what the body reads, still count as references.
    const unknown = (why: Result, inner: Evaluator) =>
      this.merge([pendingOf(why), ...body.map((n) => pendingOf(inner.eval(n)))]);
    if (coll instanceof Pending) return unknown(coll, this.binding(node, UNKNOWN_ELEMENT, UNKNOWN_ELEMENT));
    let entries: [Value, Value][];
    if (Array.isArray(coll)) entries = coll.map((v, i) => [i, v]);
    else if (isObject(coll))
      entries = Object.keys(coll)
        .sort()
        .map((k) => [k, coll[k]]);
    else throw new ParseError('for expression over a value that is not a collection');
    const keys: Result[] = [];
    const values: Value[] = [];
    spend(entries.length);
    for (const [k, v] of entries) {
      const inner = this.binding(node, k, v);
      if (node.filter) {
        const keep = inner.eval(node.filter);
        if (keep instanceof Pending || keep instanceof Unknown) return unknown(keep, inner);
        if (keep !== true) continue;
      }
      if (node.key) keys.push(inner.eval(node.key));
      values.push(inner.element(node.value, inner.eval(node.value)));
    }
    if (!node.key) return values;
    return this.all(keys, () => {
      const out: ValueObject = {};
      keys.forEach((key, i) => {
        if (typeof key !== 'string' && typeof key !== 'number')
          throw new ParseError('for expression key is not a string');
        const name = String(key);
        if (node.group) out[name] = [...((out[name] as Value[] | undefined) ?? []), values[i]];
        else if (Object.hasOwn(out, name)) throw new ParseError(`duplicate key "${name}" in for expression`);
        else out[name] = values[i];
      });
      return out;
    });
  }

  /**
   * One element of a list or map being built: an unknown element stays one
   * element (Terraform knows a list's length and a map's keys before their
   * values), and is a direct reference when it is exactly one traversal.
   */
  private element(node: Node, r: Result): Value {
    if (!(r instanceof Pending)) return r;
    const refs = dedupe(r.refs);
    return new Unknown(
      undefined,
      refs,
      refs.length === 1 && flatten(node) !== undefined && !isScopedRoot(node, this.scope),
    );
  }

  /**
   * `try(a, b, …)`: the first argument that is not an error (a missing key);
   * `can(a)`: whether it is not. An unknown argument makes either unknown: it
   * might yet be an error.
   */
  private attempt(node: Extract<Node, { kind: 'call' }>): Result {
    const pending: Result[] = [];
    for (const arg of node.args) {
      const r = this.eval(arg);
      if (r instanceof Missing) continue;
      if (r instanceof Pending || pending.length > 0) {
        pending.push(r);
        continue;
      }
      return node.name === 'can' ? true : r;
    }
    if (pending.length > 0) return this.merge(pending.map(pendingOf));
    return node.name === 'can' ? false : Missing.instance;
  }

  /** An evaluator that sees the `for` expression's variables bound to one element. */
  private binding(node: Extract<Node, { kind: 'for' }>, key: Value, value: Value): Evaluator {
    const forVariables = new Map(this.scope.forVariables);
    if (node.keyVar !== undefined) forVariables.set(node.keyVar, key);
    forVariables.set(node.valueVar, value);
    return new Evaluator({ ...this.scope, forVariables });
  }

  private collect(node: Node): Reference[] {
    const out: Reference[] = [];
    const visit = (n: Node): void => {
      if (n.kind === 'identifier' || n.kind === 'attribute' || n.kind === 'index') {
        if (flatten(n)) {
          out.push(...this.refsOf(n));
          if (n.kind === 'index') visit(n.key);
          return;
        }
      }
      for (const child of children(n)) visit(child);
    };
    visit(node);
    return out;
  }

  private pending(node: Node): Pending {
    return new Pending(this.collect(node));
  }

  private merge(results: Result[]): Pending {
    return new Pending(results.flatMap((r) => (r instanceof Pending ? r.refs : [])));
  }

  private all(results: Result[], f: (vs: Value[]) => Result): Result {
    if (results.some((r) => r instanceof Pending || containsPending(r))) return this.merge(results.map(pendingOf));
    return f(results as Value[]);
  }
}

/** A result as pending, with every resource it reads, where any part of it is unknown. */
function pendingOf(r: Result): Result {
  if (r instanceof Pending || !containsPending(r)) return r;
  return new Pending(referencesIn(r));
}

function containsPending(r: Result): boolean {
  if (r instanceof Unknown || isSecret(r)) return true;
  if (Array.isArray(r)) return r.some(containsPending);
  if (isObject(r)) return Object.values(r).some(containsPending);
  return false;
}

/** Whether an expression reads `count.index` or `each`. */
function readsIteration(n: Node): boolean {
  if (n.kind === 'identifier') return n.name === 'count' || n.name === 'each';
  return children(n).some(readsIteration);
}

function children(n: Node): Node[] {
  switch (n.kind) {
    case 'template':
      return n.parts.filter((p): p is Node => typeof p !== 'string');
    case 'attribute':
    case 'splat':
      return [n.target];
    case 'unary':
      return [n.operand];
    case 'index':
      return [n.target, n.key];
    case 'call':
      return n.args;
    case 'tuple':
      return n.items;
    case 'object':
      return n.entries.flat();
    case 'binary':
      return [n.left, n.right];
    case 'conditional':
      return [n.condition, n.whenTrue, n.whenFalse];
    case 'for':
      return [n.collection];
    default:
      return [];
  }
}

// -------------------------------------------------------------- functions

const str = (v: Value): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Pure functions evaluated over literals. Returning undefined means "cannot
 * evaluate". A Map, not an object: a name from the input (`toString`,
 * `constructor`) must not find the prototype's.
 */
const FUNCTIONS = new Map<string, (a: Value[]) => Value | undefined>(
  Object.entries({
    // Marked sensitive, the value is Terraform's alone; unmarked, it is the value.
    sensitive: () => Secret.instance,
    nonsensitive: ([v]) => (isSecret(v) ? undefined : v),
    jsonencode: ([v]) => JSON.stringify(v),
    jsondecode: ([v]) => (typeof v === 'string' ? (JSON.parse(v) as Value) : undefined),
    lower: ([v]) => asString(v)?.toLowerCase(),
    upper: ([v]) => asString(v)?.toUpperCase(),
    format: ([f, ...rest]) => formatOf(f, rest),
    concat: (lists) => (lists.every(Array.isArray) ? (lists as Value[][]).flat() : undefined),
    merge: (objs) => (objs.every((o) => isObject(o) || o === null) ? Object.assign({}, ...objs) : undefined),
    toset: ([v]) => (Array.isArray(v) ? setOrder(distinctValues(v)) : undefined),
    tolist: ([v]) => (Array.isArray(v) ? v : undefined),
    tomap: ([v]) => (isObject(v) ? v : undefined),
    lookup: ([m, k, d]) => (isObject(m) && typeof k === 'string' ? (m[k] ?? d) : undefined),
    join: ([sep, list]) => (typeof sep === 'string' && Array.isArray(list) ? list.map(str).join(sep) : undefined),
    length: ([v]) =>
      Array.isArray(v) ? v.length : isObject(v) ? Object.keys(v).length : typeof v === 'string' ? v.length : undefined,
    keys: ([v]) => (isObject(v) ? Object.keys(v).sort() : undefined),
    values: ([v]) =>
      isObject(v)
        ? Object.keys(v)
            .sort()
            .map((k) => v[k])
        : undefined,
    tostring: ([v]) => (typeof v === 'object' ? undefined : str(v)),
    tonumber: ([v]) =>
      typeof v === 'number'
        ? v
        : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
          ? Number(v)
          : undefined,
    tobool: ([v]) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined),
    flatten: ([v]) => (Array.isArray(v) ? flattenList(v) : undefined),
    distinct: ([v]) => (Array.isArray(v) ? distinctValues(v) : undefined),
    contains: ([list, v]) =>
      Array.isArray(list) ? list.some((e) => JSON.stringify(e) === JSON.stringify(v)) : undefined,
    element: ([list, i]) =>
      Array.isArray(list) && list.length > 0 && typeof i === 'number' ? list[Math.floor(i) % list.length] : undefined,
    one: ([list]) => (Array.isArray(list) && list.length <= 1 ? (list[0] ?? null) : undefined),
    coalesce: (vs) => vs.find((v) => v !== null && v !== ''),
    compact: ([list]) =>
      Array.isArray(list) && list.every((e) => typeof e === 'string' || e === null)
        ? list.filter((e) => e !== null && e !== '')
        : undefined,
    split: ([sep, s]) => (typeof sep === 'string' && asString(s) !== undefined ? asString(s)!.split(sep) : undefined),
    // Terraform reads a /…/ pattern as a regular expression: left unknown rather than guessed.
    replace: ([s, from, to]) =>
      typeof s === 'string' && typeof from === 'string' && typeof to === 'string' && !/^\/.*\/$/.test(from)
        ? s.split(from).join(to)
        : undefined,
    trimspace: ([s]) => (typeof s === 'string' ? s.trim() : undefined),
    startswith: ([s, p]) => (typeof s === 'string' && typeof p === 'string' ? s.startsWith(p) : undefined),
    endswith: ([s, p]) => (typeof s === 'string' && typeof p === 'string' ? s.endsWith(p) : undefined),
    sort: ([list]) =>
      Array.isArray(list) && list.every((e) => typeof e === 'string') ? [...(list as string[])].sort() : undefined,
    slice: ([list, from, to]) =>
      Array.isArray(list) && isIndex(from) && isIndex(to) && from <= to && to <= list.length
        ? list.slice(from, to)
        : undefined,
    trimprefix: ([s, p]) =>
      typeof s === 'string' && typeof p === 'string'
        ? p !== '' && s.startsWith(p)
          ? s.slice(p.length)
          : s
        : undefined,
    trimsuffix: ([s, p]) =>
      typeof s === 'string' && typeof p === 'string'
        ? p !== '' && s.endsWith(p)
          ? s.slice(0, s.length - p.length)
          : s
        : undefined,
    reverse: ([list]) => (Array.isArray(list) ? [...list].reverse() : undefined),
    range: (args) => rangeOf(args),
    min: (ns) => (ns.length > 0 && ns.every((n) => typeof n === 'number') ? Math.min(...(ns as number[])) : undefined),
    max: (ns) => (ns.length > 0 && ns.every((n) => typeof n === 'number') ? Math.max(...(ns as number[])) : undefined),
    abs: ([n]) => (typeof n === 'number' ? Math.abs(n) : undefined),
    floor: ([n]) => (typeof n === 'number' ? Math.floor(n) : undefined),
    ceil: ([n]) => (typeof n === 'number' ? Math.ceil(n) : undefined),
    alltrue: ([list]) =>
      Array.isArray(list) && list.every((e) => typeof e === 'boolean') ? list.every((e) => e === true) : undefined,
    anytrue: ([list]) =>
      Array.isArray(list) && list.every((e) => typeof e === 'boolean') ? list.some((e) => e === true) : undefined,
    zipmap: ([ks, vs]) =>
      Array.isArray(ks) && Array.isArray(vs) && ks.length === vs.length && ks.every((k) => typeof k === 'string')
        ? Object.fromEntries(ks.map((k, i) => [k as string, vs[i]]))
        : undefined,
  } satisfies Record<string, (a: Value[]) => Value | undefined>),
);

/** A string argument as Terraform converts it: numbers and booleans become their text; nothing else does. */
function asString(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

/**
 * `format` with the verbs whose output is certain: `%s` (a string, number or
 * boolean), `%d` (a whole number) and `%%`, with a width and the `-`, `0` and
 * (for `%d`) `+` flags, as Terraform pads them (checked against terraform
 * console). A precision, another flag or another verb is left unknown rather
 * than approximated.
 */
function formatOf(f: Value, args: Value[]): Value | undefined {
  if (typeof f !== 'string') return undefined;
  let i = 0;
  let certain = true;
  const out = f.replace(
    /%([-+0 #]*)(\d*)(\.\d*)?([a-zA-Z%])/g,
    (_m, flags: string, width: string, precision: string | undefined, verb: string) => {
      if (verb === '%' && !flags && !width && precision === undefined) return '%';
      const v = args[i++];
      let text: string | undefined;
      if (precision !== undefined || /[ #]/.test(flags)) text = undefined;
      else if (verb === 's' && !flags.includes('+')) text = asString(v);
      else if (verb === 'd' && typeof v === 'number' && Number.isInteger(v))
        text = (flags.includes('+') && v >= 0 ? '+' : '') + String(v);
      if (text === undefined) {
        certain = false;
        return '';
      }
      return pad(text, Number(width || 0), flags.includes('-') ? 'right' : flags.includes('0') ? 'zeros' : 'left');
    },
  );
  return certain && i === args.length ? out : undefined;
}

/** Pads to `width` characters: spaces after (`-`), zeros before (after a sign), or spaces before. */
function pad(text: string, width: number, how: 'left' | 'right' | 'zeros'): string {
  const missing = width - [...text].length;
  if (missing <= 0) return text;
  if (how === 'right') return text + ' '.repeat(missing);
  if (how === 'left') return ' '.repeat(missing) + text;
  const sign = /^[+-]/.test(text) ? text[0] : '';
  return sign + '0'.repeat(missing) + text.slice(sign.length);
}

const isIndex = (v: Value): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** `range(end)`, `range(start, end)`, `range(start, end, step)`: a list it would be too costly to build is left unknown. */
function rangeOf(args: Value[]): Value | undefined {
  if (args.length < 1 || args.length > 3 || !args.every((a) => typeof a === 'number')) return undefined;
  const [start, end, step] =
    args.length === 1
      ? [0, args[0] as number, 1]
      : [
          args[0] as number,
          args[1] as number,
          (args[2] as number | undefined) ?? ((args[0] as number) <= (args[1] as number) ? 1 : -1),
        ];
  if (step === 0 || !Number.isFinite(start) || !Number.isFinite(end) || (end - start) / step > MAX_WORK)
    return undefined;
  const out: number[] = [];
  for (let v = start; step > 0 ? v < end : v > end; v += step) out.push(v);
  return out;
}

/** Each value once, where it first appears. */
function distinctValues(list: readonly Value[]): Value[] {
  return [...new Map(list.map((e) => [JSON.stringify(e), e])).values()];
}

/** Terraform keeps a set of strings in lexical order and one of numbers in numeric order. */
function setOrder(values: Value[]): Value[] {
  if (values.every((e) => typeof e === 'string')) return (values as string[]).sort();
  if (values.every((e) => typeof e === 'number')) return (values as number[]).sort((a, b) => a - b);
  return values;
}

function flattenList(list: readonly Value[]): Value[] {
  return list.flatMap((e) => (Array.isArray(e) ? flattenList(e) : [e]));
}

/** Functions of a collection's shape, not of its values: unknown values inside their arguments pass through. */
const STRUCTURAL_FUNCTIONS = new Set([
  'merge',
  'concat',
  'tolist',
  'tomap',
  'keys',
  'length',
  'lookup',
  'values',
  'element',
  'one',
  'zipmap',
]);

// ----------------------------------------------------------------- public

const TEMPLATE_MARK = /\$\{|%\{|\$\$\{|%%\{/;
/** `${type.name}` or `${type.name.attr.path}`: one traversal of plain names. */
const PLAIN_REFERENCE =
  /^\$\{([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\.((?:[A-Za-z_][A-Za-z0-9_-]*)(?:\.[A-Za-z_][A-Za-z0-9_-]*)*))?\}$/;

/**
 * Evaluates a Terraform JSON string (a template). Plain strings come back as
 * they are; `${...}` is evaluated in `scope`.
 */
export function evaluateTemplate(text: string, scope: Scope): Value {
  if (text.indexOf('{') === -1 || !TEMPLATE_MARK.test(text)) return text;
  if (depth === 0) work = MAX_WORK;
  // Locals that read locals nest evaluations: past a depth no real configuration reaches, unknown.
  if (depth >= MAX_DEPTH) return new Unknown(text, fallbackReferences(text, scope));
  depth++;
  try {
    return evaluateTemplateNow(text, scope);
  } finally {
    depth--;
  }
}

/**
 * Bounds on what one expression may cost, hostile input in mind: the
 * elements its functions and `for` expressions produce, all nested
 * evaluations (locals) included, and how deep locals may nest. Past either
 * the expression is unknown — and the resource, through its unknown value,
 * goes into the static-limits notice. Terraform has no such bound, but no real
 * configuration comes near: 250,000 elements is a for_each over every user of
 * a very large tenant, twice.
 */
export const MAX_WORK = 250_000;
const MAX_DEPTH = 100;
let work = MAX_WORK;
let depth = 0;

/** Counts `n` elements produced against the expression's budget. */
function spend(n: number): void {
  work -= n;
  if (work < 0) throw new ParseError('expression too large to evaluate');
}

function evaluateTemplateNow(text: string, scope: Scope): Value {
  const cache = scope.iterators ? undefined : scope.plainReferences; // an iterator can shadow a resource type
  const cached = cache?.get(text);
  if (cached !== undefined) return cached;
  const plain = PLAIN_REFERENCE.exec(text);
  if (plain && !RESERVED_ROOTS.has(plain[1]) && !scope.iterators?.has(plain[1])) {
    // The common case by far (`${okta_group.a.id}`): no parser needed.
    // A slice of the text rather than a concatenation: it is hashed for every lookup without first being copied flat.
    const inText = text.slice(2, 3 + plain[1].length + plain[2].length);
    const address = scope.modulePrefix ? scope.modulePrefix + inText : inText;
    const reference = new Unknown(text, [plain[3] ? { address, attribute: plain[3] } : { address }], true);
    cache?.set(text, reference);
    return reference;
  }
  let node: Node;
  try {
    const parser = new Parser(text);
    node = parser.template(null);
  } catch {
    return new Unknown(text, fallbackReferences(text, scope));
  }
  const ev = new Evaluator(scope);
  let result: Result;
  try {
    result = ev.eval(node);
  } catch {
    result = new Pending(ev.refsOf(node));
  }
  if (!(result instanceof Pending)) return result;
  const single =
    node.kind === 'template' && node.parts.length === 1 && typeof node.parts[0] !== 'string'
      ? node.parts[0]
      : undefined;
  const direct =
    single !== undefined && flatten(single) !== undefined && result.refs.length === 1 && !isScopedRoot(single, scope);
  return new Unknown(text, dedupe(result.refs), direct);
}

/**
 * Recognises the plan-time expiry idiom `timecmp(plantimestamp(), X) < 0`
 * (or `timecmp(X, plantimestamp()) > 0`) and evaluates X. Undefined when the
 * condition has another shape.
 */
export function planTimeDeadline(condition: string, scope: Scope): Value | undefined {
  let node: Node;
  try {
    const p = new Parser(condition.replace(/^\$\{([\s\S]*)\}$/, '$1'));
    node = p.expression();
  } catch {
    return undefined;
  }
  if (
    node.kind !== 'binary' ||
    node.left.kind !== 'call' ||
    node.left.name !== 'timecmp' ||
    node.right.kind !== 'literal' ||
    node.right.value !== 0
  )
    return undefined;
  const [a, b] = node.left.args;
  const isNow = (n: Node | undefined) => n?.kind === 'call' && n.name === 'plantimestamp';
  const other = node.operator === '<' && isNow(a) ? b : node.operator === '>' && isNow(b) ? a : undefined;
  if (!other) return undefined;
  const ev = new Evaluator(scope);
  const r = ev.eval(other);
  if (!(r instanceof Pending)) return r;
  const refs = dedupe(r.refs);
  return new Unknown(condition, refs, flatten(other) !== undefined && refs.length === 1);
}

function isScopedRoot(node: Node, scope: Scope): boolean {
  const t = flatten(node);
  return (
    t !== undefined &&
    (['var', 'local', 'each', 'count', 'path', 'terraform'].includes(t.root) ||
      scope.iterators?.has(t.root) === true ||
      scope.forVariables?.has(t.root) === true)
  );
}

function fallbackReferences(text: string, scope: Scope): Reference[] {
  const ev = new Evaluator(scope);
  return dedupe(lexicalTraversals(text).flatMap((n) => ev.refsOf(n)));
}

function dedupe(refs: Reference[]): Reference[] {
  const seen = new Map<string, Reference>();
  for (const r of refs) seen.set(`${r.address}|${r.attribute ?? ''}`, r);
  return [...seen.values()];
}
