import type { Browser } from 'playwright-core';
import type { TestServer } from '../helpers/testServer';
import { artifactPath } from './browser';
import { DEMO_TITLE, DelegationPage, startWorkspace } from './workspace';

jest.setTimeout(120_000);

describe('sign-in, drafts list, observer and print view', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: () => Promise<void>;
  let visitor: DelegationPage;

  beforeAll(async () => {
    ({ server, browser, stop } = await startWorkspace());
  });

  beforeEach(async () => {
    visitor = await DelegationPage.open(browser, server);
  });

  afterEach(async () => {
    expect(visitor.consoleErrors).toEqual([]);
    await visitor.close();
  });

  afterAll(async () => {
    await stop?.();
  });

  it('shows a refused sign-in inline and keeps the person on the form', async () => {
    // The browser logs the refused request itself; that is the expected outcome here.
    visitor.allowConsoleError(/status of 401/);
    const { page } = visitor;
    await page.goto('/drafts');
    await page.waitForURL('**/login?next=%2Fdrafts');
    await page.fill('input[name=username]', 'kazakhstan');
    await page.fill('input[name=password]', 'wrong password');
    await page.click('button[type=submit]');
    const error = page.getByRole('alert');
    await error.waitFor({ state: 'visible' });
    expect((await error.textContent())?.length).toBeGreaterThan(0);
    expect(page.url()).toContain('/login');
  });

  it('lists drafts with symbol and last change, and lets the facilitator create a new draft from the template', async () => {
    await visitor.signIn('chair');
    const { page } = visitor;
    const row = page.locator('.drafts-table tr', { hasText: DEMO_TITLE });
    expect(await row.locator('.draft-symbol').textContent()).toBe('E/CN.15/2026/L.4');
    expect(await row.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    await page.screenshot({ path: artifactPath('drafts.png') });

    // The form of the negotiation that holds the demo draft, which the chair facilitates.
    const negotiation = page.locator('section.negotiation', { has: row });
    await negotiation.locator('.new-draft summary').click();
    await negotiation.locator('input[name=title]').fill('Protecting victims of trafficking online');
    await negotiation.locator('input[name=symbol]').fill('E/CN.15/2026/L.7');
    await negotiation.locator('.new-draft button[type=submit]').click();
    await page.waitForURL(/\/drafts\/[^/]+$/);
    await page.locator('.ProseMirror h1.title', { hasText: 'Protecting victims of trafficking online' }).waitFor();
    expect(await page.locator('.ProseMirror .symbol').textContent()).toBe('E/CN.15/2026/L.7');
    expect(await page.locator('.ProseMirror p.op').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: '← Drafts' }).click();
    await page.locator('.drafts-table a', { hasText: 'Protecting victims of trafficking online' }).waitFor();
  });

  it('gives observers a read-only editor without drafting tools', async () => {
    await visitor.signIn('secretariat');
    await visitor.openDemoDraft();
    const { page } = visitor;
    expect(await page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');
    expect(await page.locator('.toolbar').count()).toBe(0);
    await page.locator('.observer-note').waitFor();
  });

  it('renders a clean print view with the derived numbering', async () => {
    await visitor.signIn('nigeria');
    await visitor.openDemoDraft();
    const { page } = visitor;
    await page.getByRole('link', { name: 'Print view' }).click();
    await page.waitForURL(/\/print$/);
    await page.locator('.print-paper p.op[data-num="8."]').waitFor();
    expect(await page.locator('.print-paper .ProseMirror').getAttribute('contenteditable')).toBe('false');
    expect(await page.locator('.print-paper .lead-words').first().textContent()).toBe('Recalling');
    expect(await page.locator('.lint-marker, .toolbar, .remote-cursor').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    expect(await page.locator('.print-bar').isVisible()).toBe(false);
    await page.screenshot({ path: artifactPath('print.png'), fullPage: true });
  });

  it('says so when a draft does not exist', async () => {
    visitor.allowConsoleError(/status of 404/);
    await visitor.signIn('usa');
    await visitor.page.goto('/drafts/no-such-draft');
    await visitor.page.getByRole('heading', { name: 'Draft not found' }).waitFor();
  });
});
