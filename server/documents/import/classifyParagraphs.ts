import { assembleHeading, type HeadingItem, type ImportedHeading } from './assembleHeading';
import { headingLineKind } from './headingLine';
import type { ImportProblem } from '../../../shared/draftImport';
import { problem } from './importProblem';
import { hasOperativeLead, hasPreambularLead } from './leadWords';
import { runsText, sliceRuns } from './runs';
import type { Run, SourceParagraph } from './sourceParagraph';
import { listNumberLevel, TypedLevels } from './subParagraphLevel';
import { typedNumber, type TypedNumber } from './typedNumber';

/** A preambular or operative paragraph of the imported text, typed number stripped. */
export interface BodyParagraph {
  kind: 'pp' | 'op';
  runs: Run[];
  /** Sub-paragraph level of an operative paragraph (0 for PPs and OPs). */
  level: number;
  line: number;
}

export interface ClassifiedDraft {
  heading: ImportedHeading;
  formula: Run[];
  body: BodyParagraph[];
  problems: ImportProblem[];
}

/** Page headers and footers a copied text brings along: a repeated symbol, "2/5", a job number. */
const PAGE_FURNITURE = /^(?:\d+\/\d+|[A-Z]\.\d{2}-\d{4,6}.*|\d+)$/;

/** What a paragraph of the body says about itself: its text without a typed number, and the level a number gives it. */
interface BodyLine {
  paragraph: SourceParagraph;
  typed: TypedNumber | null;
  runs: Run[];
  text: string;
}

function bodyLine(paragraph: SourceParagraph): BodyLine {
  const typed = typedNumber(runsText(paragraph.runs));
  const runs = typed ? sliceRuns(paragraph.runs, typed.length) : paragraph.runs;
  return { paragraph, typed, runs, text: runsText(runs) };
}

/**
 * Sorts the paragraphs of a draft resolution into heading, formula, preambular and operative
 * paragraphs. It never fails on content: what it cannot place, or places by a guess, is listed
 * in `problems` for the facilitator to fix in the editor.
 */
export function classifyParagraphs(paragraphs: readonly SourceParagraph[]): ClassifiedDraft {
  const problems: ImportProblem[] = [];
  const headingItems: HeadingItem[] = [];
  const body: BodyParagraph[] = [];
  const typedLevels = new TypedLevels();
  let formula: Run[] | null = null;
  let phase: 'heading' | 'preamble' | 'operative' = 'heading';

  const lines = paragraphs.map(bodyLine);
  for (const [index, { paragraph, typed, runs, text }] of lines.entries()) {
    const numbered = paragraph.listNumber !== null || typed !== null;
    const whole = runsText(paragraph.runs);

    if (phase === 'heading') {
      const kind = headingLineKind(whole);
      const bodyStarts = kind === 'other' && (numbered || (hasPreambularLead(text) && text.endsWith(',')));
      if (kind === 'formula') {
        formula = paragraph.runs;
        phase = 'preamble';
        continue;
      }
      if (!bodyStarts) {
        headingItems.push({ kind, text: whole, line: paragraph.line });
        continue;
      }
      problems.push(problem(paragraph.line, whole, 'no enacting formula ("The General Assembly,") came before this paragraph; add one'));
      phase = 'preamble';
    }

    if (PAGE_FURNITURE.test(whole) || ['symbol', 'masthead'].includes(headingLineKind(whole))) {
      problems.push(problem(paragraph.line, whole, 'left out: it looks like a page header or footer'));
      continue;
    }

    if (phase === 'preamble') {
      if (!numbered && hasPreambularLead(text)) {
        body.push({ kind: 'pp', runs, level: 0, line: paragraph.line });
        if (!/[,;]$/.test(text)) problems.push(problem(paragraph.line, whole, 'kept as a preambular paragraph, but it does not end with a comma'));
        continue;
      }
      if (!numbered && !hasOperativeLead(text)) {
        body.push({ kind: 'pp', runs, level: 0, line: paragraph.line });
        problems.push(problem(paragraph.line, whole, 'kept as a preambular paragraph, but it does not begin with a participle or adjective'));
        continue;
      }
      phase = 'operative';
    }

    const next = lines[index + 1]?.typed ?? null;
    const numberLevel = paragraph.listNumber ? listNumberLevel(paragraph.listNumber) : typed ? typedLevels.level(typed, next) : null;
    const previousLevel = body.at(-1)?.kind === 'op' ? body.at(-1)!.level : -1;
    let level = Math.min(numberLevel ?? 0, previousLevel + 1);
    if (numberLevel !== null && numberLevel > level) {
      problems.push(problem(paragraph.line, whole, 'a sub-paragraph with no paragraph above it to belong to; kept one level up'));
    }
    if (numberLevel === null && !hasOperativeLead(text)) {
      problems.push(problem(paragraph.line, whole, 'kept as an operative paragraph, but it is not numbered and does not begin with a verb'));
    }
    level = Math.max(0, level);
    body.push({ kind: 'op', runs, level, line: paragraph.line });
  }

  const heading = assembleHeading(headingItems, problems);
  if (!heading.title) problems.push(problem(0, '', 'no title was found; type it in the heading'));
  if (formula === null && phase === 'heading') problems.push(problem(0, '', 'no enacting formula ("The General Assembly,") was found'));
  if (!body.some((paragraph) => paragraph.kind === 'op')) problems.push(problem(0, '', 'no operative paragraph was found; an empty one was added'));
  return { heading, formula: formula ?? [], body, problems: problems.sort((a, b) => a.line - b.line) };
}
