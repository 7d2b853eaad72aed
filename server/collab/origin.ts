import type { CollabConnection } from './connection';

/**
 * Why a Y.Doc changed. Typed so an update is never echoed to its sender,
 * never re-saved after a load, and always saved with the right author.
 */
export type UpdateOrigin =
  | { source: 'client'; connection: CollabConnection }
  | { source: 'store' }
  | { source: 'server'; authorId: string }
  /** Made durable by another instance and relayed through Redis: shown to local clients, never saved again. */
  | { source: 'relay' };

/** The origin of what another instance's room relayed (updates and awareness alike). */
export const RELAYED: UpdateOrigin = { source: 'relay' };

/** The author, in the log and the history, of changes the server makes on no one's behalf (putting locked text back). */
export const SERVER_AUTHOR_ID = 'system';

export function isUpdateOrigin(value: unknown): value is UpdateOrigin {
  return typeof value === 'object' && value !== null && 'source' in value;
}
