import { MAX_ORAL_REVISION_LENGTH, type OralRevisionInput } from '../../shared/oralRevisions';
import type { ParagraphView } from '../../shared/paragraphs';
import { h } from '../app/dom';
import { errorText } from '../app/errorText';
import { formError, refuseField, submitting, wordsIn } from '../app/formField';

const NO_DELEGATION = 'Choose the delegation that read the revision out.';
const BLANK = 'Type the paragraph’s new text: it cannot be empty.';

export interface OralRevisionFormOptions {
  /** The delegations of the negotiation: one of them read the revision out. */
  delegations: () => Promise<string[]>;
  submit: (revision: Omit<OralRevisionInput, 'paragraphId'>) => Promise<unknown>;
  close: () => void;
}

/**
 * The facilitator's record of an oral revision of one paragraph: which delegation read it out,
 * the paragraph's new text, an optional note. No delegation or blank text is not sent; that and
 * the server's refusal (about the text) are told in place, about the field they concern.
 */
export function oralRevisionForm(paragraph: ParagraphView, options: OralRevisionFormOptions): HTMLFormElement {
  const delegation = h('select', { attrs: { name: 'delegation', required: true, 'aria-label': `Delegation revising ${paragraph.label}` } });
  const text = h('textarea', { attrs: { name: 'text', required: true, maxlength: String(MAX_ORAL_REVISION_LENGTH), rows: '4', 'aria-label': `New text of ${paragraph.label}` } });
  text.value = paragraph.text;
  const note = h('input', { attrs: { name: 'note', type: 'text', maxlength: '500', placeholder: 'Note (optional)', 'aria-label': 'Note' } });
  const error = formError(`oral-revision-error-${paragraph.id}`);
  const save = h('button', { class: 'button-primary', attrs: { type: 'submit' } }, 'Record oral revision');
  options.delegations().then(
    (names) => delegation.append(...names.map((name) => h('option', { attrs: { value: name } }, name))),
    (failure: unknown) => error.show(errorText(failure), delegation),
  );

  return h(
    'form',
    {
      class: 'oral-revision-form',
      attrs: { novalidate: true },
      on: {
        submit: (event) => {
          event.preventDefault();
          if (!delegation.value) return void refuseField(delegation, error, NO_DELEGATION);
          const revised = wordsIn(text, error, BLANK);
          if (revised === null) return;
          void submitting(
            save,
            error,
            'The oral revision could not be recorded.',
            async () => {
              await options.submit({ delegation: delegation.value, text: revised, ...(note.value.trim() ? { note: note.value.trim() } : {}) });
              options.close();
            },
            text,
          );
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
