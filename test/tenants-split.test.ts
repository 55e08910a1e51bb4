/**
 * A tenant split over several roots, as platform teams keep it: identity,
 * policies and logging, each a directory of its own that looks up what the
 * others manage (a data source by display name). Named as one tenant in
 * recovery-gate.json `tenants`, the three give exactly the findings of the
 * same tenant as one directory; each alone, as the child module it then is,
 * gives no finding about what it does not manage, and says so in a notice.
 */
import * as path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from './support/memory-io';
import { writePlan } from './support/plan-writer';
import { inDirectory } from './support/stacks';

const NOW = ['--now', '2026-11-26T12:00:00Z'];
type Body = Record<string, Record<string, Record<string, unknown>>>;

const PART_OF: [string, RegExp][] = [
  ['policies', /^(azuread_conditional_access_policy|msgraph_update_resource)$/],
  ['logging', /^azurerm_monitor_/],
  ['identity', /./],
];

/** The one-directory tenant split in three roots; references across them become data sources that look the object up by name. */
function split(fixture: string, withProviders: boolean): Record<string, string> {
  const whole = JSON.parse(readFileSync(`test/fixtures/tenants/${fixture}`, 'utf8')) as Body;
  const roots: Record<string, Body> = {
    identity: { resource: {} },
    policies: { resource: {} },
    logging: { resource: {} },
  };
  const home = new Map<string, string>();
  for (const [type, byName] of Object.entries(whole.resource)) {
    const part = PART_OF.find(([, pattern]) => pattern.test(type))![0];
    for (const [name, body] of Object.entries(byName)) {
      ((roots[part].resource[type] ??= {}) as Record<string, unknown>)[name] = body;
      home.set(`${type}.${name}`, part);
    }
  }
  for (const [part, root] of Object.entries(roots)) {
    const data: Record<string, Record<string, unknown>> = {};
    const rewritten = JSON.stringify(root.resource).replace(
      /\$\{(azuread_(?:group|user))\.([a-z0-9_]+)\.([a-z_]+)\}/g,
      (reference, type: string, name: string, attribute: string) => {
        if (home.get(`${type}.${name}`) === part) return reference;
        const by = type === 'azuread_group' ? 'display_name' : 'user_principal_name';
        (data[type] ??= {})[name] = { [by]: (whole.resource[type][name] as Record<string, unknown>)[by] };
        return `\${data.${type}.${name}.${attribute}}`;
      },
    );
    root.resource = JSON.parse(rewritten) as Body['resource'];
    if (Object.keys(data).length > 0) root.data = data as Body['data'];
    if (withProviders) root.provider = { azuread: [{}] } as unknown as Body['provider'];
  }
  return Object.fromEntries(
    Object.entries(roots).map(([part, body]) => [`${part}/main.tf.json`, JSON.stringify(body, null, 2)]),
  );
}

type Json = {
  findings: { ruleId: string; messageId: string; resource: string | null; file: string }[];
  notices: { stack: string; resources: string[]; message: string }[];
};

async function check(args: string[]): Promise<Json> {
  const r = await runCli(['check', ...args, ...NOW, '--format', 'json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Json;
}

const keys = (doc: Json) => doc.findings.map((f) => `${f.ruleId} ${f.messageId} ${f.resource}`).sort();

describe('a tenant split over three roots', () => {
  it.each(['contoso-entra-defects.tf.json', 'acme-entra.cdk.tf.json'])(
    '%s: joined in "tenants", the findings of the same tenant as one directory',
    async (fixture) => {
      const whole = keys(await check([`test/fixtures/tenants/${fixture}`]));
      await inDirectory({ ...split(fixture, true), 'recovery-gate.json': '{}' }, async (dir) => {
        const parts = ['identity', 'policies', 'logging'].map((p) => path.join(dir, p));
        const config = path.join(dir, 'recovery-gate.json');
        writeFileSync(config, JSON.stringify({ tenants: [{ name: 'contoso', paths: parts }] }));
        const joined = await check([...parts, '--config', config]);
        expect(keys(joined)).toEqual(whole);
        // Each finding still points at the file its resource came from.
        for (const f of joined.findings.filter((x) => x.resource !== null))
          expect(f.file).toMatch(/(identity|policies|logging)\/main\.tf\.json$/);
      });
    },
  );

  it('each root alone, as the child module it is without a provider, gives no absence finding, and a notice of what it leaves to its caller', async () => {
    await inDirectory(split('contoso-entra-defects.tf.json', false), async (dir) => {
      for (const part of ['identity', 'policies', 'logging']) {
        const doc = await check([path.join(dir, part)]);
        expect(doc.findings.filter((f) => f.resource === null)).toEqual([]);
        // Logging alone holds no Okta or Entra ID resource, so no control of theirs is missing from it.
        if (part !== 'logging')
          expect(doc.notices.find((n) => n.message.includes('is a child module'))?.resources.length).toBeGreaterThan(0);
      }
      // And --scope tenant checks one as a whole tenant all the same.
      const forced = await check([path.join(dir, 'policies'), '--scope', 'tenant']);
      expect(forced.findings.filter((f) => f.resource === null).length).toBeGreaterThan(0);
    });
  });

  it('without "tenants", three roots are three tenants, each lacking what the others hold', async () => {
    await inDirectory(split('contoso-entra-defects.tf.json', true), async (dir) => {
      const doc = await check(['identity', 'policies', 'logging'].map((p) => path.join(dir, p)));
      expect(doc.findings.some((f) => f.ruleId === 'RG-16' && f.resource === null)).toBe(true); // identity has no log export of its own
    });
  });
});

describe('what was checked', () => {
  it('a configuration without any Okta or Entra resource says so, and the text report says what was checked as what', async () => {
    await inDirectory(
      { 'main.tf': 'provider "aws" {}\nresource "aws_s3_bucket" "b" {\n  bucket = "logs"\n}\n' },
      async (dir) => {
        const doc = await check([dir]);
        expect(doc.notices.map((n) => n.message)).toContainEqual(
          expect.stringContaining('holds no Okta or Entra ID resource'),
        );
        const text = await runCli(['check', dir, ...NOW]);
        expect(text.stdout).toContain(`Checked 1 resource in 1 stack: ${path.basename(dir)} as a whole tenant.`);
      },
    );
  });
});

describe('the same tenant split over three plans', () => {
  it('joined in "tenants", the findings of the tenant planned as one', async () => {
    const fixture = 'contoso-entra-defects.tf.json';
    const planOf = (root: Record<string, unknown>) => JSON.stringify(writePlan({ root }));
    const roots = split(fixture, true);
    await inDirectory(
      {
        'whole.json': planOf(
          JSON.parse(readFileSync(`test/fixtures/tenants/${fixture}`, 'utf8')) as Record<string, unknown>,
        ),
        ...Object.fromEntries(
          Object.entries(roots).map(([file, text]) => [
            `${file.split('/')[0]}.json`,
            planOf(JSON.parse(text) as Record<string, unknown>),
          ]),
        ),
      },
      async (dir) => {
        const whole = keys(await check([path.join(dir, 'whole.json')]));
        const parts = ['identity', 'policies', 'logging'].map((p) => path.join(dir, `${p}.json`));
        const config = path.join(dir, 'recovery-gate.json');
        writeFileSync(config, JSON.stringify({ tenants: [{ name: 'contoso', paths: parts }] }));
        expect(keys(await check([...parts, '--config', config]))).toEqual(whole);
        expect(whole.length).toBeGreaterThan(5);
      },
    );
  });
});
