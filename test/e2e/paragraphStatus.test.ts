import type { Page } from 'playwright-core';
import { artifactPath } from './browser';
import { delegationsOnDemoDraft } from './workspace';

jest.setTimeout(120_000);

const OP1 = '.ProseMirror p.op[data-num="1."]';
const OP2 = '.ProseMirror p.op[data-num="2."]';
const AGREED_ROW = '.progress-table tr[data-status="agreed_ad_ref"]';

/** The "All" column of the agreed ad ref row of the Progress panel: "1 (8%)". */
function agreedCount(page: Page): Promise<string | null> {
  return page.locator(`${AGREED_ROW} td`).last().textContent();
}

describe('paragraph status: the chair marks OP2 agreed ad ref', () => {
  const pages = delegationsOnDemoDraft(['chair', 'kazakhstan']);
  let op2Text: string;

  beforeAll(async () => {
    for (const { page } of [pages.chair, pages.kazakhstan]) {
      await page.getByRole('tab', { name: 'Progress' }).click();
      await page.locator('.progress-paragraph').first().waitFor();
    }
    op2Text = (await pages.chair.page.locator(OP2).textContent()) ?? '';
  });

  it('shows both browsers no agreed paragraph at first, and gives only the chair a status control', async () => {
    for (const { page } of [pages.chair, pages.kazakhstan]) {
      expect(await agreedCount(page)).toMatch(/^0 \(0%\)$/);
      expect(await page.locator('.panel-summary', { hasText: 'paragraphs agreed ad ref' }).textContent()).toMatch(/^0 of \d+ paragraphs agreed ad ref/);
    }
    expect(await pages.chair.page.getByRole('button', { name: 'Set the status of OP2', exact: true }).count()).toBe(1);
    expect(await pages.kazakhstan.page.getByRole('button', { name: /^Set the status of/ }).count()).toBe(0);
  });

  it('lets the chair mark OP2 agreed ad ref from the Progress panel', async () => {
    const { page } = pages.chair;
    await page.getByRole('button', { name: 'Set the status of OP2', exact: true }).click();
    await page.getByRole('combobox', { name: 'Status of OP2', exact: true }).selectOption('agreed_ad_ref');
    await page.getByRole('button', { name: 'Set status', exact: true }).click();
    await page.locator(`${OP2} .status-badge[data-badge="● agreed ad ref"]`).waitFor();
    await page.locator('.progress-paragraph[data-status="agreed_ad_ref"] .progress-label', { hasText: 'OP2' }).waitFor();
  });

  it('changes the dashboard counts in both browsers', async () => {
    for (const { page } of [pages.chair, pages.kazakhstan]) {
      await page.waitForFunction((row) => document.querySelector(`${row} td:last-child`)?.textContent?.startsWith('1 ('), AGREED_ROW);
      expect(await page.locator('.panel-summary', { hasText: 'paragraphs agreed ad ref' }).textContent()).toMatch(/^1 of \d+ paragraphs agreed ad ref/);
    }
  });

  it("shows OP2 locked with an agreed ad ref badge in the delegate's browser, where typing into it changes nothing", async () => {
    const { page } = pages.kazakhstan;
    const op2 = page.locator(OP2);
    await page.locator(`${OP2}.is-locked .status-badge[data-badge="● agreed ad ref"]`).waitFor();
    expect(await op2.getAttribute('data-locked')).toBe('true');

    await op2.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' and reopened');
    await page.keyboard.press('Backspace');
    // Typing elsewhere still works and reaches the chair: once it has, OP2's keystrokes would have too.
    await page.locator(OP1).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' (typed after the lock)');
    await pages.chair.page.locator(OP1, { hasText: '(typed after the lock)' }).waitFor();

    for (const delegation of [pages.kazakhstan, pages.chair]) expect(await delegation.page.locator(OP2).textContent()).toBe(op2Text);
    await op2.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('paragraph-status.png') });
  });

  it('dims every paragraph but the agreed one when the delegate filters on agreed', async () => {
    const { page } = pages.kazakhstan;
    await page.getByRole('combobox', { name: 'Show in the text' }).selectOption('agreed');
    await page.locator(`${OP1}.is-dimmed`).waitFor();
    expect(await page.locator(`${OP2}.is-dimmed`).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Show in the text' }).selectOption('all');
    await page.waitForFunction(() => document.querySelector('.ProseMirror .is-dimmed') === null);
  });
});
