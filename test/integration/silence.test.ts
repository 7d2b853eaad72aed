import type { ParagraphView } from '../../shared/paragraphs';
import type { SilenceView } from '../../shared/silence';
import type { VersionSummary } from '../../shared/versions';
import { MAX_BREAKS_PER_DELEGATION } from '../../server/domain/silence/silenceService';
import { requestJson } from '../helpers/http';
import { connectSocket, emitAck, nextEvent, type ClientSocket } from '../helpers/socketClient';
import { startTestServer, type TestServer } from '../helpers/testServer';

/** A deadline `ms` from now, written with an explicit New York offset as a facilitator would. */
function deadlineIn(ms: number): string {
  const instant = new Date(Date.now() + ms - 5 * 3600_000).toISOString();
  return `${instant.slice(0, -1)}-05:00`;
}

interface Session {
  server: TestServer;
  draftId: string;
  tokens: Record<string, string>;
  sockets: ClientSocket[];
}

async function open(server: TestServer): Promise<Session> {
  return { server, draftId: await server.demoDraftId(), tokens: {}, sockets: [] };
}

async function api<T>(session: Session, username: string, path: string, json?: unknown, method?: string) {
  const token = (session.tokens[username] ??= (await session.server.login(username)).token);
  return requestJson<T & { error?: string }>(`${session.server.url}/api/drafts/${session.draftId}${path}`, { token, json, method });
}

/** A socket.io connection of `username` that joined the draft's room. */
async function joined(session: Session, username: string): Promise<ClientSocket> {
  const token = (session.tokens[username] ??= (await session.server.login(username)).token);
  const socket = await connectSocket(session.server.url, token);
  session.sockets.push(socket);
  expect(await emitAck(socket, 'draft:join', { draftId: session.draftId })).toMatchObject({ ok: true });
  return socket;
}

const concluded = (socket: ClientSocket) => nextEvent<SilenceView>(socket, 'silence:updated', (view) => view.state === 'concluded');

async function silenceVersions(session: Session): Promise<string[]> {
  const { body } = await api<{ versions: VersionSummary[] }>(session, 'chair', '/versions');
  return body.versions.filter((version) => version.name?.includes('ilence')).map((version) => version.name!);
}

async function auditActions(session: Session): Promise<string[]> {
  const negotiationId = (await session.server.store.drafts.get(session.draftId))!.negotiationId;
  const records = await session.server.store.audit.listByNegotiation(negotiationId, 100);
  return records.filter((record) => record.action.startsWith('silence-')).map((record) => `${record.action} ${record.detail}`);
}

