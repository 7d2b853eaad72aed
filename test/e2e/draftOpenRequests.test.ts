import type { Page } from 'playwright-core';
import { DelegationPage, startWorkspace } from './workspace';

jest.setTimeout(120_000);

/**
 * Opening a draft asks the server for each list once. The draft's own record is the one exception,
 * asked twice: once for the caller's access before the page is built, once for the editing rule
 * after the room is joined (read before, it could miss a change of rule broadcast before the join).
 */
const ASKED_TWICE = /^GET \/api\/drafts\/[^/]+$/;

let workspace: Awaited<ReturnType<typeof startWorkspace>>;
let delegation: DelegationPage;
beforeAll(async () => {
  workspace = await startWorkspace();
  delegation = await DelegationPage.open(workspace.browser, workspace.server);
  await delegation.signIn('kazakhstan');
});
afterAll(async () => {
  await delegation.close();
  await workspace.stop();
});
afterEach(() => expect(delegation.consoleErrors).toEqual([]));

/** Counts each `/api/` request ("METHOD /path") the page makes while `open` runs. */
async function apiRequestsDuring(page: Page, open: () => Promise<void>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const count = (request: { method: () => string; url: () => string }) => {
    const { pathname } = new URL(request.url());
    if (!pathname.startsWith('/api/')) return;
    const key = `${request.method()} ${pathname}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  page.on('request', count);
  await open();
  page.off('request', count);
  return counts;
}

/** The draft's text is shown and every panel has its list (the margin labels come with the Progress list). */
async function draftReady(page: Page): Promise<void> {
  await page.locator('.ProseMirror p.op').first().waitFor();
  await page.locator('.connection[data-status="connected"]').waitFor();
  await page.locator('.editing-rule', { hasText: /Delegates/ }).waitFor({ state: 'attached' });
  await page.locator('.sponsors-line').first().waitFor({ state: 'attached' });
  await page.locator('.proposals-panel .panel-summary', { hasText: /proposals?/ }).waitFor({ state: 'attached' });
  await page.locator('.progress-paragraphs li').first().waitFor({ state: 'attached' });
  // The answers of the requests asked last have landed: nothing more is on its way.
  await page.waitForLoadState('networkidle');
}

function overAsked(counts: Map<string, number>): string[] {
  return [...counts].filter(([key, n]) => n > (ASKED_TWICE.test(key) ? 2 : 1)).map(([key, n]) => `${key} ×${n}`);
}

test('a delegate opening the draft asks for each list once', async () => {
  const counts = await apiRequestsDuring(delegation.page, async () => {
    await delegation.openDemoDraft();
    await draftReady(delegation.page);
  });
  expect(overAsked(counts)).toEqual([]);
  const asked = [...counts.keys()].map((key) => key.replace(/[0-9a-f-]{36}/g, ':id'));
  expect(asked).toEqual(
    expect.arrayContaining([
      'GET /api/drafts/:id/comments',
      'GET /api/drafts/:id/paragraphs',
      'GET /api/drafts/:id/rounds',
      'GET /api/drafts/:id/sponsors',
      'GET /api/drafts/:id/proposals',
      'GET /api/drafts/:id/silence',
      'GET /api/negotiations/:id',
    ]),
  );
});

test('reopening with the Progress tab restored asks for its lists once, not again for the tab', async () => {
  await delegation.page.getByRole('tab', { name: 'Progress' }).click();
  const counts = await apiRequestsDuring(delegation.page, async () => {
    await delegation.page.reload();
    await draftReady(delegation.page);
    await delegation.page.getByRole('tab', { name: 'Progress', selected: true }).waitFor();
  });
  expect(overAsked(counts)).toEqual([]);
  expect([...counts.keys()].some((key) => key.endsWith('/paragraphs'))).toBe(true);
});

test('a reconnect reads every live list again, once', async () => {
  const { page, context } = delegation;
  await context.setOffline(true);
  await page.locator('.connection[data-status="offline"]').waitFor({ state: 'attached' });
  const counts = await apiRequestsDuring(page, async () => {
    const proposalsReloaded = page.waitForResponse((response) => response.url().endsWith('/proposals'));
    await context.setOffline(false);
    await proposalsReloaded;
    await page.waitForLoadState('networkidle');
  });
  const asked = [...counts].map(([key, n]) => `${key.replace(/[0-9a-f-]{36}/g, ':id')} ×${n}`);
  expect(asked).toEqual(
    expect.arrayContaining(['/comments', '/paragraphs', '/rounds', '/sponsors', '/silence', '/proposals', ''].map((list) => `GET /api/drafts/:id${list} ×1`)),
  );
});
