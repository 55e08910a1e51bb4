/** Every document the README and docs/ point to is in the repository: relative links resolve, and nothing names a file the repository does not hold. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const pages = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...readdirSync('docs/rules').map((f) => `docs/rules/${f}`),
];

it.each(pages)('%s: every relative link resolves, and no reference to a document outside the repository', (page) => {
  const text = readFileSync(page, 'utf8');
  const broken = [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
    .map((m) => m[1])
    .filter((target) => !/^[a-z]+:/.test(target) && !existsSync(path.join(path.dirname(page), target)));
  expect(broken).toEqual([]);
  expect(text).not.toMatch(/RULES\.md/);
});
