import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DraftSummary } from '../../shared/drafts';
import type { ImportPreview } from '../../shared/draftImport';
import { firstDraftId, login, startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { removeTestData } from '../helpers/storeUnderTest';
import { uploadFile } from '../helpers/upload';
import { PLAIN_TEXT_DRAFT } from '../unit/documents/draftFixtures';

const ROOT = path.resolve(__dirname, '..', '..');
/** Packages few requests (or only other deployments) need: the server must not load them at start. */
const LOADED_AT_FIRST_USE = ['mongodb', 'redis', '@socket.io/redis-adapter', 'docx', 'fast-xml-parser', 'jszip', 'multer'];

interface Metafile {
  outputs: Record<string, { imports: Array<{ path: string; kind: string; external?: boolean }> }>;
}

/** `npm run build:server`'s own command, into `outdir`, with esbuild's description of the output. */
function buildServer(outdir: string): Metafile {
  const script = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build:server'];
  const metafile = path.join(outdir, 'meta.json');
  execSync(`npx ${script.replace('--outdir=dist/server', `--outdir=${outdir}`)} --metafile=${metafile}`, { cwd: ROOT, stdio: 'pipe' });
  return JSON.parse(fs.readFileSync(metafile, 'utf8')) as Metafile;
}

/**
 * The packages an output loads: as it starts (its static imports and those of the chunks they
 * import), or ever (dynamic imports followed too).
 */
function packagesLoaded(meta: Metafile, output: string, when: 'at start' | 'ever', seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  for (const { path: imported, kind, external } of meta.outputs[output].imports) {
    if (when === 'at start' && kind !== 'import-statement') continue;
    if (external) packages.add(imported);
    else if (!seen.has(imported)) {
      seen.add(imported);
      packagesLoaded(meta, imported, when, seen).forEach((name) => packages.add(name));
    }
  }
  return packages;
}

describe('the production bundle (npm run build:server)', () => {
  let outdir: string;
  let meta: Metafile;
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    // Inside the project (dist/ is git-ignored), where the bundle finds node_modules.
    fs.mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
    outdir = fs.mkdtempSync(path.join(ROOT, 'dist', 'bundle-test-'));
    meta = buildServer(outdir);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'server-bundle-data-'));
  }, 60_000);
  afterAll(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await removeTestData(dataDir);
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  /** An output file as the metafile names it. */
  const output = (name: string) => path.relative(ROOT, path.join(outdir, name));

  it('loads the MongoDB driver, the Redis clients, the document writers and readers and multer only when they are used', () => {
    const atStart = packagesLoaded(meta, output('main.mjs'), 'at start');
    expect(atStart).toContain('yjs');
    expect(LOADED_AT_FIRST_USE.filter((name) => atStart.has(name))).toEqual([]);
    // Still part of the server: behind a dynamic import (or in the import worker), not dropped.
    const ever = new Set([...packagesLoaded(meta, output('main.mjs'), 'ever'), ...packagesLoaded(meta, output('importWorker.mjs'), 'ever')]);
    expect(LOADED_AT_FIRST_USE.filter((name) => !ever.has(name))).toEqual([]);
  });

  it('serves Word and Akoma Ntoso exports and reads an uploaded draft from its lazily loaded chunks', async () => {
    server = await startServerProcess(dataDir, {}, path.join(outdir, 'main.mjs'));
    const token = await login(server.url, 'chair');
    const draftId = await firstDraftId(server.url, token);
    const get = (route: string) => fetch(`${server!.url}/api/drafts/${draftId}${route}`, { headers: { authorization: `Bearer ${token}` } });

    const docx = await get('/export.docx');
    expect(docx.status).toBe(200);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const akn = await get('/export.akn.xml');
    expect(akn.status).toBe(200);
    expect(await akn.text()).toContain('<akomaNtoso');

    const drafts = (await (await fetch(`${server.url}/api/drafts`, { headers: { authorization: `Bearer ${token}` } })).json()) as { drafts: DraftSummary[] };
    const negotiationId = drafts.drafts.find((d) => d.id === draftId)!.negotiationId;
    const preview = await uploadFile<ImportPreview>(`${server.url}/api/negotiations/${negotiationId}/drafts/import?preview=1`, token, {
      bytes: Buffer.from(PLAIN_TEXT_DRAFT),
      name: 'draft.txt',
      type: 'text/plain',
    });
    expect(preview.status).toBe(200);
    expect(preview.body.paragraphs.length).toBeGreaterThan(0);
  }, 60_000);
});
