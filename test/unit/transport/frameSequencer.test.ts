import { FrameSequencer } from '../../../server/transport/frameSequencer';

describe('FrameSequencer', () => {
  it('runs synchronous frames at once and keeps order behind a frame that waits', async () => {
    const errors: unknown[] = [];
    const frames = new FrameSequencer((err) => errors.push(err));
    const seen: string[] = [];
    let release!: () => void;
    frames.run(() => void seen.push('a'));
    expect(seen).toEqual(['a']);
    frames.run(() => new Promise<void>((resolve) => (release = () => (seen.push('b'), resolve()))));
    frames.run(() => void seen.push('c'));
    frames.run(() => void seen.push('d'));
    expect(seen).toEqual(['a']);
    const idle = frames.idle();
    release();
    await idle;
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    expect(errors).toEqual([]);
  });

  it('reports thrown and rejected frames and goes on with the next', async () => {
    const errors: string[] = [];
    const frames = new FrameSequencer((err) => errors.push((err as Error).message));
    const seen: string[] = [];
    frames.run(() => {
      throw new Error('bad frame');
    });
    frames.run(() => Promise.reject(new Error('bad later')));
    frames.run(() => void seen.push('next'));
    await frames.idle();
    expect(errors).toEqual(['bad frame', 'bad later']);
    expect(seen).toEqual(['next']);
  });
});
