import type { Page } from 'playwright-core';
import { artifactPath } from './browser';
import { selectPhrase } from './textSelection';
import { delegationsOnDemoDraft } from './workspace';

jest.setTimeout(180_000);

const OP1 = '.ProseMirror p.op[data-num="1."]';
const OP2 = '.ProseMirror p.op[data-num="2."]';
const OP3 = '.ProseMirror p.op[data-num="3."]';
const LOCATOR_WAIT = { timeout: 20_000 };

/** The card of the proposal summarized as `summary` ("replace “Urges” with “Encourages”") in the Proposals panel. */
function card(page: Page, summary: string) {
  return page.locator('.proposal-card', { has: page.locator('.proposal-summary', { hasText: summary }) });
}

async function openProposalsPanel(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Proposals' }).click();
  await page.locator('.proposals-panel .panel-summary', { hasText: /pending proposals?\./ }).waitFor(LOCATOR_WAIT);
}

/** Shows a view of the draft ("Editing", "Compilation text", "Clean text"). */
async function showView(page: Page, name: string): Promise<void> {
  await page.getByRole('radio', { name, exact: true }).check();
}

/** A paragraph of the compiled sheet, by the id of the paragraph in the text. */
function compiled(page: Page, paragraphId: string) {
  return page.locator(`.compiled-paper p[data-id="${paragraphId}"]`);
}

/**
 * Runs in the page: a paragraph's text as its readers see it, without other people's carets and
 * their name tags nor the label hidden for screen readers; with `pattern`, whether that text matches it.
 */
function caretFreeText({ selector, pattern }: { selector: string; pattern?: string }): string | boolean {
  const copy = document.querySelector(selector)?.cloneNode(true) as HTMLElement | undefined;
  copy?.querySelectorAll('.remote-cursor, .paragraph-ref').forEach((aside) => aside.remove());
  const text = copy?.textContent ?? '';
  return pattern === undefined ? text : new RegExp(pattern).test(text);
}

function textOf(page: Page, selector: string): Promise<string> {
  return page.evaluate(caretFreeText, { selector }) as Promise<string>;
}

async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<void> {
  await page.waitForFunction(caretFreeText, { selector, pattern: pattern.source }, LOCATOR_WAIT);
}

/** Waits until no pending proposal shows in the paragraph (the words struck, added or bracketed are gone). */
async function waitForNoProposalIn(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((paragraph) => document.querySelector(`${paragraph} .proposal-mark`) === null, selector, LOCATOR_WAIT);
}

async function proposeMode(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Propose', exact: true }).click();
  await page.locator('.propose-bar.is-proposing').waitFor(LOCATOR_WAIT);
}

