import type * as Y from 'yjs';
import { sponsorsLine, type SponsorsView } from '../../shared/sponsors';
import { headingLineOf, textOf } from '../../server/collab/draftHeading';
import { demoDraftSuite } from '../helpers/demoDraftSuite';
import { requestJson } from '../helpers/http';
import { connectSocket, emitAck, nextEvent } from '../helpers/socketClient';
import { waitForDoc } from '../helpers/yjsClient';

describe('sponsors: /api/drafts/:id/sponsors and /cosponsors, and the heading line that follows them', () => {
  const suite = demoDraftSuite();
  const { tokenOf } = suite;
  const api = <T = SponsorsView & { error?: string }>(username: string, method: string, path: string, json?: unknown) =>
    suite.api<T>(username, method, path, json);
  const sponsorsLineIn = (doc: Y.Doc) => textOf(headingLineOf(doc, 'sponsors'));
  /** A client that connects after the change: what it reads is what the server stored. */
  const freshLine = async () => sponsorsLineIn((await suite.yjs('usa')).doc);

  it('lets only a facilitator set the main sponsors, from the delegations of the negotiation', async () => {
    expect(await api('kazakhstan', 'PUT', '/sponsors', { sponsors: ['Kazakhstan'] })).toMatchObject({ status: 403, body: { error: 'only a facilitator sets the main sponsors' } });
    expect(await api('chair', 'PUT', '/sponsors', { sponsors: ['Atlantis'] })).toMatchObject({ status: 400, body: { error: '"Atlantis" is not a delegation taking part in this negotiation' } });
    expect((await api('chair', 'PUT', '/sponsors', { sponsors: ['Kazakhstan', 'Secretariat'] })).status).toBe(400);
    expect((await api('chair', 'PUT', '/sponsors', { sponsors: 'Kazakhstan' })).status).toBe(400);
    expect((await api('chair2', 'PUT', '/sponsors', { sponsors: ['Kazakhstan'] })).status).toBe(404);
    expect((await api('brazil', 'GET', '/sponsors')).status).toBe(404);
    expect((await api('brazil', 'POST', '/cosponsors')).status).toBe(404);
    expect(await api('eu', 'GET', '/sponsors')).toMatchObject({ status: 200, body: { sponsors: [], cosponsors: [], history: [] } });

    const set = await api('chair', 'PUT', '/sponsors', { sponsors: ['Kazakhstan', 'Philippines', 'Kazakhstan'] });
    expect(set).toMatchObject({ status: 200, body: { sponsors: ['Kazakhstan', 'Philippines'], cosponsors: [] } });
    expect(await freshLine()).toBe('Kazakhstan and Philippines: draft resolution');
  });

  it('lets a delegation join and leave as co-sponsor, heard by the room and written in the heading', async () => {
    const { server, draftId } = suite;
    const watcher = await connectSocket(server.url, await tokenOf('eu'));
    try {
      expect(await emitAck(watcher, 'draft:join', { draftId })).toMatchObject({ ok: true });
      const heard = nextEvent<SponsorsView>(watcher, 'sponsors:updated', (view) => view.cosponsors.includes('Nigeria'));

      const joined = await api('nigeria', 'POST', '/cosponsors');
      expect(joined).toMatchObject({ status: 200, body: { sponsors: ['Kazakhstan', 'Philippines'], cosponsors: ['Nigeria'] } });
      expect((await heard).cosponsors).toEqual(['Nigeria']);
      expect(await freshLine()).toBe('Kazakhstan and Philippines: draft resolution; co-sponsors: Nigeria');
      // Joining twice changes nothing; a main sponsor does not co-sponsor too.
      expect((await api('nigeria', 'POST', '/cosponsors')).body.history).toHaveLength(2);
      expect((await api('kazakhstan', 'POST', '/cosponsors')).status).toBe(409);

      const left = await api('nigeria', 'DELETE', '/cosponsors');
      expect(left).toMatchObject({ status: 200, body: { cosponsors: [] } });
      expect(left.body.history.map((change) => change.action)).toEqual(['set-sponsors', 'cosponsor-joined', 'cosponsor-left']);
      expect(await freshLine()).toBe('Kazakhstan and Philippines: draft resolution');
    } finally {
      watcher.disconnect();
    }
  });

  it('keeps observers and facilitators from co-sponsoring', async () => {
    expect(await api('secretariat', 'POST', '/cosponsors')).toMatchObject({ status: 403, body: { error: 'only a delegation co-sponsors a draft' } });
    expect((await api('secretariat', 'PUT', '/sponsors', { sponsors: [] })).status).toBe(403);
    expect((await api('chair', 'POST', '/cosponsors')).status).toBe(403);
  });

  it('updates a connected editor live and writes each change to the audit log', async () => {
    const { server, draftId } = suite;
    const editor = await suite.yjs('belarus');
    await api('belarus', 'POST', '/cosponsors');
    await waitForDoc(editor.doc, (doc) => sponsorsLineIn(doc).endsWith('co-sponsors: Belarus'));

    const { negotiationId } = (await server.store.drafts.get(draftId))!;
    const audit = await requestJson<{ entries: Array<{ action: string; target: string; detail: string }> }>(
      `${server.url}/api/negotiations/${negotiationId}/audit`,
      { token: await tokenOf('chair') },
    );
    expect(audit.body.entries.filter((entry) => entry.target === draftId).map((entry) => [entry.action, entry.detail])).toEqual([
      ['cosponsor-joined', 'Belarus'],
      ['cosponsor-left', 'Nigeria'],
      ['cosponsor-joined', 'Nigeria'],
      ['sponsors-set', 'Kazakhstan, Philippines'],
    ]);
  });

  it('keeps both of two delegations joining at the same moment, in the lists and in the line', async () => {
    // A modified client naming another delegation is not heard: the caller's membership decides.
    const [eu, usa] = await Promise.all([api('eu', 'POST', '/cosponsors', { delegation: 'Nigeria' }), api('usa', 'POST', '/cosponsors')]);
    expect([eu.status, usa.status]).toEqual([200, 200]);
    const { body } = await api('kazakhstan', 'GET', '/sponsors');
    expect([...body.cosponsors].sort()).toEqual(['Belarus', 'European Union', 'United States']);
    expect(await freshLine()).toBe(sponsorsLine(['Kazakhstan', 'Philippines'], body.cosponsors, 'draft resolution'));
  });
});
