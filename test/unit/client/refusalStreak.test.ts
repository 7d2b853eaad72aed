import { RefusalStreak } from '../../../client/collab/refusalStreak';
import { CloseCode } from '../../../shared/closeCodes';

describe('RefusalStreak', () => {
  let now = 0;
  const streak = () => new RefusalStreak(() => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('retries a refusal or two, and stops at the third within a minute', () => {
    const refusals = streak();
    expect(refusals.retryAfter(CloseCode.BadMessage)).toBe(true);
    now += 5_000;
    expect(refusals.retryAfter(CloseCode.TooLarge)).toBe(true);
    now += 5_000;
    expect(refusals.retryAfter(CloseCode.BadMessage)).toBe(false);
  });

  it('forgets refusals older than a minute', () => {
    const refusals = streak();
    refusals.retryAfter(CloseCode.BadMessage);
    refusals.retryAfter(CloseCode.BadMessage);
    now += 61_000;
    expect(refusals.retryAfter(CloseCode.BadMessage)).toBe(true);
  });

  it.each([CloseCode.Resync, CloseCode.RateLimited, CloseCode.Unavailable, CloseCode.GoingAway, 1006])(
    'always retries after close %i, however often',
    (code) => {
      const refusals = streak();
      for (let i = 0; i < 10; i++) expect(refusals.retryAfter(code)).toBe(true);
    },
  );
});
