import { CheckpointScheduler } from '../../../server/domain/versions/checkpointScheduler';

describe('CheckpointScheduler', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const make = (quietMs = 1000, everyUpdates = 100) => {
    const due: string[] = [];
    return { scheduler: new CheckpointScheduler({ quietMs, everyUpdates }, (id) => due.push(id)), due };
  };

  it('fires once editing has paused for the quiet period, not while it goes on', () => {
    const { scheduler, due } = make();
    scheduler.noteChange('d1');
    for (let i = 0; i < 5; i++) {
      jest.advanceTimersByTime(600);
      scheduler.noteChange('d1');
    }
    expect(due).toEqual([]);
    jest.advanceTimersByTime(999);
    expect(due).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(due).toEqual(['d1']);
    jest.advanceTimersByTime(10_000);
    expect(due).toEqual(['d1']);
  });

  it('fires after many changes even without a pause, then starts counting again', () => {
    const { scheduler, due } = make(1000, 3);
    scheduler.noteChange('d1');
    scheduler.noteChange('d1');
    expect(due).toEqual([]);
    scheduler.noteChange('d1');
    expect(due).toEqual(['d1']);
    scheduler.noteChange('d1');
    jest.advanceTimersByTime(1000);
    expect(due).toEqual(['d1', 'd1']);
  });

  it('keeps drafts apart and hands over pending work on settle', () => {
    const { scheduler, due } = make();
    scheduler.noteChange('d1');
    scheduler.noteChange('d2');
    expect(scheduler.settle('d1')).toBe(true);
    expect(scheduler.settle('d1')).toBe(false);
    jest.advanceTimersByTime(1000);
    expect(due).toEqual(['d2']);
  });

  it('forgets everything on close', () => {
    const { scheduler, due } = make();
    scheduler.noteChange('d1');
    scheduler.close();
    jest.advanceTimersByTime(5000);
    expect(due).toEqual([]);
  });
});
