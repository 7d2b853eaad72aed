/**
 * Saving is failing or too far behind: the server takes no more edits for now. The transport
 * closes the connection with 4503, after which a client reconnects later and resends what it
 * kept (y-websocket's sync step 2 carries everything the server lacks).
 */
export class UnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnavailableError';
  }
}
