/** One smoke test of the built binary (npm test builds first); everything else runs in memory. */
import { execFileSync, spawnSync } from 'node:child_process';

const PLAN = 'test/fixtures/plan/entra-tenant.json';

describe('the recovery-gate binary', () => {
  it('checks a plan and exits 1 on high findings', () => {
    const r = spawnSync(
      'node',
      ['bin/recovery-gate.js', 'check', PLAN, '--now', '2026-11-26T12:00:00Z', '--format', 'json'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).summary.high).toBeGreaterThan(0);
  });

  it('exits 2 with one line on bad input', () => {
    const r = spawnSync('node', ['bin/recovery-gate.js', 'check', 'no/such/dir'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('recovery-gate: no/such/dir: no such file or directory\n');
  });

  it('the check path loads neither cdktf nor the provider bindings', () => {
    const script = `
      const { run } = require('./dist/cli/run');
      const io = { stdout() {}, stderr() {}, isTTY: false, cwd: process.cwd(), writeFile: async () => {}, exists: async () => false };
      run(['check', '${PLAN}', 'test/fixtures/hcl/okta-org'], io).then(() => {
        const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](cdktf|constructs|@cdktf[\\\\/]provider-)/.test(k));
        process.stdout.write(JSON.stringify(loaded));
      });`;
    expect(JSON.parse(execFileSync('node', ['-e', script], { encoding: 'utf8' }))).toEqual([]);
  });

  it('starts from one bundled module (a cold start resolves and compiles one file, not a hundred), and --debug traces point at the sources', () => {
    const script = `
      process.argv = ['node', 'bin/recovery-gate.js', 'check', '${PLAN}', '--now', '2026-11-26T12:00:00Z'];
      process.stdout.write = () => true;
      require('./bin/recovery-gate.js');
      process.on('exit', () => {
        const ours = Object.keys(require.cache).filter((k) => !k.includes('node_modules')).map((k) => k.slice(process.cwd().length + 1));
        require('fs').writeSync(2, JSON.stringify(ours));
      });`;
    const r = spawnSync('node', ['-e', script], { encoding: 'utf8' });
    expect(JSON.parse(r.stderr)).toEqual(['bin/recovery-gate.js', 'dist/cli/recovery-gate.js']);
    const debug = spawnSync('node', ['bin/recovery-gate.js', 'check', 'no/such/dir', '--debug'], { encoding: 'utf8' });
    expect(debug.stderr).toMatch(/at .*policies[\\/]inputs[\\/]load\.ts:\d+/);
  });
});
