import { delegationsOnDemoDraft } from './workspace';

jest.setTimeout(120_000);

/** Frictions found when trying the product as a new user would, each seen in two browsers (issue 14). */
describe('frictions between two browsers', () => {
  const pages = delegationsOnDemoDraft(['chair', 'kazakhstan']);

  it('keeps the History list of another browser live and tells it that the facilitator restored "Rev.1"', async () => {
    await pages.kazakhstan.page.getByRole('tab', { name: 'History' }).click();
    await pages.kazakhstan.page.locator('.version-name', { hasText: 'Zero draft' }).waitFor();

    await pages.chair.page.getByRole('tab', { name: 'History' }).click();
    await pages.chair.page.getByRole('textbox', { name: 'Version name' }).fill('Rev.1');
    await pages.chair.page.getByRole('button', { name: 'Name this version' }).click();
    // Without reopening the tab.
    await pages.kazakhstan.page.locator('.version-named .version-name', { hasText: 'Rev.1' }).waitFor();

    pages.chair.page.once('dialog', (confirm) => void confirm.accept());
    await pages.chair.page.locator('.version-named', { hasText: 'Rev.1' }).first().getByRole('button', { name: 'Restore' }).click();
    const notice = pages.kazakhstan.page.locator('.notice-restore');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/restored “Rev\.1” at .*: the text is now that version/);
    await pages.kazakhstan.page.locator('.version-name', { hasText: /^Restored Rev\.1/ }).waitFor();
    expect(await pages.kazakhstan.page.locator('.version-name', { hasText: 'Restored Restored' }).count()).toBe(0);
  });

  it('refuses a second version named "Rev.1" with a sentence', async () => {
    pages.chair.allowConsoleError(/status of 409/);
    await pages.chair.page.getByRole('textbox', { name: 'Version name' }).fill('Rev.1');
    await pages.chair.page.getByRole('button', { name: 'Name this version' }).click();
    await pages.chair.page.getByText('A version named "Rev.1" exists already; choose another name.').waitFor();
  });

  it('says each fact of the facilitator once in the header and the people panel', async () => {
    const header = (await pages.chair.page.locator('.app-header').textContent()) ?? '';
    expect(header).not.toMatch(/Facilitator · Facilitator/);
    const people = (await pages.chair.page.locator('.people-panel').textContent()) ?? '';
    expect(people).not.toMatch(/Facilitator · Facilitator/);
  });

  it('keeps the open tab across a reload', async () => {
    await pages.chair.page.getByRole('tab', { name: 'Comments' }).click();
    await pages.chair.page.reload();
    await pages.chair.page.locator('.ProseMirror p.op').first().waitFor();
    expect(await pages.chair.page.getByRole('tab', { name: 'Comments' }).getAttribute('aria-selected')).toBe('true');
  });

  it('stops saying "Connecting…" for a draft that does not exist', async () => {
    pages.kazakhstan.allowConsoleError(/status of 404/);
    await pages.kazakhstan.page.goto('/drafts/no-such-draft');
    await pages.kazakhstan.page.getByRole('heading', { name: 'Draft not found' }).waitFor();
    expect(await pages.kazakhstan.page.locator('body').textContent()).not.toMatch(/Connecting…|Reconnecting…/);
  });

  it('removes the cursor of a delegation that leaves the draft, by the drafts list or by closing its tab', async () => {
    await pages.kazakhstan.page.goto('/drafts');
    await pages.kazakhstan.openDemoDraft();
    await pages.kazakhstan.page.locator('.ProseMirror p.op[data-num="2."]').click();
    await pages.kazakhstan.page.keyboard.press('End');
    const cursor = pages.chair.page.locator('.remote-cursor-label', { hasText: 'Kazakhstan' });
    await cursor.waitFor({ state: 'visible' });
    await pages.kazakhstan.page.getByRole('link', { name: '← Drafts' }).click();
    await pages.kazakhstan.page.waitForURL('**/drafts');
    // Well before the 30 s after which awareness drops a silent client anyway.
    await cursor.waitFor({ state: 'detached', timeout: 10_000 });

    await pages.kazakhstan.openDemoDraft();
    await pages.kazakhstan.page.locator('.ProseMirror p.op[data-num="3."]').click();
    await cursor.waitFor({ state: 'visible' });
    await pages.kazakhstan.page.close();
    await cursor.waitFor({ state: 'detached', timeout: 10_000 });
  });
});
