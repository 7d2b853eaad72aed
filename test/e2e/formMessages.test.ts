import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { selectPhrase } from './textSelection';
import { DelegationPage, delegationsOnDemoDraft } from './workspace';

jest.setTimeout(120_000);

const OP = (n: number) => `.ProseMirror p.op[data-num="${n}."]`;
const PENDING_LIMIT_REFUSAL = /^Your delegation has 1 pending proposals on this draft, the most allowed; withdraw some first\.$/;

/** Waits for the field to be marked invalid and described by the visible alert that reads `message`. */
async function expectErrorAbout(field: Locator, message: string | RegExp): Promise<void> {
  await field.and(field.page().locator('[aria-invalid=true]')).waitFor();
  const id = await field.getAttribute('aria-describedby');
  const error = field.page().locator(`[id="${id}"]`);
  expect(await error.getAttribute('role')).toBe('alert');
  expect(await error.isVisible()).toBe(true);
  const text = (await error.textContent()) ?? '';
  if (typeof message === 'string') expect(text).toBe(message);
  else expect(text).toMatch(message);
}

/** Submits only blanks in the field (with `submit`) and expects `message` about it. */
async function expectBlankRefused(field: Locator, submit: Locator, message: string): Promise<void> {
  await field.fill('  \n ');
  await submit.click();
  await expectErrorAbout(field, message);
}

/** The "Propose alternative wording" form of the paragraph `n`, opened from the proposal commands. */
async function alternativeForm(page: Page, n: number): Promise<Locator> {
  await page.locator(OP(n)).click();
  await page.getByRole('button', { name: /^Propose alternative wording for this paragraph/ }).click();
  const form = page.getByRole('form', { name: `Alternative wording for OP${n}` });
  await form.waitFor();
  return form;
}

