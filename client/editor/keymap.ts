import { baseKeymap } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import type { Command, Plugin } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { enterCommand, outdentAtStart } from './commands/enter';
import { toggleBold, toggleItalic, toggleUnderline } from './commands/marks';
import { isIn } from './commands/sections';
import { indentSubParagraph, outdentSubParagraph } from './commands/subParagraphLevel';
import { tabReleased, tabReleasePlugin } from './plugins/tabReleasePlugin';

/**
 * Inside the operative part Tab always belongs to the editor, even when the level
 * cannot change; elsewhere, and after Escape (tabReleasePlugin), it is left to the
 * browser to move focus on.
 */
function tabInOperativePart(command: Command): Command {
  return (state, dispatch, view) => !tabReleased(state) && (command(state, dispatch, view) || isIn(state.selection.$from, 'operative'));
}

/** The drafting keys, ahead of ProseMirror's base keymap. Undo and redo are yUndoPlugin's: only your own changes. */
export function resolutionKeymap(): Plugin[] {
  return [
    tabReleasePlugin(),
    keymap({
      Enter: enterCommand,
      Tab: tabInOperativePart(indentSubParagraph),
      'Shift-Tab': tabInOperativePart(outdentSubParagraph),
      Backspace: outdentAtStart,
      'Mod-b': toggleBold,
      'Mod-i': toggleItalic,
      'Mod-u': toggleUnderline,
      'Mod-z': undoCommand,
      'Mod-y': redoCommand,
      'Shift-Mod-z': redoCommand,
    }),
    keymap(baseKeymap),
  ];
}
