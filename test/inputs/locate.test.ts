/** Line numbers for findings, in indented files and in files written on one line (as `terraform show -json` writes plans). */
import { PlanAddressIndex, createLocator } from '../../policies/inputs/locate';
import type { Resource } from '../../policies/model/resource';

const resource = (type: string, name: string, file = 'x.tf.json'): Resource => ({
  address: `${type}.${name}`,
  baseAddress: `${type}.${name}`,
  mode: 'managed',
  type,
  name,
  values: {},
  references: new Map(),
  conditions: [],
  source: { file },
});

const config = {
  resource: {
    okta_group: { a: { name: 'A' }, b: { name: 'B "quoted" \\ name' } },
    okta_user: { u: { login: 'u@example.com', profile: { b: 1 } } },
  },
};

describe('Terraform JSON', () => {
  it('finds the line of each resource in an indented file', () => {
    const text = JSON.stringify(config, null, 2);
    const line = createLocator('json', () => text);
    const lineOf = (key: string) => text.split('\n').findIndex((l) => l.includes(`"${key}": {`)) + 1;
    expect(line(resource('okta_group', 'a'))).toBe(lineOf('a'));
    expect(line(resource('okta_group', 'b'))).toBe(lineOf('b'));
    expect(line(resource('okta_user', 'u'))).toBe(lineOf('u'));
    expect(line(resource('okta_user', 'missing'))).toBeUndefined();
  });

  it('puts every resource of a one-line file on line 1, and does not mistake a nested key for a resource', () => {
    const line = createLocator('json', () => JSON.stringify(config));
    expect([
      line(resource('okta_group', 'a')),
      line(resource('okta_group', 'b')),
      line(resource('okta_user', 'u')),
    ]).toEqual([1, 1, 1]);
    expect(line(resource('okta_user', 'b'))).toBeUndefined(); // "b" under okta_user.u.profile is an attribute
  });
});

describe('plans', () => {
  const plan = {
    format_version: '1.2',
    resource_changes: [{ address: 'okta_group.a' }, { address: 'module.m.okta_user.u["x"]' }],
    planned_values: { root_module: { resources: [{ address: 'okta_group.a' }] } },
  };

  it('keeps the first line each address appears on', () => {
    const text = JSON.stringify(plan, null, 2);
    const index = new PlanAddressIndex(text);
    expect(index.get('okta_group.a')).toBe(text.split('\n').findIndex((l) => l.includes('"okta_group.a"')) + 1);
    expect(index.get('module.m.okta_user.u["x"]')).toBe(
      text.split('\n').findIndex((l) => l.includes('okta_user.u')) + 1,
    );
  });

  it('puts every resource of a plan written on one line on line 1', () => {
    const index = new PlanAddressIndex(JSON.stringify(plan));
    expect([index.get('module.m.okta_user.u["x"]'), index.get('okta_group.a')]).toEqual([1, 1]);
  });

  it('reads a plan that ends with a newline, as `terraform show -json` prints it, as one line without scanning it', () => {
    const indexOf = jest.spyOn(String.prototype, 'indexOf');
    try {
      const index = new PlanAddressIndex(`${JSON.stringify(plan)}\n`);
      expect([index.get('module.m.okta_user.u["x"]'), index.get('okta_group.a')]).toEqual([1, 1]);
      expect(indexOf.mock.calls.filter(([search]) => search === '"address"')).toHaveLength(0);
    } finally {
      indexOf.mockRestore();
    }
  });

  it('skips "address" where it is a value or holds no string', () => {
    const text = JSON.stringify({ variables: { v: { value: 'address' } }, other: { address: 7 }, ...plan }, null, 2);
    const index = new PlanAddressIndex(text);
    expect(index.get('okta_group.a')).toBe(text.split('\n').findIndex((l) => l.includes('"okta_group.a"')) + 1);
    expect(index.get('nothing')).toBeUndefined();
  });

  it('looks for newlines once per newline, not once per resource', () => {
    const many = { resource_changes: Array.from({ length: 1000 }, (_, i) => ({ address: `okta_user.u${i}` })) };
    const text = JSON.stringify(many).replace('{', '{\n'); // one newline at the start, then one long line
    const indexOf = jest.spyOn(String.prototype, 'indexOf');
    try {
      const index = new PlanAddressIndex(text);
      expect([index.get('okta_user.u0'), index.get('okta_user.u999'), index.get('okta_user.u1000')]).toEqual([
        2,
        2,
        undefined,
      ]);
      expect(indexOf.mock.calls.filter(([search]) => search === '\n').length).toBeLessThan(5);
    } finally {
      indexOf.mockRestore();
    }
  });
});
