import { MAX_ORAL_REVISION_LENGTH, type OralRevisionInput } from '../../shared/oralRevisions';
import type { ParagraphView } from '../../shared/paragraphs';
import { h } from '../app/dom';
import { errorText } from '../app/errorText';
import { formError } from '../app/formField';

export interface OralRevisionFormOptions {
  /** The delegations of the negotiation: one of them read the revision out. */
  delegations: () => Promise<string[]>;
  submit: (revision: Omit<OralRevisionInput, 'paragraphId'>) => Promise<unknown>;
  close: () => void;
}

/**
 * The facilitator's record of an oral revision of one paragraph: which delegation read it out,
 * the paragraph's new text, an optional note; the server's refusal is shown in place.
 */
export function oralRevisionForm(paragraph: ParagraphView, options: OralRevisionFormOptions): HTMLFormElement {
  const delegation = h('select', { attrs: { name: 'delegation', required: true, 'aria-label': `Delegation revising ${paragraph.label}` } });
  const text = h('textarea', { attrs: { name: 'text', required: true, maxlength: String(MAX_ORAL_REVISION_LENGTH), rows: '4', 'aria-label': `New text of ${paragraph.label}` } });
  text.value = paragraph.text;
  const note = h('input', { attrs: { name: 'note', type: 'text', maxlength: '500', placeholder: 'Note (optional)', 'aria-label': 'Note' } });
  const error = formError();
  const save = h('button', { class: 'button-primary', attrs: { type: 'submit' } }, 'Record oral revision');
  const showError = (failure: unknown) => error.show(errorText(failure));
  options.delegations().then((names) => delegation.append(...names.map((name) => h('option', { attrs: { value: name } }, name))), showError);

  return h(
    'form',
    {
      class: 'oral-revision-form',
      on: {
        submit: (event) => {
          event.preventDefault();
          save.disabled = true;
          error.hide();
          options
            .submit({ delegation: delegation.value, text: text.value.trim(), ...(note.value.trim() ? { note: note.value.trim() } : {}) })
            .then(options.close, showError)
            .finally(() => (save.disabled = false));
        },
      },
    },
    delegation,
    text,
    note,
    error.element,
    h('div', { class: 'form-actions' }, save, h('button', { class: 'button-quiet', attrs: { type: 'button' }, on: { click: options.close } }, 'Cancel')),
  );
}
