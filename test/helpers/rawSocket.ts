import WebSocket from 'ws';

export interface Closed {
  code: number;
  reason: string;
}

export interface RawConnection {
  ws: WebSocket;
  /** Resolves when the websocket is open (rejects if the upgrade fails). */
  opened: Promise<void>;
  /** Resolves with the close code and reason, whoever closed. */
  closed: Promise<Closed>;
  /** Resolves with the first frame the server sends (on the Yjs channel: once the room is attached). */
  firstMessage: Promise<Uint8Array>;
}

/** A bare `ws` client on the Yjs channel of a draft: sends exactly the bytes it is given. */
export function openRawYjs(wsUrl: string, draftPath: string, token?: string): RawConnection {
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(`${wsUrl}/yjs/${draftPath}${query}`, { perMessageDeflate: false });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', () => reject(new Error('upgrade refused')));
  });
  opened.catch(() => {}); // callers that only await `closed` must not leave it unhandled
  // Errors after the upgrade (e.g. the server cutting a flood short) end in 'close' as well.
  ws.on('error', () => {});
  const firstMessage = new Promise<Uint8Array>((resolve) => ws.once('message', (data: Buffer) => resolve(new Uint8Array(data))));
  const closed = new Promise<Closed>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return { ws, opened, closed, firstMessage };
}
