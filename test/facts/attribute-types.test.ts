/** The attribute types the reader converts with are the bindings' own, for every resource type a rule reads. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateAttributeTypes, renderAttributeTypes } from '../support/attribute-types';

const FACTS = 'policies/facts/attribute-types.ts';

/** The resource types the checker names anywhere in policies/, with the extra ones it reads beyond the bindings. */
function typesTheRulesRead(): Set<string> {
  const types = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith('.ts') && path.join(dir, e.name) !== FACTS)
        for (const m of readFileSync(path.join(dir, e.name), 'utf8').matchAll(/\b(?:okta|azuread)_[a-z_]+/g))
          types.add(m[0]);
    }
  };
  walk('policies');
  return types;
}

describe('attribute types', () => {
  it('policies/facts/attribute-types.ts is what the bindings say', () => {
    const generated = renderAttributeTypes(
      generateAttributeTypes(['@cdktf/provider-okta', '@cdktf/provider-azuread'], typesTheRulesRead()),
    );
    if (process.env.RG_WRITE_FACTS === '1') writeFileSync(FACTS, generated);
    expect(readFileSync(FACTS, 'utf8')).toBe(generated);
  });
});
