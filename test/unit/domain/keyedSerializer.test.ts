import { KeyedSerializer } from '../../../server/domain/comments/keyedSerializer';

/** A task that records when it starts and finishes, and finishes when told to. */
function task(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    finish: () => finish(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedSerializer', () => {
  it('runs tasks of one key one after another, in order, and other keys meanwhile', async () => {
    const serial = new KeyedSerializer();
    const log: string[] = [];
    const [a1, a2, b1] = [task(log, 'a1'), task(log, 'a2'), task(log, 'b1')];
    const results = [serial.run('a', a1.run), serial.run('a', a2.run), serial.run('b', b1.run)];
    await settle();
    expect(log).toEqual(['start a1', 'start b1']);
    a1.finish();
    await settle();
    expect(log).toEqual(['start a1', 'start b1', 'end a1', 'start a2']);
    a2.finish();
    b1.finish();
    expect(await Promise.all(results)).toEqual(['a1', 'a2', 'b1']);
  });

  it('goes on after a task that fails, and passes the failure to its caller', async () => {
    const serial = new KeyedSerializer();
    const failed = serial.run('a', () => Promise.reject(new Error('store down')));
    const next = serial.run('a', async () => 'next');
    await expect(failed).rejects.toThrow('store down');
    expect(await next).toBe('next');
  });
});
