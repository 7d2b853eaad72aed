import type { RedisClientType } from 'redis';

/** Ticks a ping may stay unanswered: two half command timeouts, so a command timeout of silence. */
const SILENT_TICKS = 2;

/**
 * Whether Redis answers on one connection, judged from its answers alone (writes say nothing: a
 * socket keeps taking bytes for a frozen Redis). `tick()` runs every half command timeout, after
 * the event loop has read what arrived (see RedisLink): it sends a PING when none is waiting, and
 * counts the ticks a waiting one has gone unanswered. Counting ticks rather than milliseconds, an
 * event-loop stall costs one tick at most, whatever its length: a reply that waited unread
 * during the stall is read before the next judgement.
 */
export class ConnectionLiveness {
  private waiting = false;
  private unansweredTicks = 0;

  constructor(
    private readonly client: RedisClientType,
    private readonly changed: () => void,
  ) {}

  /** A ping has gone unanswered for a command timeout. */
  isSilent(): boolean {
    return this.unansweredTicks >= SILENT_TICKS;
  }

  tick(): void {
    // Not connected: the client's own events tell; a new connection starts with a clean slate.
    if (!this.client.isReady) {
      this.waiting = false;
      this.unansweredTicks = 0;
      return;
    }
    if (this.waiting) {
      this.unansweredTicks++;
      if (this.unansweredTicks === SILENT_TICKS) this.changed();
      return;
    }
    this.waiting = true;
    this.client.sendCommand(['PING']).then(
      () => this.answered(),
      // Its connection was lost: the client's own events tell.
      () => {
        this.waiting = false;
      },
    );
  }

  private answered(): void {
    const wasSilent = this.isSilent();
    this.waiting = false;
    this.unansweredTicks = 0;
    if (wasSilent) this.changed();
  }
}
