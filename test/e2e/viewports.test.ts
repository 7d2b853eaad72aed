import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/testServer';
import { artifactPath } from './browser';
import { selectPhrase } from './textSelection';
import { fitsWidth, headerCollisions, horizontalOverflow } from './layout';
import { DelegationPage, startWorkspace } from './workspace';

jest.setTimeout(180_000);

/** A phone, a tablet upright and a tablet on its side: the sidebar is a drawer at all three. */
const NARROW = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
];
const DESKTOP = { width: 1440, height: 900 };
const GROUPS = ['People', 'Comments', 'Proposals', 'Progress', 'History'];

/** On how many rows the sidebar's tabs lie (they wrap rather than hide when the sidebar is too narrow). */
async function tabRows(page: Page): Promise<number> {
  const tops = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((tab) => tab.getBoundingClientRect().top));
  return new Set(tops).size;
}

/** Waits for the drawer to finish sliding in or out. */
async function drawerSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('sidebar')!.getAnimations().length === 0);
}

describe('narrow screens', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: () => Promise<void>;
  let editorPath: string;
  /** One signed-in page per role, and one signed out. */
  const pages: Record<string, DelegationPage> = {};

  beforeAll(async () => {
    ({ server, browser, stop } = await startWorkspace());
    editorPath = `/drafts/${await server.demoDraftId()}`;
    pages.visitor = await DelegationPage.open(browser, server);
    for (const [role, username] of [['admin', 'admin'], ['facilitator', 'chair'], ['delegate', 'kazakhstan'], ['observer', 'secretariat']]) {
      pages[role] = await DelegationPage.open(browser, server);
      await pages[role].signIn(username);
    }
  });

  afterEach(() => {
    for (const page of Object.values(pages)) expect(page.consoleErrors).toEqual([]);
  });

  afterAll(async () => {
    for (const page of Object.values(pages)) await page.close();
    await stop?.();
  });

  async function openEditor(role: string, viewport: { width: number; height: number }) {
    const { page } = pages[role];
    await page.setViewportSize(viewport);
    await page.goto(editorPath);
    await page.locator('.ProseMirror p.op').first().waitFor();
    await page.locator('.connection[data-status="connected"]').waitFor();
    return page;
  }

  describe.each(NARROW)('at $width×$height', (viewport) => {
    const shot = (state: string) => artifactPath(`viewport-${viewport.width}x${viewport.height}-${state}.png`);

    it.each([
      ['sign-in', 'visitor', '/login', 'input[name=username]'],
      ['drafts', 'facilitator', '/drafts', '.drafts-table'],
      ['admin', 'admin', '/admin', '.admin-accounts:not([aria-busy])'],
      ['print', 'delegate', '/print', '.print-paper .resolution'],
    ])('fits the %s page to the screen', async (state, role, path, ready) => {
      const { page } = pages[role];
      await page.setViewportSize(viewport);
      await page.goto(path === '/print' ? `${editorPath}/print` : path);
      await page.locator(ready).first().waitFor();
      await page.screenshot({ path: shot(state) });
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await headerCollisions(page)).toEqual([]);
    });

    it.each(['delegate', 'facilitator', 'observer'])('fits the editor to the screen for a %s, with the paper in view', async (role) => {
      const page = await openEditor(role, viewport);
      await page.screenshot({ path: shot(`editor-${role}`) });
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await headerCollisions(page)).toEqual([]);
      expect(await fitsWidth(page, '.paper')).toBe(true);
      expect(await fitsWidth(page, '.ProseMirror h1.title')).toBe(true);
      // The Download menu opens within the screen.
      await page.locator('.export-menu summary').click();
      expect(await headerCollisions(page)).toEqual([]);
      await page.locator('.export-menu summary').click();
      // The closed drawer keeps its panels out of sight and out of the Tab order.
      expect(await page.locator('.sidebar').isVisible()).toBe(false);
    });

    it('opens the sidebar as a drawer from the header, and Escape closes it and gives the focus back', async () => {
      const page = await openEditor('delegate', viewport);
      const toggle = page.getByRole('button', { name: 'Panels', exact: true });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.getAttribute('aria-controls')).toBe('sidebar');

      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const sidebar = page.locator('#sidebar');
      await sidebar.waitFor({ state: 'visible' });
      await drawerSettled(page);
      expect(await fitsWidth(page, '#sidebar')).toBe(true);
      expect(await tabRows(page)).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
      // The focus lands on the open tab (People at first; a reload keeps the tab last chosen in this browser tab).
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
      expect(await horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: shot('drawer-open') });

      // The text and the header behind the open drawer are out of reach: the keyboard stays in the drawer.
      expect(await page.locator('.editor-column').evaluate((el) => el.closest('[inert]') !== null)).toBe(true);
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('.editor-column, .app-header') ?? null)).toBeNull();

      await page.getByRole('tab', { name: 'Comments' }).click();
      await page.keyboard.press('Escape');
      await sidebar.waitFor({ state: 'hidden' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Panels');
      expect(await page.locator('[inert]').count()).toBe(0);

      // The close button and the backdrop close it too; it opens again on the tab chosen last.
      await toggle.click();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Comments');
      await page.getByRole('button', { name: 'Close panels' }).click();
      await sidebar.waitFor({ state: 'hidden' });
      await toggle.click();
      await page.locator('.drawer-backdrop').click({ position: { x: 5, y: viewport.height - 5 } });
      await sidebar.waitFor({ state: 'hidden' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    });
  });

  it('on a phone, brings the comments drawer forward for the comment shortcut and closes it with Escape', async () => {
    const page = await openEditor('delegate', NARROW[0]);
    await selectPhrase(page, '.ProseMirror p.op[data-num="1."]', 'United Nations Convention');
    await page.keyboard.press('Control+Alt+m');
    const composer = page.getByRole('textbox', { name: 'Your comment' });
    await composer.waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: 'Panels', exact: true }).getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('tab', { name: 'Comments' }).getAttribute('aria-selected')).toBe('true');
    await drawerSettled(page);
    expect(await fitsWidth(page, '#sidebar')).toBe(true);
    await composer.fill('Which protocols are meant?');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('.comment-thread', { hasText: 'Which protocols are meant?' }).waitFor();
    await page.screenshot({ path: artifactPath('viewport-390x844-comment-posted.png') });
    await page.keyboard.press('Escape');
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('keeps the draft title whole and readable at 1024 px', async () => {
    const page = await openEditor('delegate', { width: 1024, height: 768 });
    const title = page.locator('.doc-title');
    expect(await title.textContent()).toBe('Countering trafficking in persons facilitated by the use of information and communications technologies');
    const shown = await title.evaluate((el) => ({
      clipped: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
      fontSize: parseFloat(getComputedStyle(el).fontSize),
      width: el.getBoundingClientRect().width,
    }));
    expect(shown.clipped).toBe(false);
    expect(shown.fontSize).toBeGreaterThanOrEqual(14);
    expect(shown.width).toBeGreaterThan(320);
    await page.locator('.ProseMirror h1.title').waitFor({ state: 'visible' });
  });

  it('shows the sidebar beside the text on a wide screen, in five groups', async () => {
    const page = await openEditor('facilitator', DESKTOP);
    await page.screenshot({ path: artifactPath('viewport-1440x900-editor-facilitator.png') });
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await headerCollisions(page)).toEqual([]);
    expect(await page.getByRole('button', { name: 'Panels', exact: true }).isVisible()).toBe(false);
    const sidebar = await page.locator('#sidebar').boundingBox();
    const paper = await page.locator('.paper').first().boundingBox();
    expect(sidebar!.x).toBeGreaterThanOrEqual(paper!.x + paper!.width);
    expect(await page.getByRole('tab').allTextContents()).toEqual(GROUPS);
    expect(await tabRows(page)).toBe(1);

    // Members sit under People; Sponsors and the silence procedure under Progress.
    await page.locator('#panel-people .members-panel .member').first().waitFor();
    await page.getByRole('tab', { name: 'Progress' }).click();
    const progress = page.getByRole('tabpanel', { name: 'Progress' });
    for (const heading of ['Paragraphs', 'Sponsors', 'Silence procedure']) await progress.getByRole('heading', { name: heading }).waitFor();
  });
});
