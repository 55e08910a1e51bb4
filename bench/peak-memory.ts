/**
 * Preloaded (`node --require`) into every process the bench times: reports the
 * process's peak resident memory on stderr as it exits, whatever exits it.
 */
import { writeSync } from 'node:fs';
import { PEAK_MARK } from './peak-mark';

process.on('exit', () => {
  writeSync(2, `\n${PEAK_MARK} ${process.resourceUsage().maxRSS}\n`);
});
