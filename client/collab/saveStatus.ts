/** What the save indicator shows. */
export type SaveStatus = 'saved' | 'saving' | 'kept-locally';

export interface SaveFacts {
  /** Some edit in this browser's copy is not yet reported durable by the server. */
  unsaved: boolean;
  /** open: edits are on their way; opening: the first attempt of this page is under way; lost: the connection failed or dropped. */
  connection: 'open' | 'opening' | 'lost';
}

export function saveStatus(facts: SaveFacts): SaveStatus {
  if (!facts.unsaved) return 'saved';
  return facts.connection === 'lost' ? 'kept-locally' : 'saving';
}
