/** How a timed process reports its peak memory on stderr (bench/peak-memory.ts writes it, bench/processes.ts reads it). */
export const PEAK_MARK = 'recovery-gate-bench peak-rss-kb';
