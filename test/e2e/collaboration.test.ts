import { artifactPath } from './browser';
import { delegationsOnDemoDraft } from './workspace';

jest.setTimeout(120_000);

describe('two delegations negotiating one draft', () => {
  const pages = delegationsOnDemoDraft(['kazakhstan', 'belarus']);

  it('opens the same draft at the same shareable address, connected', async () => {
    const { kazakhstan, belarus } = pages;
    expect(belarus.page.url()).toBe(kazakhstan.page.url());
    for (const { page } of [kazakhstan, belarus]) {
      await page.locator('.connection[data-status="connected"]').waitFor();
      expect(await page.locator('.ProseMirror p.op').count()).toBe(13);
    }
  });

  it('shows an operative paragraph inserted by one delegation to both, renumbering those after it', async () => {
    const { kazakhstan, belarus } = pages;
    const before = await kazakhstan.operativeNumbers();
    const levelZero = before.filter((n) => /^\d+\. /.test(n));
    expect(levelZero.map((n) => n.split(' ')[0])).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
    const oldOp3Id = levelZero[2].split(' ')[1];

    // Cursor into OP2, then the toolbar: the new paragraph comes after OP2 and its sub-paragraphs.
    const { page } = kazakhstan;
    await page.locator('.ProseMirror p.op[data-num="2."]').click();
    await page.getByRole('button', { name: '+ Operative paragraph' }).click();
    await page.keyboard.type('Welcomes the initiative of the delegations to share good practices;');

    for (const delegation of [kazakhstan, belarus]) {
      await delegation.page.waitForFunction(
        (id) => document.querySelector(`.ProseMirror p.op[data-id="${id}"]`)?.getAttribute('data-num') === '4.',
        oldOp3Id,
      );
      const inserted = delegation.page.locator('.ProseMirror p.op', { hasText: 'Welcomes the initiative of the delegations' });
      expect(await inserted.getAttribute('data-num')).toBe('3.');
      const after = (await delegation.operativeNumbers()).filter((n) => /^\d+\. /.test(n));
      expect(after.map((n) => n.split(' ')[0])).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.']);
    }
    expect(await belarus.operativeNumbers()).toEqual(await kazakhstan.operativeNumbers());
  });

  it("shows text typed by one delegation to the other, with the other's cursor labelled", async () => {
    const { kazakhstan, belarus } = pages;
    // Belarus amends the end of OP4, just before its semicolon.
    const op4 = belarus.page.locator('.ProseMirror p.op[data-num="4."]');
    const box = (await op4.boundingBox())!;
    await op4.click({ position: { x: box.width - 4, y: box.height - 8 } });
    await belarus.page.keyboard.press('End');
    await belarus.page.keyboard.press('ArrowLeft');
    await belarus.page.keyboard.type(', in particular through joint investigation teams');

    await kazakhstan.page
      .locator('.ProseMirror p.op[data-num="4."]', { hasText: 'in particular through joint investigation teams' })
      .waitFor();
    const label = kazakhstan.page.locator('.remote-cursor-label', { hasText: 'Belarus' });
    await label.waitFor({ state: 'visible' });
    expect(await label.isVisible()).toBe(true);
  });

  it('lists both delegations in the people panel', async () => {
    const { kazakhstan } = pages;
    const people = kazakhstan.page.locator('.people-panel');
    await people.locator('.person', { hasText: 'Belarus' }).waitFor();
    expect(await people.locator('.person-delegation').allTextContents()).toEqual(['Belarus', 'Kazakhstan (you)']);
  });

  it('saves a screenshot of the editor', async () => {
    const { kazakhstan } = pages;
    const { page } = kazakhstan;
    await page.locator('.ProseMirror p.op[data-num="3."]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.mouse.move(640, 790); // no hover highlight on the toolbar
    await page.screenshot({ path: artifactPath('editor.png') });
  });

  it('still has the text after a reload', async () => {
    const { kazakhstan } = pages;
    const { page } = kazakhstan;
    await page.reload();
    await page.locator('.ProseMirror p.op', { hasText: 'Welcomes the initiative of the delegations' }).waitFor();
    await page.locator('.ProseMirror p.op', { hasText: 'in particular through joint investigation teams' }).waitFor();
    expect((await kazakhstan.operativeNumbers()).filter((n) => /^\d+\. /.test(n))).toHaveLength(9);
  });
});
