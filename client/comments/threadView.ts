import type { CommentThread, CommentView } from '../../shared/comments';
import { h } from '../app/dom';
import { zonedTime } from '../app/time';
import { submitting, wordsIn, type FormError } from '../app/formField';
import { inlineError } from '../app/inlineError';
import { COMMENT_MAX_LENGTH } from '../../shared/comments';
import { visibilityLabel } from './visibility';

export interface Viewer {
  userId: string;
  isFacilitator: boolean;
  canComment: boolean;
}

/** What a thread's buttons ask for; each resolves, or rejects with a readable message. */
export interface ThreadHandlers {
  select: (thread: CommentThread) => void;
  reply: (commentId: string, text: string) => Promise<unknown>;
  edit: (commentId: string, text: string) => Promise<unknown>;
  remove: (commentId: string) => Promise<unknown>;
  resolve: (commentId: string) => Promise<unknown>;
  reopen: (commentId: string) => Promise<unknown>;
}

/** One thread in the Comments panel. All text goes in as text nodes, never as HTML. */
/** `label`: the margin label of the thread's paragraph (OP3), null when the paragraph is gone. */
export function threadView(thread: CommentThread, detached: boolean, label: string | null, viewer: Viewer, handlers: ThreadHandlers): HTMLElement {
  const error = inlineError('comment-error', `comment-error-${thread.id}`);
  const resolved = thread.resolvedAt !== null;
  const mayResolve = viewer.isFacilitator || thread.root.authorId === viewer.userId;
  const visibility = visibilityLabel(thread.visibility, thread.root.delegation);

  const element = h(
    'article',
    { class: `comment-thread${resolved ? ' is-resolved' : ''}`, attrs: { 'data-thread-id': thread.id } },
    h(
      'button',
      { class: 'comment-quote', attrs: { type: 'button', title: 'Show in the text' }, on: { click: () => handlers.select(thread) } },
      detached ? h('span', { class: 'comment-badge badge-detached' }, 'detached') : null,
      resolved ? h('span', { class: 'comment-badge badge-resolved' }, 'resolved') : null,
      label ? h('span', { class: 'comment-paragraph' }, `${label} `) : null,
      h('q', {}, thread.anchor.quote),
    ),
    resolved ? h('p', { class: 'comment-resolved-by' }, `Resolved by ${thread.resolvedBy ?? 'a participant'} · `, h('time', { attrs: { datetime: thread.resolvedAt! } }, zonedTime(thread.resolvedAt!))) : null,
    h('p', { class: `comment-visibility visibility-${thread.visibility}`, attrs: { title: visibility.title } }, h('span', { class: 'visually-hidden' }, 'Visible to: '), visibility.label),
    commentView(thread.root, viewer, handlers, error),
    ...thread.replies.map((reply) => commentView(reply, viewer, handlers, error)),
    error.element,
    viewer.canComment && !resolved
      ? textForm({ submitLabel: 'Reply', label: 'Reply to this thread', blank: 'Write your reply first: a reply cannot be empty.', submit: (text) => handlers.reply(thread.root.id, text), error })
      : null,
    mayResolve
      ? h(
          'button',
          {
            class: 'button-quiet comment-resolve',
            attrs: { type: 'button' },
            on: { click: () => error.run(resolved ? handlers.reopen(thread.root.id) : handlers.resolve(thread.root.id)) },
          },
          resolved ? 'Reopen' : 'Resolve',
        )
      : null,
  );
  return element;
}

function commentView(
  comment: CommentView,
  viewer: Viewer,
  handlers: ThreadHandlers,
  /** The thread's error line, where this comment's edit and delete say why they failed. */
  error: ReturnType<typeof inlineError>,
): HTMLElement {
  const deleted = comment.deletedAt !== null;
  const body = h('p', { class: 'comment-text' }, deleted ? 'This comment was deleted.' : comment.text);
  const element = h(
    'div',
    { class: `comment${deleted ? ' is-deleted' : ''}`, attrs: { 'data-comment-id': comment.id } },
    h(
      'p',
      { class: 'comment-meta' },
      h('span', { class: 'comment-delegation' }, comment.delegation),
      ` · ${comment.authorName} · `,
      h('time', { attrs: { datetime: comment.createdAt } }, zonedTime(comment.createdAt)),
      comment.editedAt && !deleted ? h('span', { class: 'comment-edited', attrs: { title: zonedTime(comment.editedAt) } }, ' · edited') : null,
    ),
    body,
  );
  if (comment.authorId === viewer.userId && !deleted && viewer.canComment) {
    const editButton = h('button', { class: 'button-link', attrs: { type: 'button' } }, 'Edit');
    const edit = () => {
      const form = textForm({
        submitLabel: 'Save',
        label: 'Edit your comment',
        blank: 'A comment cannot be empty: write its new text, or delete it.',
        submit: (text) => handlers.edit(comment.id, text),
        error,
        initial: comment.text,
      });
      const cancel = () => {
        error.hide();
        form.replaceWith(body);
        editButton.focus();
      };
      form.append(h('button', { class: 'button-quiet button-small', attrs: { type: 'button' }, on: { click: cancel } }, 'Cancel'));
      body.replaceWith(form);
      form.querySelector('textarea')?.focus();
    };
    editButton.addEventListener('click', edit);
    element.append(
      h(
        'div',
        { class: 'comment-actions' },
        editButton,
        h(
          'button',
          {
            class: 'button-link',
            attrs: { type: 'button' },
            on: { click: () => window.confirm('Delete this comment?') && error.run(handlers.remove(comment.id)) },
          },
          'Delete',
        ),
      ),
    );
  }
  return element;
}

export interface TextFormOptions {
  submitLabel: string;
  /** The textarea's accessible name. */
  label: string;
  /** What the error says when only blanks were written: nothing is sent then. */
  blank: string;
  submit: (text: string) => Promise<unknown>;
  /** Where a blank text or the server's refusal is told, about the textarea. */
  error: FormError;
  initial?: string;
}

/** A textarea and a submit button; the text stays if the server refuses it. */
export function textForm({ submitLabel, label, blank, submit, error, initial = '' }: TextFormOptions): HTMLFormElement {
  const textarea = h('textarea', { class: 'comment-input', attrs: { 'aria-label': label, rows: '2', maxlength: String(COMMENT_MAX_LENGTH) } });
  textarea.value = initial;
  const button = h('button', { class: 'button-primary button-small', attrs: { type: 'submit' } }, submitLabel);
  const form = h('form', { class: 'comment-form' }, textarea, button);
  textarea.title = `${submitLabel} with Ctrl+Enter (⌘Enter on a Mac)`;
  textarea.setAttribute('aria-keyshortcuts', 'Control+Enter Meta+Enter');
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = wordsIn(textarea, error, blank);
    if (text === null) return;
    void submitting(button, error, 'The comment could not be saved.', async () => {
      await submit(text);
      textarea.value = '';
    }, textarea);
  });
  return form;
}
