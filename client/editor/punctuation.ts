import type { Node as PMNode } from 'prosemirror-model';

export type Ending = ',' | ';' | ':' | '.';

export interface PunctuationIssue {
  /** Position of the paragraph node. */
  pos: number;
  /** Position just inside the end of the paragraph, where the marker goes. */
  end: number;
  expected: Ending;
  message: string;
}

/** Closing brackets of text under negotiation may follow the punctuation: "...;]". */
function meaningfulEnd(text: string): string {
  return text.replace(/[\s\]]+$/, '');
}

function endsWith(text: string, ending: Ending): boolean {
  const end = meaningfulEnd(text);
  // "(a) ...; and" / "; or" still closes the item with a semicolon.
  if (ending === ';') return end.endsWith(';') || /;\s+(and|or)$/.test(end);
  return end.endsWith(ending);
}

interface Operative {
  node: PMNode;
  pos: number;
  level: number;
}

function expectedForOperative(current: Operative, next: Operative | undefined): { expected: Ending; message: string } {
  const what = current.level === 0 ? 'An operative paragraph' : 'A sub-paragraph';
  if (!next) return { expected: '.', message: 'The last operative paragraph ends with a full stop.' };
  if (next.level > current.level) return { expected: ':', message: `${what} that introduces sub-paragraphs ends with a colon.` };
  return { expected: ';', message: `${what} ends with a semicolon.` };
}

/**
 * Paragraphs whose final punctuation breaks the drafting rules: a preambular
 * paragraph ends with a comma; an operative paragraph or sub-paragraph with a
 * semicolon, or a colon when sub-paragraphs follow; the last one with a full
 * stop. Empty paragraphs are still being written and are left alone.
 */
export function punctuationIssues(doc: PMNode): PunctuationIssue[] {
  const issues: PunctuationIssue[] = [];
  const operatives: Operative[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'preambular_paragraph') {
      if (node.textContent.trim() && !endsWith(node.textContent, ',')) {
        issues.push({ pos, end: pos + node.nodeSize - 1, expected: ',', message: 'A preambular paragraph ends with a comma.' });
      }
    } else if (node.type.name === 'operative_paragraph') {
      operatives.push({ node, pos, level: node.attrs.level as number });
    }
    return !node.isTextblock;
  });
  operatives.forEach((current, i) => {
    if (!current.node.textContent.trim()) return;
    const { expected, message } = expectedForOperative(current, operatives[i + 1]);
    if (!endsWith(current.node.textContent, expected)) {
      issues.push({ pos: current.pos, end: current.pos + current.node.nodeSize - 1, expected, message });
    }
  });
  return issues.sort((a, b) => a.pos - b.pos);
}
