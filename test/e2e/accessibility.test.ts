import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/testServer';
import { seriousViolations } from './axe';
import { selectPhrase } from './textSelection';
import { DEMO_TITLE, DelegationPage, freshVisitorEachTest, startWorkspace } from './workspace';

jest.setTimeout(120_000);

const OP1 = '.ProseMirror p.op[data-num="1."]';
const LIVE_REGION = '.editor-page [role=status][aria-live=polite].visually-hidden';

/** Presses Tab until the focused element matches `selector` (and has the text `text`, when given); fails after `max` presses. */
async function tabTo(page: Page, selector: string, { text, max = 60 }: { text?: string; max?: number } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    const reached = await page.evaluate(
      ({ selector, text }) => Boolean(document.activeElement?.matches(selector) && (text === undefined || document.activeElement.textContent === text)),
      { selector, text },
    );
    if (reached) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** True when the focused element matches `selector` (or sits inside what it matches). */
function focusIn(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.closest(s) !== null && document.activeElement !== document.body, selector);
}

describe('accessibility: axe finds nothing serious in any page state', () => {
  const newVisitor = freshVisitorEachTest();

  const expectClean = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);

  it('sign-in and drafts list', async () => {
    const visitor = newVisitor();
    const { page } = visitor;
    await page.goto('/login');
    await page.locator('input[name=username]').waitFor();
    await expectClean(page);
    await visitor.signIn('chair');
    await page.locator('.drafts-table').waitFor();
    await expectClean(page);
  });

  it('not found pages', async () => {
    const visitor = newVisitor();
    visitor.allowConsoleError(/status of 404/);
    await visitor.signIn('kazakhstan');
    const { page } = visitor;
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expectClean(page);
    await page.goto('/drafts/no-such-draft');
    await page.getByRole('heading', { name: 'Draft not found' }).waitFor();
    await expectClean(page);
  });

  it('editor as observer, and the print view', async () => {
    const visitor = newVisitor();
    await visitor.signIn('secretariat');
    await visitor.openDemoDraft();
    const { page } = visitor;
    await page.locator('.connection[data-status="connected"]').waitFor();
    await expectClean(page);
    await page.getByRole('link', { name: 'Print view' }).click();
    await page.waitForURL(/\/print$/);
    await page.locator('p.op').first().waitFor();
    await expectClean(page);
  });

  it('editor as delegate: text, comments, proposals, compilation view', async () => {
    const visitor = newVisitor();
    await visitor.signIn('kazakhstan');
    await visitor.openDemoDraft();
    const { page } = visitor;
    await page.locator('.connection[data-status="connected"]').waitFor();
    await expectClean(page);

    await selectPhrase(page, OP1, 'Member States');
    await page.getByRole('tab', { name: 'Comments' }).click();
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await page.getByRole('textbox', { name: 'Your comment' }).fill('Which States?');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('.comment-thread').first().waitFor();
    await expectClean(page);

    await page.getByRole('tab', { name: 'Proposals' }).click();
    await page.locator('.proposals-panel .panel-summary').waitFor();
    await expectClean(page);

    await page.getByRole('radio', { name: 'Compilation text', exact: true }).check();
    await page.locator('.compiled-paper p.op').first().waitFor();
    await expectClean(page);

    await page.getByRole('radio', { name: 'Editing', exact: true }).check();
    await page.getByRole('button', { name: 'Propose', exact: true }).click();
    await page.locator('.propose-bar.is-proposing').waitFor();
    await selectPhrase(page, OP1, 'Member States');
    await page.keyboard.type('all States');
    await page.locator(`${OP1} ins.proposal-inserted`).first().waitFor();
    await expectClean(page);
    await page.locator('.export-menu summary').click();
    await page.locator('.export-menu-items').waitFor();
    await expectClean(page);
  });

  it('history, compare and preview as the facilitator', async () => {
    const visitor = newVisitor();
    await visitor.signIn('chair');
    await visitor.openDemoDraft();
    const { page } = visitor;
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('textbox', { name: 'Version name' }).fill('Rev.1');
    await page.getByRole('button', { name: 'Name this version' }).click();
    await page.locator('.version-named .version-name', { hasText: 'Rev.1' }).waitFor();
    await expectClean(page);

    await page.getByRole('combobox', { name: 'Compare from' }).selectOption({ label: 'Rev.1' });
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const compare = page.getByRole('dialog', { name: 'Rev.1 compared with Current text' });
    await compare.waitFor();
    await expectClean(page);
    await compare.getByRole('button', { name: 'Close' }).click();

    await page.locator('.version-named', { hasText: 'Rev.1' }).getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('dialog', { name: 'Rev.1 (read-only)' });
    await preview.locator('.version-preview .op').first().waitFor();
    await expectClean(page);
    await preview.getByRole('button', { name: 'Close' }).click();
  });
});

