import * as Y from 'yjs';
import { ProtocolError } from './parseMessage';
import type { DecodedUpdate } from './updateNeeds';
import { UpdatePlacements } from './updatePlacements';

/**
 * A client's update, read once for every check it goes through (validateUpdate, the schema, the
 * locks): its structs and delete set as Yjs decodes them, and where its items would land in `doc`,
 * worked out on first use and then shared. Read against `doc` as it is now: the checks and the
 * apply that follows run in one synchronous step, so the document does not change in between.
 */
export class ClientUpdate {
  readonly structs: DecodedUpdate['structs'];
  readonly ds: DecodedUpdate['ds'];
  private placementsOf: UpdatePlacements | null = null;

  /** Throws ProtocolError when the bytes are not a Yjs update. */
  constructor(
    readonly doc: Y.Doc,
    bytes: Uint8Array,
  ) {
    let decoded: DecodedUpdate;
    try {
      // Reads every struct and the delete set after them, so truncated or random bytes throw
      // here, before anything is applied (Yjs integrates the structs of an update before it
      // would fail on a cut-off delete set).
      decoded = Y.decodeUpdate(bytes);
    } catch {
      throw new ProtocolError('not a Yjs update');
    }
    this.structs = decoded.structs;
    this.ds = decoded.ds;
  }

  /** Where each item lands (see UpdatePlacements); throws ProtocolError for an update the server cannot place. */
  get placements(): UpdatePlacements {
    this.placementsOf ??= new UpdatePlacements(this.doc, this.structs);
    return this.placementsOf;
  }
}
