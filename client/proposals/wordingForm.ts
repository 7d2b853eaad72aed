import { JUSTIFICATION_MAX_LENGTH, PROPOSAL_TEXT_MAX_LENGTH } from '../../shared/proposals';
import { h } from '../app/dom';
import { formError, formField, refuseField, submitting, wordsIn } from '../app/formField';

export interface WordingFormOptions {
  /** What is being proposed, as the form's heading ("Alternative wording for OP5"). */
  heading: string;
  /** The wording the text area starts with. */
  initial: string;
  submitLabel: string;
  submit: (text: string, justification: string) => Promise<void>;
  close: () => void;
}

const BLANK = 'Type the wording you propose: a proposal cannot be empty.';
const UNCHANGED = 'This is the wording as it stands: change it to propose an alternative.';

/** One paragraph of wording: line breaks typed in the box become spaces. */
function oneParagraph(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * The small form of "Propose alternative wording" and "Propose new paragraph": the wording and
 * an optional justification. Blank wording, or the wording it started with, is not sent: the
 * form says why next to the box, as it says why the server refused one.
 */
export function wordingForm(options: WordingFormOptions): HTMLFormElement {
  const text = h('textarea', { attrs: { name: 'text', required: true, rows: '4', maxlength: String(PROPOSAL_TEXT_MAX_LENGTH) } });
  text.value = options.initial;
  const justification = h('input', { attrs: { name: 'justification', type: 'text', maxlength: String(JUSTIFICATION_MAX_LENGTH) } });
  const error = formError('wording-form-error');
  const save = h('button', { class: 'button-primary', attrs: { type: 'submit' } }, options.submitLabel);
  const form = h(
    'form',
    {
      class: 'wording-form',
      attrs: { 'aria-label': options.heading, novalidate: true },
      on: {
        submit: (event) => {
          event.preventDefault();
          if (wordsIn(text, error, BLANK) === null) return;
          const wording = oneParagraph(text.value);
          if (wording === oneParagraph(options.initial)) return void refuseField(text, error, UNCHANGED);
          void submitting(
            save,
            error,
            'The proposal could not be made',
            async () => {
              await options.submit(wording, justification.value.trim());
              options.close();
            },
            text,
          );
        },
        keydown: (event) => {
          if (event.key === 'Escape') options.close();
        },
      },
    },
    h('p', { class: 'wording-form-heading' }, options.heading),
    formField('Wording', text, true),
    formField('Justification (optional)', justification, true),
    error.element,
    h('div', { class: 'form-actions' }, save, h('button', { class: 'button-quiet', attrs: { type: 'button' }, on: { click: options.close } }, 'Cancel')),
  );
  return form;
}
