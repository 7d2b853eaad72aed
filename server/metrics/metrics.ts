import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { PersistenceHealth } from '../collab/persistenceQueue';
import { closeCodeLabel } from './closeCodeLabel';
import { NotedHistogram } from './notedHistogram';
import type { WriteObserver } from './timedAppends';

/** What the gauges read at each scrape (live figures the server keeps anyway). */
export interface MetricSources {
  yjsConnections: () => number;
  socketIoConnections: () => number;
  openDrafts: () => number;
  /** Open drafts whose room has built a Y.Doc (the others hold binary state). */
  liveDocuments: () => number;
  persistence: () => PersistenceHealth;
  /** Present in multi-instance mode only: the Redis link is connected. */
  redisUp?: () => boolean;
}

/** Store writes take about a millisecond on SQLite and tens on a MongoDB majority write. */
const COMMIT_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/**
 * How often the event loop's delay is sampled. prom-client's default, 10 ms, wakes an idle server
 * 100 times a second: 4.2 ms of CPU per second against 0.9 at 50 ms (measured on node 20). A
 * stall of 50 ms or more is always seen; a shorter one in proportion to its length.
 */
const EVENT_LOOP_SAMPLE_MS = 50;
/** A relayed update crosses Redis within milliseconds; seconds mean Redis or an instance lags. */
const RELAY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

/**
 * The server's Prometheus metrics, in a registry of its own (two servers in one process do not
 * clash). Labels never name a draft or a person: only transports and close codes.
 */
export class Metrics implements WriteObserver {
  readonly registry = new Registry();
  /** Yjs updates this instance made durable (rate() of it: updates per second). */
  readonly updates: Counter;
  /** One store append of a group-commit batch, from call to answer. */
  readonly commitSeconds: NotedHistogram;
  readonly commitFailures: Counter;
  /** From publication on one instance to application on another (recorded by the Redis relay, once per relayed update). */
  readonly relayLatency: NotedHistogram;
  /** 1 while the Redis link is up, 0 while it is down (recorded by the Redis relay; read at each scrape when a source is given). */
  readonly redisUp: Gauge;
  readonly websocketCloses: Counter<'code'>;
  /** Updates of commits since the last scrape, added to `updates` when it is read (a commit is once per update at a typing pace). */
  private unrecordedUpdates = 0;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    // Multi-instance figures appear only where there is Redis: a 0 would read as "Redis down".
    const redisRegisters = sources.redisUp ? registers : [];
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });

    new Gauge({
      name: 'resolutions_open_connections',
      help: 'Open client connections, by transport (yjs websocket, socket.io)',
      labelNames: ['transport'],
      registers,
      collect() {
        this.set({ transport: 'yjs' }, sources.yjsConnections());
        this.set({ transport: 'socketio' }, sources.socketIoConnections());
      },
    });
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    gauge('resolutions_open_drafts', 'Drafts loaded in memory', sources.openDrafts);
    gauge('resolutions_live_documents', 'Open drafts held as a built Y.Doc (the others as binary state)', sources.liveDocuments);
    gauge('resolutions_persistence_queue_updates', 'Accepted Yjs updates not yet written to the store (queue depth)', () => sources.persistence().unsavedUpdates);
    gauge('resolutions_persistence_queue_bytes', 'Bytes of accepted Yjs updates not yet written to the store', () => sources.persistence().unsavedBytes);
    gauge(
      'resolutions_persistence_oldest_unsaved_seconds',
      'Age of the oldest update waiting to be written (0 when none waits)',
      () => (sources.persistence().oldestUnsavedMs ?? 0) / 1000,
    );
    this.updates = new Counter({
      name: 'resolutions_yjs_updates_total',
      help: 'Yjs updates made durable by this instance',
      registers,
      collect: () => this.recordUpdates(),
    });
    this.commitSeconds = new NotedHistogram({
      name: 'resolutions_persistence_commit_seconds',
      help: 'Duration of one group-commit write of Yjs updates to the store',
      buckets: COMMIT_BUCKETS,
      registers,
    });
    this.commitFailures = new Counter({
      name: 'resolutions_persistence_commit_failures_total',
      help: 'Group-commit writes that failed (they are retried)',
      registers,
    });
    this.relayLatency = new NotedHistogram({
      name: 'resolutions_relay_latency_seconds',
      help: 'Time from an update or awareness change published on one instance to its application on this one',
      buckets: RELAY_BUCKETS,
      registers: redisRegisters,
    });
    const redisUp = sources.redisUp;
    this.redisUp = new Gauge({
      name: 'resolutions_redis_up',
      help: '1 while the Redis link is connected, 0 while it is down',
      registers: redisRegisters,
      collect: redisUp
        ? function () {
            this.set(redisUp() ? 1 : 0);
          }
        : undefined,
    });
    this.websocketCloses = new Counter({
      name: 'resolutions_websocket_closes_total',
      help: 'Closed Yjs websockets, by close code (codes outside the known set count as "other")',
      labelNames: ['code'],
      registers,
    });
  }

  /** Notes one group-commit write (see timedAppends); recorded at the next scrape. */
  committed(updates: number, seconds: number): void {
    this.unrecordedUpdates += updates;
    this.commitSeconds.observe(seconds);
  }

  commitFailed(seconds: number): void {
    this.commitFailures.inc();
    this.commitSeconds.observe(seconds);
  }

  websocketClosed(code: number): void {
    this.websocketCloses.inc({ code: closeCodeLabel(code) });
  }

  private recordUpdates(): void {
    if (this.unrecordedUpdates > 0) this.updates.inc(this.unrecordedUpdates);
    this.unrecordedUpdates = 0;
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
