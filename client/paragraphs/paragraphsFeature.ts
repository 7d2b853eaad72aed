import type { EditorView } from 'prosemirror-view';
import type { ParagraphView } from '../../shared/paragraphs';
import { ackPromise } from '../api/ackPromise';
import type { DraftApi } from '../api/draftApi';
import type { RealtimeSocket } from '../api/realtime';
import { errorText } from '../app/errorText';
import { paragraphStatusKey, paragraphStatusPlugin, type StatusUpdate } from '../editor/plugins/paragraphStatusPlugin';
import { ParagraphStore } from './paragraphStore';
import { ProgressPanel, type RoundStart } from './progressPanel';
import type { StatusChoice } from './statusForm';

const ACK_TIMEOUT_MS = 10_000;

export interface ParagraphsFeatureOptions {
  draftId: string;
  /** Facilitators set statuses and edit the heading; everyone else reads them. */
  facilitator: boolean;
  socket: RealtimeSocket;
  api: Pick<DraftApi, 'paragraphs' | 'rounds' | 'reviseOrally'>;
  /** The delegations of the draft's negotiation, for "agreed pending". */
  delegations: () => Promise<string[]>;
  /** Called when the Progress panel should be brought forward (a margin badge was clicked). */
  reveal: () => void;
  /** Hears each list loaded (it carries the margin labels of the round, so they need no request of their own). */
  onList?: (paragraphs: ParagraphView[]) => void;
}

/**
 * Paragraph status in the browser: the list from the server kept live by `paragraph:updated`,
 * the Progress panel, and the margin badges and locks in the editor once one is attached.
 */
export class ParagraphsFeature {
  readonly store = new ParagraphStore();
  readonly panel: ProgressPanel;
  readonly plugin;
  private view: EditorView | null = null;
  /** Counts list requests, so an older answer landing after a newer one is dropped. */
  private loads = 0;
  private readonly onUpdated = (paragraph: ParagraphView) => {
    if (!this.store.update(paragraph)) this.reload();
  };

  constructor(private readonly options: ParagraphsFeatureOptions) {
    this.plugin = paragraphStatusPlugin({
      headingLocked: !options.facilitator,
      onBadgeClick: (id) => {
        options.reveal();
        this.panel.showParagraph(id);
      },
    });
    this.panel = new ProgressPanel({
      store: this.store,
      manage: options.facilitator,
      delegations: options.delegations,
      setStatus: (id, choice) => this.setStatus(id, choice),
      // The new text reaches the list through the editor's sync; reloading shows it at once.
      reviseOrally: (revision) => options.api.reviseOrally(revision).then(this.reload),
      onFilter: (filter) => this.updateEditor({ filter }),
    });
    this.store.subscribe(() => this.updateEditor({ paragraphs: this.store.list() }));
    options.socket.on('paragraph:updated', this.onUpdated);
    this.reload();
  }

  attach(view: EditorView): void {
    this.view = view;
    this.updateEditor({ paragraphs: this.store.list() });
  }

  destroy(): void {
    this.view = null;
    this.options.socket.off('paragraph:updated', this.onUpdated);
  }

  /** Loads the paragraphs and the start of the round; called again whenever the list may have missed something. */
  readonly reload = () => {
    const load = ++this.loads;
    // Without the rounds the counts still stand; only the movement is unknown.
    Promise.all([this.options.api.paragraphs(), this.options.api.rounds().then(newestRound, () => undefined)]).then(
      ([paragraphs, round]) => {
        if (load !== this.loads) return;
        this.panel.setRound(round);
        this.store.replaceAll(paragraphs);
        this.options.onList?.(paragraphs);
      },
      (failure: unknown) => this.panel.showLoadError(errorText(failure)),
    );
  };

  private async setStatus(paragraphId: string, choice: StatusChoice): Promise<ParagraphView> {
    const { paragraph } = await ackPromise<{ paragraph: ParagraphView }>((ack) =>
      this.options.socket.timeout(ACK_TIMEOUT_MS).emit('paragraph:status', { draftId: this.options.draftId, paragraphId, ...choice }, ack),
    );
    this.onUpdated(paragraph);
    return paragraph;
  }

  private updateEditor(update: StatusUpdate): void {
    if (this.view) this.view.dispatch(this.view.state.tr.setMeta(paragraphStatusKey, update));
  }
}

function newestRound(rounds: Array<{ name: string | null; createdAt: string }>): RoundStart | null {
  const newest = [...rounds].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return newest ? { name: newest.name ?? 'the round began', at: newest.createdAt } : null;
}
