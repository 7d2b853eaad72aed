/** @jest-environment jsdom */
import { CommentsPanel } from '../../../client/comments/commentsPanel';
import { ThreadStore } from '../../../client/comments/threadStore';
import type { ThreadHandlers, Viewer } from '../../../client/comments/threadView';
import type { CommentThread, CommentView } from '../../../shared/comments';

const comment = (id: string, authorId: string, text: string, extra: Partial<CommentView> = {}): CommentView => ({
  id,
  draftId: 'd1',
  threadId: 't1',
  authorId,
  authorName: `Delegate ${authorId}`,
  delegation: authorId === 'kz' ? 'Kazakhstan' : 'European Union',
  text,
  createdAt: '2026-05-20T10:00:00Z',
  editedAt: null,
  deletedAt: null,
  ...extra,
});

const thread = (id: string, extra: Partial<CommentThread> = {}): CommentThread => ({
  id,
  visibility: 'all',
  draftId: 'd1',
  anchor: { paragraphId: 'p1', start: 'AA==', end: 'AA==', quote: 'Member States' },
  root: comment(`${id}-root`, 'kz', 'Too strong.\nSoften?'),
  replies: [],
  resolvedAt: null,
  resolvedBy: null,
  ...extra,
});

function setup(viewer: Partial<Viewer> = {}, detached = false) {
  const store = new ThreadStore();
  const handlers: ThreadHandlers = {
    select: jest.fn(),
    reply: jest.fn(() => Promise.resolve()),
    edit: jest.fn(() => Promise.resolve()),
    remove: jest.fn(() => Promise.resolve()),
    resolve: jest.fn(() => Promise.reject(new Error('only the facilitator or the thread author may resolve'))),
    reopen: jest.fn(() => Promise.resolve()),
  };
  const create = jest.fn(() => Promise.resolve());
  const panel = new CommentsPanel({
    store,
    viewer: { userId: 'kz', isFacilitator: false, canComment: true, ...viewer },
    handlers,
    selectionAnchor: () => ({ paragraphId: 'p1', start: 'AA==', end: 'AA==', quote: 'the selected words' }),
    create,
    isDetached: () => detached,
    paragraphLabels: () => new Map([['p0', 'PP1'], ['p1', 'OP1'], ['p2', 'OP2']]),
  });
  document.body.replaceChildren(panel.element);
  return { store, panel, handlers, create };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CommentsPanel', () => {
  it('lists open threads with delegation, text with its line breaks, replies and the edited mark', () => {
    const { store, panel } = setup();
    store.replaceAll([
      thread('t1', { replies: [comment('r1', 'eu', 'Agree.', { editedAt: '2026-05-20T10:05:00Z' })] }),
      thread('t2', { resolvedAt: '2026-05-20T11:00:00Z', resolvedBy: 'kz' }),
    ]);
    const threads = panel.element.querySelectorAll('.comment-thread');
    expect(threads).toHaveLength(1);
    expect(threads[0].querySelector('.comment-text')?.textContent).toBe('Too strong.\nSoften?');
    expect(threads[0].querySelector('.comment-delegation')?.textContent).toBe('Kazakhstan');
    expect(threads[0].querySelectorAll('.comment')[1].textContent).toContain('edited');
    expect(panel.element.querySelector('.panel-summary')?.textContent).toBe('1 open thread.');
  });

  it('keeps a reply being typed when another thread arrives', () => {
    const { store, panel } = setup();
    store.replaceAll([thread('t1')]);
    const reply = panel.element.querySelector<HTMLTextAreaElement>('[data-thread-id="t1"] textarea')!;
    reply.focus();
    reply.value = 'We could accept "encourages"';
    store.upsert(thread('t2', { root: comment('t2-root', 'eu', 'New point', { createdAt: '2026-05-20T10:01:00Z' }) }));
    expect(panel.element.querySelectorAll('.comment-thread')).toHaveLength(2);
    const after = panel.element.querySelector<HTMLTextAreaElement>('[data-thread-id="t1"] textarea')!;
    expect(after.value).toBe('We could accept "encourages"');
    expect(document.activeElement).toBe(after);
  });

  it('filters resolved threads and offers to reopen them', () => {
    const { store, panel } = setup();
    store.replaceAll([thread('t1'), thread('t2', { resolvedAt: '2026-05-20T11:00:00Z', resolvedBy: 'kz' })]);
    const filter = panel.element.querySelector<HTMLSelectElement>('.comment-filter')!;
    filter.value = 'resolved';
    filter.dispatchEvent(new Event('change'));
    const threads = panel.element.querySelectorAll('.comment-thread');
    expect(threads).toHaveLength(1);
    expect(threads[0].querySelector('.comment-resolve')?.textContent).toBe('Reopen');
  });

  it('says "No open threads" once the last open thread is resolved, and who resolved each', () => {
    const { store, panel } = setup();
    store.replaceAll([]);
    expect(panel.element.querySelector('.empty-state')?.textContent).toBe('No comments yet.');
    store.replaceAll([thread('t1', { resolvedAt: '2026-05-20T11:00:00Z', resolvedBy: 'Facilitator' })]);
    expect(panel.element.querySelector('.empty-state')?.textContent).toBe('No open threads.');
    const filter = panel.element.querySelector<HTMLSelectElement>('.comment-filter')!;
    expect([...filter.options].map((option) => option.textContent)).toEqual(['Open threads', 'Resolved threads', 'All threads']);
    filter.value = 'resolved';
    filter.dispatchEvent(new Event('change'));
    expect(panel.element.querySelector('.comment-resolved-by')?.textContent).toMatch(/^Resolved by Facilitator · 20 May 2026/);
  });

  it('lists threads in the order of their paragraphs in the text, each with its paragraph label', () => {
    const { store, panel } = setup();
    const at = (paragraphId: string) => ({ paragraphId, start: 'AA==', end: 'AA==', quote: paragraphId });
    store.replaceAll([
      thread('t1', { anchor: at('p2') }),
      thread('t2', { anchor: at('gone'), root: comment('t2-root', 'kz', 'x', { createdAt: '2026-05-20T09:00:00Z' }) }),
      thread('t3', { anchor: at('p0'), root: comment('t3-root', 'kz', 'x', { createdAt: '2026-05-20T11:00:00Z' }) }),
    ]);
    expect([...panel.element.querySelectorAll('.comment-quote')].map((quote) => quote.textContent)).toEqual(['PP1 p0', 'OP2 p2', 'gone']);
  });

  it('cancels an edit, keeping the comment as it was', () => {
    const { store, panel, handlers } = setup();
    store.upsert(thread('t1'));
    const root = panel.element.querySelector('.comment')!;
    root.querySelector<HTMLButtonElement>('.comment-actions .button-link')!.click();
    root.querySelector<HTMLTextAreaElement>('.comment-form textarea')!.value = 'Changed my mind';
    [...root.querySelectorAll<HTMLButtonElement>('.comment-form button')].find((b) => b.textContent === 'Cancel')!.click();
    expect(root.querySelector('.comment-form')).toBeNull();
    expect(root.querySelector('.comment-text')?.textContent).toBe('Too strong.\nSoften?');
    expect(handlers.edit).not.toHaveBeenCalled();
  });

  it('never renders comment text or quotes as HTML', () => {
    const { store, panel } = setup();
    store.upsert(thread('t1', { anchor: { paragraphId: 'p1', start: 'AA==', end: 'AA==', quote: '<b>q</b>' }, root: comment('c', 'eu', '<img src=x onerror=alert(1)>') }));
    expect(panel.element.querySelector('img, b')).toBeNull();
    expect(panel.element.querySelector('.comment-text')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('lets authors edit and delete only their own comments, and resolve their own threads', () => {
    const { store, panel } = setup({ userId: 'eu' });
    store.upsert(thread('t1', { replies: [comment('r1', 'eu', 'Agree.')] }));
    const [root, reply] = panel.element.querySelectorAll('.comment');
    expect(root.querySelector('.comment-actions')).toBeNull();
    expect(reply.querySelector('.comment-actions')?.textContent).toBe('EditDelete');
    expect(panel.element.querySelector('.comment-resolve')).toBeNull();
  });

  it('lets the facilitator resolve any thread and shows a refusal inline', async () => {
    const { store, panel, handlers } = setup({ userId: 'chair', isFacilitator: true });
    store.upsert(thread('t1'));
    panel.element.querySelector<HTMLButtonElement>('.comment-resolve')!.click();
    await flush();
    expect(handlers.resolve).toHaveBeenCalledWith('t1-root');
    expect(panel.element.querySelector('.comment-error')?.textContent).toContain('only the facilitator');
  });

  it('marks detached threads and keeps their quote', () => {
    const { store, panel } = setup({}, true);
    store.upsert(thread('t1'));
    expect(panel.element.querySelector('.badge-detached')?.textContent).toBe('detached');
    expect(panel.element.querySelector('.comment-quote q')?.textContent).toBe('Member States');
  });

  it('replies through the reply box', async () => {
    const { store, panel, handlers } = setup();
    store.upsert(thread('t1'));
    const form = panel.element.querySelector<HTMLFormElement>('.comment-thread .comment-form')!;
    form.querySelector('textarea')!.value = 'Fine by us.';
    form.dispatchEvent(new Event('submit'));
    await flush();
    expect(handlers.reply).toHaveBeenCalledWith('t1-root', 'Fine by us.');
  });

  it('composes a comment on the selected words', async () => {
    const { panel, create } = setup();
    panel.compose();
    const composer = panel.element.querySelector<HTMLElement>('.comment-composer')!;
    expect(composer.hidden).toBe(false);
    expect(composer.querySelector('q')?.textContent).toBe('the selected words');
    composer.querySelector('textarea')!.value = 'Please bracket.';
    composer.querySelector('form')!.dispatchEvent(new Event('submit'));
    await flush();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ quote: 'the selected words' }), 'Please bracket.', 'all');
    expect(composer.hidden).toBe(true);
  });

  it('posts no blank comment and says why, next to the box it concerns', async () => {
    const { panel, create } = setup();
    panel.compose();
    const composer = panel.element.querySelector<HTMLElement>('.comment-composer')!;
    const box = composer.querySelector('textarea')!;
    box.value = '  \n ';
    composer.querySelector('form')!.dispatchEvent(new Event('submit'));
    await flush();
    expect(create).not.toHaveBeenCalled();
    const error = composer.querySelector<HTMLElement>('[role=alert]')!;
    expect(error.hidden).toBe(false);
    expect(error.textContent).toBe('Write your comment first: a comment cannot be empty.');
    expect(box.getAttribute('aria-describedby')).toBe(error.id);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(box);

    // Words typed and posted: the error goes, and the box is no longer marked.
    box.value = 'Please bracket.';
    composer.querySelector('form')!.dispatchEvent(new Event('submit'));
    await flush();
    expect(create).toHaveBeenCalledTimes(1);
    expect(error.hidden).toBe(true);
    expect(box.hasAttribute('aria-invalid')).toBe(false);
    expect(box.hasAttribute('aria-describedby')).toBe(false);
  });

  it("shows the server's refusal of a reply next to the reply box, keeping the text", async () => {
    const { store, panel, handlers } = setup();
    (handlers.reply as jest.Mock).mockImplementationOnce(() => Promise.reject(new Error('Comment text is limited to 4000 characters.')));
    store.upsert(thread('t1'));
    const form = panel.element.querySelector<HTMLFormElement>('.comment-thread .comment-form')!;
    const box = form.querySelector('textarea')!;
    box.value = '   ';
    form.dispatchEvent(new Event('submit'));
    await flush();
    expect(handlers.reply).not.toHaveBeenCalled();
    const error = panel.element.querySelector<HTMLElement>('.comment-thread [role=alert]')!;
    expect(error.textContent).toBe('Write your reply first: a reply cannot be empty.');

    box.value = 'Fine by us.';
    form.dispatchEvent(new Event('submit'));
    await flush();
    expect(error.textContent).toBe('Comment text is limited to 4000 characters.');
    expect(error.hidden).toBe(false);
    expect(box.getAttribute('aria-describedby')).toBe(error.id);
    expect(box.value).toBe('Fine by us.');
  });

  it('offers who may read a new thread and sends the choice', async () => {
    const { panel, create } = setup();
    panel.compose();
    const composer = panel.element.querySelector<HTMLElement>('.comment-composer')!;
    const choice = composer.querySelector<HTMLSelectElement>('select[name=visibility]')!;
    expect(choice.closest('label')?.textContent).toMatch(/^Who can read it/);
    expect([...choice.options].map((o) => o.textContent)).toEqual(['Everyone', 'My delegation only', 'Facilitators only']);
    choice.value = 'delegation';
    composer.querySelector('textarea')!.value = 'Our line: hold firm on OP3.';
    composer.querySelector('form')!.dispatchEvent(new Event('submit'));
    await flush();
    expect(create).toHaveBeenCalledWith(expect.anything(), 'Our line: hold firm on OP3.', 'delegation');
  });

  it('labels each thread with who can read it', () => {
    const { store, panel } = setup();
    store.replaceAll([thread('t1'), thread('t2', { visibility: 'delegation' }), thread('t3', { visibility: 'facilitators' })]);
    const labels = [...panel.element.querySelectorAll<HTMLElement>('.comment-visibility')];
    expect(labels.map((l) => l.textContent)).toEqual(['Visible to: Everyone', 'Visible to: Delegation only', 'Visible to: Facilitators only']);
    expect(labels[1].title).toBe('Only members of Kazakhstan can read this thread.');
  });

  it('posts with Ctrl+Enter (or ⌘Enter) and gives the focus back to what opened the composer', async () => {
    const { panel, create } = setup();
    const opener = panel.element.querySelector<HTMLButtonElement>('.panel-toolbar button')!;
    opener.focus();
    opener.click();
    const textarea = panel.element.querySelector<HTMLTextAreaElement>('.comment-composer textarea')!;
    expect(document.activeElement).toBe(textarea);
    textarea.value = 'Please bracket.';
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await flush();
    expect(create).toHaveBeenCalledWith(expect.anything(), 'Please bracket.', 'all');
    expect(document.activeElement).toBe(opener);
  });

  it('posts a reply only with the modifier: plain Enter stays a line break', async () => {
    const { store, panel, handlers } = setup();
    store.upsert(thread('t1'));
    const textarea = panel.element.querySelector<HTMLTextAreaElement>('[data-thread-id="t1"] textarea')!;
    textarea.value = 'Fine';
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true }));
    await flush();
    expect(handlers.reply).toHaveBeenCalledTimes(1);
  });

  it('keeps the focus in a thread that is drawn anew after a reply', () => {
    const { store, panel } = setup();
    store.replaceAll([thread('t1')]);
    panel.element.querySelector<HTMLTextAreaElement>('[data-thread-id="t1"] textarea')!.focus();
    store.upsert(thread('t1', { replies: [comment('r1', 'kz', 'Fine by us.')] }));
    const redrawn = panel.element.querySelector<HTMLTextAreaElement>('[data-thread-id="t1"] textarea')!;
    expect(redrawn.closest('.comment-thread')?.textContent).toContain('Fine by us.');
    expect(document.activeElement).toBe(redrawn);
  });
});

