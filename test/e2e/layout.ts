import type { Page } from 'playwright-core';

/** How many CSS pixels the page is wider than the screen (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    return Math.max(0, root.scrollWidth - root.clientWidth);
  });
}

/** The header's visible controls that overlap one another or leave the screen, as readable pairs. */
export function headerCollisions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('.app-header :is(a, button, summary, .connection, .save-status, .access-badge, .doc-heading)')]
      .map((element) => ({ element, name: (element.textContent ?? '').trim().slice(0, 30) || element.className, box: element.getBoundingClientRect() }))
      .filter(({ element, box }) => element.checkVisibility() && box.width > 0 && box.height > 0);
    const width = document.documentElement.clientWidth;
    const found = controls.filter(({ box }) => box.left < 0 || box.right > width + 0.5).map(({ name }) => `${name} leaves the screen`);
    controls.forEach((a, i) =>
      controls.slice(i + 1).forEach((b) => {
        const overlap = a.box.left < b.box.right - 0.5 && b.box.left < a.box.right - 0.5 && a.box.top < b.box.bottom - 0.5 && b.box.top < a.box.bottom - 0.5;
        if (overlap) found.push(`${a.name} overlaps ${b.name}`);
      }),
    );
    return found;
  });
}

/** Whether the element lies across the screen's width (it may extend below the fold). */
export async function fitsWidth(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const width = page.viewportSize()!.width;
  return box !== null && box.width > 0 && box.x >= 0 && box.x + box.width <= width + 0.5;
}