describe('proposals: a delegate proposes in the text, the room takes positions, the facilitator decides', () => {
  const pages = delegationsOnDemoDraft(['chair', 'kazakhstan', 'eu']);
  let op1Id: string;
  let op2Text: string;

  beforeAll(async () => {
    op1Id = (await pages.chair.page.locator(OP1).getAttribute('data-id')) ?? '';
    op2Text = await textOf(pages.chair.page, OP2);
    for (const { page } of Object.values(pages)) await openProposalsPanel(page);
  });

  it('turns a word typed over a selection in Propose mode into a replacement, shown inline and as a card in every browser', async () => {
    const { page } = pages.kazakhstan;
    await proposeMode(page);
    await selectPhrase(page, OP1, 'Urges');
    await page.keyboard.type('Encourages');

    for (const { page: each } of [pages.kazakhstan, pages.chair]) {
      await each.locator(`${OP1} del.proposal-struck`, { hasText: 'Urges' }).waitFor(LOCATOR_WAIT);
      await each.locator(`${OP1} ins.proposal-inserted`, { hasText: /^Encourages$/ }).waitFor(LOCATOR_WAIT);
      const replaced = card(each, 'replace “Urges” with “Encourages”');
      await replaced.waitFor(LOCATOR_WAIT);
      expect(await replaced.locator('.proposal-label').textContent()).toBe('OP1');
      expect(await replaced.locator('.comment-delegation').textContent()).toBe('Kazakhstan');
    }
    // The text itself did not change: the proposal stands beside it.
    expect(await textOf(pages.chair.page, OP1)).toMatch(/^UrgesEncourages Member States/);
    await page.screenshot({ path: artifactPath('proposals-inline.png') });
  });

  it('lets a second delegation support the proposal, which every card shows', async () => {
    await card(pages.eu.page, 'replace “Urges” with “Encourages”').getByRole('button', { name: 'Support', exact: true }).click();
    for (const { page } of Object.values(pages)) {
      await card(page, 'replace “Urges” with “Encourages”').locator('.proposal-supporters', { hasText: 'European Union' }).waitFor(LOCATOR_WAIT);
    }
    await card(pages.eu.page, 'replace “Urges” with “Encourages”').locator('.proposal-position', { hasText: 'Your delegation supports this proposal.' }).waitFor(LOCATOR_WAIT);
  });

  it('shows the pending replacement in the notation of the room in the compilation text, and the plain text in the clean text', async () => {
    const { page } = pages.chair;
    await showView(page, 'Compilation text');
    await compiled(page, op1Id).filter({ hasText: '[Urges – Kazakhstan, European Union: Encourages] Member States' }).waitFor(LOCATOR_WAIT);
    await page.screenshot({ path: artifactPath('proposals-compilation.png') });
    await showView(page, 'Clean text');
    await compiled(page, op1Id).filter({ hasText: /^Urges Member States/ }).waitFor(LOCATOR_WAIT);
    expect(await compiled(page, op1Id).textContent()).not.toContain('[');
    await showView(page, 'Editing');
    await page.locator(OP1).waitFor(LOCATOR_WAIT);
  });

  it('lets the facilitator accept it from its card: every browser shows the new words, undecorated, and the card among the accepted', async () => {
    await card(pages.chair.page, 'replace “Urges” with “Encourages”').getByRole('button', { name: 'Accept', exact: true }).click();
    for (const { page } of Object.values(pages)) {
      await waitForText(page, OP1, /^Encourages Member States that have not yet done so/);
      await waitForNoProposalIn(page, OP1);
      await card(page, 'replace “Urges” with “Encourages”').waitFor({ state: 'detached', ...LOCATOR_WAIT });
      await page.getByRole('combobox', { name: 'Status' }).selectOption('accepted');
      const accepted = card(page, 'replace “Urges” with “Encourages”');
      await accepted.locator('.proposal-status', { hasText: 'Accepted' }).waitFor(LOCATOR_WAIT);
      expect(await accepted.locator('.proposal-decision').textContent()).toMatch(/^Accepted by Facilitator, /);
      await page.getByRole('combobox', { name: 'Status' }).selectOption('pending');
    }
    expect(await textOf(pages.kazakhstan.page, OP1)).not.toContain('Urges');
  });

  it('shows the accepted words in the compilation text, with no bracket left', async () => {
    const { page } = pages.kazakhstan;
    await showView(page, 'Compilation text');
    await compiled(page, op1Id).filter({ hasText: /^Encourages Member States that have not yet done so/ }).waitFor(LOCATOR_WAIT);
    expect(await compiled(page, op1Id).textContent()).not.toMatch(/[[\]]/);
    await showView(page, 'Editing');
    await page.locator(OP1).waitFor(LOCATOR_WAIT);
  });

  it('records an objection to a proposed deletion and lets the facilitator reject it with a reason', async () => {
    const { page } = pages.eu;
    await proposeMode(page);
    await selectPhrase(page, OP2, 'national');
    await page.keyboard.press('Backspace');
    const deletion = 'delete “national”';
    for (const { page: each } of Object.values(pages)) {
      await each.locator(`${OP2} del.proposal-struck`, { hasText: 'national' }).waitFor(LOCATOR_WAIT);
      await card(each, deletion).waitFor(LOCATOR_WAIT);
    }

    await card(pages.kazakhstan.page, deletion).getByRole('button', { name: 'Object', exact: true }).click();
    for (const { page: each } of Object.values(pages)) {
      await card(each, deletion).locator('.proposal-objectors', { hasText: 'Kazakhstan' }).waitFor(LOCATOR_WAIT);
    }
    await showView(pages.chair.page, 'Compilation text');
    const op2Id = (await pages.chair.page.locator(`.compiled-paper p.op[data-num="2."]`).getAttribute('data-id')) ?? '';
    await compiled(pages.chair.page, op2Id).filter({ hasText: '[national – European Union delete; Kazakhstan retain]' }).waitFor(LOCATOR_WAIT);
    await showView(pages.chair.page, 'Editing');

    const chairCard = card(pages.chair.page, deletion);
    await chairCard.getByRole('button', { name: 'Reject', exact: true }).click();
    await chairCard.getByRole('textbox', { name: 'Reason for rejecting (optional)' }).fill('No consensus in the room');
    await chairCard.getByRole('button', { name: 'Reject proposal', exact: true }).click();
    for (const { page: each } of Object.values(pages)) {
      await card(each, deletion).waitFor({ state: 'detached', ...LOCATOR_WAIT });
      await waitForNoProposalIn(each, OP2);
      expect(await textOf(each, OP2)).toBe(op2Text);
      await each.getByRole('combobox', { name: 'Status' }).selectOption('rejected');
      await card(each, deletion).locator('.proposal-decision', { hasText: 'Reason: No consensus in the room' }).waitFor(LOCATOR_WAIT);
      await each.getByRole('combobox', { name: 'Status' }).selectOption('pending');
    }
  });

  it('holds delegates in Propose mode once the facilitator takes proposals only: typing makes a proposal, the text stays', async () => {
    const { page } = pages.kazakhstan;
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.locator('.propose-mode-edit[aria-pressed="true"]').waitFor(LOCATOR_WAIT);

    await pages.chair.page.getByRole('radio', { name: 'Delegates make proposals only' }).check();
    await page.locator('.editing-rule', { hasText: 'Delegates make proposals only' }).waitFor(LOCATOR_WAIT);
    await page.locator('.propose-mode-propose[aria-pressed="true"]').waitFor(LOCATOR_WAIT);
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).isDisabled()).toBe(true);

    const op3Text = await textOf(pages.chair.page, OP3);
    // A word added after another starts with a space: the proposal must keep it.
    await selectPhrase(page, OP3, 'cooperation');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' swiftly');
    for (const { page: each } of [pages.kazakhstan, pages.chair]) {
      await each.locator(`${OP3} ins.proposal-inserted`, { hasText: /^ swiftly$/ }).waitFor(LOCATOR_WAIT);
      await card(each, 'insert “swiftly”').waitFor(LOCATOR_WAIT);
    }
    expect(await textOf(pages.chair.page, OP3)).toBe(op3Text.replace('cooperation', 'cooperation swiftly'));
    await page.screenshot({ path: artifactPath('proposals-only.png') });
  });

  it('prints the compilation text with the pending proposal in the notation of the room', async () => {
    const { page } = pages.chair;
    const draftPath = new URL(page.url()).pathname;
    const op3Id = (await page.locator(OP3).getAttribute('data-id')) ?? '';
    await page.goto(`${draftPath}/print?view=compilation`);
    await page.locator(`.print-paper p[data-id="${op3Id}"] .compiled-addition`, { hasText: /^\[swiftly – Kazakhstan\]$/ }).waitFor(LOCATOR_WAIT);
    expect(await page.locator(`.print-paper p[data-id="${op3Id}"]`).textContent()).toContain('international cooperation [swiftly – Kazakhstan], including');
    expect(await page.locator(`.print-paper p[data-id="${op1Id}"]`).textContent()).toMatch(/^Encourages Member States/);
    await page.screenshot({ path: artifactPath('proposals-print-compilation.png'), fullPage: true });
  });
});
