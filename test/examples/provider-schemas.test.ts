/**
 * The example tenants as they would be applied: every resource and data
 * source is valid for its provider's schema (the bindings', or the documented
 * one for providers without a binding here), and every Graph body has the
 * documented shape on an API version that has it.
 */
import { Testing } from 'cdktf';
import { ACME } from '../../stacks/company';
import { EntraTenantStack } from '../../stacks/entra-tenant';
import { OktaOrgStack } from '../../stacks/okta-org';
import { BindingSchema, bindingSchema, schemaErrors } from '../support/binding-schema';
import { DOCUMENTED_SCHEMAS, GRAPH_SHAPES, REQUIRED_ON_CREATE } from '../support/documented-schemas';

type Body = Record<string, unknown>;
type Doc = { resource?: Record<string, Record<string, Body>>; data?: Record<string, Record<string, Body>> };

function synthesize(make: (app: ReturnType<typeof Testing.app>) => unknown): Doc {
  const app = Testing.app();
  const stack = make(app) as Parameters<typeof Testing.synth>[0];
  return JSON.parse(Testing.synth(stack)) as Doc;
}

const TENANTS: [string, Doc][] = [
  ['acme-okta', synthesize((app) => new OktaOrgStack(app, 'acme-okta', ACME))],
  ['acme-entra', synthesize((app) => new EntraTenantStack(app, 'acme-entra', ACME))],
];

/** Every problem the schemas find in a synthesized stack. */
function problems(doc: Doc): string[] {
  const out: string[] = [];
  const blocks: [string, Record<string, Record<string, Body>> | undefined][] = [['', doc.resource], ['data.', doc.data]];
  for (const [prefix, byType] of blocks) {
    for (const [type, byName] of Object.entries(byType ?? {})) {
      const schema: BindingSchema | undefined = bindingSchema(`${prefix}${type}`) ?? (prefix ? undefined : DOCUMENTED_SCHEMAS[type]);
      for (const [name, body] of Object.entries(byName)) {
        const where = `${prefix}${type}.${name}`;
        if (!schema) {
          out.push(`${where}: no schema to check it against`);
          continue;
        }
        out.push(...schemaErrors(body, schema, where));
        if (!prefix) for (const r of REQUIRED_ON_CREATE[type] ?? []) if (!(r in body)) out.push(`${where}.${r}: the provider refuses to create one without it`);
        if (type === 'msgraph_update_resource') out.push(...graphProblems(body, where));
      }
    }
  }
  return out;
}

function graphProblems(r: Body, where: string): string[] {
  const url = String(r.url).replace(/^\//, '');
  const shape = GRAPH_SHAPES[url];
  if (!shape) return [`${where}: no documented Graph shape for ${url}`];
  const version = (r.api_version as 'v1.0' | 'beta' | undefined) ?? 'v1.0';
  const body = r.body as Body;
  return [
    ...(shape.versions.includes(version) ? [] : [`${where}: ${url} has this shape on ${shape.versions.join(', ')} only, not ${version} (${shape.docs})`]),
    ...Object.keys(body).filter((k) => !shape.properties.has(k)).map((k) => `${where}.body.${k}: not a documented property (${shape.docs})`),
    ...(shape.check?.(body) ?? []).map((p) => `${where}.body: ${p} (${shape.docs})`),
  ];
}

describe('the example tenants, as the providers would apply them', () => {
  it.each(TENANTS)('%s: every resource and data source is valid for its provider\'s schema, every Graph body for its documented shape', (_name, doc) => {
    expect(problems(doc)).toEqual([]);
  });

  it('would refuse a missing required argument, an argument the provider lacks, a user without a password, a beta-only body on v1.0, and a default pass lifetime outside minimum…maximum', () => {
    const [, entra] = TENANTS[1];
    const broken = JSON.parse(JSON.stringify(entra)) as Required<Doc>;
    const first = (type: string) => Object.values(broken.resource[type])[0];
    delete first('azuread_conditional_access_policy').display_name;
    first('azuread_group').owner_ids = ['x'];
    delete first('azuread_user').password;
    const updates = Object.values(broken.resource.msgraph_update_resource);
    delete updates.find((u) => u.url === 'policies/authenticationMethodsPolicy')!.api_version;
    (updates.find((u) => String(u.url).endsWith('TemporaryAccessPass'))!.body as Body).defaultLifetimeInMinutes = 5;
    const found = problems(broken).join('\n');
    expect(found).toMatch(/azuread_conditional_access_policy\.\w+\.display_name: required/);
    expect(found).toMatch(/azuread_group\.\w+\.owner_ids: not an argument/);
    expect(found).toMatch(/azuread_user\.\w+\.password: the provider refuses to create one without it/);
    expect(found).toMatch(/on beta only, not v1\.0/);
    expect(found).toMatch(/defaultLifetimeInMinutes 5 is outside 10–43200/);
  });
});
