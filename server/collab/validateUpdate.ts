import * as Y from 'yjs';
import type { ClientUpdate } from './clientUpdate';
import { updateNeeds, type UpdateNeeds } from './updateNeeds';

/**
 * Tells what applying a client's update to its document would write and wait for (see
 * updateNeeds); only looks, never applies. Bytes that are not a Yjs update were refused when read.
 */
export function validateUpdate(update: ClientUpdate): UpdateNeeds {
  return updateNeeds(update, (client) => Y.getState(update.doc.store, client));
}
