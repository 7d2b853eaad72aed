import { TokenBucket } from './tokenBucket';

export interface EventRateLimits {
  /** Events a user may send at once, over all its connections... */
  socketEventBurst: number;
  /** ...and per second sustained. */
  socketEventsPerSecond: number;
  /** Refusals a user may collect before it counts as flooding; forgiven at one per second. */
  socketRefusalsBeforeDisconnect: number;
}

/** What the limiter says about one event. */
export type EventVerdict =
  | { allowed: true }
  | {
      allowed: false;
      retryAfterMs: number;
      /** The first refusal since the user was last allowed an event: worth one log line. */
      firstRefusal: boolean;
      /** The user keeps sending while refused: disconnect the socket. */
      flooding: boolean;
    };

const FORGIVEN_PER_SECOND = 1;

/** One user's budget, shared by all of its sockets. */
interface UserBudget {
  events: TokenBucket;
  patience: TokenBucket;
  refusing: boolean;
}

/**
 * Per-user token buckets for socket.io events. Keyed by user, not by socket, so opening
 * more connections does not buy more events. One entry per account that ever sent an
 * event; accounts are created by administrators, so the map stays small.
 */
export class EventRateLimiter {
  private readonly budgets = new Map<string, UserBudget>();

  constructor(
    private readonly limits: EventRateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  take(userId: string): EventVerdict {
    const budget = this.budgetOf(userId);
    if (budget.events.take()) {
      budget.refusing = false;
      return { allowed: true };
    }
    const firstRefusal = !budget.refusing;
    budget.refusing = true;
    return { allowed: false, retryAfterMs: budget.events.msUntilNext(), firstRefusal, flooding: !budget.patience.take() };
  }

  private budgetOf(userId: string): UserBudget {
    let budget = this.budgets.get(userId);
    if (!budget) {
      budget = {
        events: new TokenBucket(this.limits.socketEventBurst, this.limits.socketEventsPerSecond, this.now),
        patience: new TokenBucket(this.limits.socketRefusalsBeforeDisconnect, FORGIVEN_PER_SECOND, this.now),
        refusing: false,
      };
      this.budgets.set(userId, budget);
    }
    return budget;
  }
}
