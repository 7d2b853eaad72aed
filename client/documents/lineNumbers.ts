import { h } from '../app/dom';

/** The lines of a resolution sheet, in reading order: heading lines, sponsors, title, formula, PPs and OPs. */
const LINES = '.heading > div, .sponsors, .title, .formula, .pp, .op';

/**
 * The "Line numbers" choice of the print view: each line of the sheet gets a number in the
 * margin (a CSS counter, so it follows the printed order), shown while the box is ticked.
 * The sheet is drawn once and never redrawn (a read-only ProseMirror view ignores DOM changes),
 * so the numbers can be put into it.
 */
export function lineNumbersChoice(paper: HTMLElement): { field: HTMLElement; number: (sheet: HTMLElement) => void } {
  const box = h('input', { attrs: { type: 'checkbox', name: 'line-numbers' }, on: { change: () => paper.classList.toggle('with-line-numbers', box.checked) } });
  return {
    field: h('label', { class: 'print-line-numbers' }, box, ' Line numbers'),
    number: (sheet) => {
      for (const line of sheet.querySelectorAll(LINES)) line.prepend(h('span', { class: 'line-number', attrs: { 'aria-hidden': 'true', contenteditable: 'false' } }));
    },
  };
}
