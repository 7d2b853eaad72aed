import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { numberParagraphs, type ParagraphLabel } from '../../shared/numbering';
import { isRemoteChange } from '../editor/isRemoteChange';
import { marginLabel, stableLabelsIn, UNLABELLED } from '../editor/plugins/stableLabelsPlugin';

/** The labels of the paragraphs the last remote change touched, as the margin shows them. */
interface RemoteEditState {
  labels: string[];
}

const key = new PluginKey<RemoteEditState>('remoteEdits');

/**
 * Calls `onRemoteEdit` with the labels (OP3, PP2) of the paragraphs another delegation's
 * change touched: changed or added ones under their label now, removed ones under their
 * label before. y-prosemirror redraws the whole text for a remote change, so paragraphs
 * are compared by id rather than read from the transaction's steps.
 */
export function remoteEditsPlugin(onRemoteEdit: (labels: string[]) => void): Plugin<RemoteEditState> {
  return new Plugin<RemoteEditState>({
    key,
    state: {
      init: () => ({ labels: [] }),
      apply: (tr, previous, oldState, newState) => {
        if (!isRemoteChange(tr) || !tr.docChanged) return previous;
        const labelIn = (state: EditorState) => (paragraph: ParagraphLabel) => spokenLabel(marginLabel(paragraph, stableLabelsIn(state)));
        return { labels: touchedLabels(oldState.doc, newState.doc, labelIn(oldState), labelIn(newState)) };
      },
    },
    view: () => ({
      update(view, prevState) {
        const now = key.getState(view.state);
        if (now && now !== key.getState(prevState) && now.labels.length > 0) onRemoteEdit(now.labels);
      },
    }),
  });
}

/** The margin's "new" (a paragraph added since the round's labels) read in a sentence. */
function spokenLabel(label: string): string {
  return label === UNLABELLED ? 'a new paragraph' : label;
}

/** Paragraphs of `after` that are new or differ from their namesake in `before`, then those `before` had and `after` lost. */
function touchedLabels(before: PMNode, after: PMNode, labelBefore: (p: ParagraphLabel) => string, labelAfter: (p: ParagraphLabel) => string): string[] {
  const old = new Map(numberParagraphs(before).flatMap((p) => (p.id ? [[p.id, p] as const] : [])));
  const touched: string[] = [];
  for (const paragraph of numberParagraphs(after)) {
    const was = paragraph.id ? old.get(paragraph.id) : undefined;
    if (was) old.delete(was.id!);
    if (!was || !after.nodeAt(paragraph.pos)!.eq(before.nodeAt(was.pos)!)) touched.push(labelAfter(paragraph));
  }
  return [...touched, ...[...old.values()].map(labelBefore)];
}
