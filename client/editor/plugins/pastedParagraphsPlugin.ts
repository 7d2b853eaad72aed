import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';

/**
 * A number typed (or put there by Word's list numbering) at the start of a paragraph: "4. ",
 * "2) ", "(a) ", "iv. ". The editor numbers paragraphs itself, so a pasted one would read "4. 2. Decides".
 */
const TYPED_NUMBER = /^\s*(?:\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)]|\([a-z]{1,2}\)|[ivx]{1,5}[.)]|\([ivx]{1,5}\))\s+/i;

/** The paragraph's inline content without the numbers typed at its start ("5. (a) Decides" → "Decides"). */
function withoutTypedNumbers(paragraph: PMNode): Fragment {
  let content = paragraph.content;
  for (let typed = TYPED_NUMBER.exec(paragraph.textContent); typed; typed = TYPED_NUMBER.exec(content.textBetween(0, content.size))) {
    content = content.cut(typed[0].length);
  }
  return content;
}

/**
 * Paragraphs pasted into the preamble or the operative part (from Word, from another draft)
 * become preambular or operative paragraphs of their own, one per pasted paragraph, without
 * the numbers typed before them. A paste inside a sentence is left as it is.
 */
export function pastedParagraphsPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('pasted-paragraphs'),
    props: {
      transformPasted(slice, view) {
        const { $from } = view.state.selection;
        const target = $from.parent.type;
        const { preambular_paragraph: pp, operative_paragraph: op } = target.schema.nodes;
        if (target !== pp && target !== op) return slice;
        const blocks: PMNode[] = [];
        slice.content.descendants((node) => {
          if (node.isTextblock) blocks.push(node);
          return !node.isTextblock;
        });
        if (blocks.length === 0 || (blocks.length === 1 && $from.parentOffset > 0)) return slice;
        const paragraphs = blocks.map((block) => target.create(target === op ? { level: $from.parent.attrs.level } : null, withoutTypedNumbers(block)));
        // At the start of a paragraph the pasted ones go before it, whole; elsewhere the first and last join the text around.
        return new Slice(Fragment.from(paragraphs), 1, $from.parentOffset === 0 ? 0 : 1);
      },
    },
  });
}
