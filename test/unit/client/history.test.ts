/** @jest-environment jsdom */
import { ApiClient } from '../../../client/api/apiClient';
import { DraftApi } from '../../../client/api/draftApi';
import { compareView } from '../../../client/history/compareView';
import { HistoryPanel } from '../../../client/history/historyPanel';
import { versionList } from '../../../client/history/versionList';
import { Sidebar } from '../../../client/panels/sidebar';
import type { VersionComparison, VersionSummary } from '../../../shared/versions';

const version = (id: string, kind: VersionSummary['kind'], name: string | null = null): VersionSummary => ({
  id,
  draftId: 'd1',
  kind,
  name,
  createdAt: '2026-05-20T10:00:00Z',
  createdByName: kind === 'auto' ? null : 'Facilitator',
  seq: 1,
});

const comparison: VersionComparison = {
  paragraphs: [
    { kind: 'unchanged', id: 'a', type: 'preambular_paragraph', reference: 'PP1', fromReference: 'PP1', level: 0, moved: false, segments: [{ op: 'equal', text: 'Recalling,' }] },
    {
      kind: 'changed', id: 'b', type: 'operative_paragraph', reference: 'OP2(a)', fromReference: 'OP2(a)', level: 1, moved: false,
      levelChanged: false, fromLevel: 1, typeChanged: false, fromType: 'operative_paragraph',
      segments: [{ op: 'equal', text: 'Urges ' }, { op: 'delete', text: 'all' }, { op: 'insert', text: 'Member' }, { op: 'equal', text: ' States;' }],
    },
    { kind: 'added', id: 'c', type: 'operative_paragraph', reference: 'OP3', level: 0, segments: [{ op: 'insert', text: 'Decides.' }] },
    { kind: 'deleted', id: 'd', type: 'operative_paragraph', fromReference: 'OP4', fromLevel: 0, segments: [{ op: 'delete', text: '<b>Old</b>' }] },
  ],
  summary: { changed: 1, added: 1, deleted: 1, moved: 0, unchanged: 1 },
  summaryText: '1 paragraph changed, 1 added, 1 deleted',
  from: version('v1', 'named', 'Rev.1'),
  to: null,
  attribution: [{ paragraphId: 'b', delegations: [{ delegation: 'European Union', authorName: 'Delegate', changes: 3, firstAt: '2026-05-20T10:00:00Z', lastAt: '2026-05-20T10:00:00Z' }] }],
};

describe('compareView', () => {
  it('shows the summary, references, insertions, deletions and who changed each paragraph', () => {
    const el = compareView(comparison);
    expect(el.querySelector('.compare-summary')?.textContent).toBe('1 paragraph changed, 1 added, 1 deleted');
    const changed = el.querySelector('[data-kind="changed"]')!;
    expect(changed.querySelector('.compare-ref')?.textContent).toBe('OP2(a)');
    expect(changed.querySelector('del')?.textContent).toBe('all');
    expect(changed.querySelector('ins')?.textContent).toBe('Member');
    expect(changed.querySelector('.compare-who')?.textContent).toContain('European Union');
    expect(el.querySelector('[data-kind="added"] .compare-marker')?.textContent).toBe('added');
    expect(el.querySelector('[data-kind="deleted"] .compare-ref')?.textContent).toBe('OP4deleted');
    expect(el.querySelector('b')).toBeNull();
  });
});

describe('versionList', () => {
  it('shows named versions and restores, folding runs of checkpoints', () => {
    const el = versionList([version('v4', 'auto'), version('v3', 'auto'), version('v2', 'named', 'Rev.1'), version('v1', 'auto')], { preview: jest.fn() });
    const top = [...el.children].map((li) => li.className);
    expect(top).toEqual(['version-group', 'version version-named', 'version-group']);
    expect(el.querySelector('.version-group summary')?.textContent).toBe('2 automatic checkpoints');
    expect(el.querySelector('.version-named .version-name')?.textContent).toBe('Rev.1');
    expect(el.textContent).not.toContain('Restore');
  });
});

