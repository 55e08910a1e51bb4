#!/usr/bin/env node
'use strict';
// The CLI as one bundled file (npm run build): a cold start resolves and compiles one module instead of a hundred.
// Stack traces (--debug) point into the TypeScript sources through the bundle's source map.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
require('../dist/cli/recovery-gate.js');
