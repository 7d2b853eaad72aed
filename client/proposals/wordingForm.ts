import { JUSTIFICATION_MAX_LENGTH, PROPOSAL_TEXT_MAX_LENGTH } from '../../shared/proposals';
import { h } from '../app/dom';
import { formError, formField, submitting } from '../app/formField';

export interface WordingFormOptions {
  /** What is being proposed, as the form's heading ("Alternative wording for OP5"). */
  heading: string;
  /** The wording the text area starts with. */
  initial: string;
  submitLabel: string;
  submit: (text: string, justification: string) => Promise<void>;
  close: () => void;
}

/** The small form of "Propose alternative wording" and "Propose new paragraph": the wording and an optional justification. */
export function wordingForm(options: WordingFormOptions): HTMLFormElement {
  const text = h('textarea', { attrs: { name: 'text', required: true, rows: '4', maxlength: String(PROPOSAL_TEXT_MAX_LENGTH) } });
  text.value = options.initial;
  const justification = h('input', { attrs: { name: 'justification', type: 'text', maxlength: String(JUSTIFICATION_MAX_LENGTH) } });
  const error = formError();
  const save = h('button', { class: 'button-primary', attrs: { type: 'submit' } }, options.submitLabel);
  const form = h(
    'form',
    {
      class: 'wording-form',
      attrs: { 'aria-label': options.heading },
      on: {
        submit: (event) => {
          event.preventDefault();
          // One paragraph of wording: line breaks typed in the box become spaces.
          const wording = text.value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
          void submitting(save, error, 'The proposal could not be made', async () => {
            await options.submit(wording, justification.value.trim());
            options.close();
          });
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
