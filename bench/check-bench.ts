/**
 * `npm run bench`: what `check` costs, measured as users run it. For a
 * synthetic Okta + Entra tenant (bench/tenant.ts) written as cdktf output, as
 * a plain `.tf.json`, as a plan and as HCL, at 1k to 100k resources, it times
 * whole processes of `recovery-gate check` against a process that only
 * JSON.parses the same file; then each rule's own time at 25k and 100k, the
 * awkward shapes, and cold starts; and prints each figure beside its target.
 * Figures, not assertions: speed is measured here, never in a timed test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FORMS, type Form, render, syntheticStack } from './tenant';
import { coldStart, pairs } from './processes';
import { ruleTimes } from './rule-times';
import { shapes } from './shapes';

const OUT = path.resolve('.bench');
const NOW = new Date('2026-11-26T00:00:00Z');

/** Target ratios to the JSON.parse process at 100k resources, by form. */
const TARGET: Record<Form, number | undefined> = { plan: 3, cdktf: 3, 'terraform-json': 4, hcl: undefined };
const MEMORY_TARGET = 3;
const SIZES: Record<Form, number[]> = {
  cdktf: [1_000, 10_000, 25_000, 100_000],
  'terraform-json': [1_000, 10_000, 25_000, 100_000],
  plan: [1_000, 10_000, 25_000, 100_000],
  hcl: [1_000, 10_000, 20_000],
};
const RUNS = (n: number) => (n <= 10_000 ? 5 : 3);

interface Inputs {
  readonly input: string;
  /** What the parse process reads: the input itself, or for HCL the same tenant as `.tf.json`. */
  readonly json: string;
  readonly bytes: number;
}

const written = new Map<string, Inputs>();

/** The tenant of `n` resources in `form`, written once per run however many tables use it. */
function inputs(form: Form, n: number): Inputs {
  const key = `${form}-${n}`;
  const known = written.get(key);
  if (known) return known;
  const dir = path.join(OUT, key);
  mkdirSync(dir, { recursive: true });
  const stack = syntheticStack(n);
  const input = path.join(dir, FORMS[form].file);
  const text = render(stack, form);
  writeFileSync(input, text);
  let json = input;
  if (form === 'hcl') {
    json = path.join(dir, 'baseline.json');
    writeFileSync(json, render(stack, 'terraform-json'));
  }
  const result = { input, json, bytes: Buffer.byteLength(text) };
  written.set(key, result);
  return result;
}

const mark = (ok: boolean): string => (ok ? 'met' : '**missed**');

function processTable(): string[] {
  const rows = [
    '| input | bytes | JSON.parse process | check process | ratio (median of pairs) | target at 100k | peak memory (× parse) |',
    '|---|---:|---:|---:|---:|---|---:|',
  ];
  for (const form of Object.keys(FORMS) as Form[]) {
    for (const n of SIZES[form]) {
      const { input, json, bytes } = inputs(form, n);
      const p = pairs(input, json, RUNS(n));
      const target = TARGET[form];
      const verdict =
        n === 100_000 && target !== undefined
          ? `≤ ${target}×: ${mark(p.ratio <= target)}; memory ≤ ${MEMORY_TARGET}×: ${mark(p.memoryRatio <= MEMORY_TARGET)}`
          : form === 'hcl' && n === 20_000
            ? `< 3 s: ${mark(p.check.ms < 3000)}`
            : '';
      rows.push(
        `| ${FORMS[form].label}, ${n.toLocaleString('en')} resources | ${(bytes / 1e6).toFixed(1)} MB | ${p.parse.ms.toFixed(0)} ms | ${p.check.ms.toFixed(0)} ms | ${p.ratio.toFixed(1)}× | ${verdict} | ${p.check.peakMb.toFixed(0)} MB (${p.memoryRatio.toFixed(1)}×) |`,
      );
    }
  }
  return rows;
}

/** Each rule's own time at 25k and 100k (cdktf output); a rule growing more than 5× for 4× the input is flagged. */
async function ruleTable(): Promise<string[]> {
  const [small, large] = [25_000, 100_000];
  const a = await ruleTimes(inputs('cdktf', small).input, NOW);
  const b = await ruleTimes(inputs('cdktf', large).input, NOW);
  const rows = [
    `Each rule's own time, cdktf output (${a.resources.toLocaleString('en')} and ${b.resources.toLocaleString('en')} resources; ${a.findings.toLocaleString('en')} and ${b.findings.toLocaleString('en')} findings). Linear is about 4×; more than 5× is flagged.`,
    '',
    '| rule | 25k | 100k | growth |',
    '|---|---:|---:|---:|',
  ];
  const row = (name: string, x: number, y: number) => {
    // Below a millisecond, growth is noise: nothing to flag.
    const growth = y / Math.max(x, 1);
    rows.push(
      `| ${name} | ${x.toFixed(1)} ms | ${y.toFixed(1)} ms | ${growth.toFixed(1)}×${growth > 5 && y > 5 ? ' **not linear**' : ''} |`,
    );
  };
  row('shared (readers, reset graph)', a.sharedMs, b.sharedMs);
  for (const [id, x] of a.byRule) row(id, x, b.byRule.get(id) ?? 0);
  return rows;
}

async function main(): Promise<void> {
  console.log(
    `recovery-gate bench — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}\n`,
  );
  console.log(processTable().join('\n'));
  console.log('\n' + (await ruleTable()).join('\n'));
  console.log('\n' + (await shapes(OUT, NOW)).join('\n'));
  const hcl = coldStart('test/fixtures/hcl/okta-org');
  const json = coldStart('test/fixtures/tenants/acme-entra.cdk.tf.json');
  console.log(
    [
      '',
      `Cold start, median of 7: a small HCL directory (test/fixtures/hcl/okta-org) ${hcl.toFixed(0)} ms (target < 300 ms: ${mark(hcl < 300)});`,
      `a small JSON stack (test/fixtures/tenants/acme-entra.cdk.tf.json) ${json.toFixed(0)} ms (target < 200 ms: ${mark(json < 200)}).`,
    ].join('\n'),
  );
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
