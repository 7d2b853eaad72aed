import { EditorState } from 'prosemirror-state';
import { enterCommand, outdentAtStart } from '../../../client/editor/commands/enter';
import { insertOperativeParagraph, insertPreambularParagraph } from '../../../client/editor/commands/insertParagraph';
import { toggleBold } from '../../../client/editor/commands/marks';
import { indentSubParagraph, outdentSubParagraph } from '../../../client/editor/commands/subParagraphLevel';
import { draftDoc, ops } from '../shared/draftFixture';
import { allIds, operativeOutline, posOf, run, stateOf, withCursor, withSelection } from './editorState';

const DRAFT = draftDoc({
  preambular: ['Recalling one,', 'Noting two,'],
  operative: ops('Urges States:', [1, 'To alpha;'], [1, 'To beta;'], 'Requests the Office;', 'Decides.'),
});

function expectUniqueIds(state: EditorState) {
  const ids = allIds(state.doc);
  expect(ids.every((id) => typeof id === 'string' && id.startsWith('p-'))).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('insert paragraph commands', () => {
  it('inserts a preambular paragraph after the current one and puts the cursor in it', () => {
    const state = run(withCursor(stateOf(DRAFT), 'Recalling one'), insertPreambularParagraph)!;
    const preamble = state.doc.child(3);
    expect(preamble.content.content.map((n) => n.textContent)).toEqual([
      expect.any(String), 'Recalling one,', '', 'Noting two,',
    ]);
    expect(state.selection.$from.parent).toBe(preamble.child(2));
    expectUniqueIds(state);
  });

  it('inserts a preambular paragraph at the end of the preamble from elsewhere', () => {
    const state = run(withCursor(stateOf(DRAFT), 'Urges'), insertPreambularParagraph)!;
    expect(state.doc.child(3).lastChild?.textContent).toBe('');
    expect(state.doc.child(3).childCount).toBe(4);
  });

  it('inserts an operative paragraph after the current one and its sub-paragraphs; the rest renumber', () => {
    const state = run(withCursor(stateOf(DRAFT), 'To alpha'), insertOperativeParagraph)!;
    expect(operativeOutline(state.doc)).toEqual([
      ['1.', 0, 'Urges States:'],
      ['(a)', 1, 'To alpha;'],
      ['(b)', 1, 'To beta;'],
      ['2.', 0, ''],
      ['3.', 0, 'Requests the Office;'],
      ['4.', 0, 'Decides.'],
    ]);
    expect(state.selection.$from.parent.type.name).toBe('operative_paragraph');
    expect(state.selection.$from.parent.content.size).toBe(0);
    expectUniqueIds(state);
  });

  it('appends an operative paragraph when the cursor is outside the operative part', () => {
    const state = run(withCursor(stateOf(DRAFT), 'Noting two'), insertOperativeParagraph)!;
    expect(operativeOutline(state.doc).at(-1)).toEqual(['4.', 0, '']);
  });
});

describe('sub-paragraph level (Tab / Shift-Tab)', () => {
  it('makes an operative paragraph a sub-paragraph of the one before', () => {
    const state = run(withCursor(stateOf(DRAFT), 'Requests'), indentSubParagraph)!;
    expect(operativeOutline(state.doc)[3]).toEqual(['(c)', 1, 'Requests the Office;']);
    expect(operativeOutline(state.doc)[4][0]).toBe('2.');
  });

  it('goes at most one level below the paragraph before', () => {
    const once = run(withCursor(stateOf(DRAFT), 'To beta'), indentSubParagraph)!;
    expect(operativeOutline(once.doc)[2]).toEqual(['(i)', 2, 'To beta;']);
    expect(run(once, indentSubParagraph)).toBeNull();
  });

  it('never indents the first operative paragraph', () => {
    expect(run(withCursor(stateOf(DRAFT), 'Urges'), indentSubParagraph)).toBeNull();
  });

  it('outdents, and refuses below level 0', () => {
    const state = run(withCursor(stateOf(DRAFT), 'To alpha'), outdentSubParagraph)!;
    expect(operativeOutline(state.doc)[1]).toEqual(['2.', 0, 'To alpha;']);
    expect(run(state, outdentSubParagraph)).toBeNull();
  });

  it('changes every selected paragraph', () => {
    const state = run(withSelection(stateOf(DRAFT), 'To beta', 'Requests'), indentSubParagraph)!;
    expect(operativeOutline(state.doc).slice(1, 4)).toEqual([
      ['(a)', 1, 'To alpha;'],
      ['(i)', 2, 'To beta;'],
      ['(b)', 1, 'Requests the Office;'],
    ]);
  });

  it('does nothing outside the operative part', () => {
    expect(run(withCursor(stateOf(DRAFT), 'Recalling'), indentSubParagraph)).toBeNull();
  });
});

describe('Enter', () => {
  it('splits a sub-paragraph into two at the same level, each with its own id', () => {
    const before = withCursor(stateOf(DRAFT), 'To alpha', 3);
    const originalId = before.selection.$from.parent.attrs.id;
    const state = run(before, enterCommand)!;
    expect(operativeOutline(state.doc).slice(1, 4)).toEqual([
      ['(a)', 1, 'To '],
      ['(b)', 1, 'alpha;'],
      ['(c)', 1, 'To beta;'],
    ]);
    expect(state.doc.nodeAt(posOf(state.doc, 'To ') - 1)?.attrs.id).toBe(originalId);
    expectUniqueIds(state);
  });

  it('at the start of a paragraph opens an empty one above and the text keeps its id', () => {
    const before = withCursor(stateOf(DRAFT), 'Requests');
    const id = before.selection.$from.parent.attrs.id;
    const state = run(before, enterCommand)!;
    expect(operativeOutline(state.doc).slice(3, 5)).toEqual([
      ['2.', 0, ''],
      ['3.', 0, 'Requests the Office;'],
    ]);
    expect(state.doc.nodeAt(posOf(state.doc, 'Requests') - 1)?.attrs.id).toBe(id);
    expectUniqueIds(state);
  });

  it('in an empty sub-paragraph lifts it a level', () => {
    const split = run(withCursor(stateOf(DRAFT), 'To beta;', 'To beta;'.length), enterCommand)!;
    expect(operativeOutline(split.doc)[3]).toEqual(['(c)', 1, '']);
    const lifted = run(split, enterCommand)!;
    expect(operativeOutline(lifted.doc)[3]).toEqual(['2.', 0, '']);
  });

  it('at the end of the enacting formula starts a preambular paragraph', () => {
    const formula = DRAFT.child(3).child(0).textContent;
    const state = run(withCursor(stateOf(DRAFT), formula, formula.length), enterCommand)!;
    expect(state.doc.child(3).child(1).type.name).toBe('preambular_paragraph');
    expect(state.doc.child(3).child(1).textContent).toBe('');
  });

  it('in a one-line part of the heading moves on to the next line', () => {
    const state = run(withCursor(stateOf(DRAFT), 'E/CN.15', 3), enterCommand)!;
    expect(state.doc.eq(DRAFT)).toBe(true);
    expect(state.selection.$from.parent.type.name).toBe('organ');
  });
});

describe('Backspace at the start of a sub-paragraph', () => {
  it('lifts it one level', () => {
    const state = run(withCursor(stateOf(DRAFT), 'To beta'), outdentAtStart)!;
    expect(operativeOutline(state.doc)[2]).toEqual(['2.', 0, 'To beta;']);
  });

  it('leaves operative paragraphs and mid-text positions to the normal Backspace', () => {
    expect(run(withCursor(stateOf(DRAFT), 'Requests'), outdentAtStart)).toBeNull();
    expect(run(withCursor(stateOf(DRAFT), 'To beta', 2), outdentAtStart)).toBeNull();
  });
});

describe('marks', () => {
  it('sets bold on a selection inside a paragraph', () => {
    const state = run(withSelection(stateOf(DRAFT), 'Requests', 'Requests'), toggleBold)!;
    const from = posOf(state.doc, 'Requests');
    expect(state.doc.rangeHasMark(from, from + 'Requests'.length, state.schema.marks.strong)).toBe(true);
  });

  it('is not offered in the heading lines', () => {
    expect(run(withSelection(stateOf(DRAFT), 'E/CN', 'E/CN'), toggleBold)).toBeNull();
  });
});
