import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CorruptionLog } from '../corruption';
import type { Store } from '../types';
import { StoredDataVerifier } from '../verifyStored';
import { migrate } from './schema';
import { SqliteAuditStore } from './SqliteAuditStore';
import { SqliteClientIdStore } from './SqliteClientIdStore';
import { SqliteCommentStore } from './SqliteCommentStore';
import { SqliteDocumentStore } from './SqliteDocumentStore';
import { SqliteDraftStore } from './SqliteDraftStore';
import { SqliteMembershipStore } from './SqliteMembershipStore';
import { SqliteNegotiationStore } from './SqliteNegotiationStore';
import { SqliteParagraphStatusStore } from './SqliteParagraphStatusStore';
import { SqliteProposalStore } from './SqliteProposalStore';
import { SqliteSponsorStore } from './SqliteSponsorStore';
import { SqliteSilenceStore } from './SqliteSilenceStore';
import { SqliteUserStore } from './SqliteUserStore';
import { SqliteVersionStore } from './SqliteVersionStore';

export const SQLITE_FILE_NAME = 'resolutions.sqlite';

/** Opens (creating if needed) the embedded store in `<dataDir>/resolutions.sqlite`. */
export async function openSqliteStore(dataDir: string): Promise<Store> {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME));
  try {
    // First: another process (a second instance, a backup) holding a lock makes us wait, not fail,
    // from the switch to WAL on. Several server processes may share the file on one host: every
    // write transaction is BEGIN IMMEDIATE, and WAL lets readers go on while one of them writes.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // FULL: a commit that returned is on disk even after a power cut (NORMAL may lose the last ones in WAL mode).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // better-sqlite3 builds SQLite with a 16 MB page cache per connection (SQLite's own default is 2 MB). It fills
    // as the log grows and stays full: the soak saw that as RSS rising ~30 MiB/h for half an hour. Appends touch only
    // the last pages, and reads of a log are single passes that the OS page cache serves as well: 2 MB is enough.
    db.pragma('cache_size = -2000');
    migrate(db);
    const corruption = new CorruptionLog();
    const verify = new StoredDataVerifier(corruption);
    return {
      users: new SqliteUserStore(db),
      negotiations: new SqliteNegotiationStore(db),
      memberships: new SqliteMembershipStore(db),
      audit: new SqliteAuditStore(db),
      drafts: new SqliteDraftStore(db),
      documents: new SqliteDocumentStore(db, verify),
      comments: new SqliteCommentStore(db),
      versions: new SqliteVersionStore(db, verify),
      corruption,
      clientIds: new SqliteClientIdStore(db),
      paragraphStatuses: new SqliteParagraphStatusStore(db),
      sponsors: new SqliteSponsorStore(db),
      silences: new SqliteSilenceStore(db),
      proposals: new SqliteProposalStore(db),
      async ping() {
        db.prepare('SELECT 1').get();
      },
      async close() {
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
