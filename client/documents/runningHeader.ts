import { h } from '../app/dom';

/** A CSS string literal holding `text` (quotes, backslashes and line breaks escaped). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

/** Page-margin rules: the symbol at the top right of every page but the first, "page/pages" at the foot. */
export function pageMarginCss(symbol: string): string {
  return [
    `@page { @top-right { content: ${cssString(symbol)}; } @bottom-center { content: counter(page) "/" counter(pages); } }`,
    '@page :first { @top-right { content: none; } }',
  ].join('\n');
}

/**
 * Prints the symbol in the running header and numbers the pages, until `signal` aborts: through
 * CSS paged media's page-margin boxes where the browser has them (Chromium 131 and later expose
 * CSSMarginRule), as a constructed style sheet since the CSP allows no inline <style>; elsewhere
 * a header fixed to the top of every printed page (a fixed element repeats on each page), page
 * numbers being left to the print dialog's own headers and footers.
 */
export function showRunningHeader(page: HTMLElement, symbol: string, signal: AbortSignal, hasMarginBoxes = 'CSSMarginRule' in window): 'margin-boxes' | 'fixed' {
  if (!hasMarginBoxes) {
    page.append(h('div', { class: 'print-running-header', attrs: { 'aria-hidden': 'true' } }, symbol));
    return 'fixed';
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(pageMarginCss(symbol));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  signal.addEventListener('abort', () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  });
  return 'margin-boxes';
}
