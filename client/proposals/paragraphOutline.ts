import type { Node as PMNode } from 'prosemirror-model';
import { numberParagraphs } from '../../shared/numbering';
import type { EditorView } from 'prosemirror-view';
import { marginLabel, stableLabelsIn, type StableLabelMap } from '../editor/plugins/stableLabelsPlugin';

/** What the views and the Proposals panel need of the paragraphs: the room's label and the printed number, by id. */
export interface ParagraphOutline {
  labels: Map<string, string>;
  printed: Map<string, string>;
}

/** The labels as the editor's margin shows them (PP4bis, OP3) and the printed numbers ("3.", "(a)") of a draft. */
export function paragraphOutline(doc: PMNode, stable: StableLabelMap): ParagraphOutline {
  const outline: ParagraphOutline = { labels: new Map(), printed: new Map() };
  for (const paragraph of numberParagraphs(doc)) {
    if (!paragraph.id) continue;
    outline.labels.set(paragraph.id, marginLabel(paragraph, stable));
    if (paragraph.printed) outline.printed.set(paragraph.id, paragraph.printed);
  }
  return outline;
}

/** The outline of the editor's draft as its margin shows it; empty until the editor exists. */
export function editorOutline(view: EditorView | null): ParagraphOutline {
  return view ? paragraphOutline(view.state.doc, stableLabelsIn(view.state)) : { labels: new Map(), printed: new Map() };
}
