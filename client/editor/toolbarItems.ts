import type { MarkType } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { resolutionSchema } from '../../shared/schema';
import { insertOperativeParagraph, insertPreambularParagraph } from './commands/insertParagraph';
import { toggleBold, toggleItalic, toggleUnderline } from './commands/marks';
import { indentSubParagraph, outdentSubParagraph } from './commands/subParagraphLevel';

export interface ToolbarItem {
  label: string;
  /** Tooltip: what the button does and its key. */
  title: string;
  /** Accessible name where the visible label is only a letter (B, I, U); otherwise the label itself. */
  name?: string;
  command: Command;
  active?: (state: EditorState) => boolean;
  className?: string;
}

function markActive(type: MarkType) {
  return (state: EditorState): boolean => {
    const { from, to, empty, $from } = state.selection;
    if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
    return state.doc.rangeHasMark(from, to, type);
  };
}

/** Groups of buttons, separated in the toolbar. `mod` is the platform's command key name. */
export function toolbarItems(mod: string): ToolbarItem[][] {
  const { strong, em, underline } = resolutionSchema.marks;
  return [
    [
      { label: '+ Preambular paragraph', title: 'Insert a preambular paragraph', command: insertPreambularParagraph },
      {
        label: '+ Operative paragraph',
        title: 'Insert an operative paragraph; the paragraphs after it renumber',
        command: insertOperativeParagraph,
      },
    ],
    [
      { label: '⇤ Level up', title: 'Raise the sub-paragraph one level (Shift+Tab)', command: outdentSubParagraph },
      { label: 'Sub-paragraph ⇥', title: 'Make it a sub-paragraph one level down (Tab)', command: indentSubParagraph },
    ],
    [
      { label: 'B', name: 'Bold', title: `Bold (${mod}+B)`, command: toggleBold, active: markActive(strong), className: 'tool-bold' },
      { label: 'I', name: 'Italic', title: `Italic (${mod}+I)`, command: toggleItalic, active: markActive(em), className: 'tool-italic' },
      {
        label: 'U',
        name: 'Underline',
        title: `Underline (${mod}+U)`,
        command: toggleUnderline,
        active: markActive(underline),
        className: 'tool-underline',
      },
    ],
    [
      { label: '↶ Undo', title: `Undo your last change (${mod}+Z); others' changes stay`, command: undoCommand },
      { label: '↷ Redo', title: `Redo your change (${mod}+Y)`, command: redoCommand },
    ],
  ];
}
