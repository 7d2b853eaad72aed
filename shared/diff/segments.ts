import type { EditRun } from './myers';
import { isWhitespace } from './tokenize';
import type { Segment } from './types';

/** Kept text, or one place where text was replaced: what was deleted and what was inserted. */
type Block = { kind: 'equal'; text: string } | { kind: 'change'; deleted: string; inserted: string };

/**
 * Turn an edit script over tokens into display segments: each place of change
 * becomes one deletion followed by one insertion, and a lone space kept between
 * two replacements is folded into them, so "a b c" -> "x y z" reads as one
 * replacement rather than three interleaved ones.
 */
export function segmentsFromRuns(runs: EditRun[], from: string[], to: string[]): Segment[] {
  return absorbWhitespace(blocksFromRuns(runs, from, to)).flatMap(blockSegments);
}

function blocksFromRuns(runs: EditRun[], from: string[], to: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  let j = 0;
  for (const { op, length } of runs) {
    const last = blocks[blocks.length - 1];
    if (op === 'equal') {
      blocks.push({ kind: 'equal', text: from.slice(i, i + length).join('') });
      i += length;
      j += length;
      continue;
    }
    const change = last?.kind === 'change' ? last : { kind: 'change' as const, deleted: '', inserted: '' };
    if (change !== last) blocks.push(change);
    if (op === 'delete') {
      change.deleted += from.slice(i, i + length).join('');
      i += length;
    } else {
      change.inserted += to.slice(j, j + length).join('');
      j += length;
    }
  }
  return blocks;
}

function absorbWhitespace(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const gap = out[out.length - 1];
    const before = out[out.length - 2];
    if (
      block.kind === 'change' &&
      gap?.kind === 'equal' &&
      before?.kind === 'change' &&
      isWhitespace(gap.text) &&
      readsAsOneReplacement(before, block)
    ) {
      out.pop();
      before.deleted += gap.text + block.deleted;
      before.inserted += gap.text + block.inserted;
    } else {
      out.push(block);
    }
  }
  return out;
}

/**
 * Folding the space in is only cleaner when it joins deletions to deletions or
 * insertions to insertions and the result still replaces something; folding it
 * between two pure insertions would show a struck-through space for nothing.
 */
function readsAsOneReplacement(
  left: { deleted: string; inserted: string },
  right: { deleted: string; inserted: string },
): boolean {
  const bothDelete = left.deleted !== '' && right.deleted !== '';
  const bothInsert = left.inserted !== '' && right.inserted !== '';
  const anyDelete = left.deleted !== '' || right.deleted !== '';
  const anyInsert = left.inserted !== '' || right.inserted !== '';
  return (bothDelete && anyInsert) || (bothInsert && anyDelete);
}

function blockSegments(block: Block): Segment[] {
  if (block.kind === 'equal') return [{ op: 'equal', text: block.text }];
  const segments: Segment[] = [];
  if (block.deleted) segments.push({ op: 'delete', text: block.deleted });
  if (block.inserted) segments.push({ op: 'insert', text: block.inserted });
  return segments;
}
