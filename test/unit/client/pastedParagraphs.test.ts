/** @jest-environment jsdom */
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { pastedParagraphsPlugin } from '../../../client/editor/plugins/pastedParagraphsPlugin';
import { draftDoc, ops } from '../shared/draftFixture';
import { posOf } from './editorState';

function editorAt(text: string, offset = 0): EditorView {
  const doc = draftDoc({ preambular: ['Recalling its resolutions,'], operative: ops('Urges States;', 'Decides to remain seized.') });
  const state = EditorState.create({ doc, plugins: [pastedParagraphsPlugin()] });
  const view = new EditorView(document.body.appendChild(document.createElement('div')), { state });
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, text, offset))));
  return view;
}

/** jsdom has no ClipboardEvent; ProseMirror only reads the event's type. */
const paste = (view: EditorView, html: string) => view.pasteHTML(html, new Event('paste') as ClipboardEvent);

const paragraphs = (view: EditorView, type: string) => {
  const found: string[] = [];
  view.state.doc.descendants((node) => {
    if (node.type.name === type) found.push(node.textContent);
    return !node.isTextblock;
  });
  return found;
};

// What Word puts on the clipboard for numbered paragraphs: the list number as text before each.
const FROM_WORD = `<p class=MsoListParagraph><span style='mso-list:Ignore'>4.<span>&nbsp;&nbsp;&nbsp;</span></span>Requests the Secretary-General to report;</p>
<p class=MsoListParagraph><span style='mso-list:Ignore'>5.<span>&nbsp;&nbsp;&nbsp;</span></span>(a) Decides to continue;</p>`;

describe('pasting numbered paragraphs', () => {
  it('makes each pasted paragraph an operative paragraph of its own, without its typed number', () => {
    const view = editorAt('Decides to remain');
    paste(view, FROM_WORD);
    expect(paragraphs(view, 'operative_paragraph')).toEqual(['Urges States;', 'Requests the Secretary-General to report;', 'Decides to continue;', 'Decides to remain seized.']);
    view.destroy();
  });

  it('makes them preambular paragraphs in the preamble', () => {
    const view = editorAt('Recalling its resolutions,', 'Recalling its resolutions,'.length);
    paste(view, '<p>2. Noting the report,</p><p>3. Bearing in mind the work,</p>');
    expect(paragraphs(view, 'preambular_paragraph')).toEqual(['Recalling its resolutions,Noting the report,', 'Bearing in mind the work,']);
    view.destroy();
  });

  it('leaves a number pasted inside a sentence alone', () => {
    const view = editorAt('States;');
    paste(view, '<p>2. or</p>');
    expect(paragraphs(view, 'operative_paragraph')[0]).toBe('Urges 2. orStates;');
    view.destroy();
  });
});
