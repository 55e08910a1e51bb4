#!/usr/bin/env node
/** The only file that touches `process`: everything else takes a CliIo. */
import { nodeIo } from './io';
import { run } from './run';

run(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
