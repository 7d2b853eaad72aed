import type { OralRevision } from '../../shared/oralRevisions';
import type { ParagraphView } from '../../shared/paragraphs';
import type { DraftActivityResponse } from '../../shared/versions';
import { paragraphElementOf, paragraphText } from '../../server/domain/oralRevisions/paragraphTextWriter';
import { demoDraftSuite } from '../helpers/demoDraftSuite';
import { requestJson } from '../helpers/http';
import { emitAck, nextEvent } from '../helpers/socketClient';

describe('oral revisions: /api/drafts/:id/oral-revisions', () => {
  const suite = demoDraftSuite();
  const api = <T = OralRevision & { error?: string }>(username: string, method: string, path: string, json?: unknown) => suite.api<T>(username, method, path, json);
  const paragraph = async (label: string) => {
    const { body } = await api<{ paragraphs: ParagraphView[] }>('chair', 'GET', '/paragraphs');
    return body.paragraphs.find((view) => view.label === label)!;
  };
  /** A client that connects after the change: what it reads is what the server stored. */
  const freshText = async (paragraphId: string) => paragraphText(paragraphElementOf((await suite.yjs('usa')).doc, paragraphId)!);

  it("applies the facilitator's record of Nigeria's oral revision of OP3 in Nigeria's name, lists it and tells the room", async () => {
    const op3 = await paragraph('OP3');
    const watcher = await suite.joinedSocket('eu');
    const heard = nextEvent<OralRevision>(watcher, 'oral-revision:recorded');
    const text = 'Requests the Secretariat to report orally on the implementation of the present resolution;';

    const recorded = await api('chair', 'POST', '/oral-revisions', { paragraphId: op3.id, delegation: 'Nigeria', text, note: 'read out at adoption' });
    expect(recorded).toMatchObject({
      status: 201,
      body: { paragraphId: op3.id, label: 'OP3', delegation: 'Nigeria', before: op3.text, after: text, byName: 'Facilitator', note: 'read out at adoption' },
    });
    expect((await heard).after).toBe(text);
    expect(await freshText(op3.id)).toBe(text);

    const { body: activity } = await api<DraftActivityResponse>('chair', 'GET', '/activity');
    expect(activity.activity[0]).toMatchObject({ delegation: 'Nigeria' });
    expect(activity.oralRevisions).toEqual([recorded.body]);
    const { body: listed } = await api<{ revisions: OralRevision[] }>('usa', 'GET', '/oral-revisions');
    expect(listed.revisions).toEqual([recorded.body]);

    const { negotiationId } = (await suite.server.store.drafts.get(suite.draftId))!;
    const audit = await requestJson<{ entries: Array<{ action: string; target: string; actorName: string }> }>(
      `${suite.server.url}/api/negotiations/${negotiationId}/audit`,
      { token: await suite.tokenOf('chair') },
    );
    expect(audit.body.entries.find((entry) => entry.action === 'oral-revision')).toMatchObject({ target: suite.draftId, actorName: 'Facilitator' });
  });

  it('refuses delegates, unknown delegations and paragraphs, bad text and outsiders, leaving the text as it was', async () => {
    const op1 = await paragraph('OP1');
    const revise = (username: string, body: object) => api(username, 'POST', '/oral-revisions', { paragraphId: op1.id, delegation: 'Nigeria', text: 'New text', ...body });
    expect(await revise('nigeria', {})).toMatchObject({ status: 403, body: { error: 'only a facilitator records oral revisions' } });
    expect(await revise('chair', { delegation: 'Atlantis' })).toMatchObject({ status: 400, body: { error: '"Atlantis" is not a delegation taking part in this negotiation' } });
    // The chair and observers are members, not delegations that propose text.
    expect((await revise('chair', { delegation: 'Secretariat' })).status).toBe(400);
    expect(await revise('chair', { paragraphId: 'no-such-paragraph' })).toMatchObject({ status: 404, body: { error: 'no such paragraph in this draft' } });
    expect((await revise('chair', { text: '' })).status).toBe(400);
    expect((await revise('chair', { text: 'x'.repeat(4001) })).status).toBe(400);
    expect((await revise('chair', { text: 'evil\u202Etext' })).status).toBe(400);
    expect((await revise('chair', { paragraphId: 42 })).status).toBe(400);
    expect((await revise('chair2', {})).status).toBe(404);
    expect((await revise('brazil', {})).status).toBe(404);
    expect((await api('brazil', 'GET', '/oral-revisions')).status).toBe(404);
    expect(await freshText(op1.id)).toBe(op1.text);
  });

  it('chains two revisions recorded at the same moment: the second starts from the text the first left', async () => {
    const op4 = await paragraph('OP4');
    const revise = (delegation: string) => api('chair', 'POST', '/oral-revisions', { paragraphId: op4.id, delegation, text: `Text as ${delegation} read it` });
    const revisions = (await Promise.all([revise('Nigeria'), revise('Belarus')])).map((answer) => answer.body);
    const first = revisions.find((revision) => revision.before === op4.text)!;
    const second = revisions.find((revision) => revision !== first)!;
    expect(second.before).toBe(first.after);
    expect(await freshText(op4.id)).toBe(second.after);
  });

  it('refuses to revise an agreed, locked paragraph until it is reopened', async () => {
    const op2 = await paragraph('OP2');
    const chair = await suite.joinedSocket('chair');
    const setStatus = (status: string) => emitAck(chair, 'paragraph:status', { draftId: suite.draftId, paragraphId: op2.id, status });
    expect(await setStatus('agreed_ad_ref')).toMatchObject({ ok: true });
    const revise = () => api('chair', 'POST', '/oral-revisions', { paragraphId: op2.id, delegation: 'Kazakhstan', text: 'Revised orally' });
    expect(await revise()).toMatchObject({ status: 409, body: { error: 'the paragraph is agreed and locked; reopen it first' } });
    expect(await freshText(op2.id)).toBe(op2.text);

    expect(await setStatus('open')).toMatchObject({ ok: true });
    expect((await revise()).status).toBe(201);
    expect(await freshText(op2.id)).toBe('Revised orally');
  });
});
