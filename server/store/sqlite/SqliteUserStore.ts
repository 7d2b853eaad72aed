import type { Database, Statement } from 'better-sqlite3';
import type { UserRecord, UserStore } from '../types';
import { insertUnique } from './insertUnique';

const COLUMNS = `id, username, display_name AS displayName, delegation, role,
  password_hash AS passwordHash, created_at AS createdAt`;

export class SqliteUserStore implements UserStore {
  private readonly insert: Statement<[UserRecord]>;
  private readonly byUsername: Statement<[string], UserRecord>;
  private readonly byId: Statement<[string], UserRecord>;
  private readonly all: Statement<[], UserRecord>;
  private readonly total: Statement<[], number>;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO users (id, username, display_name, delegation, role, password_hash, created_at)
      VALUES (@id, @username, @displayName, @delegation, @role, @passwordHash, @createdAt)`);
    this.byUsername = db.prepare(`SELECT ${COLUMNS} FROM users WHERE username = ?`);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
    this.all = db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY created_at, id`);
    this.total = db.prepare<[], number>('SELECT COUNT(*) FROM users').pluck();
  }

  async create(user: UserRecord): Promise<void> {
    insertUnique(`User ${user.username}`, () => this.insert.run(user));
  }

  async findByUsername(username: string): Promise<UserRecord | null> {
    return this.byUsername.get(username) ?? null;
  }

  async findById(id: string): Promise<UserRecord | null> {
    return this.byId.get(id) ?? null;
  }

  async list(): Promise<UserRecord[]> {
    return this.all.all();
  }

  async count(): Promise<number> {
    return this.total.get() ?? 0;
  }
}
