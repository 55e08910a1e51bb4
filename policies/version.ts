import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const HOME = 'https://github.com/recovery-gate/recovery-gate';

/** The package's directory (where docs/ and schema/ are), from source or from dist. */
export const PACKAGE_ROOT: string = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      if (
        (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'recovery-gate'
      )
        return dir;
    } catch {
      // keep walking
    }
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..');
  }
})();

/** The package's name, version and documentation home, read from its package.json (defaults when none is found). */
export const TOOL: { readonly name: string; readonly version: string; readonly docs: string } = (() => {
  try {
    const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
      name?: string;
      version?: string;
      homepage?: string;
    };
    if (pkg.name === 'recovery-gate')
      return { name: pkg.name, version: pkg.version ?? '0.0.0', docs: docsOf(pkg.homepage ?? HOME) };
  } catch {
    // no package.json where the package should be: the defaults below
  }
  return { name: 'recovery-gate', version: '0.0.0', docs: docsOf(HOME) };
})();

/** `https://github.com/o/r#readme` → `https://github.com/o/r/blob/main`: where README.md and docs/ are read in a browser. */
function docsOf(homepage: string): string {
  return `${homepage.replace(/#.*$/, '').replace(/\/$/, '')}/blob/main`;
}

/** Where a rule's page is in the package (`docs/rules/RG-01.md`). */
export function rulePath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

/** The absolute address of a rule's page: links in pull-request comments and SARIF must work away from the repository. */
export function rulePage(ruleId: string): string {
  return `${TOOL.docs}/${rulePath(ruleId)}`;
}
