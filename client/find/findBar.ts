import { h } from '../app/dom';

export interface FindBarHandlers {
  /** The words or the case option changed. */
  search: (text: string, caseSensitive: boolean) => void;
  step: (direction: 1 | -1) => void;
  replace: (text: string) => void;
  replaceAll: (text: string) => void;
  close: () => void;
}

/**
 * The find bar above the text: the words to find, Match case, previous / next, the match
 * count, and for people who may change the text a replacement with Replace and Replace all.
 * Enter finds the next match, Shift-Enter the previous one, Escape closes.
 */
export class FindBar {
  readonly element: HTMLElement;
  readonly findInput = h('input', { class: 'find-input', attrs: { type: 'search', 'aria-label': 'Find in the draft', placeholder: 'Find' } });
  private readonly replaceInput = h('input', { class: 'find-replace-input', attrs: { type: 'text', 'aria-label': 'Replace with', placeholder: 'Replace with' } });
  private readonly caseBox = h('input', { class: 'find-case', attrs: { type: 'checkbox' } });
  private readonly count = h('span', { class: 'find-count', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly message = h('p', { class: 'find-message', attrs: { role: 'status', 'aria-live': 'polite', hidden: true } });

  constructor(handlers: FindBarHandlers, canReplace: boolean) {
    const search = () => handlers.search(this.findInput.value, this.caseBox.checked);
    const button = (label: string, className: string, title: string, click: () => void) =>
      h('button', { class: `button-quiet button-small ${className}`, attrs: { type: 'button', title, 'aria-label': title }, on: { click } }, label);
    this.findInput.addEventListener('input', search);
    this.caseBox.addEventListener('change', search);
    this.findInput.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      handlers.step(event.shiftKey ? -1 : 1);
    });
    this.replaceInput.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      handlers.replace(this.replaceInput.value);
    });
    this.element = h(
      'div',
      { class: 'find-bar', attrs: { role: 'search', 'aria-label': 'Find and replace', hidden: true } },
      h(
        'div',
        { class: 'find-row' },
        this.findInput,
        button('↑', 'find-previous', 'Previous match (Shift+Enter)', () => handlers.step(-1)),
        button('↓', 'find-next', 'Next match (Enter)', () => handlers.step(1)),
        this.count,
        h('label', { class: 'find-case-label' }, this.caseBox, ' Match case'),
        button('✕', 'find-close', 'Close find (Escape)', handlers.close),
      ),
      canReplace
        ? h(
            'div',
            { class: 'find-row' },
            this.replaceInput,
            button('Replace', 'find-replace', 'Replace this match', () => handlers.replace(this.replaceInput.value)),
            button('Replace all', 'find-replace-all', 'Replace every match', () => handlers.replaceAll(this.replaceInput.value)),
          )
        : null,
      this.message,
    );
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        handlers.close();
      } else if (event.key.toLowerCase() === 'f' && (event.ctrlKey || event.metaKey)) {
        // Ctrl/Cmd-F again: back to the words to find, not the browser's own find.
        event.preventDefault();
        this.findInput.focus();
        this.findInput.select();
      }
    });
  }

  /** Opens the bar with `text` (the selected words, if any) to find, its words selected. */
  open(text: string | null): void {
    this.element.hidden = false;
    if (text !== null) this.findInput.value = text;
    this.findInput.focus();
    this.findInput.select();
  }

  close(): void {
    this.element.hidden = true;
    this.say('');
  }

  get query(): { text: string; caseSensitive: boolean } {
    return { text: this.findInput.value, caseSensitive: this.caseBox.checked };
  }

  showCount(current: number, total: number): void {
    this.count.textContent = !this.findInput.value ? '' : total === 0 ? 'No match' : `${current + 1} of ${total}`;
  }

  /** What a replacement did, or why it could not. */
  say(text: string): void {
    this.message.textContent = text;
    this.message.hidden = !text;
  }
}
