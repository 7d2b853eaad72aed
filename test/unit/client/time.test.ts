import { relativeTime, zonedTime } from '../../../client/app/time';

const now = new Date('2026-05-20T12:00:00Z');

describe('relativeTime', () => {
  it.each([
    ['2026-05-20T11:59:30Z', 'just now'],
    ['2026-05-20T11:55:00Z', '5 minutes ago'],
    ['2026-05-20T09:00:00Z', '3 hours ago'],
    ['2026-05-19T12:00:00Z', 'yesterday'],
    ['2026-05-06T12:00:00Z', '2 weeks ago'],
  ])('%s -> %s', (iso, expected) => {
    expect(relativeTime(iso, now)).toBe(expected);
  });

  it('is empty for a broken date', () => {
    expect(relativeTime('not a date', now)).toBe('');
    expect(zonedTime('not a date')).toBe('');
  });
});

describe('zonedTime', () => {
  it('names the time zone', () => {
    expect(zonedTime('2026-05-20T12:00:00Z', 'en-GB', 'UTC')).toBe('20 May 2026, 12:00 UTC');
    expect(zonedTime('2026-05-20T12:00:00Z', 'en-GB', 'Europe/Vienna')).toBe('20 May 2026, 14:00 CEST');
  });
});