describe('HistoryPanel', () => {
  // Just what DraftApi reads of a fetch Response.
  const respond = (body: unknown, status = 200) => Promise.resolve({ ok: status < 400, status, json: () => Promise.resolve(body) });

  it('names a version (facilitator) and compares it with the current text in an overlay', async () => {
    const calls: string[] = [];
    const fetchImpl = jest.fn((url: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${init?.method} ${String(url)}`);
      if (String(url).endsWith('/versions') && init?.method === 'POST') return respond({ version: version('v2', 'named', 'Rev.1') }, 201);
      if (String(url).endsWith('/versions')) return respond({ versions: [version('v2', 'named', 'Rev.1')] });
      if (String(url).endsWith('/activity')) return respond({ activity: [] });
      return respond(comparison);
    }) as unknown as typeof fetch;
    const panel = new HistoryPanel(new DraftApi('d1', new ApiClient({ token: () => 'token', onUnauthorized: () => {}, fetch: fetchImpl })), true);
    document.body.replaceChildren(panel.element);
    await panel.refresh();

    const form = panel.element.querySelector<HTMLFormElement>('.name-version-form')!;
    form.querySelector('input')!.value = 'Rev.1';
    form.dispatchEvent(new Event('submit'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toContain('POST /api/drafts/d1/versions');

    panel.element.querySelector<HTMLFormElement>('.compare-form')!.dispatchEvent(new Event('submit'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toContain('GET /api/drafts/d1/compare?from=v2&to=current');
    expect(document.querySelector('.overlay [role=dialog]')?.getAttribute('aria-label')).toBe('Rev.1 compared with Current text');
    expect(document.querySelector('.overlay ins')?.textContent).toBe('Member');
  });

  it("names no version without a name and says why; shows the server's refusal of a name next to its box", async () => {
    const calls: string[] = [];
    const fetchImpl = jest.fn((url: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${init?.method} ${String(url)}`);
      if (init?.method === 'POST') return respond({ error: 'a version named "Rev.1" exists already; choose another name' }, 409);
      if (String(url).endsWith('/versions')) return respond({ versions: [] });
      return respond({ activity: [] });
    }) as unknown as typeof fetch;
    const panel = new HistoryPanel(new DraftApi('d1', new ApiClient({ token: () => 'token', onUnauthorized: () => {}, fetch: fetchImpl })), true);
    document.body.replaceChildren(panel.element);
    const form = panel.element.querySelector<HTMLFormElement>('.name-version-form')!;
    const input = form.querySelector('input')!;
    const error = panel.element.querySelector<HTMLElement>('[role=alert]')!;

    input.value = '   ';
    form.dispatchEvent(new Event('submit'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls.filter((call) => call.startsWith('POST'))).toEqual([]);
    expect(error.textContent).toBe('Type a name for the version first.');
    expect(input.getAttribute('aria-describedby')).toBe(error.id);

    input.value = 'Rev.1';
    form.dispatchEvent(new Event('submit'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toContain('POST /api/drafts/d1/versions');
    expect(error.textContent).toBe('A version named "Rev.1" exists already; choose another name.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.value).toBe('Rev.1');
  });

  it('says there is nothing to compare before the first version', async () => {
    const fetchImpl = jest.fn((url: RequestInfo | URL) => respond(String(url).endsWith('/versions') ? { versions: [] } : { activity: [] })) as unknown as typeof fetch;
    const panel = new HistoryPanel(new DraftApi('d1', new ApiClient({ token: () => 'token', onUnauthorized: () => {}, fetch: fetchImpl })), false);
    document.body.replaceChildren(panel.element);
    await panel.refresh();
    panel.element.querySelector<HTMLFormElement>('.compare-form')!.dispatchEvent(new Event('submit'));
    const error = panel.element.querySelector<HTMLElement>('[role=alert]')!;
    expect(error.textContent).toBe('There is no version to compare yet.');
    expect(panel.element.querySelector('select[name=from]')!.getAttribute('aria-describedby')).toBe(error.id);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('offers no naming or restoring to delegates and shows errors inline', async () => {
    const fetchImpl = jest.fn(() => respond({ error: 'draft not found' }, 404)) as unknown as typeof fetch;
    const panel = new HistoryPanel(new DraftApi('d1', new ApiClient({ token: () => 'token', onUnauthorized: () => {}, fetch: fetchImpl })), false);
    await panel.refresh();
    expect(panel.element.querySelector('.name-version-form')).toBeNull();
    expect(panel.element.querySelector('[role=alert]')?.textContent).toBe('Draft not found.');
  });
});

describe('the History tab', () => {
  it('reloads the history each time it is shown', () => {
    const sidebar = new Sidebar();
    const onShow = jest.fn();
    sidebar.addTab({ id: 'people', label: 'People', panel: document.createElement('section') });
    sidebar.addTab({ id: 'history', label: 'History', panel: document.createElement('section'), onShow });
    expect(onShow).not.toHaveBeenCalled();
    sidebar.select('history');
    sidebar.select('people');
    sidebar.select('history');
    expect(onShow).toHaveBeenCalledTimes(2);
  });
});
