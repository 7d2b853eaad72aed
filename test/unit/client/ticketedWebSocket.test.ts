/** @jest-environment jsdom */
import * as Y from 'yjs';
import { ApiError } from '../../../client/api/apiError';
import { draftProvider } from '../../../client/collab/draftProvider';
import { ticketedWebSocket } from '../../../client/collab/ticketedWebSocket';
import { CloseCode } from '../../../shared/closeCodes';

/** Records every socket opened; a test closes them as the network or the server would. */
class FakeSocket {
  static opened: FakeSocket[] = [];
  readyState = 0;
  binaryType = 'blob';
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  readonly closes: Array<number | undefined> = [];

  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }

  send(): void {}

  close(code?: number): void {
    this.closes.push(code);
  }

  /** The connection drops (the server went away). */
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close', { code }));
  }
}

/** Tickets handed out one by one, each resolving the promise the test waits on. */
function ticketDesk() {
  const issued: string[] = [];
  let waiting: Array<() => void> = [];
  const issue = jest.fn(async () => {
    const ticket = `ticket-${issued.length + 1}`;
    issued.push(ticket);
    waiting.forEach((wake) => wake());
    waiting = [];
    return ticket;
  });
  const issuedCount = (n: number) => new Promise<void>((resolve) => (issued.length >= n ? resolve() : waiting.push(() => issued.length >= n && resolve())));
  return { issue, issued, issuedCount };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A draft provider on fake sockets that takes its tickets from a desk. */
function ticketedProvider(options: { durableAcks?: boolean } = {}) {
  const desk = ticketDesk();
  const doc = new Y.Doc();
  const provider = draftProvider(doc, {
    draftId: 'draft-1',
    serverUrl: 'ws://host/yjs',
    ticket: desk.issue,
    connect: true,
    shouldReconnect: () => true,
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    ...options,
  });
  return { desk, doc, provider };
}

beforeEach(() => {
  FakeSocket.opened = [];
});

describe('ticketedWebSocket', () => {
  it('connects the draft provider with a fresh single-use ticket on every attempt, never a token', async () => {
    const { desk, doc, provider } = ticketedProvider();
    await desk.issuedCount(1);
    await settle();
    expect(FakeSocket.opened.map((s) => s.url)).toEqual(['ws://host/yjs/draft-1?acks=durable&ticket=ticket-1']);
    expect(FakeSocket.opened[0].binaryType).toBe('arraybuffer');

    // The connection drops; y-websocket reconnects after its backoff, with a new ticket.
    FakeSocket.opened[0].drop();
    await desk.issuedCount(2);
    await settle();
    expect(FakeSocket.opened.map((s) => s.url)).toEqual([
      'ws://host/yjs/draft-1?acks=durable&ticket=ticket-1',
      'ws://host/yjs/draft-1?acks=durable&ticket=ticket-2',
    ]);
    expect(FakeSocket.opened.every((s) => !s.url.includes('token'))).toBe(true);
    provider.destroy();
    doc.destroy();
  });

  it('asks for durable acknowledgements only when told to follow them (the print view does not)', async () => {
    const { desk, doc, provider } = ticketedProvider({ durableAcks: false });
    await desk.issuedCount(1);
    await settle();
    expect(FakeSocket.opened.map((s) => s.url)).toEqual(['ws://host/yjs/draft-1?ticket=ticket-1']);
    provider.destroy();
    doc.destroy();
  });

  it.each([
    [404, CloseCode.UnknownDraft],
    [401, CloseCode.Unauthorized],
    [0, 1006],
    [503, 1006],
  ])('closes without a socket when the ticket is refused with status %i, as close code %i', async (status, code) => {
    const Socket = ticketedWebSocket(() => Promise.reject(new ApiError(status, 'refused')), FakeSocket as unknown as typeof WebSocket);
    const ws = new Socket('ws://host/yjs/d');
    const closed = new Promise<CloseEvent>((resolve) => (ws.onclose = resolve));
    expect((await closed).code).toBe(code);
    expect(ws.readyState).toBe(WebSocket.CLOSED);
    expect(FakeSocket.opened).toEqual([]);
  });

  it('opens nothing when closed while its ticket is on its way', async () => {
    const desk = ticketDesk();
    const Socket = ticketedWebSocket(desk.issue, FakeSocket as unknown as typeof WebSocket);
    const ws = new Socket('ws://host/yjs/d');
    const onclose = jest.fn();
    ws.onclose = onclose;
    expect(ws.readyState).toBe(WebSocket.CONNECTING);
    ws.close();
    await desk.issuedCount(1);
    await settle();
    expect(FakeSocket.opened).toEqual([]);
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('passes frames, closes and events through to the socket once open', async () => {
    const desk = ticketDesk();
    const Socket = ticketedWebSocket(desk.issue, FakeSocket as unknown as typeof WebSocket);
    const ws = new Socket('ws://host/yjs/d');
    const onopen = jest.fn();
    ws.onopen = onopen;
    await desk.issuedCount(1);
    await settle();
    const socket = FakeSocket.opened[0];
    socket.readyState = 1;
    socket.onopen?.(new Event('open'));
    expect(onopen).toHaveBeenCalled();
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close(1000);
    expect(socket.closes).toEqual([1000]);
  });
});
