import { BoundedCount } from '../../../server/transport/boundedCount';
import { EarlyFrames } from '../../../server/transport/earlyFrames';

describe('EarlyFrames', () => {
  it('keeps frames until they are taken, in order, then starts afresh', () => {
    const early = new EarlyFrames(3, 100);
    expect(early.keep(Buffer.from('a'))).toBeNull();
    expect(early.keep(Buffer.from('b'))).toBeNull();
    expect(early.take().map(String)).toEqual(['a', 'b']);
    expect(early.take()).toEqual([]);
  });

  it('says why past its count or its bytes', () => {
    const byCount = new EarlyFrames(2, 100);
    byCount.keep(Buffer.alloc(1));
    byCount.keep(Buffer.alloc(1));
    expect(byCount.keep(Buffer.alloc(1))).toBe('too many messages before sign-in');
    const byBytes = new EarlyFrames(10, 100);
    expect(byBytes.keep(Buffer.alloc(60))).toBeNull();
    expect(byBytes.keep([Buffer.alloc(30), Buffer.alloc(20)])).toBe('too much data before sign-in');
  });
});

describe('BoundedCount', () => {
  it('counts up to its bound and makes room as others leave', () => {
    const signIns = new BoundedCount(2);
    expect([signIns.tryEnter(), signIns.tryEnter(), signIns.tryEnter()]).toEqual([true, true, false]);
    signIns.leave();
    expect(signIns.tryEnter()).toBe(true);
  });
});
