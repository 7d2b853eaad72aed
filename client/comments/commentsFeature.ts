import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type * as Y from 'yjs';
import { resolveAnchorRange } from '../../shared/anchors';
import type { CommentChange, CommentThread } from '../../shared/comments';
import { canComment, isFacilitator } from '../../shared/roles';
import type { Role } from '../../shared/roles';
import type { DraftApi } from '../api/draftApi';
import type { RealtimeSocket } from '../api/realtime';
import { commentHighlightsKey, commentHighlightsPlugin, type HighlightUpdate } from '../editor/plugins/commentHighlights';
import { anchorFromSelection, anchorRangeInEditor } from './commentAnchor';
import { CommentActions } from './commentActions';
import { CommentsPanel } from './commentsPanel';
import { editorOutline } from '../proposals/paragraphOutline';
import { ThreadStore } from './threadStore';
import { errorText } from '../app/errorText';

export interface CommentsFeatureOptions {
  draftId: string;
  /** Who reads the comments, and their role in this draft's negotiation. */
  viewer: { userId: string; role: Role };
  socket: RealtimeSocket;
  api: DraftApi;
  doc: Y.Doc;
  /** Called when the panel should be brought forward (a highlight was clicked, Mod-Alt-m). */
  reveal: () => void;
}

/**
 * Comments on a draft: the panel, live threads from the server, and the highlights in
 * the editor once one is attached with `attach`.
 */
export class CommentsFeature {
  readonly panel: CommentsPanel;
  private readonly store = new ThreadStore();
  private readonly actions: CommentActions;
  /** The highlights, for the editor's plugins; `attach` the view once it exists. */
  readonly plugin = commentHighlightsPlugin({
    onCommentKey: () => {
      this.options.reveal();
      this.panel.compose();
    },
    onThreadClick: (id) => {
      this.options.reveal();
      this.updateHighlights({ activeId: id });
      this.panel.showThread(id);
    },
  });
  private view: EditorView | null = null;
  /** Ids of the detached threads when the panel was last drawn. */
  private detached = '';
  /** A list request is on its way; `reloadAgain` when another was asked for meanwhile. */
  private reloading = false;
  private reloadAgain = false;
  /** Merges a change (broadcast, or the acknowledgement of our own); a gap it reveals reloads the list. */
  private readonly onChange = (change: CommentChange) => {
    if (change.thread.draftId !== this.options.draftId) return;
    if (!this.store.apply(change)) this.reload();
  };

  constructor(private readonly options: CommentsFeatureOptions) {
    this.actions = new CommentActions(options.socket, options.draftId);
    this.panel = new CommentsPanel({
      store: this.store,
      viewer: { userId: options.viewer.userId, isFacilitator: isFacilitator(options.viewer.role), canComment: canComment(options.viewer.role) },
      selectionAnchor: () => (this.view ? anchorFromSelection(this.view.state) : null),
      create: (anchor, text, visibility) => this.actions.create(anchor, text, visibility).then(this.onChange),
      isDetached: (thread) => this.isDetached(thread),
      paragraphLabels: () => editorOutline(this.view).labels,
      handlers: {
        select: (thread) => this.selectInText(thread),
        reply: (id, text) => this.actions.reply(id, text).then(this.onChange),
        edit: (id, text) => this.actions.edit(id, text).then(this.onChange),
        remove: (id) => this.actions.remove(id).then(this.onChange),
        resolve: (id) => this.actions.resolve(id).then(this.onChange),
        reopen: (id) => this.actions.reopen(id).then(this.onChange),
      },
    });
    this.store.subscribe(() => this.updateHighlights({ threads: this.store.list('open') }));
    options.doc.on('update', this.onTextChange);
    options.socket.on('comment:created', this.onChange);
    options.socket.on('comment:updated', this.onChange);
    this.reload();
  }

  /** Connects the panel to the editor created with `plugin`. */
  attach(view: EditorView): void {
    this.view = view;
    this.updateHighlights({ threads: this.store.list('open') });
  }

  destroy(): void {
    // A thread list still on its way must not dispatch into the editor once it is gone.
    this.view = null;
    this.options.doc.off('update', this.onTextChange);
    this.options.socket.off('comment:created', this.onChange);
    this.options.socket.off('comment:updated', this.onChange);
  }

  /** Redraws the threads when an edit detaches or reattaches one (its words deleted, or the deletion undone). */
  private readonly onTextChange = () => {
    const detached = this.store
      .list('all')
      .filter((t) => this.isDetached(t))
      .map((t) => t.id)
      .join(' ');
    if (detached === this.detached) return;
    this.detached = detached;
    this.panel.render();
  };

  /**
   * Loads every thread of the draft. Broadcasts only reach members of the room, so the page
   * calls this again each time its room join is acknowledged: nothing created while away,
   * or between the list and the join, is missed. Asked again while a list is on its way,
   * it loads once more when that one lands, so the last list postdates the last request.
   */
  readonly reload = () => {
    if (this.reloading) {
      this.reloadAgain = true;
      return;
    }
    this.reloading = true;
    this.options.api
      .threads()
      .then(
        (threads) => this.store.replaceAll(threads),
        // The panel keeps what it had; the next reconnect tries again.
        (failure: unknown) => this.panel.showLoadError(errorText(failure)),
      )
      .finally(() => {
        this.reloading = false;
        if (this.reloadAgain) {
          this.reloadAgain = false;
          this.reload();
        }
      });
  };

  private isDetached(thread: CommentThread): boolean {
    return resolveAnchorRange(this.options.doc, thread.anchor) === null;
  }

  private selectInText(thread: CommentThread): void {
    const view = this.view;
    if (!view) return;
    const range = anchorRangeInEditor(view.state, thread.anchor);
    this.updateHighlights({ activeId: thread.id });
    if (!range) return;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)).scrollIntoView());
    view.focus();
  }

  private updateHighlights(update: HighlightUpdate): void {
    if (this.view) this.view.dispatch(this.view.state.tr.setMeta(commentHighlightsKey, update));
  }
}
