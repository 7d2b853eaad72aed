import type { Page } from 'playwright-core';

/**
 * Selects `phrase` inside the first element matching `selector` with a DOM range, as a
 * delegate dragging the mouse would; ProseMirror picks it up from `selectionchange`.
 */
export async function selectPhrase(page: Page, selector: string, phrase: string): Promise<void> {
  await page.locator(selector).first().click();
  await page.evaluate(
    ({ selector, phrase }) => {
      const root = document.querySelector(selector);
      if (!root) throw new Error(`nothing matches ${selector}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(phrase) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${phrase}" is not in one text node of ${selector}`);
    },
    { selector, phrase },
  );
  // Let ProseMirror read the DOM selection.
  await page.waitForTimeout(100);
}

/** The text under one thread's highlight (decorations may split it into several spans). */
export function highlightedText(page: Page): Promise<string> {
  return page.locator('.ProseMirror .comment-highlight').evaluateAll((els) => els.map((el) => el.textContent).join(''));
}
