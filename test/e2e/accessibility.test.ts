import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/testServer';
import { seriousViolations } from './axe';
import { selectPhrase } from './textSelection';
import { DelegationPage, startWorkspace } from './workspace';

jest.setTimeout(120_000);

const OP1 = '.ProseMirror p.op[data-num="1."]';

describe('accessibility: axe finds nothing serious in any page state', () => {
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
  afterAll(() => stop?.());

  const expectClean = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);

  it('sign-in and drafts list', async () => {
    const { page } = visitor;
    await page.goto('/login');
    await page.locator('input[name=username]').waitFor();
    await expectClean(page);
    await visitor.signIn('chair');
    await page.locator('.drafts-table').waitFor();
    await expectClean(page);
  });

  it('not found pages', async () => {
    visitor.allowConsoleError(/status of 404/);
    await visitor.signIn('kazakhstan');
    const { page } = visitor;
    await page.goto('/no/such/page');
    await page.getByRole('heading').first().waitFor();
    await expectClean(page);
    await page.goto('/drafts/no-such-draft');
    await page.locator('.paper-message, .message-panel, h1').first().waitFor();
    await page.getByText(/not found/i).first().waitFor();
    await expectClean(page);
  });

  it('editor as observer, and the print view', async () => {
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
  });

  it('history, compare and preview as the facilitator', async () => {
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
