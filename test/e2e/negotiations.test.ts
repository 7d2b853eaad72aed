import type { Browser } from 'playwright-core';
import type { TestServer } from '../helpers/testServer';
import { DEMO_TITLE, DelegationPage, startWorkspace } from './workspace';

jest.setTimeout(120_000);

/**
 * Negotiations keep their drafts to their members. In the demo data `brazil` is a delegate of
 * the cybercrime negotiation only; the chair of the CCPCJ negotiation, which holds the
 * trafficking draft, adds Brazil to it from the Members panel, and later removes it again.
 */
describe('the chair adds a delegation to a negotiation', () => {
  let server: TestServer;
  let browser: Browser;
  let stop: () => Promise<void>;
  let chair: DelegationPage;
  let brazil: DelegationPage;

  beforeAll(async () => {
    ({ server, browser, stop } = await startWorkspace());
    chair = await DelegationPage.open(browser, server);
    brazil = await DelegationPage.open(browser, server);
    // Brazil's editor asks for the draft again once it has been removed: the server answers 404.
    brazil.allowConsoleError(/status of 404/);
    await chair.signIn('chair');
    await brazil.signIn('brazil');
  });

  afterEach(() => {
    expect(chair.consoleErrors).toEqual([]);
    expect(brazil.consoleErrors).toEqual([]);
  });

  afterAll(async () => {
    await chair?.close();
    await brazil?.close();
    await stop?.();
  });

  it("does not show Brazil the other negotiation's draft", async () => {
    const { page } = brazil;
    await page.locator('section.negotiation').first().waitFor();
    await page.locator('.negotiations:not([aria-busy])').waitFor();
    expect(await page.getByRole('link', { name: DEMO_TITLE }).count()).toBe(0);
    expect(await page.locator('.negotiation-me').first().textContent()).toBe('You take part as Delegate for Brazil.');
  });

  it('lets the chair add Brazil as a delegation from the Members panel', async () => {
    await chair.openDemoDraft();
    const { page } = chair;
    await page.getByRole('tab', { name: 'People' }).click();
    const panel = page.locator('.members-panel');
    await panel.locator('.member').first().waitFor();
    const form = panel.locator('.member-add-form');
    await form.getByLabel('Username').fill('brazil');
    await form.locator('select[name=role]').selectOption('delegate');
    await form.locator('input[name=delegation]').fill('Brazil');
    await form.getByRole('button', { name: 'Add member' }).click();
    await panel.locator('.member-role', { hasText: 'Brazil · Delegate' }).waitFor();
    expect(await panel.locator('.form-error').isVisible()).toBe(false);
  });

  it('shows the draft in Brazil’s drafts list, and opens it for Brazil as a delegate', async () => {
    const { page } = brazil;
    await page.reload();
    const section = page.locator('section.negotiation', { has: page.getByRole('link', { name: DEMO_TITLE }) });
    await section.waitFor();
    expect(await section.locator('.negotiation-me').textContent()).toBe('You take part as Delegate for Brazil.');
    await brazil.openDemoDraft();
    expect(await page.locator('.access-badge').textContent()).toBe('Brazil · Delegate');
    expect(await page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true');
    await page.locator('.connection[data-status="connected"]').waitFor();
  });

  it('closes the draft in front of Brazil as soon as the chair removes Brazil again', async () => {
    const { page } = chair;
    const row = page.locator('.member', { hasText: 'Brazil · Delegate' });
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: /^Remove / }).click();
    await row.waitFor({ state: 'detached' });
    await brazil.page.getByRole('heading', { name: 'Draft not found' }).waitFor();
    await brazil.page.goto('/drafts');
    await brazil.page.locator('.negotiations:not([aria-busy])').waitFor();
    expect(await brazil.page.getByRole('link', { name: DEMO_TITLE }).count()).toBe(0);
  });
});
