/** @jest-environment jsdom */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ApiClient } from '../../../client/api/apiClient';
import { DraftApi } from '../../../client/api/draftApi';
import { setStableLabels, stableLabelsPlugin } from '../../../client/editor/plugins/stableLabelsPlugin';
import { StableLabelsFeed } from '../../../client/editor/stableLabelsFeed';
import { HistoryPanel } from '../../../client/history/historyPanel';
import { versionLabel } from '../../../client/history/versionLabel';
import { numberParagraphs } from '../../../shared/numbering';
import type { VersionSummary } from '../../../shared/versions';
import { draftDoc, ops } from '../shared/draftFixture';
import { posOf } from './editorState';

// Just what DraftApi reads of a fetch Response.
const respond = (body: unknown, status = 200) => Promise.resolve({ ok: status < 400, status, json: () => Promise.resolve(body) });
const apiAnswering = (answer: (method: string, path: string) => Promise<unknown>, calls: string[] = []) => {
  const fetchImpl = jest.fn((url: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${String(url)}`);
    return answer(method, String(url));
  }) as unknown as typeof fetch;
  return new DraftApi('d1', new ApiClient({ token: () => 'token', onUnauthorized: () => {}, fetch: fetchImpl }));
};
const round: VersionSummary = { id: 'v9', draftId: 'd1', kind: 'round', name: 'Rev.2', createdAt: '2026-05-20T10:00:00Z', createdByName: 'Facilitator', seq: 4 };

describe('the margin labels of the round', () => {
  const doc = draftDoc({ preambular: ['Recalling a,', 'Noting b,'], operative: ops('Urges x:', [1, 'sub a;'], 'Requests y.') });
  const [pp1, pp2, op1, op1a] = numberParagraphs(doc).map((p) => p.id!);
  let view: EditorView;
  const margin = () => [...view.dom.querySelectorAll('[data-label]')].map((el) => el.getAttribute('data-label'));

  beforeEach(() => {
    view = new EditorView(document.createElement('div'), { state: EditorState.create({ doc, plugins: [stableLabelsPlugin()] }) });
  });
  afterEach(() => view.destroy());

  it('shows the derived references until the server gives labels, then the labels, "new" for one it has not labelled', () => {
    expect(margin()).toEqual(['PP1', 'PP2', 'OP1', 'OP1(a)', 'OP2']);
    view.dispatch(setStableLabels(view.state, new Map([[pp1, 'PP1'], [pp2, 'PP1bis'], [op1, 'OP1'], [op1a, 'OP1(0)bis']])));
    expect(margin()).toEqual(['PP1', 'PP1bis', 'OP1', 'OP1(0)bis', 'new']);
    // The labels follow the paragraphs when the text changes.
    view.dispatch(view.state.tr.insertText('Further ', posOf(view.state.doc, 'Recalling')));
    expect(margin()).toEqual(['PP1', 'PP1bis', 'OP1', 'OP1(0)bis', 'new']);
    view.dispatch(setStableLabels(view.state, null));
    expect(margin()).toEqual(['PP1', 'PP2', 'OP1', 'OP1(a)', 'OP2']);
  });

  it('shows the labels of the Progress list, heard before or after the editor opened, without asking for them', () => {
    const calls: string[] = [];
    const feed = new StableLabelsFeed(apiAnswering(() => respond({ paragraphs: [] }), calls), 5);
    feed.known([{ id: pp2, label: 'PP1bis' }]);
    expect(margin()[1]).toBe('PP2');
    feed.attach(view);
    expect(margin()[1]).toBe('PP1bis');
    feed.known([{ id: pp2, label: 'PP1ter' }]);
    expect(margin()[1]).toBe('PP1ter');
    expect(calls).toEqual([]);
    feed.destroy();
  });

  it('asks GET /paragraphs once paragraphs changed and the text is quiet; a 404 (no labels yet) shows the references', async () => {
    let answer: () => Promise<unknown> = () => respond({ paragraphs: [{ id: pp1, label: 'PP1' }, { id: pp2, label: 'PP1bis' }] });
    const calls: string[] = [];
    const feed = new StableLabelsFeed(apiAnswering(() => answer(), calls), 5);
    feed.attach(view);
    feed.known([{ id: pp1, label: 'PP1' }, { id: pp2, label: 'PP1bis' }]);
    expect(margin()[1]).toBe('PP1bis');
    expect(calls).toEqual([]);

    // Typing inside a paragraph changes no label: nothing is asked.
    view.dispatch(view.state.tr.insertText('Further ', posOf(view.state.doc, 'Recalling')));
    feed.textChanged(view.state.doc);
    await new Promise((resolve) => setTimeout(resolve, 25)); // five times the quiet period
    expect(calls).toHaveLength(0);

    // A paragraph removed: asked once the text is quiet, however many changes came before.
    answer = () => respond({ error: 'not found' }, 404);
    view.dispatch(view.state.tr.delete(posOf(view.state.doc, 'Requests') - 1, posOf(view.state.doc, 'Requests y.', 'Requests y.'.length) + 1));
    feed.textChanged(view.state.doc);
    feed.textChanged(view.state.doc);
    await waitFor(() => margin()[1] === 'PP2');
    expect(calls).toEqual(['GET /api/drafts/d1/paragraphs']);

    // A failed fetch keeps what is shown.
    view.dispatch(setStableLabels(view.state, new Map([[pp2, 'PP1bis']])));
    answer = () => respond({ error: 'boom' }, 500);
    await feed.refresh();
    expect(margin()[1]).toBe('PP1bis');
    feed.destroy();
  });
});

describe('starting a round from the History tab', () => {
  it('lets the facilitator start one by name: POST /rounds, then the labels are refreshed', async () => {
    const calls: string[] = [];
    const api = apiAnswering((method, path) => {
      if (method === 'POST' && path.endsWith('/rounds')) return respond({ version: round }, 201);
      if (path.endsWith('/versions')) return respond({ versions: [round] });
      return respond({ activity: [] });
    }, calls);
    const onRoundStarted = jest.fn();
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    const panel = new HistoryPanel(api, true, onRoundStarted);
    await panel.refresh();

    const form = panel.element.querySelector<HTMLFormElement>('.start-round-form')!;
    form.querySelector('input')!.value = ' Rev.2 ';
    form.dispatchEvent(new Event('submit'));
    await waitFor(() => onRoundStarted.mock.calls.length === 1);
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('"Rev.2"'));
    expect(calls).toContain('POST /api/drafts/d1/rounds');
    expect(panel.element.querySelector('.version-round .version-name')?.textContent).toBe('Round: Rev.2');
    confirm.mockRestore();
  });

  it('asks nothing when the facilitator cancels, and offers delegates no round at all', async () => {
    const calls: string[] = [];
    const api = apiAnswering(() => respond({ versions: [], activity: [] }), calls);
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    const panel = new HistoryPanel(api, true);
    const form = panel.element.querySelector<HTMLFormElement>('.start-round-form')!;
    form.querySelector('input')!.value = 'Rev.2';
    form.dispatchEvent(new Event('submit'));
    expect(calls).toEqual([]);
    confirm.mockRestore();
    expect(new HistoryPanel(api, false).element.querySelector('.start-round-form')).toBeNull();
  });

  it('names a round in the version list', () => {
    expect(versionLabel(round)).toBe('Round: Rev.2');
  });

  it('names a restore with one "Restored"', () => {
    const restore: VersionSummary = { ...round, kind: 'restore', name: 'Restored Rev.1' };
    expect(versionLabel(restore)).toMatch(/^Restored Rev\.1 \(/);
  });

  it('names the time zone of a checkpoint', () => {
    expect(versionLabel({ ...round, kind: 'auto', name: null })).toMatch(/^Checkpoint 20 May 2026, \d\d:00 [A-Z]/);
  });
});

/** Resolves once `ready` holds, checking after each turn of the event loop. */
async function waitFor(ready: () => boolean): Promise<void> {
  for (let turn = 0; turn < 200 && !ready(); turn++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(ready()).toBe(true);
}
