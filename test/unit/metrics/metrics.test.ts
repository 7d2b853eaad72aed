import { Metrics } from '../../../server/metrics/metrics';
import { sample } from '../../helpers/prometheus';

const idle = { consecutiveFailures: 0, unsavedUpdates: 0, unsavedBytes: 0, oldestUnsavedMs: null, overloaded: false };

describe('Metrics: noted per update, recorded at the scrape', () => {
  const metrics = (redisUp?: () => boolean) =>
    new Metrics({ yjsConnections: () => 0, socketIoConnections: () => 0, openDrafts: () => 0, liveDocuments: () => 0, persistence: () => idle, redisUp });
  const exposition = async (m: Metrics) => (await m.scrape()).body;

  it('shows every commit noted before a scrape, with its updates, duration and bucket', async () => {
    const m = metrics();
    m.committed(3, 0.002);
    m.committed(1, 0.3);
    m.commitFailed(0.004);
    const text = await exposition(m);
    expect(sample(text, 'resolutions_yjs_updates_total')).toBe(4);
    expect(sample(text, 'resolutions_persistence_commit_seconds_count')).toBe(3);
    expect(sample(text, 'resolutions_persistence_commit_seconds_sum')).toBeCloseTo(0.306);
    expect(sample(text, 'resolutions_persistence_commit_seconds_bucket', { le: '0.0025' })).toBe(1);
    expect(sample(text, 'resolutions_persistence_commit_failures_total')).toBe(1);
  });

  it('records each commit once, however many scrapes follow and however many commits come between them', async () => {
    const m = metrics();
    for (let i = 0; i < 1000; i++) m.committed(1, 0.001);
    expect(sample(await exposition(m), 'resolutions_persistence_commit_seconds_count')).toBe(1000);
    m.committed(2, 0.001);
    const text = await exposition(m);
    expect(sample(text, 'resolutions_persistence_commit_seconds_count')).toBe(1001);
    expect(sample(text, 'resolutions_yjs_updates_total')).toBe(1002);
    expect(sample(await exposition(m), 'resolutions_yjs_updates_total')).toBe(1002);
  });

  it('shows every relay latency noted before a scrape (multi-instance mode)', async () => {
    const m = metrics(() => true);
    for (let i = 0; i < 300; i++) m.relayLatency.observe(0.002);
    const text = await exposition(m);
    expect(sample(text, 'resolutions_relay_latency_seconds_count')).toBe(300);
    expect(sample(text, 'resolutions_relay_latency_seconds_bucket', { le: '0.0025' })).toBe(300);
    expect(sample(await exposition(m), 'resolutions_relay_latency_seconds_count')).toBe(300);
  });
});
