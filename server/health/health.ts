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

/** The health of the server as a record of named checks; each concern contributes its own. */
export class Health {
  constructor(private readonly checks: Record<string, HealthCheck>) {}

  async report(): Promise<HealthReport> {
    const entries = await Promise.all(Object.entries(this.checks).map(async ([name, check]) => [name, await runCheck(check)] as const));
    const checks = Object.fromEntries(entries);
    return { status: entries.every(([, result]) => result.ok) ? 'ok' : 'degraded', checks };
  }
}

/** A check that throws is a failing check, not a failing health answer. */
async function runCheck(check: HealthCheck): Promise<CheckResult> {
  try {
    return await check();
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