describe('silence procedure: /api/drafts/:id/silence and the silence:updated broadcast', () => {
  let session: Session;

  beforeAll(async () => {
    session = await open(await startTestServer());
  });
  afterAll(async () => {
    session.sockets.forEach((socket) => socket.disconnect());
    await session.server.stop();
  });

  it('refuses bad input: a past deadline, no time zone, observers and facilitators breaking, outsiders', async () => {
    const start = (username: string, body: unknown) => api(session, username, '/silence', body);
    expect(await start('chair', { until: deadlineIn(-1000), zone: 'America/New_York' })).toMatchObject({ status: 400, body: { error: 'the deadline has passed' } });
    expect((await start('chair', { until: '2026-12-03T18:00:00', zone: 'America/New_York' })).status).toBe(400);
    expect((await start('chair', { until: deadlineIn(60_000), zone: 'Mars/Olympus_Mons' })).status).toBe(400);
    expect((await start('eu', { until: deadlineIn(60_000), zone: 'America/New_York' })).status).toBe(403);
    expect((await start('brazil', { until: deadlineIn(60_000), zone: 'America/New_York' })).status).toBe(404);
    expect((await api(session, 'brazil', '/silence')).status).toBe(404);
    expect(await api(session, 'eu', '/silence/break', { statement: 'No.' })).toMatchObject({ status: 409, body: { error: 'the draft is not under silence' } });
    expect((await api(session, 'chair', '/silence', undefined, 'DELETE')).status).toBe(409);

    expect((await start('chair', { until: deadlineIn(60_000), zone: 'America/New_York' })).status).toBe(201);
    expect((await start('chair', { until: deadlineIn(60_000), zone: 'America/New_York' })).status).toBe(409);
    expect((await api(session, 'secretariat', '/silence/break', { statement: 'We object.' })).status).toBe(403);
    expect((await api(session, 'chair', '/silence/break', { statement: 'We object.' })).status).toBe(403);
    expect((await api(session, 'eu', '/silence/break', { statement: 'x'.repeat(1001) })).status).toBe(400);
    expect((await api(session, 'eu', '/silence/break', { statement: '   ' })).status).toBe(400);
    expect((await api(session, 'brazil', '/silence/break', { statement: 'We object.' })).status).toBe(404);
    expect((await api(session, 'eu', '/silence', undefined, 'DELETE')).status).toBe(403);

    const cancelled = await api<{ silence: SilenceView }>(session, 'chair', '/silence', undefined, 'DELETE');
    expect(cancelled).toMatchObject({ status: 200, body: { silence: { state: 'cancelled', outcome: null, breaks: [] } } });
    expect(await auditActions(session)).toEqual(['silence-cancelled ', expect.stringMatching(/^silence-started until .* \(America\/New_York\)$/)]);
  });

  it('shows a break to everyone at once, and records "silence broken by" at the deadline, the text unlocked', async () => {
    const watcher = await joined(session, 'secretariat');
    const started = await api<{ silence: SilenceView }>(session, 'chair', '/silence', { until: deadlineIn(1500), zone: 'America/New_York' });
    expect(started.body.silence).toMatchObject({ state: 'open', zone: 'America/New_York', startedByName: 'Facilitator', breaks: [] });
    expect(started.body.silence.until).toMatch(/Z$/);

    const heard = nextEvent<SilenceView>(watcher, 'silence:updated', (view) => view.breaks.length === 1);
    const ending = concluded(watcher);
    const broken = await api<{ silence: SilenceView }>(session, 'kazakhstan', '/silence/break', { statement: 'Kazakhstan cannot join consensus on OP3.' });
    expect(broken.status).toBe(200);
    expect((await heard).breaks).toEqual([expect.objectContaining({ delegation: 'Kazakhstan', byName: 'Delegate of Kazakhstan', statement: 'Kazakhstan cannot join consensus on OP3.' })]);

    const end = await ending;
    expect(end).toMatchObject({ state: 'concluded', outcome: 'broken', concludedAt: expect.any(String) });
    expect(await api(session, 'eu', '/silence')).toMatchObject({ body: { silence: end } });
    expect(await silenceVersions(session)).toEqual(['Silence broken by Kazakhstan']);
    expect(await auditActions(session)).toContain('silence-concluded Silence broken by Kazakhstan');
    const { body } = await api<{ paragraphs: ParagraphView[] }>(session, 'chair', '/paragraphs');
    expect(body.paragraphs.some((paragraph) => paragraph.status !== 'agreed_ad_ref')).toBe(true);
  });

  it('at a deadline nobody broke, records "adopted under silence" and agrees every paragraph', async () => {
    const watcher = await joined(session, 'usa');
    const ending = concluded(watcher);
    expect((await api(session, 'chair', '/silence', { until: deadlineIn(1000), zone: 'Europe/Vienna' })).status).toBe(201);
    expect(await ending).toMatchObject({ outcome: 'adopted', breaks: [] });
    expect((await api(session, 'eu', '/silence/break', { statement: 'Too late.' })).status).toBe(409);
    expect(await silenceVersions(session)).toEqual(['Adopted under silence', 'Silence broken by Kazakhstan']);
    expect(await auditActions(session)).toContain('silence-concluded Adopted under silence');
    const { body } = await api<{ paragraphs: ParagraphView[] }>(session, 'chair', '/paragraphs');
    expect(body.paragraphs.length).toBeGreaterThan(5);
    expect(body.paragraphs.every((paragraph) => paragraph.status === 'agreed_ad_ref')).toBe(true);
  });

  it('bounds the statements one delegation makes in one procedure (REST is outside the socket budget)', async () => {
    expect((await api(session, 'chair', '/silence', { until: deadlineIn(60_000), zone: 'America/New_York' })).status).toBe(201);
    for (let i = 0; i < MAX_BREAKS_PER_DELEGATION; i += 1) expect((await api(session, 'eu', '/silence/break', { statement: `Objection ${i}.` })).status).toBe(200);
    expect((await api(session, 'eu', '/silence/break', { statement: 'One more.' })).status).toBe(429);
    expect((await api(session, 'kazakhstan', '/silence/break', { statement: 'We object.' })).status).toBe(200);
    expect((await api(session, 'chair', '/silence', undefined, 'DELETE')).status).toBe(200);
  });
});

describe('silence procedure: the same outcome twice', () => {
  it('records, announces and audits a second "silence broken by" of one delegation, also after a version was named so', async () => {
    const session = await open(await startTestServer());
    try {
      const watcher = await joined(session, 'secretariat');
      // The names a facilitator gives are unique per draft; the outcome's name is the server's and may repeat.
      expect((await api(session, 'chair', '/versions', { name: 'Silence broken by Kazakhstan' })).status).toBe(201);
      for (let round = 0; round < 2; round += 1) {
        const ending = concluded(watcher);
        expect((await api(session, 'chair', '/silence', { until: deadlineIn(1000), zone: 'America/New_York' })).status).toBe(201);
        expect((await api(session, 'kazakhstan', '/silence/break', { statement: 'We object.' })).status).toBe(200);
        expect(await ending).toMatchObject({ outcome: 'broken' });
      }
      expect(await silenceVersions(session)).toEqual(Array(3).fill('Silence broken by Kazakhstan'));
      expect((await auditActions(session)).filter((action) => action.startsWith('silence-concluded'))).toHaveLength(2);
    } finally {
      session.sockets.forEach((socket) => socket.disconnect());
      await session.server.close();
    }
  });
});

describe('silence procedure across a restart', () => {
  it('concludes after the restart a procedure left pending when the server stopped', async () => {
    const first = await startTestServer();
    try {
      const started = await api(await open(first), 'chair', '/silence', { until: deadlineIn(1500), zone: 'Asia/Almaty' });
      expect(started.status).toBe(201);
    } finally {
      await first.close();
    }
    const stoppedAt = new Date().toISOString();

    const second = await open(await startTestServer({ dataDir: first.dataDir }));
    try {
      const watcher = await joined(second, 'eu');
      const ending = concluded(watcher);
      // The conclusion may come before or after this read: either way it happened once, after the restart.
      const { body } = await api<{ silence: SilenceView }>(second, 'eu', '/silence');
      const end = body.silence.state === 'concluded' ? body.silence : await ending;
      expect(end).toMatchObject({ zone: 'Asia/Almaty', outcome: 'adopted' });
      expect(end.concludedAt! > stoppedAt).toBe(true);
      expect(await silenceVersions(second)).toEqual(['Adopted under silence']);
    } finally {
      second.sockets.forEach((socket) => socket.disconnect());
      await second.server.stop();
    }
  });
});
