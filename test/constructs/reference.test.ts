/** docs/constructs.md names every construct the package exports, so the reference cannot drift. */
import { readFileSync } from 'node:fs';
import { Construct } from 'constructs';
import * as exported from '../../constructs';

it('every exported construct class has a section in docs/constructs.md', () => {
  const doc = readFileSync('docs/constructs.md', 'utf8');
  const classes = Object.entries(exported)
    .filter(([, v]) => typeof v === 'function' && v.prototype instanceof Construct)
    .map(([name]) => name);
  expect(classes.length).toBeGreaterThan(10);
  for (const name of [...classes, 'RecoveryGuidance']) expect(doc).toMatch(new RegExp(`^### .*\\b${name}\\b`, 'm'));
});
