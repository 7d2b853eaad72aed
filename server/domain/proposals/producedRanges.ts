import * as Y from 'yjs';
import type { ProducedRange, ProposalView } from '../../../shared/proposals';
import { paragraphElementOf } from '../oralRevisions/paragraphTextWriter';

/**
 * The text of a paragraph that accepted proposals wrote and that is still there, found by the
 * Yjs ids each accept recorded (ProposalResult.produced). Words deleted since are not reported;
 * words others typed inside split a proposal's text into several ranges. Offsets are in the
 * paragraph's text as it is now; ranges come in text order.
 */
export function producedRanges(doc: Y.Doc, paragraphId: string, accepted: ProposalView[]): ProducedRange[] {
  const paragraph = paragraphElementOf(doc, paragraphId);
  if (!paragraph) return [];
  const writes = accepted.flatMap((p) => (p.result?.produced ? [{ proposalId: p.id, ...p.result.produced }] : []));
  const ranges: ProducedRange[] = [];
  let offset = 0;
  for (const text of paragraph.toArray()) {
    if (!(text instanceof Y.XmlText)) continue;
    for (let item = text._start; item; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
      const { str } = item.content;
      const { client, clock } = item.id;
      for (const write of writes) {
        const from = Math.max(clock, write.clock);
        const to = Math.min(clock + item.length, write.clock + write.length);
        if (write.client !== client || from >= to) continue;
        add(ranges, { proposalId: write.proposalId, paragraphId, start: offset + from - clock, end: offset + to - clock, text: str.slice(from - clock, to - clock) });
      }
      offset += item.length;
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/** Yjs splits and merges items as it likes: a proposal's text that runs on continues its range. */
function add(ranges: ProducedRange[], range: ProducedRange): void {
  const last = ranges.find((r) => r.proposalId === range.proposalId && r.end === range.start);
  if (last) {
    last.end = range.end;
    last.text += range.text;
  } else {
    ranges.push(range);
  }
}
