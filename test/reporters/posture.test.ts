/** What the HTML report reads of a stack beyond its findings: attestations that still stand, and each expiry once. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check } from '../../policies/workflows/check';
import { attestationBody } from '../support/fixtures';

let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-posture-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const attestation = (control: string, expires: unknown, subject?: string) =>
  attestationBody(control, { expires, ...(subject ? { subject } : {}) });

it('keeps attestations that still stand (current, or with an expiry not known yet), and each expiry once', async () => {
  const file = path.join(tmp, 'tenant.tf.json');
  writeFileSync(
    file,
    JSON.stringify({
      provider: { okta: {} },
      resource: {
        okta_user: { breakglass_1: { login: 'breakglass1@acme.example', first_name: 'B', last_name: 'G' } },
        terraform_data: {
          current: attestation('RG-09', '2027-01-15T00:00:00Z'),
          lapsed: attestation('RG-10', '2026-11-01T00:00:00Z'),
          unknown: attestation('RG-18', '${var.review_date}'),
          bg_a: attestation('RG-13', '2027-01-20T00:00:00Z', 'okta_user.breakglass_1'),
          bg_b: attestation('RG-13', '2027-01-20T00:00:00Z', 'okta_user.breakglass_1'),
        },
      },
    }),
  );
  const report = await check([file], { now: new Date('2026-12-01T00:00:00Z'), posture: true });
  const [posture] = report.posture!;
  expect(posture.providers).toEqual(['okta']);
  expect(posture.attestations.map((a) => `${a.ruleId} ${a.resource} ${a.expires ?? '?'}`)).toEqual([
    'RG-09 terraform_data.current 2027-01-15T00:00:00.000Z',
    'RG-13 terraform_data.bg_a 2027-01-20T00:00:00.000Z',
    'RG-13 terraform_data.bg_b 2027-01-20T00:00:00.000Z',
    'RG-18 terraform_data.unknown ?',
  ]);
  // Two attestations speak for one account: it expires once. The lapsed attestation is on the timeline as expired.
  expect(posture.expiries.map((e) => `${e.what} ${e.resource} ${e.expired ? 'expired' : `in ${e.days} days`}`)).toEqual(
    [
      'attestation terraform_data.lapsed expired',
      'attestation terraform_data.current in 45 days',
      'break-glass account okta_user.breakglass_1 in 50 days',
    ],
  );
});
