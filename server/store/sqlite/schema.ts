import type { Database } from 'better-sqlite3';

/** MIGRATIONS[n] takes a database from user_version n to n + 1. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE IF NOT EXISTS users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    delegation    TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
  );

  CREATE TABLE IF NOT EXISTS drafts (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    symbol     TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS drafts_updated_at ON drafts (updated_at DESC);

  -- AUTOINCREMENT: a seq is never reused, even after the newest rows are gone.
  CREATE TABLE IF NOT EXISTS updates (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id  TEXT NOT NULL,
    data      BLOB NOT NULL,
    author_id TEXT NOT NULL,
    at        TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS updates_draft_seq ON updates (draft_id, seq);

  CREATE TABLE IF NOT EXISTS snapshots (
    draft_id TEXT PRIMARY KEY,
    seq      INTEGER NOT NULL,
    state    BLOB NOT NULL
  );

  CREATE TABLE IF NOT EXISTS comments (
    id          TEXT PRIMARY KEY,
    draft_id    TEXT NOT NULL,
    thread_id   TEXT NOT NULL,
    author_id   TEXT NOT NULL,
    author_name TEXT NOT NULL,
    delegation  TEXT NOT NULL,
    text        TEXT NOT NULL,
    anchor      TEXT,
    created_at  TEXT NOT NULL,
    edited_at   TEXT,
    deleted_at  TEXT,
    resolved_at TEXT,
    resolved_by TEXT
  );
  CREATE INDEX IF NOT EXISTS comments_draft_created ON comments (draft_id, created_at);
  CREATE INDEX IF NOT EXISTS comments_thread_created ON comments (thread_id, created_at);

  CREATE TABLE IF NOT EXISTS versions (
    id              TEXT PRIMARY KEY,
    draft_id        TEXT NOT NULL,
    kind            TEXT NOT NULL,
    name            TEXT,
    created_at      TEXT NOT NULL,
    created_by      TEXT,
    created_by_name TEXT,
    seq             INTEGER NOT NULL,
    size            INTEGER NOT NULL,
    state           BLOB NOT NULL
  );
  CREATE INDEX IF NOT EXISTS versions_draft_created ON versions (draft_id, created_at DESC, id DESC);
  CREATE INDEX IF NOT EXISTS versions_draft_kind_created ON versions (draft_id, kind, created_at DESC, id DESC);
  `,
  // Checksums of every stored blob (NULL on rows written before), and snapshots as a short history
  // per draft, so a damaged newest snapshot falls back to the one before it.
  `
  ALTER TABLE updates ADD COLUMN checksum INTEGER;
  ALTER TABLE versions ADD COLUMN checksum INTEGER;
  CREATE TABLE snapshot_history (
    draft_id TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    state    BLOB NOT NULL,
    checksum INTEGER,
    PRIMARY KEY (draft_id, seq)
  );
  INSERT INTO snapshot_history (draft_id, seq, state) SELECT draft_id, seq, state FROM snapshots;
  DROP TABLE snapshots;
  ALTER TABLE snapshot_history RENAME TO snapshots;
  `,
  // Yjs client ids, each bound to the first user who wrote with it.
  `
  CREATE TABLE IF NOT EXISTS client_ids (
    client_id  INTEGER PRIMARY KEY,
    user_id    TEXT NOT NULL,
    claimed_at TEXT NOT NULL
  );
  `,
  // Negotiations: drafts belong to one, roles and delegations are per negotiation, an audit log.
  // What existed before moves into a default negotiation with every account as a member in its
  // old role; facilitators, who ran the whole server, become its administrators.
  `
  CREATE TABLE negotiations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    body       TEXT NOT NULL,
    starts_on  TEXT,
    ends_on    TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  );
  CREATE TABLE memberships (
    negotiation_id TEXT NOT NULL,
    user_id        TEXT NOT NULL,
    role           TEXT NOT NULL,
    delegation     TEXT NOT NULL,
    added_at       TEXT NOT NULL,
    added_by       TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, user_id)
  );
  CREATE INDEX memberships_user ON memberships (user_id);
  CREATE TABLE audit (
    id             TEXT PRIMARY KEY,
    at             TEXT NOT NULL,
    negotiation_id TEXT,
    actor_id       TEXT,
    actor_name     TEXT NOT NULL,
    action         TEXT NOT NULL,
    target         TEXT NOT NULL,
    detail         TEXT NOT NULL
  );
  CREATE INDEX audit_negotiation_at ON audit (negotiation_id, at DESC, id DESC);
  ALTER TABLE users ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE drafts ADD COLUMN negotiation_id TEXT NOT NULL DEFAULT '';
  CREATE INDEX drafts_negotiation ON drafts (negotiation_id, updated_at DESC);
  INSERT INTO negotiations (id, name, body, starts_on, ends_on, created_at, created_by)
    SELECT 'default', 'Negotiation', '', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'migration'
    WHERE EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM drafts);
  INSERT INTO memberships (negotiation_id, user_id, role, delegation, added_at, added_by)
    SELECT 'default', id, role, delegation, created_at, 'migration' FROM users;
  UPDATE users SET admin = 1 WHERE role = 'facilitator';
  UPDATE drafts SET negotiation_id = 'default';
  ALTER TABLE users DROP COLUMN role;
  ALTER TABLE users DROP COLUMN delegation;
  ALTER TABLE comments ADD COLUMN visibility TEXT NOT NULL DEFAULT 'all';
  `,
  // Paragraph statuses (issue 10): the current one per paragraph, and every change to it.
  `
  CREATE TABLE paragraph_statuses (
    draft_id      TEXT NOT NULL,
    paragraph_id  TEXT NOT NULL,
    status        TEXT NOT NULL,
    pending       TEXT NOT NULL,
    PRIMARY KEY (draft_id, paragraph_id)
  );
  CREATE TABLE paragraph_status_changes (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id      TEXT NOT NULL,
    paragraph_id  TEXT NOT NULL,
    from_status   TEXT NOT NULL,
    to_status     TEXT NOT NULL,
    pending       TEXT NOT NULL,
    note          TEXT,
    by_user_id    TEXT NOT NULL,
    by_name       TEXT NOT NULL,
    at            TEXT NOT NULL
  );
  CREATE INDEX paragraph_status_changes_draft ON paragraph_status_changes (draft_id, id);
  `,
  // Sponsors and co-sponsors of a draft (issue 10): the current lists, and every change to them.
  `
  CREATE TABLE draft_sponsors (
    draft_id    TEXT PRIMARY KEY,
    sponsors    TEXT NOT NULL,
    cosponsors  TEXT NOT NULL
  );
  CREATE TABLE draft_sponsor_changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id    TEXT NOT NULL,
    change      TEXT NOT NULL
  );
  CREATE INDEX draft_sponsor_changes_draft ON draft_sponsor_changes (draft_id, id);
  `,
  // Silence procedures (issue 10): breaks and the starting facilitator as JSON, read whole.
  `
  CREATE TABLE silences (
    id           TEXT PRIMARY KEY,
    draft_id     TEXT NOT NULL,
    until        TEXT NOT NULL,
    zone         TEXT NOT NULL,
    started_by   TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    state        TEXT NOT NULL,
    concluded_at TEXT,
    breaks       TEXT NOT NULL
  );
  CREATE INDEX silences_draft ON silences (draft_id, started_at);
  CREATE INDEX silences_open ON silences (state);
  `,
  // Proposals (issue 11): anchor, lists, decision, result and events as JSON, read whole; and
  // each draft's editing rule for delegates, 'direct' for the drafts that existed before.
  `
  CREATE TABLE proposals (
    id             TEXT PRIMARY KEY,
    draft_id       TEXT NOT NULL,
    negotiation_id TEXT NOT NULL,
    kind           TEXT NOT NULL,
    status         TEXT NOT NULL,
    author_id      TEXT NOT NULL,
    author_name    TEXT NOT NULL,
    delegation     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    round          TEXT,
    paragraph_id   TEXT NOT NULL,
    anchor         TEXT,
    text           TEXT,
    paragraph_type TEXT,
    level          INTEGER,
    justification  TEXT,
    supporters     TEXT NOT NULL,
    objectors      TEXT NOT NULL,
    decided_by     TEXT,
    result         TEXT,
    events         TEXT NOT NULL
  );
  CREATE INDEX proposals_draft_created ON proposals (draft_id, created_at, id);
  CREATE INDEX proposals_draft_delegation_status ON proposals (draft_id, delegation, status);
  CREATE INDEX proposals_draft_author_created ON proposals (draft_id, author_id, created_at);
  ALTER TABLE drafts ADD COLUMN editing TEXT NOT NULL DEFAULT 'direct';
  `,
  // Several writers (issue 13): seqs count per draft (unique per draft, so no longer the rowid;
  // earlier entries keep theirs), and each entry names the batch it was appended in, so a batch
  // retried after an unknown outcome is found instead of stored twice.
  `
  CREATE TABLE updates_per_draft (
    draft_id    TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    data        BLOB NOT NULL,
    author_id   TEXT NOT NULL,
    at          TEXT NOT NULL,
    checksum    INTEGER,
    batch_id    TEXT,
    batch_index INTEGER
  );
  INSERT INTO updates_per_draft (rowid, draft_id, seq, data, author_id, at, checksum)
    SELECT seq, draft_id, seq, data, author_id, at, checksum FROM updates;
  DROP TABLE updates;
  ALTER TABLE updates_per_draft RENAME TO updates;
  CREATE UNIQUE INDEX updates_draft_seq ON updates (draft_id, seq);
  CREATE UNIQUE INDEX updates_batch ON updates (batch_id, batch_index) WHERE batch_id IS NOT NULL;
  `,
  // A named version's name is unique per draft, also between instances: the key (versionNameKey)
  // is filled by rows written from now on; earlier rows, duplicates included, keep NULL as they are.
  `
  ALTER TABLE versions ADD COLUMN name_key TEXT;
  CREATE UNIQUE INDEX versions_named ON versions (draft_id, name_key) WHERE name_key IS NOT NULL;
  `,
];

/** The negotiation that migration 4 moves earlier drafts and accounts into. */
export const MIGRATED_NEGOTIATION_ID = 'default';

/** One per entry in MIGRATIONS; stored in PRAGMA user_version. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the schema up to SCHEMA_VERSION; refuses a file written by a newer version. */
export function migrate(db: Database): void {
  // IMMEDIATE: two servers starting on the same file cannot both run a migration.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new Error(`Database schema version ${current} is newer than this server supports (${SCHEMA_VERSION})`);
    }
    for (let version = current; version < SCHEMA_VERSION; version++) db.exec(MIGRATIONS[version]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
