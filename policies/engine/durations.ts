/** ISO 8601 durations as PIM writes them (`PT8H`, `PT30M`, `P1D`, `P1DT4H`), in hours; undefined when not one. */
export function durationHours(text: string): number | undefined {
  const m = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text);
  if (!m || text === 'P' || /T$/i.test(text)) return undefined;
  const [weeks, days, hours, minutes, seconds] = m.slice(1).map((x) => (x ? Number(x) : 0));
  return weeks * 168 + days * 24 + hours + minutes / 60 + seconds / 3600;
}
