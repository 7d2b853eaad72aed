import { Health } from '../../../server/health/health';

describe('Health', () => {
  it('is ok when every named check passes, and reports each with its figures', async () => {
    const health = new Health({ store: () => ({ ok: true }), writes: async () => ({ ok: true, unsavedBytes: 0 }) });
    expect(await health.report()).toEqual({ status: 'ok', checks: { store: { ok: true }, writes: { ok: true, unsavedBytes: 0 } } });
  });

  it('is degraded when one check fails, throws or hangs, and still answers with all of them', async () => {
    const health = new Health(
      {
        store: () => ({ ok: true }),
        writes: () => ({ ok: false, consecutiveFailures: 3 }),
        thrown: () => {
          throw new Error('boom');
        },
        hanging: () => new Promise(() => {}),
      },
      20,
    );
    expect(await health.report()).toEqual({
      status: 'degraded',
      checks: {
        store: { ok: true },
        writes: { ok: false, consecutiveFailures: 3 },
        thrown: { ok: false, error: 'boom' },
        hanging: { ok: false, error: 'check timed out' },
      },
    });
  });
});
