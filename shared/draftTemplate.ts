import { ORGANS, type Organ } from './organs';
import { newParagraphId } from './paragraphIds';

/** The content of a resolution as plain data: what a template or the demo draft fills in. */
export interface DraftOutline {
  symbol: string;
  organ: string;
  session: string;
  agendaItem: string;
  sponsors: string;
  title: string;
  formula: string;
  preambular: string[];
  /** Operative paragraphs; a level above 0 makes a sub-paragraph of the one before. */
  operative: Array<{ text: string; level?: number }>;
}

export type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: JsonNode[]; text?: string; marks?: Array<{ type: string }> };

function textNode(text: string): JsonNode[] {
  return text ? [{ type: 'text', text }] : [];
}

function line(type: string, text: string, attrs: Record<string, unknown> = {}): JsonNode {
  return { type, attrs: { id: newParagraphId(), ...attrs }, content: textNode(text) };
}

/** Builds schema-valid ProseMirror JSON for a draft, every paragraph with a fresh stable id. */
export function outlineToDoc(outline: DraftOutline): JsonNode {
  return {
    type: 'doc',
    content: [
      {
        type: 'heading',
        content: [
          line('symbol', outline.symbol),
          line('organ', outline.organ),
          line('session', outline.session),
          line('agenda_item', outline.agendaItem),
        ],
      },
      line('sponsors', outline.sponsors),
      line('title', outline.title),
      {
        type: 'preamble',
        content: [line('formula', outline.formula), ...outline.preambular.map((text) => line('preambular_paragraph', text))],
      },
      {
        type: 'operative',
        content: outline.operative.map((op) => line('operative_paragraph', op.text, { level: op.level ?? 0 })),
      },
    ],
  };
}

/** What a new draft starts from: the parts a drafter fills in, in the right shape, headed for its organ. */
export function blankResolution(title: string, symbol: string, organ: Organ = ORGANS[0]): DraftOutline {
  return {
    symbol,
    organ: organ.heading,
    session: organ.session,
    agendaItem: organ.agendaItem,
    sponsors: 'Draft resolution',
    title,
    formula: organ.formula,
    preambular: ['Recalling '],
    operative: [{ text: 'Decides ' }],
  };
}
