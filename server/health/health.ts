import { withDeadline } from '../deadline';

/** One named part of the health answer, with the figures behind it. `ok: false` makes /healthz answer 503. */
export interface CheckResult {
  ok: boolean;
  [detail: string]: unknown;
}

export type HealthCheck = () => CheckResult | Promise<CheckResult>;

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: Record<string, CheckResult>;
}

/**
 * The health of the server as a record of named checks; each concern contributes its own.
 * A check that throws or takes longer than `timeoutMs` fails; the answer itself always comes.
 */
export class Health {
  constructor(
    private readonly checks: Record<string, HealthCheck>,
    private readonly timeoutMs = 2_000,
  ) {}

  async report(): Promise<HealthReport> {
    const entries = await Promise.all(Object.entries(this.checks).map(async ([name, check]) => [name, await this.run(check)] as const));
    const checks = Object.fromEntries(entries);
    return { status: entries.every(([, result]) => result.ok) ? 'ok' : 'degraded', checks };
  }

  /** A check that throws or hangs is a failing check, not a failing (or missing) health answer. */
  private run(check: HealthCheck): Promise<CheckResult> {
    const result = (async () => check())();
    return withDeadline(result, this.timeoutMs, () => new Error('check timed out')).catch((err: unknown) => ({
      ok: false,
      error: err instanceof Error ? err.message : String(err),
    }));
  }
}
