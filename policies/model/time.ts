import type { Value } from './value';

/** ISO 8601 durations as PIM writes them (`PT8H`, `PT30M`, `P1D`, `P1DT4H`), in hours; undefined when not one. */
export function durationHours(text: string): number | undefined {
  const m =
    /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(
      text,
    );
  if (!m || text === 'P' || /T$/i.test(text)) return undefined;
  const [weeks, days, hours, minutes, seconds] = m.slice(1).map((x) => (x ? Number(x) : 0));
  return weeks * 168 + days * 24 + hours + minutes / 60 + seconds / 3600;
}

/** An RFC 3339 date-time (`2027-01-31T00:00:00Z`), the one form expiries take everywhere. */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** An RFC 3339 time, or undefined when the value is not one. */
export function parseTime(v: Value | undefined): Date | undefined {
  if (typeof v !== 'string' || !RFC3339.test(v)) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return undefined;
  // JavaScript rolls 2026-02-30 over to 2 March; Terraform's timecmp refuses it, and so do we.
  const [, y, mo, day, h, mi, s] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(v)!.map(Number);
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && day >= 1 && day <= daysInMonth && h <= 23 && mi <= 59 && s <= 59 ? d : undefined;
}
