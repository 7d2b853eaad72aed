import { randomUUID } from 'node:crypto';
import { blankResolution } from '../shared/draftTemplate';
import { DEMO_DRAFT } from '../server/domain/seed/demoDraft';
import { createDraft, listDrafts, login, readParagraphs } from './ourApi';
import { mapLimit } from './pool';
import { hasText, outlineUpdate } from './seedContent';
import { startOurs, startReference, type ServerName, type ServerProcess } from './servers';
import { until } from './wait';
import { BenchClient } from './yjsClient';

/** A document for a client to open; `seed` is the text the client writes first, if the server has none yet. */
export interface PreparedDoc {
  id: string;
  seed: Uint8Array | null;
}

/** What differs between the two servers, so that the scenarios are written once. */
export interface Target {
  readonly server: ServerProcess;
  /** Record a V8 CPU profile of each measured window. */
  readonly profile: boolean;
  /** Websocket URL of client number `clientIndex` on a document. */
  clientUrl(docId: string, clientIndex: number): string;
  /** A document holding the demo draft's text before any client connects. */
  demoDoc(): Promise<string>;
  /** `count` documents that are to hold a new draft's template text, none loaded yet. */
  templateDocs(count: number): Promise<PreparedDoc[]>;
  /** What the web client reads over HTTP as it opens a document, before its websocket (ours only). */
  readAsBrowser?(docId: string, clientIndex: number): Promise<void>;
}

/** Accounts that may edit; clients take them in turn so every writer may write. */
const EDITORS = ['chair', 'kazakhstan', 'belarus', 'eu', 'usa', 'philippines', 'nigeria'];
const templateTitle = (i: number) => `Bench draft ${i + 1}`;

export async function startTarget(name: ServerName, profile: boolean): Promise<Target> {
  if (name === 'reference') return referenceTarget(await startReference(), profile);
  const server = await startOurs();
  try {
    return await oursTarget(server, profile);
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/**
 * Ours: every connection signs in with a token; drafts are made through the REST API. The tokens
 * come from `signInAt`, another instance with the same AUTH_SECRET when several share a store.
 */
export async function oursTarget(server: ServerProcess, profile: boolean, signInAt = server.url): Promise<Target> {
  const tokens = await Promise.all(EDITORS.map((username) => login(signInAt, username)));
  const wsBase = server.url.replace('http', 'ws');
  return {
    server,
    profile,
    clientUrl: (docId, clientIndex) =>
      `${wsBase}/yjs/${encodeURIComponent(docId)}?token=${tokens[clientIndex % tokens.length]}`,
    async demoDoc() {
      const demo = (await listDrafts(server.url, tokens[0])).find((d) => d.symbol === DEMO_DRAFT.symbol);
      if (!demo) throw new Error('our server did not seed the demo draft');
      return demo.id;
    },
    async templateDocs(count) {
      const ids = await mapLimit(Array.from({ length: count }, (_, i) => i), 8, (i) =>
        createDraft(server.url, tokens[0], templateTitle(i)),
      );
      return ids.map((id) => ({ id, seed: null }));
    },
    readAsBrowser: (docId, clientIndex) => readParagraphs(server.url, tokens[clientIndex % tokens.length], docId),
  };
}

/** The reference: no auth, a document exists once someone connects; clients bring the text. */
export function referenceTarget(server: ServerProcess, profile: boolean): Target {
  const wsBase = server.url.replace('http', 'ws');
  const clientUrl = (docId: string) => `${wsBase}/yjs/${docId}`;
  return {
    server,
    profile,
    clientUrl,
    async demoDoc() {
      // The reference keeps a document in memory after its last client leaves, so a
      // short-lived writer leaves it as our server's seeded demo draft: text, no clients.
      const id = `bench-demo-${randomUUID()}`;
      const writer = new BenchClient(clientUrl(id));
      const reader = new BenchClient(clientUrl(id));
      try {
        await writer.synced;
        writer.apply(outlineUpdate(DEMO_DRAFT));
        await reader.synced;
        if (!(await until(() => hasText(reader.doc), 5_000))) throw new Error('demo text did not reach the reference server');
      } finally {
        writer.close();
        reader.close();
      }
      return id;
    },
    async templateDocs(count) {
      return Array.from({ length: count }, (_, i) => ({
        id: `bench-${randomUUID()}`,
        seed: outlineUpdate(blankResolution(templateTitle(i), '')),
      }));
    },
  };
}
