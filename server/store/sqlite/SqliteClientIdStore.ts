import type { Database, Statement } from 'better-sqlite3';
import type { ClientIdStore } from '../types';

export class SqliteClientIdStore implements ClientIdStore {
  private readonly insertIfAbsent: Statement<[{ clientId: number; userId: string; at: string }]>;
  private readonly ownerOf: Statement<[number], { userId: string }>;

  constructor(db: Database) {
    this.insertIfAbsent = db.prepare(
      'INSERT INTO client_ids (client_id, user_id, claimed_at) VALUES (@clientId, @userId, @at) ON CONFLICT (client_id) DO NOTHING',
    );
    this.ownerOf = db.prepare('SELECT user_id AS userId FROM client_ids WHERE client_id = ?');
  }

  async claim(clientId: number, userId: string): Promise<string> {
    this.insertIfAbsent.run({ clientId, userId, at: new Date().toISOString() });
    return this.ownerOf.get(clientId)!.userId;
  }
}
