/**
 * @jest-environment jsdom
 *
 * Time per keystroke with 50 pending proposals in the draft (not part of `npm test`):
 *   npx jest --testMatch '**\/*.bench.ts' test/unit/client/proposeKeystrokes.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { proposalFrom, proposeHarness } from './proposeHarness';

const PARAGRAPHS = 50;
const KEYSTROKES = 200;

function harnessWithProposals() {
  const h = proposeHarness({ operative: Array.from({ length: PARAGRAPHS }, (_, i) => `Urges Member States ${i} to act;`) });
  void h.load(Array.from({ length: PARAGRAPHS }, (_, i) => proposalFrom({ kind: 'delete', anchor: h.anchorOn(`States ${i} `) }, { id: `p${i}`, delegation: i % 2 ? 'Japan' : 'Mexico' })));
  return h;
}

async function msPerKeystroke(mode: 'Propose' | 'Edit'): Promise<number> {
  const h = harnessWithProposals();
  await h.settle();
  h.button(mode)!.click();
  h.caret('Urges Member States 25', 'Urges Member States 25'.length);
  h.type('x'); // warm-up
  const started = performance.now();
  for (let i = 0; i < KEYSTROKES; i += 1) h.type(i % 5 === 4 ? ' ' : 'a');
  const ms = (performance.now() - started) / KEYSTROKES;
  expect(h.view.dom.querySelectorAll('.proposal-mark').length).toBeGreaterThanOrEqual(PARAGRAPHS);
  await h.destroy();
  return ms;
}

it(`times ${KEYSTROKES} keystrokes with ${PARAGRAPHS} pending proposals`, async () => {
  for (const mode of ['Propose', 'Edit', 'Propose', 'Edit'] as const) console.log(`${mode}: ${(await msPerKeystroke(mode)).toFixed(3)} ms per keystroke`);
});
