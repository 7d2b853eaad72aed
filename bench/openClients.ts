import { mapLimit } from './pool';
import { hasText } from './seedContent';
import type { PreparedDoc, Target } from './targets';
import { BenchClient } from './yjsClient';

/** Connections opened at once: a crowd arriving, not a thundering herd. */
const CONNECT_CONCURRENCY = 20;

/**
 * One client per entry of `docs` (entries may repeat a document), each synced and, where
 * the server has no text yet, writing it. Checks that every client ends up with the text;
 * closes them all if anything fails.
 */
export async function openClients(target: Pick<Target, 'clientUrl'>, docs: readonly PreparedDoc[]): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  const closeAll = () => clients.forEach((client) => client.close());
  try {
    await mapLimit(docs, CONNECT_CONCURRENCY, async (doc, i) => {
      const client = (clients[i] = new BenchClient(target.clientUrl(doc.id, i)));
      await client.synced;
      if (doc.seed) client.apply(doc.seed);
    });
  } catch (err) {
    closeAll();
    throw err;
  }
  const empty = clients.filter((client) => !hasText(client.doc)).length;
  if (empty > 0) {
    closeAll();
    throw new Error(`${empty} of ${clients.length} clients synced a document without the draft's text`);
  }
  return clients;
}
