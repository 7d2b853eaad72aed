/** Minutes east of UTC that `zone` is at `instantMs` (New York in winter: -300). */
function offsetMinutes(instantMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((wall - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A wall-clock time as a datetime-local input gives it ("2026-12-03T18:00") read in `zone`,
 * as an ISO time with that zone's offset then ("2026-12-03T18:00:00-05:00"); null when unreadable.
 */
export function zonedIso(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guessed instant, corrected once for a daylight-saving change between the two.
  const offset = offsetMinutes(wall - offsetMinutes(wall, zone) * 60_000, zone);
  const sign = offset < 0 ? '-' : '+';
  return `${local}:00${sign}${twoDigits(Math.floor(Math.abs(offset) / 60))}:${twoDigits(Math.abs(offset) % 60)}`;
}

/** "3 Dec 2026, 18:00" as the clocks of `zone` show the instant. */
export function timeIn(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "2 h 05 min left", "45 s left". */
export function timeLeft(untilIso: string, nowMs: number): string {
  const seconds = Math.max(0, Math.ceil((Date.parse(untilIso) - nowMs) / 1000));
  if (seconds < 60) return `${seconds} s left`;
  const minutes = Math.ceil(seconds / 60);
  const days = Math.floor(minutes / 1440);
  const clock = `${Math.floor((minutes % 1440) / 60)} h ${twoDigits(minutes % 60)} min left`;
  return days > 0 ? `${days} d ${clock}` : clock;
}
