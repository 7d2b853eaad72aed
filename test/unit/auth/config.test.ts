import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, testConfig } from '../../../server/config';
import { openMongoStore } from '../../../server/store/mongo/openMongoStore';
import { openStore } from '../../../server/store/openStore';
import { SQLITE_FILE_NAME } from '../../../server/store/sqlite/openSqliteStore';

// The MongoDB adapter is replaced: these tests are about which adapter is chosen, not about MongoDB.
jest.mock('../../../server/store/mongo/openMongoStore', () => ({ openMongoStore: jest.fn() }));

const problemsOf = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

describe('configuration', () => {
  it('turns multi-instance mode on with REDIS_URL, and names each process uniquely unless INSTANCE_ID says otherwise', () => {
    expect(loadConfig({}).redisUrl).toBeNull();
    expect(loadConfig({}).instanceId).not.toBe(loadConfig({}).instanceId);
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379', INSTANCE_ID: 'app-1' })).toMatchObject({ redisUrl: 'redis://cache:6379', instanceId: 'app-1' });
    expect(problemsOf({ REDIS_URL: 'cache:6379' })).toContain('REDIS_URL');
    expect(problemsOf({ INSTANCE_ID: 'a b' })).toContain('INSTANCE_ID');
  });

  it('reads how long to wait for a Redis answer: 2 s by default, at least 100 ms', () => {
    expect(loadConfig({}).redisCommandTimeoutMs).toBe(2_000);
    expect(loadConfig({ REDIS_COMMAND_TIMEOUT_MS: '750' }).redisCommandTimeoutMs).toBe(750);
    expect(problemsOf({ REDIS_COMMAND_TIMEOUT_MS: '50' })).toContain('REDIS_COMMAND_TIMEOUT_MS');
  });

  it('has defaults for everything', () => {
    expect(loadConfig({})).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      dataDir: path.resolve('data'),
      mongodbUrl: null,
      mongodbDatabase: 'resolutions',
      authSecret: null,
      tokenTtlSeconds: 12 * 60 * 60,
      seedDemo: true,
      maxFrameBytes: 2 * 1024 * 1024,
      maxFramesPerSecond: 500,
      idleUnloadMs: 30_000,
      snapshotEvery: 500,
      clientDir: path.resolve('client', 'dist'),
      logLevel: 'info',
    });
  });

  it('reads the awareness limits, with defaults', () => {
    expect(loadConfig({}).awarenessLimits).toEqual({ maxUpdateBytes: 1024 * 1024, maxStateBytes: 2048, maxStatesPerConnection: 4, maxStatesPerRoom: 1000 });
    const env = {
      AWARENESS_MAX_UPDATE_BYTES: '65536',
      AWARENESS_MAX_STATE_BYTES: '512',
      AWARENESS_MAX_STATES_PER_CONNECTION: '2',
      AWARENESS_MAX_STATES_PER_ROOM: '50',
    };
    expect(loadConfig(env).awarenessLimits).toEqual({ maxUpdateBytes: 65536, maxStateBytes: 512, maxStatesPerConnection: 2, maxStatesPerRoom: 50 });
    expect(problemsOf({ AWARENESS_MAX_STATES_PER_ROOM: '0' })).toMatch(/AWARENESS_MAX_STATES_PER_ROOM/);
  });

  it('reads and converts the environment', () => {
    expect(
      loadConfig({
        HOST: '0.0.0.0',
        PORT: '8080',
        DATA_DIR: '/var/lib/resolutions',
        AUTH_SECRET: 'x'.repeat(32),
        TOKEN_TTL_SECONDS: '60',
        SEED_DEMO: 'off',
        MAX_FRAME_BYTES: '65536',
        MAX_FRAMES_PER_SECOND: '20',
        CLIENT_DIR: '',
        LOG_LEVEL: 'warn',
      }),
    ).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/var/lib/resolutions',
      authSecret: 'x'.repeat(32),
      tokenTtlSeconds: 60,
      seedDemo: false,
      maxFrameBytes: 65536,
      maxFramesPerSecond: 20,
      clientDir: null,
      logLevel: 'warn',
    });
  });

  it.each([
    ['1', true],
    ['yes', true],
    ['on', true],
    ['0', false],
    ['false', false],
    ['no', false],
  ])('reads SEED_DEMO=%s as %s', (value, expected) => {
    expect(loadConfig({ SEED_DEMO: value }).seedDemo).toBe(expected);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['MONGODB_URL', 'not a url'],
    ['AUTH_SECRET', 'too short'],
    ['SEED_DEMO', 'maybe'],
    ['MAX_FRAME_BYTES', '0'],
    ['LOG_LEVEL', 'verbose'],
  ])('refuses %s=%s with a readable error naming it', (name, value) => {
    const message = problemsOf({ [name]: value });
    expect(message).toMatch(new RegExp(`^Invalid configuration:\\n  ${name}: \\S`));
  });

  it('reads the metrics token and the proxy trust, refusing a short token and a malformed trust', () => {
    expect(loadConfig({})).toMatchObject({ metricsToken: null, trustProxy: null });
    expect(loadConfig({ METRICS_TOKEN: 'scrape-token-0123456789', TRUST_PROXY: '1' })).toMatchObject({
      metricsToken: 'scrape-token-0123456789',
      trustProxy: 1,
    });
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(problemsOf({ METRICS_TOKEN: 'short' })).toMatch(/METRICS_TOKEN: METRICS_TOKEN must be at least 16 characters/);
    expect(problemsOf({ TRUST_PROXY: '1; rm' })).toMatch(/TRUST_PROXY: must be a number of proxy hops/);
  });

  it('names every bad variable at once', () => {
    const message = problemsOf({ PORT: 'abc', AUTH_SECRET: 'short', LOG_LEVEL: 'loud' });
    expect(message.split('\n').slice(1)).toEqual([
      expect.stringMatching(/^ {2}PORT: /),
      '  AUTH_SECRET: AUTH_SECRET must be at least 32 characters',
      expect.stringMatching(/^ {2}LOG_LEVEL: /),
    ]);
  });

  it('gives tests port 0, no logs and no browser app, with their overrides', () => {
    expect(testConfig({ dataDir: '/tmp/x', maxFrameBytes: 1024 })).toMatchObject({
      port: 0,
      logLevel: 'silent',
      clientDir: null,
      dataDir: '/tmp/x',
      maxFrameBytes: 1024,
    });
  });

  describe('MongoDB settings', () => {
    it.each([
      'mongodb://localhost:27017',
      'mongodb://h1,h2,h3/?replicaSet=rs0',
      'mongodb://h1:27017,h2:27017,h3:27017/?replicaSet=rs0',
      'mongodb://user:p%40ss@h1:27017,h2:27017/resolutions?replicaSet=rs0&authSource=admin',
      'mongodb+srv://cluster0.example.net/?retryWrites=true',
    ])('accepts the connection string %s', (url) => {
      expect(loadConfig({ MONGODB_URL: url }).mongodbUrl).toBe(url);
    });

    it.each(['http://localhost:27017', 'localhost:27017', 'mongodb://', 'mongodb:// h1'])('refuses %s', (url) => {
      expect(problemsOf({ MONGODB_URL: url })).toMatch(/MONGODB_URL: must be a mongodb:\/\/ or mongodb\+srv:\/\/ connection string/);
    });

    it('reads the timeouts, with defaults', () => {
      expect(loadConfig({})).toMatchObject({ mongodbServerSelectionTimeoutMs: 10_000, mongodbOperationTimeoutMs: 15_000 });
      expect(loadConfig({ MONGODB_SERVER_SELECTION_TIMEOUT_MS: '2000', MONGODB_OPERATION_TIMEOUT_MS: '5000' })).toMatchObject({
        mongodbServerSelectionTimeoutMs: 2000,
        mongodbOperationTimeoutMs: 5000,
      });
      expect(problemsOf({ MONGODB_OPERATION_TIMEOUT_MS: '0' })).toMatch(/MONGODB_OPERATION_TIMEOUT_MS/);
    });
  });

  describe('MONGODB_URL chooses the store', () => {
    let dataDir: string;
    beforeEach(() => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-store-'));
    });
    afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it('is unset by default: the embedded SQLite file in DATA_DIR', async () => {
      const config = loadConfig({ DATA_DIR: dataDir });
      const store = await openStore(config);
      await store.close();
      expect(fs.existsSync(path.join(dataDir, SQLITE_FILE_NAME))).toBe(true);
      expect(openMongoStore).not.toHaveBeenCalled();
    });

    it('when set: MongoDB with MONGODB_DB, and no SQLite file', async () => {
      const config = loadConfig({ DATA_DIR: dataDir, MONGODB_URL: 'mongodb://db.example:27017', MONGODB_DB: 'negotiations' });
      expect(config.mongodbUrl).toBe('mongodb://db.example:27017');
      const fakeStore = {};
      jest.mocked(openMongoStore).mockResolvedValueOnce(fakeStore as Awaited<ReturnType<typeof openMongoStore>>);
      expect(await openStore(config)).toBe(fakeStore);
      expect(openMongoStore).toHaveBeenCalledWith('mongodb://db.example:27017', 'negotiations', { serverSelectionMs: 10_000, operationMs: 15_000 });
      expect(fs.existsSync(path.join(dataDir, SQLITE_FILE_NAME))).toBe(false);
    });
  });
});
