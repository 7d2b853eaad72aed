/** Anything that can be told to drop and re-open its connection: a Yjs provider, a socket.io socket. */
export interface Connectable {
  connect(): unknown;
  disconnect(): unknown;
}

/**
 * Stops a connection from retrying while the browser reports no network at all
 * (each failed attempt only adds noise and drains the battery), and reconnects at
 * once when the network returns instead of waiting out the backoff.
 * Returns a function that stops following the network.
 */
export function pauseWhileOffline(connection: Connectable, mayResume: () => boolean = () => true): () => void {
  const offline = () => connection.disconnect();
  const online = () => {
    if (mayResume()) connection.connect();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  return () => {
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
  };
}
