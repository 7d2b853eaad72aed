import { h } from '../app/dom';

/** A CSS string literal holding `text` (quotes, backslashes and line breaks escaped). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

/** The printed pages' own furniture, in the form the browser can print: see runningHeader. */
export interface RunningHeader {
  /** How the page numbers and the running symbol are printed. */
  kind: 'margin-boxes' | 'fixed';
  element: HTMLElement;
}

/**
 * The symbol in the running header of every page but the first, and "page/pages" at the foot:
 * through CSS paged media's page-margin boxes where the browser has them (Chromium 131 and later
 * expose CSSMarginRule), else a header fixed to the top of every printed page (a fixed element
 * repeats on each page; page numbers are then left to the print dialog's own headers and footers).
 */
export function runningHeader(symbol: string, hasMarginBoxes = 'CSSMarginRule' in window): RunningHeader {
  if (!hasMarginBoxes) return { kind: 'fixed', element: h('div', { class: 'print-running-header', attrs: { 'aria-hidden': 'true' } }, symbol) };
  const css = [
    `@page { @top-right { content: ${cssString(symbol)}; } @bottom-center { content: counter(page) "/" counter(pages); } }`,
    '@page :first { @top-right { content: none; } }',
  ].join('\n');
  return { kind: 'margin-boxes', element: h('style', { class: 'print-page-margins' }, css) };
}
