import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DURABLE_MESSAGE_TYPE, readDurablePayload } from '../../shared/durableMessage';
import { DeletionProbe } from './deletionProbe';
import { DurableClocks } from './durableClocks';
import { saveStatus, type SaveStatus } from './saveStatus';

/**
 * Follows what of the provider's document the server has saved, from its durable
 * acknowledgements (the provider must be opened with `params.acks = 'durable'`), from what it
 * relays and, for deletions, from the answer to a sync request; reports each change of status.
 * Returns a function that stops following.
 */
export function followSaveStatus(provider: WebsocketProvider, onChange: (status: SaveStatus) => void): () => void {
  const durable = new DurableClocks();
  const deletions = new DeletionProbe(provider, () => publish());
  let shown: SaveStatus | null = null;
  // Set when a socket closes or fails, cleared when one opens: before any, the first attempt is under way
  // (unless the provider is not trying at all, as when the page opened offline).
  let lost = false;
  const publish = () => {
    const connection = provider.wsconnected ? 'open' : lost || !provider.shouldConnect ? 'lost' : 'opening';
    const next = saveStatus({ unsaved: durable.aheadOfDurable(provider.doc) || deletions.pending, connection });
    if (next === shown) return;
    shown = next;
    onChange(next);
  };
  provider.messageHandlers[DURABLE_MESSAGE_TYPE] = (_reply, decoder) => {
    durable.confirm(Y.decodeStateVector(readDurablePayload(decoder)));
    publish();
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) durable.confirmUpdate(update);
    else if (Y.parseUpdateMeta(update).to.size === 0) deletions.deleted();
    publish();
  };
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') lost = false;
    publish();
  };
  const onClose = () => {
    lost = true;
    publish();
  };
  provider.doc.on('update', onUpdate);
  provider.on('status', onStatus);
  provider.on('connection-close', onClose);
  publish();
  return () => {
    provider.doc.off('update', onUpdate);
    provider.off('status', onStatus);
    provider.off('connection-close', onClose);
    deletions.stop();
  };
}

