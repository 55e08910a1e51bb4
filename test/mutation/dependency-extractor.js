/**
 * Jest's dependency extractor, plus `import('./x')`: the CLI loads each command
 * lazily, and without this `--findRelatedTests` (which `npm run mutate` uses to
 * pick the tests of a mutated file) would not see that a test running the CLI
 * depends on the rules.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');

const DYNAMIC_IMPORT = /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g;

module.exports = {
  extract(code, filePath, defaultExtract) {
    const found = defaultExtract(code, filePath);
    for (const m of code.matchAll(DYNAMIC_IMPORT)) found.add(m[2]);
    return found;
  },
  getCacheKey() {
    return crypto.createHash('sha1').update(fs.readFileSync(__filename)).digest('hex');
  },
};
