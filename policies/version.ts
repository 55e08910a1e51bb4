import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The package's name and version, found by walking up from this file (source or dist). */
export const TOOL: { readonly name: string; readonly version: string } = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'recovery-gate') return { name: pkg.name, version: pkg.version ?? '0.0.0' };
    } catch {
      // keep walking
    }
    if (path.dirname(dir) === dir) return { name: 'recovery-gate', version: '0.0.0' };
  }
})();
