import type { Node as PMNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { paragraphsNeedingIds, paragraphsOf } from '../../../client/editor/paragraphIds';
import { draftDoc, ops } from '../shared/draftFixture';

function operativePositions(doc: PMNode): number[] {
  return paragraphsOf(doc)
    .filter((p) => p.node.type.name === 'operative_paragraph')
    .map((p) => p.pos);
}

/** A draft whose operative paragraphs carry exactly these ids. */
function withIds(ids: Array<string | null>): PMNode {
  const doc = draftDoc({ preambular: [], operative: ops(...ids.map((_, i) => `Paragraph ${i};`)) });
  const tr = EditorState.create({ doc }).tr;
  operativePositions(doc).forEach((pos, i) => tr.setNodeAttribute(pos, 'id', ids[i]));
  return tr.doc;
}

describe('paragraphsNeedingIds', () => {
  it('lists nothing when every id is present and unique', () => {
    expect(paragraphsNeedingIds(draftDoc({ operative: ops('a;', 'b;', 'c.') }))).toEqual([]);
  });

  it('lists paragraphs without an id', () => {
    const doc = withIds(['p-a', null, 'p-c']);
    expect(paragraphsNeedingIds(doc)).toEqual([operativePositions(doc)[1]]);
  });

  it('keeps the first of a duplicate group unless told which one existed before', () => {
    const doc = withIds(['p-a', 'p-a', 'p-c']);
    const [first, second] = operativePositions(doc);
    expect(paragraphsNeedingIds(doc)).toEqual([second]);
    expect(paragraphsNeedingIds(doc, new Map([['p-a', second]]))).toEqual([first]);
  });
});