describe('forms say why nothing was sent', () => {
  // One pending proposal per delegation: the second one is the server's to refuse.
  const pages = delegationsOnDemoDraft(['kazakhstan', 'chair'], [], { pendingProposalsPerDelegation: 1 });

  it('refuses an empty comment in the composer with a message tied to the box, and passes axe in that state', async () => {
    const { page } = pages.kazakhstan;
    await page.getByRole('tab', { name: 'Comments' }).click();
    await selectPhrase(page, OP(1), 'Member States');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const box = page.getByRole('textbox', { name: 'Your comment' });
    await expectBlankRefused(box, page.getByRole('button', { name: 'Post comment' }), 'Write your comment first: a comment cannot be empty.');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('.comment-thread').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await box.fill('Several delegations have not ratified.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('.comment-thread', { hasText: 'Several delegations have not ratified.' }).waitFor();
  });

  it('refuses a blank reply in a thread with a message tied to its box', async () => {
    const { page } = pages.kazakhstan;
    const thread = page.locator('.comment-thread', { hasText: 'Several delegations have not ratified.' });
    const reply = thread.getByRole('textbox', { name: 'Reply to this thread' });
    await expectBlankRefused(reply, thread.getByRole('button', { name: 'Reply' }), 'Write your reply first: a reply cannot be empty.');
    expect(await thread.locator('.comment').count()).toBe(1);
  });

  it('says why blanks typed in Propose mode made no proposal', async () => {
    const { page } = pages.kazakhstan;
    await page.getByRole('button', { name: 'Propose', exact: true }).click();
    await page.locator('.propose-bar.is-proposing').waitFor();
    await page.locator(OP(3)).click();
    await page.keyboard.press('End');
    await page.keyboard.type('  ');
    await page.locator(OP(4)).click();
    const notice = page.locator('.propose-notice');
    await notice.filter({ hasText: 'Only spaces were typed, so no proposal was made: a proposal needs words.' }).waitFor();
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await page.locator('.ProseMirror .proposal-mark').count()).toBe(0);
  });

  it('refuses blank or unchanged alternative wording with a message tied to the wording, and passes axe in that state', async () => {
    const { page } = pages.kazakhstan;
    const form = await alternativeForm(page, 1);
    const wording = form.getByRole('textbox', { name: 'Wording' });
    await form.getByRole('button', { name: 'Propose', exact: true }).click();
    await expectErrorAbout(wording, 'This is the wording as it stands: change it to propose an alternative.');

    await expectBlankRefused(wording, form.getByRole('button', { name: 'Propose', exact: true }), 'Type the wording you propose: a proposal cannot be empty.');
    expect(await seriousViolations(page)).toEqual([]);

    await wording.fill('Encourages Member States to ratify the Convention;');
    await form.getByRole('button', { name: 'Propose', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await page.locator('.ProseMirror .proposal-alternative', { hasText: 'Encourages Member States to ratify the Convention;' }).waitFor();
  });

  it("shows the server's refusal of a proposal in the form, tied to the wording, and passes axe in that state", async () => {
    const { page } = pages.kazakhstan;
    const form = await alternativeForm(page, 2);
    const wording = form.getByRole('textbox', { name: 'Wording' });
    await wording.fill('Calls upon Member States to share information;');
    await form.getByRole('button', { name: 'Propose', exact: true }).click();
    await expectErrorAbout(wording, PENDING_LIMIT_REFUSAL);
    // The words stay for another try.
    expect(await wording.inputValue()).toBe('Calls upon Member States to share information;');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('refuses to name a version without a name, with a message tied to the name box', async () => {
    const { page } = pages.chair;
    await page.getByRole('tab', { name: 'History' }).click();
    await page.locator('.version-name', { hasText: 'Zero draft' }).waitFor();
    const name = page.getByRole('textbox', { name: 'Version name' });
    await expectBlankRefused(name, page.getByRole('button', { name: 'Name this version' }), 'Type a name for the version first.');
    expect(await page.locator('.version-named').count()).toBe(1);
  });

  it('says when the server is slow to answer the join of the draft, alerts with a retry when it never does, and recovers on retry', async () => {
    const { server, context } = pages.kazakhstan;
    const visitor = await DelegationPage.open(context.browser()!, server);
    try {
      // A server that takes no notice of this page's joins until told otherwise.
      let ignoreJoins = true;
      await visitor.context.routeWebSocket(/\/socket\.io\//, (socket) => {
        const toServer = socket.connectToServer();
        socket.onMessage((message) => {
          if (!(ignoreJoins && typeof message === 'string' && message.includes('"draft:join"'))) toServer.send(message);
        });
      });
      await visitor.signIn('eu');
      await visitor.openDemoDraft();
      const { page } = visitor;
      // Each message is announced by one mechanism: "Joining…" by its status region, the alert by its role; the container is not live too.
      await page.locator('.room-join-status [role=status]', { hasText: 'Joining the draft’s room…' }).waitFor();
      expect(await page.locator('.room-join-status[aria-live], .room-join-status [aria-live]').count()).toBe(0);
      const alert = page.locator('.room-join-status [role=alert]');
      await alert.waitFor({ timeout: 15_000 });
      expect(await alert.textContent()).toMatch(/^The server did not answer when this page joined the draft’s room/);
      expect(await page.locator('.room-join-status [role=status]').textContent()).toBe('');
      expect(await seriousViolations(page)).toEqual([]);

      ignoreJoins = false;
      await alert.getByRole('button', { name: 'Try again' }).click();
      await alert.waitFor({ state: 'detached' });
      // "Try again" went with the alert: the focus is on the draft text, not on the body nor on a notice announced anyway.
      expect(await page.getByRole('main', { name: 'Draft text' }).evaluate((el) => el === document.activeElement)).toBe(true);
      await page.locator('.room-join-status').filter({ hasText: /./ }).waitFor({ state: 'detached' });
      // In the room: others' changes reach the panels again.
      await page.getByRole('tab', { name: 'Comments' }).click();
      const { page: kazakhstan } = pages.kazakhstan;
      await kazakhstan.locator('.comment-thread').getByRole('textbox', { name: 'Reply to this thread' }).fill('Kazakhstan can accept this.');
      await kazakhstan.locator('.comment-thread').getByRole('button', { name: 'Reply' }).click();
      await page.locator('.comment-thread .comment-text', { hasText: 'Kazakhstan can accept this.' }).waitFor();
      expect(visitor.consoleErrors).toEqual([]);
    } finally {
      await visitor.close();
    }
  });
});

describe("the facilitator's forms say why nothing was sent, about the field concerned", () => {
  const pages = delegationsOnDemoDraft(['chair', 'kazakhstan'], [/status of 409/, /status of 400/]);
  const progress = async (page: Page) => {
    await page.getByRole('tab', { name: 'Progress' }).click();
    await page.locator('.progress-paragraph').first().waitFor();
  };

  beforeAll(async () => {
    for (const { page } of [pages.chair, pages.kazakhstan]) await progress(page);
  });

  it('refuses "agreed pending" without a delegation, tied to the first delegation, and passes axe in that state', async () => {
    const { page } = pages.chair;
    await page.getByRole('button', { name: 'Set the status of OP2', exact: true }).click();
    await page.getByRole('combobox', { name: 'Status of OP2', exact: true }).selectOption('agreed_pending');
    const first = page.locator('.status-form input[name=pending]').first();
    await first.waitFor();
    await page.getByRole('button', { name: 'Set status', exact: true }).click();
    await expectErrorAbout(first, 'Tick the delegations the agreement is pending: at least one.');
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // Agreed ad ref, which locks OP2 for the oral revision below.
    await page.getByRole('combobox', { name: 'Status of OP2', exact: true }).selectOption('agreed_ad_ref');
    await page.getByRole('button', { name: 'Set status', exact: true }).click();
    await page.locator('.status-form').waitFor({ state: 'detached' });
    await page.locator('.progress-paragraph[data-status="agreed_ad_ref"] .progress-label', { hasText: 'OP2' }).waitFor();
  });

  it("refuses a blank oral revision, and ties the server's refusal (a locked paragraph) to the text, passing axe in that state", async () => {
    const { page } = pages.chair;
    await page.getByRole('button', { name: 'Record oral revision of OP2', exact: true }).click();
    const text = page.getByRole('textbox', { name: 'New text of OP2', exact: true });
    const record = page.getByRole('button', { name: 'Record oral revision', exact: true });
    await page.locator('.oral-revision-form select option').first().waitFor({ state: 'attached' });
    await expectBlankRefused(text, record, 'Type the paragraph’s new text: it cannot be empty.');
    expect(await text.evaluate((el) => el === document.activeElement)).toBe(true);

    await text.fill('Decides to remain seized of the matter, as orally revised;');
    await record.click();
    await expectErrorAbout(text, 'The paragraph is agreed and locked; reopen it first.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.oral-revision-form').getByRole('button', { name: 'Cancel' }).click();
  });

  it('refuses a missing deadline, ties a passed one (the server refuses it) to the deadline, and passes axe in that state', async () => {
    const { page } = pages.chair;
    const deadline = page.getByLabel('Deadline', { exact: true });
    const start = page.getByRole('button', { name: 'Put under silence', exact: true });
    await start.click();
    await expectErrorAbout(deadline, 'Give the deadline as a date and time.');
    expect(await deadline.evaluate((el) => el === document.activeElement)).toBe(true);

    await deadline.fill('2020-01-06T18:00');
    await start.click();
    await expectErrorAbout(deadline, 'The deadline has passed.');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses a blank statement breaking silence, tied to the statement, and passes axe in that state', async () => {
    const { page: chair } = pages.chair;
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await chair.getByLabel('Time zone', { exact: true }).fill('UTC');
    await chair.getByLabel('Deadline', { exact: true }).fill(`${tomorrow}T18:00`);
    await chair.getByRole('button', { name: 'Put under silence', exact: true }).click();
    await chair.getByRole('button', { name: 'Cancel the silence procedure' }).waitFor();

    const { page } = pages.kazakhstan;
    const statement = page.getByRole('textbox', { name: 'Statement', exact: true });
    await expectBlankRefused(statement, page.getByRole('button', { name: 'Break silence', exact: true }), 'Write the statement first: breaking silence needs one.');
    expect(await statement.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.locator('.silence-break').count()).toBe(0);
  });
});
