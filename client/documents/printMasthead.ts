import { h } from '../app/dom';

/**
 * The lines a UN document prints above its heading, as the Word export sets them: "United
 * Nations" with the symbol at the right over a rule, then distribution, date and language.
 */
export function printMasthead(symbol: string, date: string): HTMLElement {
  return h(
    'header',
    { class: 'un-masthead' },
    h('div', { class: 'un-masthead-row' }, h('span', { class: 'un-masthead-name' }, 'United Nations'), h('span', { class: 'un-masthead-symbol' }, symbol)),
    h(
      'div',
      { class: 'un-masthead-distribution' },
      h('div', {}, 'Distr.: Limited'),
      h('div', {}, date),
      h('div', { class: 'un-masthead-language' }, 'Original: English'),
    ),
  );
}