describe('accessibility: keyboard-only journeys and announcements', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: () => Promise<void>;
  let chair: DelegationPage;

  beforeAll(async () => {
    ({ server, browser, stop } = await startWorkspace());
    chair = await DelegationPage.open(browser, server);
  });
  afterEach(() => expect(chair.consoleErrors).toEqual([]));
  afterAll(async () => {
    await chair?.close();
    await stop?.();
  });

  it('signs in and opens a draft with the keyboard alone', async () => {
    const { page } = chair;
    await page.goto('/login');
    await page.locator('input[name=username]:focus').waitFor();
    await page.keyboard.type('chair');
    await page.keyboard.press('Tab');
    await page.keyboard.type('negotiate');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/drafts');
    await tabTo(page, 'a[href^="/drafts/"]', { text: DEMO_TITLE });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/drafts\/[^/]+$/);
    await page.locator('.connection[data-status="connected"]').waitFor();
  });

  it('scrolls the paper by keyboard, keeps Tab for levels in the text and leaves the text with Escape then Tab', async () => {
    const { page } = chair;
    await tabTo(page, 'main.paper-scroll');
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => document.querySelector('main.paper-scroll')!.scrollTop > 0);
    await page.keyboard.press('Home');
    await tabTo(page, '.ProseMirror');

    // The caret to the end of the last operative paragraph: Tab makes it a sub-paragraph, focus stays.
    await page.keyboard.press('Control+End');
    const last = page.locator('.ProseMirror p.op').last();
    const numberBefore = await last.getAttribute('data-num');
    await page.keyboard.press('Tab');
    await page.waitForFunction((n) => [...document.querySelectorAll('.ProseMirror p.op')].pop()?.getAttribute('data-num') !== n, numberBefore);
    expect(await focusIn(page, '.ProseMirror')).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.waitForFunction((n) => [...document.querySelectorAll('.ProseMirror p.op')].pop()?.getAttribute('data-num') === n, numberBefore);

    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await focusIn(page, '.ProseMirror')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    expect(await last.getAttribute('data-num')).toBe(numberBefore);

    // Back in the text, Tab belongs to the levels again.
    await page.keyboard.press('Shift+Tab');
    expect(await focusIn(page, '.ProseMirror')).toBe(true);
  });

  it('comments on selected words with Ctrl+Alt+M, posts with Ctrl+Enter and is back in the text', async () => {
    const { page } = chair;
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+Alt+m');
    const textarea = page.getByRole('textbox', { name: 'Your comment' });
    await page.locator('.comment-composer textarea:focus').waitFor();
    await page.keyboard.type('Keep this paragraph as it is.');
    await page.keyboard.press('Control+Enter');
    await page.locator('.comment-thread', { hasText: 'Keep this paragraph as it is.' }).waitFor();
    expect(await textarea.count()).toBe(0);
    expect(await focusIn(page, '.ProseMirror')).toBe(true);
  });

  it('opens History from the tabs, names a version, compares and closes the compare view back onto its button', async () => {
    const { page } = chair;
    await page.keyboard.press('Escape');
    await tabTo(page, '[role=tab][aria-selected=true]');
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'History'; i++) await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
    await tabTo(page, 'input[name=version-name]');
    await page.keyboard.type('Rev.K');
    await page.keyboard.press('Enter');
    await page.locator('.version-named .version-name', { hasText: 'Rev.K' }).waitFor();

    await tabTo(page, '.compare-form button[type=submit]');
    await page.keyboard.press('Enter');
    const compare = page.getByRole('dialog', { name: /compared with Current text$/ });
    await compare.waitFor();
    expect(await focusIn(page, '[role=dialog]')).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusIn(page, '[role=dialog]')).toBe(true);
    await page.keyboard.press('Escape');
    await compare.waitFor({ state: 'detached' });
    expect(await focusIn(page, '.compare-form button[type=submit]')).toBe(true);
  });

  it('previews a version and closes the preview back onto its Preview button', async () => {
    const { page } = chair;
    await tabTo(page, '.version-named[data-version-id] button', { text: 'Preview' });
    const opener = await page.evaluateHandle(() => document.activeElement);
    await page.keyboard.press('Enter');
    const preview = page.getByRole('dialog', { name: /\(read-only\)$/ });
    await preview.waitFor();
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
    expect(await page.evaluate((el) => el === document.activeElement, opener)).toBe(true);
  });

  it('restores a version by keyboard and keeps the focus on its Restore button as the list is redrawn', async () => {
    const { page } = chair;
    await tabTo(page, '.version-named[data-version-id] button', { text: 'Restore' });
    const row = await page.evaluate(() => document.activeElement?.closest('[data-version-id]')?.getAttribute('data-version-id'));
    page.once('dialog', (confirm) => void confirm.accept());
    await page.keyboard.press('Enter');
    await page.locator('.version-name', { hasText: 'Restored' }).first().waitFor();
    expect(await focusIn(page, `[data-version-id="${row}"]`)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Restore');
  });

  it('shows the keyboard help with ? outside text fields, and closes it back onto where the focus was', async () => {
    const { page } = chair;
    const opener = await page.evaluateHandle(() => document.activeElement);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.locator('dt').allTextContents()).toContain('Escape, then Tab');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await page.evaluate((el) => el === document.activeElement, opener)).toBe(true);
  });

  it('announces politely who edited which paragraph, and connection changes', async () => {
    const kazakhstan = await DelegationPage.open(browser, server);
    try {
      await kazakhstan.signIn('kazakhstan');
      await kazakhstan.openDemoDraft();
      await kazakhstan.page.locator('.connection[data-status="connected"]').waitFor();
      await selectPhrase(kazakhstan.page, OP1, 'Member States');
      await kazakhstan.page.keyboard.type('all States');
      await chair.page.locator(LIVE_REGION, { hasText: 'Kazakhstan edited OP1.' }).waitFor();
      // The remote caret's name is not read as words of the paragraph.
      await chair.page.locator('.remote-cursor[aria-hidden="true"]', { hasText: 'Kazakhstan' }).waitFor({ state: 'attached' });

      await chair.context.setOffline(true);
      await chair.page.locator(LIVE_REGION, { hasText: /^(Offline|Connection lost)/ }).waitFor();
      await chair.context.setOffline(false);
      await chair.page.locator(LIVE_REGION, { hasText: 'Connected again.' }).waitFor();
      expect(kazakhstan.consoleErrors).toEqual([]);
    } finally {
      await kazakhstan.close();
    }
  });
});
