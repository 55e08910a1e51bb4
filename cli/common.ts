/** What check, review and drift share: the clock, the config file, and writing reports in several formats. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  type Config,
  DEFAULT_CONFIG,
  type Format,
  FORMATS,
  InputError,
  type PlanDocument,
  type ReportInput,
  configFrom,
  formatReport,
  isPlanShape,
  isReport,
  parseJson,
  parseTime,
  refuseIrregular,
  summaryLine,
  validatePlan,
} from '../index';
import type { CliIo } from './io';

/** `--rule` and `--skip-rule`, for the commands that run rules. */
export const RULE_FLAGS = {
  rule: { type: 'string', multiple: true },
  'skip-rule': { type: 'string', multiple: true },
} as const;

/** `--rule` and `--skip-rule` as the API takes them. */
export function ruleFlagsOf(values: { rule?: string[]; 'skip-rule'?: string[] }): { only?: string[]; skip?: string[] } {
  return { only: values.rule, skip: values['skip-rule'] };
}

/** `--format` and `--output`, each given once per report. */
interface ReportFlags {
  readonly format?: string[];
  readonly output?: string[];
}

/** Flags every reporting command takes. */
export const REPORT_FLAGS = {
  format: { type: 'string', multiple: true },
  output: { type: 'string', multiple: true },
  config: { type: 'string' },
  now: { type: 'string' },
} as const;

export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError('', `${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
}

export function nowOf(values: { now?: string }): Date {
  const now = values.now === undefined ? new Date() : parseTime(values.now);
  if (!now)
    throw new InputError('', `--now must be an RFC 3339 time such as 2026-01-31T00:00:00Z, not "${values.now}"`);
  return now;
}

/** A file the user named, relative to the working directory; `problem` says what is wrong when it cannot be read. */
export async function readUserFile(io: CliIo, file: string, problem: string): Promise<string> {
  const at = path.resolve(io.cwd, file);
  await refuseIrregular(at, file);
  try {
    return await fs.readFile(at, 'utf8');
  } catch {
    throw new InputError(file, problem);
  }
}

/** A `terraform show -json` plan named on the command line. */
export async function readPlanFile(io: CliIo, file: string): Promise<PlanDocument> {
  const doc = parseJson(await readUserFile(io, file, 'no such file or directory'), file);
  if (!isPlanShape(doc)) throw new InputError(file, 'not a terraform show -json plan');
  return validatePlan(doc as Record<string, unknown>, file);
}

/**
 * recovery-gate.json: the file named by --config, or the nearest one from the
 * working directory up to the repository root (the directory holding `.git`),
 * or the defaults. The config records the file it came from.
 */
export async function readConfig(values: { config?: string }, io: CliIo, now: Date): Promise<Config> {
  const file = values.config;
  const chosen = file ?? (await findConfig(io));
  if (!chosen) return DEFAULT_CONFIG;
  const doc = parseJson(await readUserFile(io, chosen, 'cannot read the configuration file'), chosen);
  // A report of an earlier run is never configuration, whatever its name.
  if (isReport(doc)) {
    if (file !== undefined) throw new InputError(chosen, 'is a recovery-gate report, not configuration');
    io.stderr(`recovery-gate: ${chosen} is a report of an earlier run, not configuration: ignored\n`);
    return DEFAULT_CONFIG;
  }
  return configFrom(doc, chosen, now);
}

async function findConfig(io: CliIo): Promise<string | undefined> {
  for (let dir = io.cwd; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'recovery-gate.json');
    if (await io.exists(candidate)) return path.relative(io.cwd, candidate) || 'recovery-gate.json';
    if ((await io.exists(path.join(dir, '.git'))) || path.dirname(dir) === dir) return undefined;
  }
}

/** The formats asked for, paired with their output files (`--format sarif --output r.sarif --format markdown --output c.md`). */
export function outputsOf(values: ReportFlags): { format: Format; file?: string }[] {
  const formats = (values.format ?? ['text']).map((f) => oneOf(f, FORMATS, '--format'));
  const files = values.output ?? [];
  if (files.length === 0) {
    if (formats.length > 1) throw new InputError('', 'several --format values need an --output for each');
    return [{ format: formats[0] }];
  }
  if (files.length !== formats.length && !(formats.length === 1 && files.length === 1))
    throw new InputError('', `give one --output per --format (${formats.length} format(s), ${files.length} output(s))`);
  return formats.map((format, i) => ({ format, file: files[i] }));
}

/** A report to standard output (no `--output`, or `--output -`) or to the file named. */
export async function writeOutput(io: CliIo, file: string | undefined, text: string): Promise<void> {
  if (file === undefined || file === '-') io.stdout(text);
  else await io.writeFile(file, text);
}

/** Flags that name files the run reads. */
const INPUT_FLAGS = ['base', 'head', 'plan', 'config', 'baseline', 'var-file'] as const;
/** Names the reader takes from a directory it is given. */
const READ_FROM_DIRECTORIES = /(\.tf|\.tf\.json|\.tfvars|\.tfvars\.json|^manifest\.json)$/;

/**
 * Refuses, before any work, a report that would land on what the run reads:
 * an input file, or a file the reader would take from an input directory,
 * and a baseline written over the one read.
 */
export async function refuseOverwritingInputs(
  io: CliIo,
  values: Readonly<Record<string, unknown>>,
  positionals: readonly string[],
  defaultInput?: string,
): Promise<void> {
  const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string]);
  const outputs = [...list(values.output), ...list(values['write-baseline'])].filter(
    (o) => o !== '-' && o.trim() !== '',
  );
  if (outputs.length === 0) return;
  const inputs = [
    ...(positionals.length > 0 ? positionals : defaultInput ? [defaultInput] : []),
    ...INPUT_FLAGS.flatMap((f) => list(values[f])),
  ];
  const real = async (p: string) => fs.realpath(path.resolve(io.cwd, p)).catch(() => path.resolve(io.cwd, p));
  const read = await Promise.all(
    inputs.map(async (p) => ({
      p,
      at: await real(p),
      dir: await fs.stat(path.resolve(io.cwd, p)).then(
        (s) => s.isDirectory(),
        () => false,
      ),
    })),
  );
  for (const output of outputs) {
    const at = await real(output);
    const hit = read.find(
      (r) => r.at === at || (r.dir && path.dirname(at) === r.at && READ_FROM_DIRECTORIES.test(path.basename(at))),
    );
    if (hit)
      throw new InputError(
        output,
        `the report would overwrite ${hit.at === at ? 'an input of this run' : `a file read from ${hit.p}`}: write it elsewhere`,
      );
  }
}

/**
 * Renders every report before writing any, so that a failure leaves nothing
 * half-written; each file is written whole (atomically). With files, stdout
 * gets the summary line.
 */
export async function emit(io: CliIo, values: ReportFlags, input: ReportInput): Promise<void> {
  const outputs = outputsOf(values);
  const rendered = await Promise.all(
    outputs.map(async (o) => ({
      ...o,
      text: await formatReport(o.format, input, { color: io.isTTY && o.file === undefined }),
    })),
  );
  for (const r of rendered) await writeOutput(io, r.file, r.text);
  if (rendered.some((r) => r.file !== undefined && r.file !== '-'))
    io.stdout(summaryLine(input.result.findings) + '\n');
}
