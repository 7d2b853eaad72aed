import { artifactPath } from './browser';
import { highlightedText, selectPhrase } from './textSelection';
import { twoDelegationsInDemoDraft, type TwoDelegations } from './twoDelegations';
import type { DelegationPage } from './workspace';

jest.setTimeout(120_000);

const OP1 = '.ProseMirror p.op[data-num="1."]';
const CLAUSE = 'the United Nations Convention against Transnational Organized Crime';

describe('comments on a clause', () => {
  let workspace: TwoDelegations;
  let kazakhstan: DelegationPage;
  let eu: DelegationPage;

  beforeAll(async () => {
    workspace = await twoDelegationsInDemoDraft('kazakhstan', 'eu');
    ({ first: kazakhstan, second: eu } = workspace);
    for (const { page } of [kazakhstan, eu]) await page.getByRole('tab', { name: 'Comments' }).click();
  });

  afterAll(() => workspace?.stop());

  afterEach(() => workspace.expectNoConsoleErrors());

  it('lets one delegation comment on selected words', async () => {
    const { page } = kazakhstan;
    await selectPhrase(page, OP1, CLAUSE);
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await page.getByRole('textbox', { name: 'Your comment' }).fill('Several delegations have not ratified.\nSuggest "consider ratifying" only.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('.comment-thread', { hasText: 'Several delegations have not ratified.' }).waitFor();
    expect(await highlightedText(page)).toBe(CLAUSE);
  });

  it('shows the highlight and the thread to the other delegation, who replies', async () => {
    const { page } = eu;
    const thread = page.locator('.comment-thread', { hasText: 'Several delegations have not ratified.' });
    await thread.waitFor();
    await page.waitForFunction(() => document.querySelector('.ProseMirror .comment-highlight') !== null);
    expect(await highlightedText(page)).toBe(CLAUSE);
    expect(await thread.locator('.comment-delegation').first().textContent()).toBe('Kazakhstan');
    expect(await page.locator('.ProseMirror .comment-count').textContent()).toBe('1');
    await thread.getByRole('textbox', { name: 'Reply to this thread' }).fill('The European Union can accept this.');
    await thread.getByRole('button', { name: 'Reply' }).click();
    await kazakhstan.page.locator('.comment-thread .comment', { hasText: 'The European Union can accept this.' }).waitFor();
  });

  it('keeps the highlight on the same words when text is typed before them', async () => {
    const { page } = eu;
    await selectPhrase(page, OP1, 'Member States');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('all ');
    for (const delegation of [eu, kazakhstan]) {
      // Only the start: the other's cursor label follows the typed words.
      await delegation.page.locator(OP1, { hasText: 'Urges all ' }).waitFor();
      expect(await highlightedText(delegation.page)).toBe(CLAUSE);
    }
    await kazakhstan.page.locator(OP1).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await kazakhstan.page.screenshot({ path: artifactPath('comments.png') });
  });

  it('selects the words in the text when a thread is clicked', async () => {
    const { page } = eu;
    await page.locator('.comment-thread .comment-quote').click();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(CLAUSE);
  });

  it('lets the author resolve the thread, which removes the highlight for everyone', async () => {
    await kazakhstan.page.locator('.comment-thread').getByRole('button', { name: 'Resolve' }).click();
    for (const { page } of [kazakhstan, eu]) {
      await page.waitForFunction(() => document.querySelector('.ProseMirror .comment-highlight') === null);
      await page.locator('.comments-panel .empty-state').waitFor();
    }
    await eu.page.locator('.comment-filter').selectOption('resolved');
    await eu.page.locator('.comment-thread .badge-resolved').waitFor();
  });

  it('opens the composer with Ctrl+Alt+M and marks a thread detached when its words are deleted', async () => {
    const { page } = kazakhstan;
    await selectPhrase(page, OP1, 'Trafficking in Persons Protocol');
    await page.keyboard.press('Control+Alt+m');
    await page.getByRole('textbox', { name: 'Your comment' }).fill('Name the Protocol in full.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const thread = eu.page.locator('.comment-thread', { hasText: 'Name the Protocol in full.' });
    await eu.page.locator('.comment-filter').selectOption('open');
    await thread.waitFor();

    await selectPhrase(eu.page, OP1, 'Trafficking in Persons Protocol');
    await eu.page.keyboard.press('Backspace');
    for (const { page: each } of [eu, kazakhstan]) {
      const detached = each.locator('.comment-thread', { hasText: 'Name the Protocol in full.' }).locator('.badge-detached');
      await detached.waitFor();
    }
    expect(await thread.locator('.comment-quote q').textContent()).toBe('Trafficking in Persons Protocol');
  });
});
