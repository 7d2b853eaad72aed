import { ApiError } from '../api/apiError';
import { CloseCode } from '../../shared/closeCodes';

type Handler<E> = ((event: E) => void) | null;

/** A close that never reached the server: an outage, so y-websocket retries with its backoff. */
const NO_TICKET = 1006;

/** The close a refused ticket request stands for: signing in again, or the draft out of reach, end the session. */
function closeCodeOf(failure: unknown): number {
  if (failure instanceof ApiError && failure.status === 401) return CloseCode.Unauthorized;
  if (failure instanceof ApiError && (failure.status === 403 || failure.status === 404)) return CloseCode.UnknownDraft;
  return NO_TICKET;
}

/**
 * A WebSocket class for y-websocket's `WebSocketPolyfill` that asks for a fresh single-use
 * ticket before every connection attempt (the first and each reconnect) and adds it to the
 * address as `?ticket=`: the long-lived session token never appears in a URL. y-websocket
 * builds its socket synchronously, so this one stays CONNECTING until the ticket arrives.
 */
export function ticketedWebSocket(issueTicket: () => Promise<string>, Socket: typeof WebSocket = WebSocket): typeof WebSocket {
  class TicketedWebSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    binaryType: BinaryType = 'blob';
    onopen: Handler<Event> = null;
    onmessage: Handler<MessageEvent> = null;
    onerror: Handler<Event> = null;
    onclose: Handler<CloseEvent> = null;
    private socket: WebSocket | null = null;
    private closed = false;

    constructor(url: string, protocols?: string | string[]) {
      issueTicket().then(
        (ticket) => this.open(url, ticket, protocols),
        (failure: unknown) => this.fail(closeCodeOf(failure)),
      );
    }

    get readyState(): number {
      return this.closed ? this.CLOSED : (this.socket?.readyState ?? this.CONNECTING);
    }

    send(data: Parameters<WebSocket['send']>[0]): void {
      this.socket?.send(data);
    }

    close(code?: number, reason?: string): void {
      if (this.socket) this.socket.close(code, reason);
      else this.fail(code ?? 1000, reason);
    }

    private open(url: string, ticket: string, protocols?: string | string[]): void {
      if (this.closed) return;
      const address = new URL(url);
      address.searchParams.set('ticket', ticket);
      const socket = new Socket(address.toString(), protocols);
      socket.binaryType = this.binaryType;
      socket.onopen = (event) => this.onopen?.(event);
      socket.onmessage = (event) => this.onmessage?.(event);
      socket.onerror = (event) => this.onerror?.(event);
      socket.onclose = (event) => {
        this.closed = true;
        this.onclose?.(event);
      };
      this.socket = socket;
    }

    /** Closed before any socket existed: closing while waiting for the ticket, or no ticket given. */
    private fail(code: number, reason = ''): void {
      if (this.closed) return;
      this.closed = true;
      this.onclose?.(new CloseEvent('close', { code, reason, wasClean: false }));
    }
  }
  return TicketedWebSocket as unknown as typeof WebSocket;
}
