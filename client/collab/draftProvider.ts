import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

export interface DraftProviderOptions {
  draftId: string;
  token: string;
  /** ws(s)://host/yjs */
  serverUrl: string;
  /** Open the connection now (false while the browser is offline). */
  connect: boolean;
  /** Whether to reconnect after the server closed the connection with this event. */
  shouldReconnect: (event: CloseEvent) => boolean;
  /** The WebSocket class, where there is no global one (Node). */
  WebSocketPolyfill?: typeof WebSocket;
}

/**
 * The websocket provider that merges a draft's Y.Doc with the server. Without y-websocket's
 * BroadcastChannel: every tab of a browser shares it, whoever is signed in there, and a tab sends
 * the server what it hears on it as its own (another account's cursor, whose client id the server
 * then binds to the wrong account, or unsaved text, which the server refuses from anyone but its
 * author). Tabs stay in step through the server.
 */
export function draftProvider(doc: Y.Doc, options: DraftProviderOptions): WebsocketProvider {
  return new WebsocketProvider(options.serverUrl, options.draftId, doc, {
    // acks: the server then tells this client which of its edits are durable.
    params: { token: options.token, acks: 'durable' },
    shouldReconnect: options.shouldReconnect,
    connect: options.connect,
    disableBc: true,
    ...(options.WebSocketPolyfill && { WebSocketPolyfill: options.WebSocketPolyfill }),
  });
}
