/** What the connection indicator shows. */
export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

export interface ConnectionFacts {
  /** The websocket provider's own status. */
  socket: 'connecting' | 'connected' | 'disconnected';
  /** The first sync exchange with the server has completed on the current socket. */
  synced: boolean;
  /** navigator.onLine */
  browserOnline: boolean;
  /** Connection attempts that failed in a row. */
  failedAttempts: number;
}

/** After this many failed attempts the server counts as unreachable, not merely slow. */
export const OFFLINE_AFTER_FAILED_ATTEMPTS = 4;

export function connectionStatus(facts: ConnectionFacts): ConnectionStatus {
  if (!facts.browserOnline) return 'offline';
  if (facts.socket === 'connected' && facts.synced) return 'connected';
  return facts.failedAttempts >= OFFLINE_AFTER_FAILED_ATTEMPTS ? 'offline' : 'reconnecting';
}
