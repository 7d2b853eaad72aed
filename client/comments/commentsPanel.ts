import type { CommentAnchor, CommentThread } from '../../shared/comments';
import type { CommentVisibility } from '../../shared/negotiations';
import { h, replaceChildren } from '../app/dom';
import { formError } from '../app/formField';
import { redrawKeepingFocus } from '../app/redrawKeepingFocus';
import { textForm, threadView, type ThreadHandlers, type Viewer } from './threadView';
import type { ThreadFilter, ThreadStore } from './threadStore';
import { VISIBILITY_CHOICES } from './visibility';
import { threadMatches } from './threadSearch';

export interface CommentsPanelDeps {
  store: ThreadStore;
  viewer: Viewer;
  handlers: ThreadHandlers;
  /** The anchor for the editor's selection now, or null when nothing is selected. */
  selectionAnchor: () => CommentAnchor | null;
  create: (anchor: CommentAnchor, text: string, visibility: CommentVisibility) => Promise<unknown>;
  /** True when the thread's words are gone from the text. */
  isDetached: (thread: CommentThread) => boolean;
  /** The margin label (PP2, OP3) of each paragraph by id, in text order. */
  paragraphLabels: () => ReadonlyMap<string, string>;
}

/** Threads in the order their paragraphs come in the text, oldest first within one; those of paragraphs gone last. */
function inTextOrder(threads: CommentThread[], labels: ReadonlyMap<string, string>): CommentThread[] {
  const index = new Map([...labels.keys()].map((id, i) => [id, i]));
  const place = (thread: CommentThread) => index.get(thread.anchor.paragraphId) ?? Infinity;
  return [...threads].sort((a, b) => place(a) - place(b));
}

const FILTERS: Array<[ThreadFilter, string]> = [
  ['open', 'Open threads'],
  ['resolved', 'Resolved threads'],
  ['all', 'All threads'],
];

/** The Comments tab: a composer for the selected words and the draft's threads. */
export class CommentsPanel {
  readonly element: HTMLElement;
  private filter: ThreadFilter = 'open';
  private search = '';
  private readonly summary = h('p', { class: 'panel-summary', attrs: { 'aria-live': 'polite' } }, 'Loading comments…');
  private readonly list = h('div', { class: 'comment-threads' });
  private readonly composer = h('div', { class: 'comment-composer', attrs: { hidden: true } });
  private readonly hint = h('p', { class: 'panel-note', attrs: { hidden: true, role: 'status' } });
  /** What had the focus when the composer opened. */
  private opener: Element | null = null;
  /**
   * The element drawn for each thread, with what it was drawn from. A thread that did not
   * change keeps its element, so a reply or edit being typed there survives others' comments.
   */
  private readonly drawn = new Map<string, { thread: CommentThread; detached: boolean; label: string | null; element: HTMLElement }>();

  constructor(private readonly deps: CommentsPanelDeps) {
    const filter = h(
      'select',
      { class: 'comment-filter', attrs: { 'aria-label': 'Show threads' } },
      ...FILTERS.map(([value, label]) => h('option', { attrs: { value } }, label)),
    );
    filter.addEventListener('change', () => {
      this.filter = filter.value as ThreadFilter;
      this.render();
    });
    const search = h('input', { class: 'comment-search', attrs: { type: 'search', placeholder: 'Search comments', 'aria-label': 'Search comments by text, author or delegation' } });
    search.addEventListener('input', () => {
      this.search = search.value;
      this.render();
    });
    const commentButton = deps.viewer.canComment
      ? h(
          'button',
          { class: 'button-primary button-small', attrs: { type: 'button', title: 'Comment on the selected words (Ctrl+Alt+M; ⌘⌥M on a Mac)' }, on: { click: () => this.compose() } },
          'Comment',
        )
      : null;
    this.element = h(
      'section',
      { class: 'comments-panel' },
      h('div', { class: 'panel-toolbar' }, commentButton, filter, search),
      this.hint,
      this.composer,
      this.summary,
      this.list,
    );
    deps.store.subscribe(() => this.render());
  }

