import { artifactPath } from './browser';
import { selectPhrase } from './textSelection';
import { delegationsOnDemoDraft } from './workspace';

jest.setTimeout(120_000);

const OP1 = '.ProseMirror p.op[data-num="1."]';

describe('version history', () => {
  const pages = delegationsOnDemoDraft(['chair', 'kazakhstan']);

  it('lets the facilitator name the current text "Rev.1"', async () => {
    const { page } = pages.chair;
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('textbox', { name: 'Version name' }).fill('Rev.1');
    await page.getByRole('button', { name: 'Name this version' }).click();
    await page.locator('.version-named .version-name', { hasText: 'Rev.1' }).waitFor();
  });

  it('offers delegates no naming or restoring', async () => {
    const { page } = pages.kazakhstan;
    await page.getByRole('tab', { name: 'History' }).click();
    await page.locator('.version-named', { hasText: 'Rev.1' }).waitFor();
    expect(await page.getByRole('button', { name: 'Name this version' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Restore' }).count()).toBe(0);
  });

  it('compares Rev.1 with the text a delegate has since changed', async () => {
    // Kazakhstan replaces "Member States" in OP1 with "all States".
    await selectPhrase(pages.kazakhstan.page, OP1, 'Member States');
    await pages.kazakhstan.page.keyboard.type('all States');
    await pages.chair.page.locator(OP1, { hasText: 'Urges all States' }).waitFor();

    const { page } = pages.chair;
    await page.getByRole('combobox', { name: 'Compare from' }).selectOption({ label: 'Rev.1' });
    expect(await page.getByRole('combobox', { name: 'Compare with' }).inputValue()).toBe('current');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Rev.1 compared with Current text' });
    await dialog.waitFor();
    expect(await dialog.locator('.compare-summary').textContent()).toMatch(/1 paragraph changed/);
    const changed = dialog.locator('.compare-paragraph.is-changed');
    expect(await changed.locator('.compare-ref').textContent()).toBe('OP1');
    expect(await changed.locator('del').allTextContents()).toContain('Member');
    expect(await changed.locator('ins').allTextContents()).toContain('all');
    expect(await changed.locator('.compare-who').textContent()).toContain('Kazakhstan');
    await changed.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('history-compare.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('previews Rev.1 read-only', async () => {
    const { page } = pages.chair;
    await page.locator('.version-named', { hasText: 'Rev.1' }).getByRole('button', { name: 'Preview' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rev.1 (read-only)' });
    expect(await dialog.locator('.version-preview').textContent()).toContain('Urges Member States that');
    // Rendered in UN layout with derived numbering, not as plain text.
    expect(await dialog.locator('.version-preview .op').first().getAttribute('data-id')).toBeTruthy();
    expect(await dialog.locator('.version-preview [contenteditable=true]').count()).toBe(0);
    await page.screenshot({ path: artifactPath('history-preview.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('restores Rev.1 for everyone and records the restore in the history', async () => {
    const { page } = pages.chair;
    page.once('dialog', (confirm) => void confirm.accept());
    await page.locator('.version-named', { hasText: 'Rev.1' }).first().getByRole('button', { name: 'Restore' }).click();
    // Kazakhstan's wording after Rev.1 is gone on both screens.
    await pages.kazakhstan.page.locator(OP1, { hasText: 'Urges Member States' }).waitFor();
    await pages.chair.page.locator(OP1, { hasText: 'Urges Member States' }).waitFor();
    await page.locator('.version-name', { hasText: 'Restored Rev.1' }).waitFor();
  });
});
