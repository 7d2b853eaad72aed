/** @jest-environment jsdom */
import { EditorState, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { paragraphStatusKey, paragraphStatusPlugin, type StatusUpdate } from '../../../client/editor/plugins/paragraphStatusPlugin';
import { numberParagraphs } from '../../../shared/numbering';
import type { ParagraphStatus } from '../../../shared/paragraphs';
import { draftDoc, ops } from '../shared/draftFixture';
import { paragraphView } from './paragraphViews';
import { posOf, stateOf } from './editorState';

const DRAFT = draftDoc({ preambular: ['Recalling one,'], operative: ops('Urges States;', 'Requests the Secretariat;', [1, 'to report;']) });

/** The draft with ids, a status plugin, and OP2 and OP2(a) given the statuses. */
function setup({ headingLocked = false, op2 = 'agreed_ad_ref' as ParagraphStatus } = {}) {
  const withIds = stateOf(DRAFT).apply(stateOf(DRAFT).tr);
  const ids = numberParagraphs(withIds.doc).map((label) => label.id!);
  const [pp1, op1, op2Id, op2a] = ids;
  let state = EditorState.create({ doc: withIds.doc, plugins: [paragraphStatusPlugin({ headingLocked })] });
  const update: StatusUpdate = {
    paragraphs: [
      paragraphView(pp1, 'PP1', 'informals'),
      paragraphView(op1, 'OP1', 'open'),
      paragraphView(op2Id, 'OP2', op2, op2 === 'agreed_pending' ? { pending: ['United States'] } : {}),
      paragraphView(op2a, 'OP2(a)', 'reopened'),
    ],
  };
  state = state.apply(state.tr.setMeta(paragraphStatusKey, update));
  return { state };
}

const typeAt = (state: EditorState, text: string) => state.tr.insertText('X', posOf(state.doc, text));
const remote = (tr: Transaction) => tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });

describe('paragraphStatusPlugin', () => {
  it('refuses a local keystroke inside an agreed paragraph and lets one elsewhere through', () => {
    const { state } = setup();
    expect(state.apply(typeAt(state, 'Requests')).doc.eq(state.doc)).toBe(true);
    expect(state.apply(typeAt(state, 'Urges')).doc.textContent).toContain('XUrges');
    expect(state.apply(typeAt(state, 'to report')).doc.textContent).toContain('Xto report');
  });

  it('applies the same change when it comes through Yjs (the facilitator reopened it, the server sent it)', () => {
    const { state } = setup();
    expect(state.apply(remote(typeAt(state, 'Requests'))).doc.textContent).toContain('XRequests');
  });

  it('locks agreed pending paragraphs as well, and refuses attribute changes, marks and joins', () => {
    const { state } = setup({ op2: 'agreed_pending' });
    const op2Pos = posOf(state.doc, 'Requests') - 1;
    const bold = state.schema.marks.strong.create();
    const from = posOf(state.doc, 'Requests');
    const refused = [
      state.tr.setNodeMarkup(op2Pos, undefined, { ...state.doc.nodeAt(op2Pos)!.attrs, level: 1 }),
      state.tr.setNodeAttribute(op2Pos, 'level', 1),
      state.tr.addMark(from, from + 8, bold),
      // Backspace at the start of OP2(a) joins it into OP2.
      state.tr.join(posOf(state.doc, 'to report') - 1),
      // A selection from OP1 into OP2, deleted.
      state.tr.delete(posOf(state.doc, 'States'), posOf(state.doc, 'Secretariat')),
    ];
    for (const tr of refused) expect(state.apply(tr).doc.eq(state.doc)).toBe(true);
  });

  it('makes the heading read-only for delegates, not for facilitators', () => {
    const delegate = setup({ headingLocked: true }).state;
    expect(delegate.apply(typeAt(delegate, 'E/CN.15')).doc.eq(delegate.doc)).toBe(true);
    expect(delegate.apply(typeAt(delegate, 'A test draft')).doc.eq(delegate.doc)).toBe(true);
    expect(delegate.apply(remote(typeAt(delegate, 'E/CN.15'))).doc.textContent).toContain('XE/CN.15');
    const facilitator = setup({ headingLocked: false }).state;
    expect(facilitator.apply(typeAt(facilitator, 'E/CN.15')).doc.textContent).toContain('XE/CN.15');
  });

  it('draws a worded badge per paragraph, marks locked text read-only and dims what the filter leaves out', () => {
    const { state } = setup({ headingLocked: true });
    const mount = document.body.appendChild(document.createElement('div'));
    const view = new EditorView(mount, { state });
    const badge = (text: string) => [...view.dom.querySelectorAll('p')].find((p) => p.textContent?.includes(text))!;
    expect(badge('Requests').querySelector('.status-badge')?.getAttribute('data-badge')).toBe('● agreed ad ref');
    expect(badge('Requests').textContent).toBe('Requests the Secretariat;');
    expect(badge('Requests').classList).toContain('is-locked');
    expect(badge('Requests').getAttribute('data-locked')).toBe('true');
    expect(badge('Requests').querySelector('.status-badge')?.getAttribute('aria-label')).toBe('Status: agreed ad ref');
    expect(badge('Recalling').querySelector('.status-badge')?.getAttribute('data-badge')).toBe('◐ informals');
    expect(badge('to report').querySelector('.status-badge')?.getAttribute('data-badge')).toBe('↺ reopened');
    expect(view.dom.querySelector('.symbol')?.classList).toContain('is-locked');

    view.dispatch(view.state.tr.setMeta(paragraphStatusKey, { filter: 'agreed' } satisfies StatusUpdate));
    expect([...view.dom.querySelectorAll('.is-dimmed')].map((p) => p.getAttribute('data-status'))).toEqual(['informals', 'open', 'reopened']);
    view.destroy();
  });
});
