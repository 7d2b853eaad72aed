import path from 'node:path';
import { z } from 'zod';

/** Typed configuration, read once from the environment in main.ts and passed down. */
export interface Config {
  host: string;
  port: number;
  /** Embedded SQLite lives here when no MongoDB URL is set; also holds the generated token secret. */
  dataDir: string;
  mongodbUrl: string | null;
  mongodbDatabase: string;
  /** Signs session tokens. When unset, a random one is generated and kept in dataDir. */
  authSecret: string | null;
  tokenTtlSeconds: number;
  /** Seed demo accounts and the demo draft into an empty store. */
  seedDemo: boolean;
  /** Largest websocket frame accepted on the Yjs channel. */
  maxFrameBytes: number;
  /** Frames per second one connection may send before it is closed. */
  maxFramesPerSecond: number;
  /** Milliseconds a document without connections stays in memory. */
  idleUnloadMs: number;
  /** Log entries after the snapshot that trigger a new snapshot. */
  snapshotEvery: number;
  /** An automatic checkpoint follows this long a pause in editing... */
  checkpointQuietMs: number;
  /** ...or this many changes, whichever comes first. */
  checkpointEveryUpdates: number;
  /** Automatic checkpoints kept per draft (named versions are never pruned). */
  keepAutoVersions: number;
  /** Accepted but unwritten update bytes past which Yjs connections are closed (4503) and refused. */
  maxUnsavedBytes: number;
  /** Longest wait for a write before a newcomer's sync (4503) or a version request (503) gives up. */
  durableWaitMs: number;
  /** Serve the built client from this folder (null: API only). */
  clientDir: string | null;
  logLevel: string;
}

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const EnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  // A regex rather than coercion: an empty PORT= must be an error, not a random port 0.
  PORT: z.string().regex(/^\d+$/, 'must be a port number').default('3000').transform(Number).pipe(z.number().max(65535)),
  DATA_DIR: z.string().default('./data'),
  MONGODB_URL: z.string().url().optional(),
  MONGODB_DB: z.string().default('resolutions'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(12 * 60 * 60),
  SEED_DEMO: flag.default(true),
  MAX_FRAME_BYTES: z.coerce.number().int().positive().default(2 * 1024 * 1024),
  MAX_FRAMES_PER_SECOND: z.coerce.number().int().positive().default(500),
  IDLE_UNLOAD_MS: z.coerce.number().int().min(0).default(30_000),
  SNAPSHOT_EVERY: z.coerce.number().int().positive().default(500),
  CHECKPOINT_QUIET_MS: z.coerce.number().int().positive().default(2 * 60 * 1000),
  CHECKPOINT_EVERY_UPDATES: z.coerce.number().int().positive().default(2_000),
  KEEP_AUTO_VERSIONS: z.coerce.number().int().positive().default(200),
  MAX_UNSAVED_BYTES: z.coerce.number().int().positive().default(32 * 1024 * 1024),
  DURABLE_WAIT_MS: z.coerce.number().int().positive().default(10_000),
  CLIENT_DIR: z.string().default(path.join('client', 'dist')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
    authSecret: e.AUTH_SECRET ?? null,
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    seedDemo: e.SEED_DEMO,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    maxFramesPerSecond: e.MAX_FRAMES_PER_SECOND,
    idleUnloadMs: e.IDLE_UNLOAD_MS,
    snapshotEvery: e.SNAPSHOT_EVERY,
    checkpointQuietMs: e.CHECKPOINT_QUIET_MS,
    checkpointEveryUpdates: e.CHECKPOINT_EVERY_UPDATES,
    keepAutoVersions: e.KEEP_AUTO_VERSIONS,
    maxUnsavedBytes: e.MAX_UNSAVED_BYTES,
    durableWaitMs: e.DURABLE_WAIT_MS,
    clientDir: e.CLIENT_DIR ? path.resolve(e.CLIENT_DIR) : null,
    logLevel: e.LOG_LEVEL,
  };
}

/** Configuration for tests: a throwaway data dir, port 0, quiet logs. */
export function testConfig(overrides: Partial<Config> & { dataDir: string }): Config {
  return { ...loadConfig({ PORT: '0', LOG_LEVEL: 'silent', CLIENT_DIR: '' }), ...overrides };
}
