import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../../server/store/sqlite/openSqliteStore';

describe('openSqliteStore', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'open-sqlite-'));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('creates the data folder and the database file in write-ahead-log mode', async () => {
    const dataDir = path.join(root, 'nested', 'data');
    const store = await openSqliteStore(dataDir);
    expect(fs.existsSync(path.join(dataDir, SQLITE_FILE_NAME))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, `${SQLITE_FILE_NAME}-wal`))).toBe(true);
    await store.close();
  });

  it('opens an existing database again', async () => {
    await (await openSqliteStore(root)).close();
    const store = await openSqliteStore(root);
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
  });

  it('fails ping once closed', async () => {
    const store = await openSqliteStore(root);
    await store.close();
    await expect(store.ping()).rejects.toThrow();
  });
});
