/**
 * Where in your TypeScript each resource was declared, for SARIF and the
 * other reports. cdktf 0.21 asks for a "stacktrace" metadata entry on every
 * element but records no trace; `recordSourceLocations()` makes it record one
 * frame: the first call site outside node_modules and outside recovery-gate's
 * own constructs, so a break-glass user points at the line that created
 * `new EntraBreakGlass(…)` rather than at this library. The frame lands in
 * `cdk.tf.json` (`"//": { "metadata": { "stackTrace": [...] } }`), which
 * `recovery-gate check cdktf.out` reads.
 *
 * Call it once, before constructing stacks. With compiled JavaScript, enable
 * source maps (`node --enable-source-maps`, or `process.setSourceMapsEnabled(true)`)
 * so that frames name `.ts` files.
 */
import { Node } from 'constructs';
import * as path from 'node:path';

let enabled = false;

/** This library's constructs directory, as stack frames name it: compiled, and (with source maps) the source. */
function ownDirectories(): string[] {
  const here = /\((?:file:\/\/)?([^()]+):\d+:\d+\)/.exec(new Error().stack?.split('\n')[1] ?? '')?.[1];
  return [...new Set([__dirname, ...(here ? [path.dirname(here)] : [])])].map((d) => d + path.sep);
}
const OWN = ownDirectories();

/** The first frame of a stack that belongs to the application, as `at … (file:line:column)`. */
export function applicationFrame(stack: string | undefined): string | undefined {
  return (stack ?? '')
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .find(
      (l) =>
        /\((?:file:\/\/)?[^()]+:\d+:\d+\)$|^at (?:file:\/\/)?[^ ()]+:\d+:\d+$/.test(l) &&
        !l.includes(`${path.sep}node_modules${path.sep}`) &&
        !OWN.some((d) => l.includes(d)) &&
        !l.includes('(node:') &&
        !/^at node:/.test(l),
    );
}

export function recordSourceLocations(): void {
  if (enabled) return;
  enabled = true;
  const addMetadata = Node.prototype.addMetadata;
  Node.prototype.addMetadata = function (
    this: Node,
    type: string,
    data: unknown,
    options?: Parameters<Node['addMetadata']>[2],
  ) {
    if (type !== 'stacktrace') return addMetadata.call(this, type, data, options);
    const frame = applicationFrame(new Error().stack);
    return addMetadata.call(this, type, data, frame ? { ...options, stackTraceOverride: [frame] } : options);
  };
}
