import type { EditorView } from 'prosemirror-view';
import type { DraftApi } from '../api/draftApi';
import { setStableLabels } from './plugins/stableLabelsPlugin';

/** How long the text stays unchanged before the labels are asked for again. */
export const LABELS_QUIET_MS = 1500;

/**
 * Keeps the editor's margin labels in step with the server: fetched when the editor opens,
 * again once typing pauses (an inserted paragraph gets its "bis" label) and after a new round.
 * A failed fetch keeps the labels shown; the next change asks again.
 */
export class StableLabelsFeed {
  private view: EditorView | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(
    private readonly api: Pick<DraftApi, 'stableLabels'>,
    private readonly quietMs = LABELS_QUIET_MS,
  ) {}

  attach(view: EditorView): void {
    this.view = view;
    void this.refresh();
  }

  /** The text changed: ask again once it has been quiet for a moment. */
  textChanged(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), this.quietMs);
  }

  async refresh(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const labels = await this.api.stableLabels().catch(() => undefined);
    const view = this.view;
    if (labels === undefined || !view || this.destroyed) return;
    view.dispatch(setStableLabels(view.state, labels));
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
