import type { Page } from 'playwright-core';
import { artifactPath } from './browser';
import { delegationsOnDemoDraft } from './workspace';

jest.setTimeout(180_000);

const OP = (n: number) => `.ProseMirror p.op[data-num="${n}."]`;

/** Waits until the paragraph is the one under discussion on this page and lies within the scrolling paper's view. */
async function waitForFocusInView(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((paragraph) => {
    const el = document.querySelector(paragraph);
    const frame = document.querySelector('.paper-scroll')?.getBoundingClientRect();
    if (!el?.classList.contains('projector-focus') || !frame) return false;
    const box = el.getBoundingClientRect();
    return box.top >= frame.top && box.bottom <= frame.bottom;
  }, selector);
}

describe('the room view and find and replace', () => {
  const pages = delegationsOnDemoDraft(['chair', 'kazakhstan']);

  it('lets the facilitator project the text and move the paragraph under discussion, and a following delegate\'s view follows', async () => {
    const chair = pages.chair.page;
    const delegate = pages.kazakhstan.page;
    await delegate.getByLabel('Follow the facilitator').check();

    await chair.getByRole('button', { name: 'Projector', exact: true }).click();
    await chair.getByRole('button', { name: 'Leave projector view' }).waitFor();
    expect(await chair.locator('.app-header').isVisible()).toBe(false);
    expect(await chair.locator('.sidebar').isVisible()).toBe(false);
    const fontSize = await chair.locator('.ProseMirror').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(28);

    await chair.locator(OP(3)).click();
    await chair.locator(`${OP(3)}.projector-focus`).waitFor();
    await chair.locator('.projector-status', { hasText: 'Under discussion: OP3' }).waitFor();
    await waitForFocusInView(delegate, OP(3));
    await chair.screenshot({ path: artifactPath('projector-view.png') });

    // Far down the text: the delegate's view scrolls to it, and only it is highlighted.
    const last = await chair.locator('.ProseMirror p.op[data-num]').count();
    const lastOp = `.ProseMirror p.op >> nth=${last - 1}`;
    await chair.locator(lastOp).click();
    const lastNumber = await chair.locator(lastOp).getAttribute('data-num');
    await waitForFocusInView(delegate, `.ProseMirror p.op[data-num="${lastNumber}"]`);
    expect(await delegate.locator('.projector-focus').count()).toBe(1);

    // A delegate who stops following sees no highlight.
    await delegate.getByLabel('Follow the facilitator').uncheck();
    await delegate.locator('.projector-focus').waitFor({ state: 'detached' });

    await chair.getByRole('button', { name: 'Leave projector view' }).click();
    expect(await chair.locator('.app-header').isVisible()).toBe(true);
    expect(await chair.locator('.projector-focus').count()).toBe(0);
  });

  it('finds with Ctrl+F in the text and replaces every match in one edit that the other browser receives', async () => {
    const delegate = pages.kazakhstan.page;
    const chair = pages.chair.page;
    const text = (page: Page) => page.locator('.ProseMirror').innerText();
    const before = (await text(delegate)).split('Member States').length - 1;
    expect(before).toBeGreaterThan(1);

    await delegate.locator(OP(1)).click();
    await delegate.keyboard.press('Control+f');
    const find = delegate.getByRole('searchbox', { name: 'Find in the draft' });
    expect(await find.evaluate((el) => el === document.activeElement)).toBe(true);
    await find.fill('Member States');
    await delegate.locator('.find-count', { hasText: new RegExp(`of ${before}$`) }).waitFor();
    expect(await delegate.locator('.ProseMirror .find-match').count()).toBe(before);
    await delegate.screenshot({ path: artifactPath('find-bar.png') });

    await delegate.getByRole('textbox', { name: 'Replace with' }).fill('States Members');
    await delegate.getByRole('button', { name: 'Replace every match' }).click();
    // The heading of the demo draft says "Member States" once: a delegate may not change it.
    await delegate.locator('.find-message', { hasText: `Replaced ${before - 1} matches (1 match in agreed text or the heading left unchanged).` }).waitFor();
    await chair.waitForFunction((n) => (document.querySelector('.ProseMirror') as HTMLElement).innerText.split('States Members').length - 1 === n, before - 1);
    expect((await text(chair)).split('Member States').length - 1).toBe(1);

    await find.press('Escape');
    expect(await delegate.locator('.find-bar').isVisible()).toBe(false);
    expect(await delegate.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true);
  });
});
