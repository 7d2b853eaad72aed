import type { Database, Statement } from 'better-sqlite3';
import type { UserPatch, UserRecord, UserStore } from '../types';
import { insertUnique } from './insertUnique';

const COLUMNS = `id, username, display_name AS displayName, admin,
  password_hash AS passwordHash, created_at AS createdAt`;

type UserRow = Omit<UserRecord, 'admin'> & { admin: number };

const fromRow = (row: UserRow | undefined): UserRecord | null => (row ? { ...row, admin: row.admin === 1 } : null);

/** Every patchable column, null where the patch leaves it alone. */
type PatchRow = { displayName: string | null; admin: number | null; passwordHash: string | null; id: string };

export class SqliteUserStore implements UserStore {
  private readonly insert: Statement<[UserRow]>;
  private readonly byUsername: Statement<[string], UserRow>;
  private readonly byId: Statement<[string], UserRow>;
  private readonly all: Statement<[], UserRow>;
  private readonly total: Statement<[], number>;
  private readonly patch: Statement<[PatchRow]>;
  private readonly removal: Statement<[string]>;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO users (id, username, display_name, admin, password_hash, created_at)
      VALUES (@id, @username, @displayName, @admin, @passwordHash, @createdAt)`);
    this.byUsername = db.prepare(`SELECT ${COLUMNS} FROM users WHERE username = ?`);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
    this.all = db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY created_at, id`);
    this.total = db.prepare<[], number>('SELECT COUNT(*) FROM users').pluck();
    // A null parameter keeps the column as it is.
    this.patch = db.prepare(`UPDATE users SET display_name = COALESCE(@displayName, display_name),
      admin = COALESCE(@admin, admin),
      password_hash = COALESCE(@passwordHash, password_hash) WHERE id = @id`);
    this.removal = db.prepare('DELETE FROM users WHERE id = ?');
  }

  async create(user: UserRecord): Promise<void> {
    insertUnique(`User ${user.username}`, () => this.insert.run({ ...user, admin: user.admin ? 1 : 0 }));
  }

  async findByUsername(username: string): Promise<UserRecord | null> {
    return fromRow(this.byUsername.get(username));
  }

  async findById(id: string): Promise<UserRecord | null> {
    return fromRow(this.byId.get(id));
  }

  async list(): Promise<UserRecord[]> {
    return this.all.all().map((row) => fromRow(row)!);
  }

  async count(): Promise<number> {
    return this.total.get() ?? 0;
  }

  async update(id: string, patch: UserPatch): Promise<UserRecord | null> {
    const { displayName = null, admin, passwordHash = null } = patch;
    this.patch.run({ id, displayName, admin: admin === undefined ? null : admin ? 1 : 0, passwordHash });
    return fromRow(this.byId.get(id));
  }

  async remove(id: string): Promise<boolean> {
    return this.removal.run(id).changes > 0;
  }
}
