import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { numberParagraphs, type ParagraphLabel } from '../../../shared/numbering';
import { textOnlyChange } from './textOnlyChange';

/** Labels of the round by paragraph id, or null while the server has none to give. */
export type StableLabelMap = ReadonlyMap<string, string> | null;

interface LabelsState {
  labels: StableLabelMap;
  decorations: DecorationSet;
}

const key = new PluginKey<LabelsState>('stableLabels');

/** Until labels arrive, a paragraph the server has not labelled yet shows this in the margin. */
export const UNLABELLED = 'new';

/**
 * Draws each paragraph's label of the round (PP4bis, OP3(a)bis) in the margin as `data-label`,
 * and as hidden text at its start for screen readers.
 * Labels come from the server (setStableLabels); without any, the derived reference (PP4) is
 * shown, as before rounds existed. A paragraph added since the labels were fetched shows
 * "new" rather than a derived reference that could name another paragraph of the round.
 */
export function stableLabelsPlugin(): Plugin<LabelsState> {
  return new Plugin<LabelsState>({
    key,
    state: {
      init: (_, state) => ({ labels: null, decorations: build(state.doc, null) }),
      apply: (tr, previous) => {
        const given = tr.getMeta(key) as { labels: StableLabelMap } | undefined;
        if (given) return { labels: given.labels, decorations: build(tr.doc, given.labels) };
        if (!tr.docChanged) return previous;
        // Labels follow the paragraphs' order, kinds and levels, which typing inside them leaves alone.
        if (textOnlyChange(tr)) return { labels: previous.labels, decorations: previous.decorations.map(tr.mapping, tr.doc) };
        return { labels: previous.labels, decorations: build(tr.doc, previous.labels) };
      },
    },
    props: {
      decorations: (state) => key.getState(state)?.decorations,
    },
  });
}

/** A transaction that shows `labels` in the margin (null: the derived references). */
export function setStableLabels(state: EditorState, labels: StableLabelMap): Transaction {
  return state.tr.setMeta(key, { labels }).setMeta('addToHistory', false);
}

/** The labels the editor shows now (null: none from the server yet). */
export function stableLabelsIn(state: EditorState): StableLabelMap {
  return key.getState(state)?.labels ?? null;
}

/** A paragraph's label as the margin shows it: its label of the round, "new", or (without labels) its derived reference. */
export function marginLabel(paragraph: ParagraphLabel, labels: StableLabelMap): string {
  return labels ? (paragraph.id && labels.get(paragraph.id)) || UNLABELLED : paragraph.reference;
}

function build(doc: PMNode, labels: StableLabelMap): DecorationSet {
  return DecorationSet.create(
    doc,
    numberParagraphs(doc).flatMap((paragraph) => {
      const label = marginLabel(paragraph, labels);
      return [
        Decoration.node(paragraph.pos, paragraph.pos + doc.nodeAt(paragraph.pos)!.nodeSize, { 'data-label': label }),
        Decoration.widget(paragraph.pos + 1, () => spokenLabel(label), { side: -2, key: `label-${label}`, ignoreSelection: true }),
      ];
    }),
  );
}

/**
 * The label as real text at the start of the paragraph, for screen readers (the margin's is
 * drawn by CSS and not read). Not part of the document: never copied, compared or saved.
 */
function spokenLabel(label: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'paragraph-ref visually-hidden';
  span.contentEditable = 'false';
  span.textContent = `${label} `;
  return span;
}
