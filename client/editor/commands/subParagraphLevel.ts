import type { Command } from 'prosemirror-state';
import { MAX_SUBPARAGRAPH_LEVEL } from '../../../shared/schema';
import { sectionOf } from './sections';

/**
 * Moves the selected operative paragraphs one sub-paragraph level deeper (+1:
 * OP -> (a) -> (i)) or back up (-1). A paragraph can go at most one level below
 * the paragraph before it, so the first operative paragraph stays an OP.
 */
function changeLevel(delta: 1 | -1): Command {
  return (state, dispatch) => {
    const operative = sectionOf(state.doc, 'operative');
    if (!operative) return false;
    const { from, to } = state.selection;
    const tr = state.tr;
    let previous = -1;
    // The toolbar asks on every keystroke whether this applies: one pass, positions from the offsets.
    operative.node.forEach((node, offset) => {
      const pos = operative.pos + 1 + offset;
      const current = node.attrs.level as number;
      const ceiling = Math.min(MAX_SUBPARAGRAPH_LEVEL, previous + 1);
      const selected = from < pos + node.nodeSize && to > pos;
      const level = selected ? Math.max(0, Math.min(current + delta, ceiling)) : Math.min(current, ceiling);
      if (selected && level !== current) tr.setNodeAttribute(pos, 'level', level);
      previous = level;
    });
    if (!tr.docChanged) return false;
    dispatch?.(tr);
    return true;
  };
}

export const indentSubParagraph = changeLevel(1);
export const outdentSubParagraph = changeLevel(-1);
