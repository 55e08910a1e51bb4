import type { CliIo } from '../../cli/io';
import { run } from '../../cli/run';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly files: Map<string, string>;
}

/** Runs the CLI in memory: same code path as the binary, no process. */
export async function runCli(argv: string[], options: { cwd?: string; existing?: string[] } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const files = new Map<string, string>();
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    cwd: options.cwd ?? process.cwd(),
    writeFile: async (f, c) => {
      files.set(f, c);
    },
    exists: async (f) => (options.existing ?? []).some((e) => f.endsWith(e)),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr, files };
}
