/**
 * @jest-environment jsdom
 *
 * CPU time per keystroke with 50 pending proposals in the draft (not part of `npm test`):
 *   npx jest --testMatch '**\/*.bench.ts' test/unit/client/proposeKeystrokes.bench.ts
 */
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
  // CPU time of this process, less swayed than the clock by other work on a shared machine.
  const started = process.cpuUsage();
  for (let i = 0; i < KEYSTROKES; i += 1) h.type(i % 5 === 4 ? ' ' : 'a');
  const { user, system } = process.cpuUsage(started);
  const ms = (user + system) / 1000 / KEYSTROKES;
  expect(h.view.dom.querySelectorAll('.proposal-mark').length).toBeGreaterThanOrEqual(PARAGRAPHS);
  await h.destroy();
  return ms;
}

const ROUNDS = 7;

it(`times ${KEYSTROKES} keystrokes with ${PARAGRAPHS} pending proposals (median of ${ROUNDS} rounds)`, async () => {
  for (const mode of ['Propose', 'Edit'] as const) {
    const rounds: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) rounds.push(await msPerKeystroke(mode));
    rounds.sort((a, b) => a - b);
    console.log(`${mode}: ${rounds[ROUNDS >> 1].toFixed(3)} ms per keystroke (${rounds.map((ms) => ms.toFixed(2)).join(' ')})`);
  }
});
