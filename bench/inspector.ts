import WebSocket from 'ws';

/**
 * A minimal Chrome DevTools Protocol session with a server started with --inspect: the
 * bench uses it to force a full GC before a memory reading and to profile only the
 * measured window. No Debugger domain is enabled, so the server's code runs as usual.
 */
export class Inspector {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (err: Error) => void }>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
    ws.on('close', () => this.pending.forEach((p) => p.reject(new Error('inspector session closed'))));
  }

  static connect(url: string): Promise<Inspector> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.once('open', () => resolve(new Inspector(ws)));
      ws.once('error', reject);
    });
  }

  call<T>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Full collection, twice: the second catches what the first one's finalizers released. */
  async collectGarbage(): Promise<void> {
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.collectGarbage');
  }

  /** Live JavaScript memory: V8 heap in use plus memory held outside it (Buffers, ArrayBuffers). */
  async liveJsBytes(): Promise<number> {
    const usage = await this.memoryUsage();
    return usage.heapUsed + usage.external;
  }

  /** The server's `process.memoryUsage()`. */
  async memoryUsage(): Promise<NodeJS.MemoryUsage> {
    const { result } = await this.call<{ result: { value: string } }>('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    });
    return JSON.parse(result.value) as NodeJS.MemoryUsage;
  }

  close(): void {
    this.ws.close();
  }
}
