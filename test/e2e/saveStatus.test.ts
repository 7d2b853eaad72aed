import path from 'node:path';
import type { Browser } from 'playwright-core';
import { StoreSwitch } from '../helpers/storeSwitch';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { launchBrowser } from './browser';
import { DelegationPage } from './workspace';

jest.setTimeout(120_000);

describe('the writer sees whether the text is saved', () => {
  let server: TestServer;
  let browser: Browser;
  let eu: DelegationPage;
  let store: StoreSwitch;

  beforeAll(async () => {
    // A small cap so a few lines of typing reach it.
    server = await startTestServer({ clientDir: path.resolve('client/dist'), maxUnsavedBytes: 2048 });
    browser = await launchBrowser();
    store = new StoreSwitch(server.store.documents);
    eu = await DelegationPage.open(browser, server);
    await eu.signIn('eu');
    await eu.openDemoDraft();
  });
  afterAll(async () => {
    await eu?.close();
    await browser?.close();
    store?.restore();
    await server?.stop();
  });

  it('shows Saved, Saving… while the store hangs, "Not saved, kept on this device" once refused, and Saved after recovery', async () => {
    const status = (value: string) => eu.page.locator(`.save-status[data-status="${value}"]`);
    const op1 = eu.page.locator('.ProseMirror p.op[data-num="1."]');
    await status('saved').waitFor();

    store.block();
    await op1.click({ position: { x: 60, y: 8 } });
    await eu.page.keyboard.press('Home');
    await eu.page.keyboard.type('Firmly ');
    await status('saving').waitFor();
    store.up();
    await status('saved').waitFor();

    store.fail();
    await eu.page.keyboard.type('and without delay, in keeping with the obligations of States parties, ');
    await eu.page.keyboard.type('including those under the Protocol to Prevent, Suppress and Punish Trafficking in Persons, ');
    await eu.page.keyboard.type('especially Women and Children, ');
    await status('kept-locally').filter({ hasText: 'Not saved, kept on this device' }).waitFor();

    store.up();
    await status('saved').waitFor({ timeout: 60_000 });
    const fresh = await DelegationPage.open(browser, server);
    await fresh.signIn('usa');
    await fresh.openDemoDraft();
    await fresh.page.locator('.ProseMirror p.op[data-num="1."]', { hasText: 'Firmly and without delay' }).filter({ hasText: 'especially Women and Children, ' }).waitFor();
    await fresh.close();
    expect(eu.consoleErrors).toEqual([]);
  });
});