describe('CommentsPanel search', () => {
  const search = (panel: CommentsPanel, query: string) => {
    const input = panel.element.querySelector<HTMLInputElement>('.comment-search')!;
    input.value = query;
    input.dispatchEvent(new Event('input'));
  };
  const shown = (panel: CommentsPanel) => [...panel.element.querySelectorAll<HTMLElement>('.comment-thread')].map((el) => el.dataset.threadId);

  it('filters threads by words of their comments, their author, their delegation or the quoted words, in any case', () => {
    const { store, panel } = setup();
    store.replaceAll([
      thread('t1'),
      thread('t2', { root: comment('t2-root', 'eu', 'Prefer "encourages".'), anchor: { paragraphId: 'p2', start: 'AA==', end: 'AA==', quote: 'urges' } }),
      thread('t3', { root: comment('t3-root', 'eu', 'Fine as is.'), replies: [comment('r3', 'kz', 'Needs a footnote.')] }),
    ]);
    expect(shown(panel).sort()).toEqual(['t1', 't2', 't3']);
    search(panel, 'ENCOURAGES');
    expect(shown(panel)).toEqual(['t2']);
    search(panel, 'kazakhstan');
    expect(shown(panel)).toEqual(['t1', 't3']);
    search(panel, 'footnote delegate');
    expect(shown(panel)).toEqual(['t3']);
    search(panel, 'urges');
    expect(shown(panel)).toEqual(['t2']);
    search(panel, 'nothing like this');
    expect(shown(panel)).toEqual([]);
    expect(panel.element.querySelector('.empty-state')?.textContent).toBe('No thread matches the search.');
    search(panel, '  ');
    expect(shown(panel).sort()).toEqual(['t1', 't2', 't3']);
  });

  it('keeps the search while threads change and combines it with the Open filter', () => {
    const { store, panel } = setup();
    store.replaceAll([thread('t1'), thread('t2', { root: comment('t2-root', 'eu', 'Soften it.'), resolvedAt: '2026-05-20T11:00:00Z', resolvedBy: 'eu' })]);
    search(panel, 'soften');
    expect(shown(panel)).toEqual(['t1']);
    store.upsert(thread('t4', { root: comment('t4-root', 'eu', 'Soften the verb.') }));
    expect(shown(panel)).toEqual(['t1', 't4']);
  });
});
