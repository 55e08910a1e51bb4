/** Dispatches a command line to its command; turns input errors into one line and exit 2. */
import { InputError, errorMessage, oneLine } from '../policies/errors';
import { TOOL } from '../policies/version';
import type { CliIo } from './io';

/** `--help`: every command and every flag it takes (a test holds the two together). */
export const USAGE = `Usage: recovery-gate <command> [options]

Commands:
  check [PATH ...]   Check cdktf output, Terraform (.tf, .tf.json) or a plan JSON against the catalogue
                     --fail-on critical|high|medium|low|none  --stack NAME  --var-file FILE
                     --baseline FILE  --write-baseline FILE  --scope tenant|module
                     --rule RG-NN (only these)  --skip-rule RG-NN
  review             What a change weakens: --base PATH --head PATH, or --plan plan.json
                     --fail-on SEVERITY  --fail-on-weakening  --rule RG-NN  --skip-rule RG-NN
  drift PLAN         Changes made outside code, failed checks, expiries (--warn-days 14)
  paths [PATH ...]   Who can end up changing whose authentication, step by step
                     --from ADDRESS  --to ADDRESS  --stack NAME  --format text|json|markdown|mermaid|dot|html
                     --max-steps N (25)  --max-paths N per target (100)
                     --output FILE  --config FILE  --now RFC3339
  rules [RG-NN ...]  List the catalogue, or the rules named (--format text|json|markdown, --output FILE)
  explain RG-NN      Print a rule's page: what it checks, why, and the fix (--output FILE)

Reports (check, review, drift): --format text|json|markdown|sarif|junit|github|html, repeated with
  one --output FILE each;  --config FILE (recovery-gate.json);  --now RFC3339

Options: --debug (stack traces on errors), --version (-v), --help (-h, also after a command)
Short forms: -f --format, -o --output, -c --config

Exit codes: 0 nothing at or above --fail-on; 1 findings, paths or weakenings;
  2 a usage or input error (one line naming the file); 3 an internal error of the tool
`;

/** 0 clean, 1 findings (or paths, weakenings), 2 usage or input error, 3 a defect of the tool. */
export const EXIT = { clean: 0, findings: 1, input: 2, internal: 3 } as const;

/** One command's part of {@link USAGE}, with what every command shares. */
export function commandUsage(command: string): string {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${command} `));
  // The command's line and its continuation lines (indented further), up to the next command.
  const end = lines.findIndex((l, i) => i > start && !/^ {5,}/.test(l));
  const own = lines.slice(start, end);
  const shared = lines.slice(lines.findIndex((l) => l.startsWith('Reports ')));
  return [
    `Usage: recovery-gate ${command} [options]`,
    '',
    ...own,
    '',
    ...(['check', 'review', 'drift'].includes(command)
      ? shared
      : shared.slice(shared.findIndex((l) => l.startsWith('Options')))),
  ].join('\n');
}

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** Each command is loaded when it runs: `check` in CI never loads review, drift or the path reporters. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check')).checkCommand,
  review: async () => (await import('./review')).reviewCommand,
  drift: async () => (await import('./drift')).driftCommand,
  paths: async () => (await import('./paths')).pathsCommand,
  rules: async () => (await import('./rules')).rulesCommand,
  explain: async () => (await import('./rules')).explainCommand,
};

/** After a second, on a terminal only, a line on stderr that says the run is still going; cleared when it ends. */
export function showProgress(io: CliIo, command: string, afterMs = 1000): () => void {
  if (!io.stderrIsTTY) return () => undefined;
  const started = Date.now();
  let shown = false;
  const tick = () => {
    shown = true;
    io.stderr(`\rrecovery-gate ${command}: working… ${Math.round((Date.now() - started) / 1000)} s`);
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, 1000);
    interval.unref();
  }, afterMs);
  first.unref();
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
    if (shown) io.stderr('\r\u001b[K');
  };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${TOOL.version}\n`);
      return 0;
    }
    const load = COMMANDS[command];
    if (!load) throw new InputError('', `unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(commandUsage(command));
      return 0;
    }
    const stopProgress = showProgress(io, command);
    try {
      return await (
        await load()
      )(rest, io);
    } finally {
      stopProgress();
    }
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`recovery-gate: ${oneLine(e.message)}\n`);
      if (debug) io.stderr(`${e.stack}\n`);
      return EXIT.input;
    }
    // A defect of the tool, not of the input: its own exit code, so CI can tell the two apart.
    io.stderr(
      `recovery-gate: internal error: ${oneLine(errorMessage(e).split('\n')[0])}${debug ? '' : ' (run with --debug for details)'}\n`,
    );
    if (debug) io.stderr(`${(e as { stack?: string }).stack ?? ''}\n`);
    return EXIT.internal;
  }
}
