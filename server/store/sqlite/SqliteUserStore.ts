import type { Database, Statement } from 'better-sqlite3';
import type { UserPatch, UserRecord, UserStore } from '../types';
import { insertUnique } from './insertUnique';

const COLUMNS = `id, username, display_name AS displayName, delegation, role,
  password_hash AS passwordHash, created_at AS createdAt`;

/** Every patchable column, null where the patch leaves it alone. */
type PatchRow = { [K in keyof Required<UserPatch>]: UserPatch[K] | null } & { id: string };

export class SqliteUserStore implements UserStore {
  private readonly insert: Statement<[UserRecord]>;
  private readonly byUsername: Statement<[string], UserRecord>;
  private readonly byId: Statement<[string], UserRecord>;
  private readonly all: Statement<[], UserRecord>;
  private readonly total: Statement<[], number>;
  private readonly patch: Statement<[PatchRow]>;
  private readonly removal: Statement<[string]>;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO users (id, username, display_name, delegation, role, password_hash, created_at)
      VALUES (@id, @username, @displayName, @delegation, @role, @passwordHash, @createdAt)`);
    this.byUsername = db.prepare(`SELECT ${COLUMNS} FROM users WHERE username = ?`);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
    this.all = db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY created_at, id`);
    this.total = db.prepare<[], number>('SELECT COUNT(*) FROM users').pluck();
    // A null parameter keeps the column as it is.
    this.patch = db.prepare(`UPDATE users SET display_name = COALESCE(@displayName, display_name),
      delegation = COALESCE(@delegation, delegation), role = COALESCE(@role, role),
      password_hash = COALESCE(@passwordHash, password_hash) WHERE id = @id`);
    this.removal = db.prepare('DELETE FROM users WHERE id = ?');
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

  async update(id: string, patch: UserPatch): Promise<UserRecord | null> {
    const { displayName = null, delegation = null, role = null, passwordHash = null } = patch;
    this.patch.run({ id, displayName, delegation, role, passwordHash });
    return this.byId.get(id) ?? null;
  }

  async remove(id: string): Promise<boolean> {
    return this.removal.run(id).changes > 0;
  }
}
