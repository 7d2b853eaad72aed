import { delegationsOnDemoDraft, type DelegationPage } from './workspace';

jest.setTimeout(120_000);

/** What the browser itself logs for requests made while the network is down. */
const NETWORK_DOWN = /ERR_INTERNET_DISCONNECTED/;

describe('working on bad conference Wi-Fi', () => {
  const pages = delegationsOnDemoDraft(['eu', 'usa'], [NETWORK_DOWN]);

  it('keeps offline edits through a reload and merges them with the others when the connection returns', async () => {
    const { eu, usa } = pages;
    // The offline application shell is in place once the service worker controls the page.
    await eu.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const op1 = (page: DelegationPage) => page.page.locator('.ProseMirror p.op[data-num="1."]');

    await eu.context.setOffline(true);
    await eu.page.locator('.connection[data-status="offline"]').waitFor();
    await op1(eu).click({ position: { x: 60, y: 8 } });
    await eu.page.keyboard.press('Home');
    await eu.page.keyboard.type('Strongly ');

    // Meanwhile the United States edits the same paragraph online.
    await op1(usa).click({ position: { x: 60, y: 8 } });
    await usa.page.keyboard.press('End');
    await usa.page.keyboard.type(' [US: alternative wording]');

    // A reload without any network still opens the draft, with the offline edit.
    await eu.page.reload();
    await op1(eu).filter({ hasText: 'Strongly Urges' }).waitFor();
    await eu.page.locator('.connection[data-status="offline"]').waitFor();
    expect(await op1(usa).textContent()).not.toContain('Strongly');

    await eu.context.setOffline(false);
    for (const delegation of [eu, usa]) {
      await op1(delegation).filter({ hasText: 'Strongly Urges' }).filter({ hasText: '[US: alternative wording]' }).waitFor();
    }
    await eu.page.locator('.connection[data-status="connected"]').waitFor();
  });
});
