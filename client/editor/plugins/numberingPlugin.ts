import { Decoration } from 'prosemirror-view';
import { numberParagraphs } from '../../../shared/numbering';
import { derivedDecorations } from './derivedDecorations';

/**
 * Shows the derived numbering: `data-num` ("3.", "(b)") is drawn by CSS before
 * the text, where it cannot be typed over; `data-ref` ("PP4", "OP3(b)") is the
 * reference delegates use; `data-depth` and the CSS variable `--depth` carry
 * the effective sub-paragraph level that the indentation follows.
 */
export function numberingPlugin() {
  return derivedDecorations('numbering', (doc) =>
    numberParagraphs(doc).map((label) => {
      const node = doc.nodeAt(label.pos);
      const attrs: Record<string, string> = {
        'data-ref': label.reference,
        'data-depth': String(label.level),
        style: `--depth: ${label.level}`,
      };
      if (label.printed) attrs['data-num'] = label.printed;
      return Decoration.node(label.pos, label.pos + (node?.nodeSize ?? 0), attrs);
    }),
    { structureOnly: true },
  );
}
