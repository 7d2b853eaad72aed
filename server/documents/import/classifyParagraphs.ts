import { assembleHeading, type HeadingItem, type ImportedHeading } from './assembleHeading';
import { headingLineKind, headingLineParts } from './headingLine';
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

const NO_FORMULA = 'no enacting formula ("The General Assembly,") came before this paragraph; add one';

/** One pass over the paragraphs in three phases: heading, preamble, operative part. */
class Classifier {
  readonly problems: ImportProblem[] = [];
  readonly headingItems: HeadingItem[] = [];
  readonly body: BodyParagraph[] = [];
  formula: Run[] | null = null;
  phase: 'heading' | 'preamble' | 'operative' = 'heading';
  private readonly typedLevels = new TypedLevels();

  place(current: BodyLine, next: BodyLine | undefined): void {
    const whole = runsText(current.paragraph.runs);
    if (this.phase === 'heading' && this.stayedInHeading(current, whole)) return;
    if (PAGE_FURNITURE.test(whole) || ['symbol', 'masthead'].includes(headingLineKind(whole))) {
      this.report(current, 'left out: it looks like a page header or footer');
      return;
    }
    if (this.phase === 'preamble' && this.placedInPreamble(current)) return;
    this.phase = 'operative';
    this.placeOperative(current, next);
  }

  /** A heading line, or the formula; false when the preamble or operative part has begun. */
  private stayedInHeading({ paragraph, typed, text }: BodyLine, whole: string): boolean {
    const kind = headingLineKind(whole);
    if (kind === 'formula') {
      this.formula = paragraph.runs;
      this.phase = 'preamble';
      return true;
    }
    const numbered = paragraph.listNumber !== null || typed !== null;
    const bodyBegins = kind === 'other' && (numbered || (hasPreambularLead(text) && text.endsWith(',')));
    if (!bodyBegins) {
      for (const part of headingLineParts(whole)) this.headingItems.push({ kind: headingLineKind(part), text: part, line: paragraph.line });
      return true;
    }
    this.problems.push(problem(paragraph.line, whole, NO_FORMULA));
    this.phase = 'preamble';
    return false;
  }

  /** A preambular paragraph; false once a numbered or verb-first paragraph opens the operative part. */
  private placedInPreamble(current: BodyLine): boolean {
    const { paragraph, typed, runs, text } = current;
    if (paragraph.listNumber !== null || typed !== null) return false;
    const participle = hasPreambularLead(text);
    if (!participle && hasOperativeLead(text)) return false;
    this.body.push({ kind: 'pp', runs, level: 0, line: paragraph.line });
    if (!participle) this.report(current, 'kept as a preambular paragraph, but it does not begin with a participle or adjective');
    else if (!/[,;]$/.test(text)) this.report(current, 'kept as a preambular paragraph, but it does not end with a comma');
    return true;
  }

  /** An operative paragraph at the level its number gives, never deeper than one below the paragraph before. */
  private placeOperative(current: BodyLine, next: BodyLine | undefined): void {
    const { paragraph, typed, runs, text } = current;
    const numberLevel = paragraph.listNumber ? listNumberLevel(paragraph.listNumber) : typed ? this.typedLevels.level(typed, next?.typed ?? null) : null;
    const previous = this.body.at(-1);
    const deepest = previous?.kind === 'op' ? previous.level + 1 : 0;
    if (numberLevel !== null && numberLevel > deepest) this.report(current, 'a sub-paragraph deeper than the paragraph above it allows; moved up');
    if (numberLevel === null && !hasOperativeLead(text)) this.report(current, 'kept as an operative paragraph, but it is not numbered and does not begin with a verb');
    this.body.push({ kind: 'op', runs, level: Math.min(numberLevel ?? 0, deepest), line: paragraph.line });
  }

  private report({ paragraph }: BodyLine, reason: string): void {
    this.problems.push(problem(paragraph.line, runsText(paragraph.runs), reason));
  }
}

/**
 * Sorts the paragraphs of a draft resolution into heading, formula, preambular and operative
 * paragraphs. It never fails on content: what it cannot place, or places by a guess, is listed
 * in `problems` for the facilitator to fix in the editor.
 */
export function classifyParagraphs(paragraphs: readonly SourceParagraph[]): ClassifiedDraft {
  const classifier = new Classifier();
  const lines = paragraphs.map(bodyLine);
  lines.forEach((line, index) => classifier.place(line, lines[index + 1]));

  const { problems, body, formula, phase } = classifier;
  const heading = assembleHeading(classifier.headingItems, problems);
  if (!heading.title) problems.push(problem(0, '', 'no title was found; type it in the heading'));
  if (formula === null && phase === 'heading') problems.push(problem(0, '', 'no enacting formula ("The General Assembly,") was found'));
  if (!body.some((paragraph) => paragraph.kind === 'op')) problems.push(problem(0, '', 'no operative paragraph was found; an empty one was added'));
  return { heading, formula: formula ?? [], body, problems: problems.sort((a, b) => a.line - b.line) };
}