  /** Opens the composer for the selected words, or explains that words must be selected first. */
  compose(): void {
    this.opener = document.activeElement;
    const anchor = this.deps.selectionAnchor();
    this.hint.hidden = Boolean(anchor);
    if (!anchor) {
      this.hint.textContent = 'Select the words you want to comment on, then press Comment.';
      return;
    }
    const error = formError('comment-composer-error');
    const visibility = h(
      'select',
      { class: 'comment-visibility-choice', attrs: { name: 'visibility' } },
      ...VISIBILITY_CHOICES.map(([value, label]) => h('option', { attrs: { value } }, label)),
    );
    const form = textForm({
      submitLabel: 'Post comment',
      label: 'Your comment',
      blank: 'Write your comment first: a comment cannot be empty.',
      submit: (text) => this.deps.create(anchor, text, visibility.value as CommentVisibility).then(() => this.closeComposer()),
      error,
    });
    const cancel = h('button', { class: 'button-quiet button-small', attrs: { type: 'button' }, on: { click: () => this.closeComposer() } }, 'Cancel');
    form.prepend(h('label', { class: 'field-label comment-visibility-field' }, 'Who can read it', visibility));
    form.append(cancel);
    replaceChildren(this.composer, h('p', { class: 'comment-quote' }, h('q', {}, anchor.quote)), form, error.element);
    this.composer.hidden = false;
    form.querySelector('textarea')?.focus();
  }

  render(): void {
    const labels = this.deps.paragraphLabels();
    const threads = inTextOrder(this.deps.store.list(this.filter), labels).filter((thread) => threadMatches(thread, this.search));
    const open = this.deps.store.list('open').length;
    this.summary.textContent = open === 1 ? '1 open thread.' : `${open} open threads.`;
    // Moving an element in the DOM drops its focus, and a changed thread is drawn anew (a reply
    // posted, resolved): the focus goes back to whoever was typing or pressing there.
    redrawKeepingFocus(this.list, 'data-thread-id', () =>
      replaceChildren(
        this.list,
        ...threads.map((t) => this.threadElement(t, labels.get(t.anchor.paragraphId) ?? null)),
        threads.length === 0 ? h('p', { class: 'empty-state' }, this.emptyText()) : null,
      ),
    );
  }

  /** After the last open thread is resolved there are comments, just no open ones. */
  private emptyText(): string {
    if (this.deps.store.list('all').length === 0) return 'No comments yet.';
    if (this.search.trim()) return 'No thread matches the search.';
    return this.filter === 'resolved' ? 'No resolved threads.' : 'No open threads.';
  }

  private threadElement(thread: CommentThread, label: string | null): HTMLElement {
    const detached = this.deps.isDetached(thread);
    const drawn = this.drawn.get(thread.id);
    if (drawn && drawn.thread === thread && drawn.detached === detached && drawn.label === label) return drawn.element;
    const element = threadView(thread, detached, label, this.deps.viewer, this.deps.handlers);
    this.drawn.set(thread.id, { thread, detached, label, element });
    return element;
  }

  showLoadError(message: string): void {
    this.summary.textContent = `Comments could not be loaded: ${message}`;
  }

  /** Marks the thread picked in the text and brings it into view. */
  showThread(id: string): void {
    for (const el of this.list.querySelectorAll<HTMLElement>('.comment-thread')) {
      const match = el.dataset.threadId === id;
      el.classList.toggle('is-active', match);
      if (match) el.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Closes the composer; the focus goes back to what opened it (the Comment button, or the text with Ctrl+Alt+M). */
  private closeComposer(): void {
    const hadFocus = this.composer.contains(document.activeElement);
    this.composer.hidden = true;
    this.composer.replaceChildren();
    if (hadFocus && this.opener instanceof HTMLElement && this.opener.isConnected) this.opener.focus();
  }
}
