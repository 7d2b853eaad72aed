import type { WebSocket } from 'ws';

/**
 * Cuts `ws` if the close it was just sent has not completed within `graceMs`: ws itself waits 30 s
 * for the peer's close frame, holding all it queued for a peer that may never read it. Returns
 * nothing to wait for; `onCut` is told when the socket had to be cut.
 */
export function terminateUnlessClosedWithin(ws: WebSocket, graceMs: number, onCut: () => void = () => {}): void {
  const cut = setTimeout(() => {
    onCut();
    ws.terminate();
  }, graceMs);
  cut.unref();
  ws.once('close', () => clearTimeout(cut));
}
