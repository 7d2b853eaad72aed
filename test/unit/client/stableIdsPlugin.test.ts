import { ySyncPluginKey } from 'y-prosemirror';
import { draftDoc, ops } from '../shared/draftFixture';
import { allIds, posOf, stateOf } from './editorState';

const DRAFT = draftDoc({ preambular: ['Recalling one,'], operative: ops('Urges;', 'Requests;', 'Decides.') });

function opAt(doc: typeof DRAFT, text: string) {
  const pos = posOf(doc, text) - 1;
  return { pos, node: doc.nodeAt(pos)! };
}

describe('stableIdsPlugin', () => {
  it('gives a paragraph inserted without an id a fresh one', () => {
    const state = stateOf(DRAFT);
    const { pos } = opAt(DRAFT, 'Requests');
    const next = state.apply(state.tr.insert(pos, state.schema.nodes.operative_paragraph.create(null, state.schema.text('New;'))));
    expect(opAt(next.doc, 'New;').node.attrs.id).toMatch(/^p-[0-9a-z]+$/);
    expect(new Set(allIds(next.doc)).size).toBe(allIds(next.doc).length);
  });

  it('lets the original keep its id when a copy is pasted above it', () => {
    const state = stateOf(DRAFT);
    const original = opAt(DRAFT, 'Decides');
    const first = opAt(DRAFT, 'Urges');
    const next = state.apply(state.tr.insert(first.pos, original.node.copy(original.node.content)));
    const ids = allIds(next.doc);
    expect(new Set(ids).size).toBe(ids.length);
    // The copy is now the first operative paragraph; the original, further down, kept its id.
    const [copy, ...rest] = next.doc.child(4).content.content;
    expect(copy.attrs.id).not.toBe(original.node.attrs.id);
    expect(rest.at(-1)?.attrs.id).toBe(original.node.attrs.id);
  });

  it('leaves changes from other delegations to their authors', () => {
    const state = stateOf(DRAFT);
    const { pos } = opAt(DRAFT, 'Requests');
    const remote = state.tr
      .insert(pos, state.schema.nodes.operative_paragraph.create(null, state.schema.text('Remote;')))
      .setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(opAt(state.apply(remote).doc, 'Remote;').node.attrs.id).toBeNull();
  });

  it('does nothing when the document did not change', () => {
    const state = stateOf(DRAFT);
    const next = state.apply(state.tr.setMeta('noop', true));
    expect(next.doc).toBe(state.doc);
  });
});
