import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { artifactPath } from './browser';
import { DelegationPage, startWorkspace } from './workspace';
import { wordNumberedDraft } from '../unit/documents/draftFixtures';

jest.setTimeout(120_000);

const SYMBOL = 'A/C.3/79/L.12';
const TITLE = 'The right to privacy in the digital age';

/** The printed numbers and texts of the editor's operative paragraphs: "(a) To respect…" (without the hidden label that starts each). */
function operativeLines(page: Page): Promise<string[]> {
  return page.locator('.ProseMirror p.op').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-num') ?? ''} ${el.textContent?.slice(el.querySelector('.paragraph-ref')?.textContent?.length ?? 0) ?? ''}`));
}

describe('documents in and out: import a Word draft, download it as Word, print it', () => {
  let stop: () => Promise<void>;
  let chair: DelegationPage;
  let folder: string;

  beforeAll(async () => {
    const workspace = await startWorkspace();
    stop = workspace.stop;
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'documents-e2e-'));
    fs.writeFileSync(path.join(folder, 'zero-draft.docx'), await wordNumberedDraft());
    chair = await DelegationPage.open(workspace.browser, workspace.server);
    await chair.signIn('chair');
  });

  afterEach(() => expect(chair.consoleErrors).toEqual([]));

  afterAll(async () => {
    await chair?.close();
    await stop?.();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('imports a .docx from "Import from Word": preview first, then the draft opens with its paragraphs', async () => {
    const { page } = chair;
    await page.getByRole('button', { name: 'Import from Word' }).click();
    await page.locator('.import-dialog input[type=file]').setInputFiles(path.join(folder, 'zero-draft.docx'));
    await page.locator('.import-preview').waitFor();
    expect(await page.locator('.import-all-placed').textContent()).toBe('Every line found its place.');
    const preview = await page.locator('.import-paragraph').evaluateAll((els) => els.map((el) => el.textContent));
    expect(preview).toEqual(expect.arrayContaining([`Symbol${SYMBOL}`, `Title${TITLE}`, 'OP1(b)(ii)the collection of personal data;']));
    // The preview created nothing.
    expect(page.url()).toMatch(/\/drafts$/);

    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/drafts\/[^/]+$/);
    await page.locator('.ProseMirror p.op').first().waitFor();
    expect(await page.locator('.ProseMirror .heading .symbol').textContent()).toBe(SYMBOL);
    expect(await page.locator('.ProseMirror .title').textContent()).toBe(TITLE);
    // Each paragraph starts with its label as hidden text for screen readers ("PP1 ").
    expect(await page.locator('.ProseMirror p.pp').evaluateAll((els) => els.map((el) => el.textContent?.slice(el.querySelector('.paragraph-ref')?.textContent?.length ?? 0)))).toEqual([
      'Reaffirming the purposes and principles of the Charter of the United Nations,',
      'Deeply concerned at the negative impact that surveillance may have on the exercise of human rights,',
    ]);
    expect(await operativeLines(page)).toEqual([
      '1. Calls upon all States:',
      '(a) To respect and protect the right to privacy, including in the context of digital communication;',
      '(b) To review their procedures, practices and legislation regarding:',
      '(i) the surveillance of communications;',
      '(ii) the collection of personal data;',
      '2. Requests the Secretary-General to report to the General Assembly at its eighty-first session.',
    ]);
  });

  it('downloads the draft as a Word file named after the symbol, holding its text', async () => {
    const { page } = chair;
    await page.locator('.export-menu summary', { hasText: 'Download' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Word (clean text)' }).click()]);
    expect(download.suggestedFilename()).toBe('A_C.3_79_L.12.docx');
    const saved = path.join(folder, download.suggestedFilename());
    await download.saveAs(saved);
    const zip = await JSZip.loadAsync(fs.readFileSync(saved));
    const documentXml = await zip.file('word/document.xml')!.async('string');
    for (const text of [SYMBOL, TITLE, 'the collection of personal data;', 'Distr.: Limited']) expect(documentXml).toContain(text);
  });

  it('prints a UN document: masthead, symbol and page numbers in the page margins, line numbers, no editor chrome', async () => {
    const { page } = chair;
    await page.getByRole('link', { name: 'Print view' }).click();
    await page.waitForURL(/\/print$/);
    await page.locator('.print-paper p.op[data-num="2."]').waitFor();
    expect(await page.locator('.un-masthead-row').innerText()).toMatch(new RegExp(`^United Nations\\s+${SYMBOL.replace(/[./]/g, '\\$&')}$`));
    const distribution = await page.locator('.un-masthead-distribution > div').allTextContents();
    expect(distribution[0]).toBe('Distr.: Limited');
    expect(distribution[1]).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(distribution[2]).toBe('Original: English');
    expect(await page.locator('.print-paper .heading .organ').textContent()).toBe('Third Committee');
    expect(await page.locator('.print-paper .title').textContent()).toBe(TITLE);
    expect(await page.getByRole('button', { name: 'Download PDF' }).isEnabled()).toBe(true);

    // This Chromium has page-margin boxes: the running symbol and the page numbers are margin rules it parsed.
    const margins = await page.evaluate(() =>
      document.adoptedStyleSheets.flatMap((sheet) =>
        [...sheet.cssRules].filter((rule): rule is CSSPageRule => rule instanceof CSSPageRule).flatMap((rule) =>
          // CSSMarginRule (Chromium 131) is not in TypeScript's DOM types yet.
          [...(rule as unknown as { cssRules: CSSRuleList }).cssRules].map((margin) => {
            const { name, style } = margin as unknown as { name: string; style: CSSStyleDeclaration };
            return `${rule.selectorText} ${name} ${style.getPropertyValue('content')}`;
          }),
        ),
      ),
    );
    expect(margins).toEqual([` top-right "${SYMBOL}"`, ' bottom-center counter(page) "/" counter(pages)', ':first top-right none']);

    await page.getByLabel('Line numbers').check();
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    for (const chrome of ['.app-header', '.print-bar', '.toolbar', '.sidebar', '.export-menu']) expect(await page.locator(chrome).first().isVisible()).toBe(false);
    expect(await page.locator('.un-masthead').isVisible()).toBe(true);
    expect(await page.locator('.print-running-header').count()).toBe(0);
    const numbers = await page.locator('.print-paper .line-number').evaluateAll((els) => els.map((el) => getComputedStyle(el, '::before').content));
    expect(numbers.slice(0, 3)).toEqual(['counter(line)', 'counter(line)', 'counter(line)']);
    expect(await page.locator('.print-paper .op .line-number').first().isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('print-document.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    fs.writeFileSync(artifactPath('print-document.pdf'), pdf);
  });
});
