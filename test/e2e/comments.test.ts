import { artifactPath } from './browser';
import { highlightedText, selectPhrase } from './textSelection';
import { delegationsOnDemoDraft } from './workspace';

jest.setTimeout(120_000);

const OP1 = '.ProseMirror p.op[data-num="1."]';
const CLAUSE = 'the United Nations Convention against Transnational Organized Crime';

describe('comments on a clause', () => {
  const pages = delegationsOnDemoDraft(['kazakhstan', 'eu']);

  beforeAll(async () => {
    for (const { page } of [pages.kazakhstan, pages.eu]) await page.getByRole('tab', { name: 'Comments' }).click();
  });

  it('lets one delegation comment on selected words', async () => {
    const { page } = pages.kazakhstan;
    await selectPhrase(page, OP1, CLAUSE);
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await page.getByRole('textbox', { name: 'Your comment' }).fill('Several delegations have not ratified.\nSuggest "consider ratifying" only.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('.comment-thread', { hasText: 'Several delegations have not ratified.' }).waitFor();
    expect(await highlightedText(page)).toBe(CLAUSE);
  });

  it('shows the highlight and the thread to the other delegation, who replies', async () => {
    const { page } = pages.eu;
    const thread = page.locator('.comment-thread', { hasText: 'Several delegations have not ratified.' });
    await thread.waitFor();
    await page.waitForFunction(() => document.querySelector('.ProseMirror .comment-highlight') !== null);
    expect(await highlightedText(page)).toBe(CLAUSE);
    expect(await thread.locator('.comment-delegation').first().textContent()).toBe('Kazakhstan');
    expect(await page.locator('.ProseMirror .comment-count').textContent()).toBe('1');
    await thread.getByRole('textbox', { name: 'Reply to this thread' }).fill('The European Union can accept this.');
    await thread.getByRole('button', { name: 'Reply' }).click();
    await pages.kazakhstan.page.locator('.comment-thread .comment', { hasText: 'The European Union can accept this.' }).waitFor();
  });

  it('keeps the highlight on the same words when text is typed before them', async () => {
    const { page } = pages.eu;
    await selectPhrase(page, OP1, 'Member States');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('all ');
    for (const delegation of [pages.eu, pages.kazakhstan]) {
      // Only the start: the other's cursor label follows the typed words.
      await delegation.page.locator(OP1, { hasText: 'Urges all ' }).waitFor();
      expect(await highlightedText(delegation.page)).toBe(CLAUSE);
    }
    await pages.kazakhstan.page.locator(OP1).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await pages.kazakhstan.page.screenshot({ path: artifactPath('comments.png') });
  });

  it('selects the words in the text when a thread is clicked', async () => {
    const { page } = pages.eu;
    await page.locator('.comment-thread .comment-quote').click();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(CLAUSE);
  });

  it('lets the author resolve the thread, which removes the highlight for everyone', async () => {
    await pages.kazakhstan.page.locator('.comment-thread').getByRole('button', { name: 'Resolve' }).click();
    for (const { page } of [pages.kazakhstan, pages.eu]) {
      await page.waitForFunction(() => document.querySelector('.ProseMirror .comment-highlight') === null);
      await page.locator('.comments-panel .empty-state').waitFor();
    }
    await pages.eu.page.locator('.comment-filter').selectOption('resolved');
    await pages.eu.page.locator('.comment-thread .badge-resolved').waitFor();
  });

  it('opens the composer with Ctrl+Alt+M and marks a thread detached when its words are deleted', async () => {
    const { page } = pages.kazakhstan;
    await selectPhrase(page, OP1, 'Trafficking in Persons Protocol');
    await page.keyboard.press('Control+Alt+m');
    await page.getByRole('textbox', { name: 'Your comment' }).fill('Name the Protocol in full.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const thread = pages.eu.page.locator('.comment-thread', { hasText: 'Name the Protocol in full.' });
    await pages.eu.page.locator('.comment-filter').selectOption('open');
    await thread.waitFor();

    await selectPhrase(pages.eu.page, OP1, 'Trafficking in Persons Protocol');
    await pages.eu.page.keyboard.press('Backspace');
    for (const { page: each } of [pages.eu, pages.kazakhstan]) {
      const detached = each.locator('.comment-thread', { hasText: 'Name the Protocol in full.' }).locator('.badge-detached');
      await detached.waitFor();
    }
    expect(await thread.locator('.comment-quote q').textContent()).toBe('Trafficking in Persons Protocol');
  });
});
