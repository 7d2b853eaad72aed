import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_AWARENESS_LIMITS, type AwarenessLimits } from './collab/validateAwareness';
import { DEFAULT_IMPORT_MAX_BYTES } from '../shared/draftImport';

/** Typed configuration, read once from the environment in main.ts and passed down. */
export interface Config {
  host: string;
  port: number;
  /** Embedded SQLite lives here when no MongoDB URL is set; also holds the generated token secret. */
  dataDir: string;
  mongodbUrl: string | null;
  mongodbDatabase: string;
  /** How long a MongoDB operation waits for a usable server before failing. */
  mongodbServerSelectionTimeoutMs: number;
  /** Bounds one MongoDB round trip and the wait for a majority to acknowledge a write. */
  mongodbOperationTimeoutMs: number;
  /** Signs session tokens. When unset, a random one is generated and kept in dataDir. */
  authSecret: string | null;
  tokenTtlSeconds: number;
  /** Seed demo accounts and the demo draft into an empty store. */
  seedDemo: boolean;
  /** Largest websocket frame accepted on the Yjs channel. */
  maxFrameBytes: number;
  /** Frames per second one connection may send before it is closed. */
  maxFramesPerSecond: number;
  /** Open Yjs connections one account may have at once. */
  maxConnectionsPerUser: number;
  /** See YjsSessionDeps.livenessCheckMs. */
  livenessCheckMs: number;
  /** Yjs connections still being authenticated at once, across all clients. */
  maxUnauthenticatedConnections: number;
  /** Bytes a Yjs connection may send before it is authenticated. */
  maxBytesBeforeSignIn: number;
  /** See YjsSessionDeps.maxSendBufferBytes. */
  maxSendBufferBytes: number;
  /** Drafts one account may create per hour. */
  draftsPerHour: number;
  /** Largest file accepted by the draft import (.docx or .txt). */
  importMaxBytes: number;
  /** Failed sign-ins per minute for one username from one address... */
  loginFailuresPerAccount: number;
  /** ...and for all usernames together from one address. */
  loginFailuresPerAddress: number;
  /** Sizes and counts of awareness (cursor) states on the Yjs channel. */
  awarenessLimits: AwarenessLimits;
  /** Milliseconds a document without connections stays in memory. */
  idleUnloadMs: number;
  /** Milliseconds a draft's Y.Doc stays built without a change before its room keeps binary state again. */
  liveDocumentIdleMs: number;
  /** Log entries after the snapshot that trigger a new snapshot. */
  snapshotEvery: number;
  /** An automatic checkpoint follows this long a pause in editing... */
  checkpointQuietMs: number;
  /** ...or this many changes, whichever comes first. */
  checkpointEveryUpdates: number;
  /** Automatic checkpoints kept per draft (named versions are never pruned). */
  keepAutoVersions: number;
  /** socket.io events one user may send at once, over all its connections... */
  socketEventBurst: number;
  /** ...and per second sustained. */
  socketEventsPerSecond: number;
  /** Refused events (forgiven at one per second) after which a flooding socket is disconnected. */
  socketRefusalsBeforeDisconnect: number;
  /** Unresolved threads a draft may have. */
  openThreadsPerDraft: number;
  /** Replies a thread may have. */
  repliesPerThread: number;
  /** Comments and replies one user may post on one draft per hour. */
  commentsPerUserPerHour: number;
  /** Pending proposals one delegation may have on one draft. */
  pendingProposalsPerDelegation: number;
  /** Proposals one user may make on one draft per hour. */
  proposalsPerUserPerHour: number;
  /** Worker threads that decode, diff and replay history (compare, open a version) off the event loop. */
  historyWorkers: number;
  /** History reads (compare, open a version, activity) one user may have running at once; more: 429. */
  historyReadsPerUser: number;
  /** Accepted but unwritten update bytes past which Yjs connections are closed (4503) and refused. */
  maxUnsavedBytes: number;
  /** Longest wait for a write before a newcomer's sync (4503) or a version request (503) gives up. */
  durableWaitMs: number;
  /** Serve the built client from this folder (null: API only). */
  clientDir: string | null;
  logLevel: string;
  /** Bearer token that lets a scraper read /metrics from anywhere; without one, only this host may (see metricsAccess). */
  metricsToken: string | null;
  /**
   * Behind a reverse proxy: express's `trust proxy` (hops as a number, or addresses/subnets), so
   * per-address limits see the client's address from X-Forwarded-For. null: the peer's address.
   */
  trustProxy: number | string | null;
  /** Multi-instance mode when set: instances share the store and relay through this Redis. */
  redisUrl: string | null;
  /** Names this process among the instances (its own relayed messages are ignored); random per start by default. */
  instanceId: string;
  /** How long a presence entry outlives its instance's last refresh (a killed instance's people leave then). */
  presenceTtlMs: number;
  /** Longest wait for a Redis answer: past it a request falls back or fails (503), and a connection with an unanswered ping counts as down. */
  redisCommandTimeoutMs: number;
}

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const EnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  // A regex rather than coercion: an empty PORT= must be an error, not a random port 0.
  PORT: z.string().regex(/^\d+$/, 'must be a port number').default('3000').transform(Number).pipe(z.number().max(65535)),
  DATA_DIR: z.string().default('./data'),
  // Not a URL check: a replica set lists several hosts (mongodb://h1,h2,h3/?replicaSet=rs0); the driver parses the rest.
  MONGODB_URL: z.string().regex(/^mongodb(\+srv)?:\/\/[^\s/?#]+(\/\S*)?$/, 'must be a mongodb:// or mongodb+srv:// connection string').optional(),
  MONGODB_DB: z.string().default('resolutions'),
  MONGODB_SERVER_SELECTION_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  MONGODB_OPERATION_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(12 * 60 * 60),
  SEED_DEMO: flag.default(true),
  MAX_FRAME_BYTES: z.coerce.number().int().positive().default(2 * 1024 * 1024),
  MAX_FRAMES_PER_SECOND: z.coerce.number().int().positive().default(500),
  MAX_CONNECTIONS_PER_USER: z.coerce.number().int().positive().default(20),
  LIVENESS_CHECK_MS: z.coerce.number().int().positive().default(3_000),
  MAX_UNAUTHENTICATED_CONNECTIONS: z.coerce.number().int().positive().default(200),
  MAX_BYTES_BEFORE_SIGN_IN: z.coerce.number().int().positive().default(256 * 1024),
  MAX_SEND_BUFFER_BYTES: z.coerce.number().int().positive().default(8 * 1024 * 1024),
  DRAFTS_PER_HOUR: z.coerce.number().int().positive().default(30),
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().max(100 * 1024 * 1024).default(DEFAULT_IMPORT_MAX_BYTES),
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(100),
  AWARENESS_MAX_UPDATE_BYTES: z.coerce.number().int().positive().default(DEFAULT_AWARENESS_LIMITS.maxUpdateBytes),
  AWARENESS_MAX_STATE_BYTES: z.coerce.number().int().positive().default(DEFAULT_AWARENESS_LIMITS.maxStateBytes),
  AWARENESS_MAX_STATES_PER_CONNECTION: z.coerce.number().int().positive().default(DEFAULT_AWARENESS_LIMITS.maxStatesPerConnection),
  AWARENESS_MAX_STATES_PER_ROOM: z.coerce.number().int().positive().default(DEFAULT_AWARENESS_LIMITS.maxStatesPerRoom),
  IDLE_UNLOAD_MS: z.coerce.number().int().min(0).default(30_000),
  LIVE_DOCUMENT_IDLE_MS: z.coerce.number().int().positive().default(30_000),
  SNAPSHOT_EVERY: z.coerce.number().int().positive().default(500),
  CHECKPOINT_QUIET_MS: z.coerce.number().int().positive().default(2 * 60 * 1000),
  CHECKPOINT_EVERY_UPDATES: z.coerce.number().int().positive().default(2_000),
  KEEP_AUTO_VERSIONS: z.coerce.number().int().positive().default(200),
  SOCKET_EVENT_BURST: z.coerce.number().int().positive().default(20),
  SOCKET_EVENTS_PER_SECOND: z.coerce.number().positive().default(5),
  SOCKET_REFUSALS_BEFORE_DISCONNECT: z.coerce.number().int().positive().default(100),
  OPEN_THREADS_PER_DRAFT: z.coerce.number().int().positive().default(500),
  REPLIES_PER_THREAD: z.coerce.number().int().positive().default(200),
  COMMENTS_PER_USER_PER_HOUR: z.coerce.number().int().positive().default(300),
  PENDING_PROPOSALS_PER_DELEGATION: z.coerce.number().int().positive().default(200),
  PROPOSALS_PER_USER_PER_HOUR: z.coerce.number().int().positive().default(300),
  HISTORY_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  HISTORY_READS_PER_USER: z.coerce.number().int().positive().default(2),
  MAX_UNSAVED_BYTES: z.coerce.number().int().positive().default(32 * 1024 * 1024),
  DURABLE_WAIT_MS: z.coerce.number().int().positive().default(10_000),
  CLIENT_DIR: z.string().default(path.join('client', 'dist')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(\d+|[\w.:/, -]+)$/, 'must be a number of proxy hops or a list of addresses/subnets')
    .transform((v) => (/^\d+$/.test(v) ? Number(v) : v))
    .optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL').optional(),
  INSTANCE_ID: z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, "_", "-" and "." only, at most 64').optional(),
  PRESENCE_TTL_MS: z.coerce.number().int().min(1_000).default(30_000),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).default(2_000),
});

