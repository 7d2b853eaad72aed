import { SendCap } from '../../../server/transport/sendCap';

const CAP = 1_000;

describe('SendCap', () => {
  it('admits up to the cap, and no more', () => {
    const cap = new SendCap(CAP);
    expect(cap.admits(CAP)).toBe(true);
    expect(cap.admits(CAP + 1)).toBe(false);
  });

  it('allows the sync answer on top of the cap while it may still be queued', () => {
    const cap = new SendCap(CAP);
    cap.answered(5_000);
    expect(cap.admits(5_000 + CAP)).toBe(true);
    expect(cap.admits(5_000 + CAP + 1)).toBe(false);
  });

  it('drops the allowance once the queue has come down to the cap', () => {
    const cap = new SendCap(CAP);
    cap.answered(5_000);
    expect(cap.admits(CAP)).toBe(true);
    expect(cap.admits(CAP + 1)).toBe(false);
  });

  it('counts only the latest answer: asking again without reading gains nothing', () => {
    const cap = new SendCap(CAP);
    cap.answered(5_000);
    expect(cap.admits(5_000)).toBe(true);
    cap.answered(5_000);
    // Both answers queued: the first now counts as falling behind.
    expect(cap.admits(10_000)).toBe(false);
  });
});
