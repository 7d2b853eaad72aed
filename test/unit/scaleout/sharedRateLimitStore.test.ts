import type { Options } from 'express-rate-limit';
import { createLogger } from '../../../server/logger';
import type { RedisLink } from '../../../server/scaleout/redisLink';
import { SharedRateLimitStore } from '../../../server/scaleout/sharedRateLimitStore';

/** A Redis that refuses the first SCRIPT LOADs (lost at that moment), then answers: one count per key. */
function flakyRedis(failedLoads: number) {
  const counts = new Map<string, number>();
  let loadsLeftToFail = failedLoads;
  const sendCommand = async (command: string[]) => {
    if (command[0] === 'SCRIPT') {
      if (command[2]?.includes('INCR') && loadsLeftToFail-- > 0) throw new Error('The client is closed');
      return 'sha';
    }
    if (command[0] === 'EVALSHA') {
      const n = (counts.get(command[3]) ?? 0) + 1;
      counts.set(command[3], n);
      return [n, 60_000];
    }
    throw new Error(`unexpected ${command[0]}`);
  };
  const client = { sendCommand };
  return { link: { command: (send: (c: typeof client) => unknown) => send(client) } as unknown as RedisLink, counts };
}

describe('SharedRateLimitStore', () => {
  it('counts in Redis again once a script load that failed can be made', async () => {
    const { link, counts } = flakyRedis(1);
    const store = new SharedRateLimitStore(link, 'rl:test:', createLogger('silent'));
    store.init({ windowMs: 60_000 } as Options);
    try {
      await store.increment('k'); // the failed load: counted on this instance
      await store.increment('k');
      expect(counts.get('rl:test:k')).toBe(1);
    } finally {
      store.shutdown();
    }
  });
});