/** Parses the environment; throws a readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    mongodbUrl: e.MONGODB_URL ?? null,
    mongodbDatabase: e.MONGODB_DB,
    mongodbServerSelectionTimeoutMs: e.MONGODB_SERVER_SELECTION_TIMEOUT_MS,
    mongodbOperationTimeoutMs: e.MONGODB_OPERATION_TIMEOUT_MS,
    authSecret: e.AUTH_SECRET ?? null,
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    seedDemo: e.SEED_DEMO,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    maxFramesPerSecond: e.MAX_FRAMES_PER_SECOND,
    maxConnectionsPerUser: e.MAX_CONNECTIONS_PER_USER,
    livenessCheckMs: e.LIVENESS_CHECK_MS,
    maxUnauthenticatedConnections: e.MAX_UNAUTHENTICATED_CONNECTIONS,
    maxBytesBeforeSignIn: e.MAX_BYTES_BEFORE_SIGN_IN,
    maxSendBufferBytes: e.MAX_SEND_BUFFER_BYTES,
    draftsPerHour: e.DRAFTS_PER_HOUR,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    loginFailuresPerAccount: e.LOGIN_FAILURES_PER_ACCOUNT,
    loginFailuresPerAddress: e.LOGIN_FAILURES_PER_ADDRESS,
    awarenessLimits: {
      maxUpdateBytes: e.AWARENESS_MAX_UPDATE_BYTES,
      maxStateBytes: e.AWARENESS_MAX_STATE_BYTES,
      maxStatesPerConnection: e.AWARENESS_MAX_STATES_PER_CONNECTION,
      maxStatesPerRoom: e.AWARENESS_MAX_STATES_PER_ROOM,
    },
    idleUnloadMs: e.IDLE_UNLOAD_MS,
    liveDocumentIdleMs: e.LIVE_DOCUMENT_IDLE_MS,
    snapshotEvery: e.SNAPSHOT_EVERY,
    checkpointQuietMs: e.CHECKPOINT_QUIET_MS,
    checkpointEveryUpdates: e.CHECKPOINT_EVERY_UPDATES,
    keepAutoVersions: e.KEEP_AUTO_VERSIONS,
    socketEventBurst: e.SOCKET_EVENT_BURST,
    socketEventsPerSecond: e.SOCKET_EVENTS_PER_SECOND,
    socketRefusalsBeforeDisconnect: e.SOCKET_REFUSALS_BEFORE_DISCONNECT,
    openThreadsPerDraft: e.OPEN_THREADS_PER_DRAFT,
    repliesPerThread: e.REPLIES_PER_THREAD,
    commentsPerUserPerHour: e.COMMENTS_PER_USER_PER_HOUR,
    pendingProposalsPerDelegation: e.PENDING_PROPOSALS_PER_DELEGATION,
    proposalsPerUserPerHour: e.PROPOSALS_PER_USER_PER_HOUR,
    historyWorkers: e.HISTORY_WORKERS,
    historyReadsPerUser: e.HISTORY_READS_PER_USER,
    maxUnsavedBytes: e.MAX_UNSAVED_BYTES,
    durableWaitMs: e.DURABLE_WAIT_MS,
    clientDir: e.CLIENT_DIR ? path.resolve(e.CLIENT_DIR) : null,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN ?? null,
    trustProxy: e.TRUST_PROXY ?? null,
    redisUrl: e.REDIS_URL ?? null,
    instanceId: e.INSTANCE_ID ?? randomUUID(),
    presenceTtlMs: e.PRESENCE_TTL_MS,
    redisCommandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
  };
}

/** Configuration for tests: a throwaway data dir, port 0, quiet logs. */
export function testConfig(overrides: Partial<Config> & { dataDir: string }): Config {
  return { ...loadConfig({ PORT: '0', LOG_LEVEL: 'silent', CLIENT_DIR: '' }), ...overrides };
}
