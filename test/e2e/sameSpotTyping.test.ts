import type * as Y from 'yjs';
import { paragraphTexts, waitForDoc } from '../helpers/yjsClient';
import { delegationsOnDemoDraft, type DelegationPage } from './workspace';

jest.setTimeout(120_000);

const OP5 = '.ProseMirror p.op[data-num="5."]';
const OP5_START = 'Also encourages Member States to ensure that victims';
const URGENTLY = 'Urgently ';
const FURTHER = 'Further ';
/** A brisk typist (about 200 words a minute); each keystroke reaches the other browser before the next. */
const KEY_DELAY_MS = 60;

/** OP5 in the server's copy of the draft, whatever has been typed in front of it. */
function op5On(doc: Y.Doc): string {
  return paragraphTexts(doc).find((text) => text.includes(OP5_START)) ?? '';
}

/** True once the element reads `expected`, not counting other delegations' carets nor its label hidden for screen readers (runs in the page). */
function reads({ selector, expected }: { selector: string; expected: string }): boolean {
  const element = document.querySelector(selector);
  if (!element) return false;
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('.remote-cursor, .paragraph-ref').forEach((aside) => aside.remove());
  return copy.textContent === expected;
}

async function expectOp5ToRead({ page }: DelegationPage, expected: string): Promise<void> {
  await page.waitForFunction(reads, { selector: OP5, expected }, { timeout: 10_000 }).catch(async () => {
    throw new Error(`OP5 in a browser reads "${await page.locator(OP5).textContent()}", not "${expected}"`);
  });
}

/** Clicks into the first line of OP5 and goes to its start, as a delegate would. */
async function caretAtStartOfOp5({ page }: DelegationPage): Promise<void> {
  await page.locator(OP5).click({ position: { x: 2, y: 4 } });
  await page.keyboard.press('Home');
}

describe('two delegations typing at the same spot', () => {
  const pages = delegationsOnDemoDraft(['kazakhstan', 'belarus']);

  it('keep both words whole on the server and in both browsers', async () => {
    const { kazakhstan: first, belarus: second } = pages;
    const { server } = first;
    const room = server.rooms.peek(await server.demoDraftId());
    if (!room) throw new Error('the draft is not open on the server');
    const before = op5On(room.doc);
    expect(before.startsWith(OP5_START)).toBe(true);

    await caretAtStartOfOp5(first);
    await caretAtStartOfOp5(second);
    await Promise.all([
      first.page.keyboard.type(URGENTLY, { delay: KEY_DELAY_MS }),
      second.page.keyboard.type(FURTHER, { delay: KEY_DELAY_MS }),
    ]);

    // Every keystroke has reached the server once OP5 has grown by both words.
    await waitForDoc(room.doc, (doc) => op5On(doc).length >= before.length + URGENTLY.length + FURTHER.length);
    const after = op5On(room.doc);
    expect([URGENTLY + FURTHER + before, FURTHER + URGENTLY + before]).toContain(after);
    for (const delegation of [first, second]) await expectOp5ToRead(delegation, after);
  });
});
