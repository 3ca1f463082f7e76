/** Time-zone arithmetic for the fakes: Sheets stores date serials in the spreadsheet's zone. */
const DAY_MS = 86_400_000;
const EPOCH_SERIAL = 25_569; // 1970-01-01 as a spreadsheet serial

function wallClock(tz: string, ms: number): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const out: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Milliseconds to add to a UTC instant to get the wall-clock time in `tz`. */
export function offsetMs(tz: string, ms: number): number {
  const w = wallClock(tz, ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

export function serialOf(date: Date, tz: string): number {
  return (date.getTime() + offsetMs(tz, date.getTime())) / DAY_MS + EPOCH_SERIAL;
}

export function msOfSerial(serial: number, tz: string): number {
  const wall = Math.round((serial - EPOCH_SERIAL) * DAY_MS);
  return wall - offsetMs(tz, wall);
}

/** Utilities.formatDate for the patterns the script uses (yyyy MM dd HH mm ss). */
export function formatDate(date: Date, tz: string, pattern: string): string {
  const w = wallClock(tz, date.getTime());
  const pad = (n: number, k = 2) => String(n).padStart(k, '0');
  return pattern
    .replace(/yyyy/g, pad(w.year, 4))
    .replace(/MM/g, pad(w.month))
    .replace(/dd/g, pad(w.day))
    .replace(/HH/g, pad(w.hour))
    .replace(/mm/g, pad(w.minute))
    .replace(/ss/g, pad(w.second));
}
