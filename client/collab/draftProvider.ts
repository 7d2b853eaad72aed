import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { ticketedWebSocket } from './ticketedWebSocket';

/**
 * How the connection proves who is connecting: the browser asks for a fresh single-use ticket
 * before every attempt (the session token never goes into a URL); tests and stock clients may
 * still send the session token itself.
 */
export type DraftCredential = { ticket: () => Promise<string> } | { token: string };

export type DraftProviderOptions = DraftCredential & {
  draftId: string;
  /** ws(s)://host/yjs */
  serverUrl: string;
  /** Open the connection now (false while the browser is offline). */
  connect: boolean;
  /** Whether to reconnect after the server closed the connection with this event. */
  shouldReconnect: (event: CloseEvent) => boolean;
  /**
   * Ask the server to say which edits are durable (default true). Only a page that follows them
   * (followSaveStatus) may ask: y-websocket logs an error for every message it has no handler for.
   */
  durableAcks?: boolean;
  /** The WebSocket class, where there is no global one (Node). */
  WebSocketPolyfill?: typeof WebSocket;
};

/**
 * The websocket provider that merges a draft's Y.Doc with the server. Without y-websocket's
 * BroadcastChannel: every tab of a browser shares it, whoever is signed in there, and a tab sends
 * the server what it hears on it as its own (another account's cursor, whose client id the server
 * then binds to the wrong account, or unsaved text, which the server refuses from anyone but its
 * author). Tabs stay in step through the server.
 */
export function draftProvider(doc: Y.Doc, options: DraftProviderOptions): WebsocketProvider {
  const Socket = options.WebSocketPolyfill ?? WebSocket;
  return new WebsocketProvider(options.serverUrl, options.draftId, doc, {
    // acks: the server then tells this client which of its edits are durable.
    params: { ...(options.durableAcks === false ? {} : { acks: 'durable' }), ...('token' in options ? { token: options.token } : {}) },
    shouldReconnect: options.shouldReconnect,
    connect: options.connect,
    disableBc: true,
    WebSocketPolyfill: 'ticket' in options ? ticketedWebSocket(options.ticket, Socket) : Socket,
  });
}
