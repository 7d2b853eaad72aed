import { VERSION_NAME_MAX_LENGTH } from '../../shared/versions';
import { h } from '../app/dom';
import { submitting, wordsIn, type FormError } from '../app/formField';

export interface NameFormOptions {
  formClass: string;
  inputName: string;
  placeholder: string;
  /** The input's accessible name. */
  label: string;
  button: string;
  buttonClass: string;
  /** Where a blank name or the server's refusal is told, about the input. */
  error: FormError;
  /** What the error says when the name is blank: nothing is sent then. */
  blank: string;
  /** Asked before naming; false leaves everything as it was. */
  confirm?: (name: string) => boolean;
  /** Called with the trimmed name; the input is emptied once it resolves. */
  onName: (name: string) => Promise<unknown>;
}

/** A one-field form that names something in the history: a version, a round. */
export function nameForm(options: NameFormOptions): HTMLElement {
  const input = h('input', {
    attrs: { name: options.inputName, placeholder: options.placeholder, maxlength: String(VERSION_NAME_MAX_LENGTH), 'aria-label': options.label, required: true },
  });
  const button = h('button', { class: options.buttonClass, attrs: { type: 'submit' } }, options.button);
  const form = h('form', { class: options.formClass, attrs: { novalidate: true } }, input, button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = wordsIn(input, options.error, options.blank);
    if (name === null || (options.confirm && !options.confirm(name))) return;
    void submitting(
      button,
      options.error,
      'The name could not be given.',
      async () => {
        await options.onName(name);
        input.value = '';
      },
      input,
    );
  });
  return form;
}
