import { closesForGood } from '../../../client/collab/closesForGood';
import { CloseCode } from '../../../shared/closeCodes';

describe('closesForGood', () => {
  it('ends the session only when the user must sign in again or the draft is gone', () => {
    expect(closesForGood(CloseCode.Unauthorized)).toBe(true);
    expect(closesForGood(CloseCode.UnknownDraft)).toBe(true);
  });

  it.each([
    ['a refused frame', CloseCode.BadMessage],
    ['a resync request', CloseCode.Resync],
    ['a rate limit', CloseCode.RateLimited],
    ['a frame too large', CloseCode.TooLarge],
    ['an outage', CloseCode.Unavailable],
    ['a shutdown', CloseCode.GoingAway],
    ['a lost connection', 1006],
  ])('reconnects after %s', (_name, code) => {
    expect(closesForGood(code)).toBe(false);
  });
});
