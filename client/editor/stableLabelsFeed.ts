import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { numberParagraphs } from '../../shared/numbering';
import type { ParagraphView } from '../../shared/paragraphs';
import type { DraftApi } from '../api/draftApi';
import { setStableLabels } from './plugins/stableLabelsPlugin';

/** How long the text stays unchanged before the labels are asked for again. */
export const LABELS_QUIET_MS = 1500;

/**
 * Keeps the editor's margin labels in step with the server: taken from each paragraph list the
 * Progress panel loads (`known`: on opening, on reconnecting), fetched once the text is quiet
 * after paragraphs were added, removed, moved or re-levelled (an inserted paragraph gets its
 * "bis" label), and after a new round. Typing inside paragraphs changes no label, so it asks
 * nothing: a room of delegates typing does not poll the server. A failed fetch keeps the labels
 * shown; the next change of paragraphs asks again.
 */
export class StableLabelsFeed {
  private view: EditorView | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  /** The paragraphs (id, kind, level, in order) the last request was made for. */
  private asked = '';
  /** The labels of the last list heard, kept until there is an editor to show them. */
  private latest: Map<string, string> | null = null;

  constructor(
    private readonly api: Pick<DraftApi, 'stableLabels'>,
    private readonly quietMs = LABELS_QUIET_MS,
  ) {}

  /** The editor opened: it shows the labels already heard, which stand for its paragraphs as opened. */
  attach(view: EditorView): void {
    this.view = view;
    this.asked = outline(view.state.doc);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.latest) view.dispatch(setStableLabels(view.state, this.latest));
  }

  /** Labels that came with a list of the paragraphs: shown without asking the server again. */
  known(paragraphs: Pick<ParagraphView, 'id' | 'label'>[]): void {
    this.latest = new Map(paragraphs.map((p) => [p.id, p.label]));
    if (this.view && !this.destroyed) this.view.dispatch(setStableLabels(this.view.state, this.latest));
  }

  /** The text changed: if its paragraphs did, ask again once it has been quiet for a moment. */
  textChanged(doc: PMNode): void {
    if (outline(doc) === this.asked) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), this.quietMs);
  }

  async refresh(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.view) this.asked = outline(this.view.state.doc);
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

/** What labels depend on: the paragraphs' ids, kinds and levels in document order. */
function outline(doc: PMNode): string {
  return numberParagraphs(doc)
    .map((p) => `${p.id}:${p.kind}:${p.level}`)
    .join(' ');
}
