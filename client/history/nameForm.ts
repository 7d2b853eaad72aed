import { VERSION_NAME_MAX_LENGTH } from '../../shared/versions';
import { h } from '../app/dom';

export interface NameFormOptions {
  formClass: string;
  inputName: string;
  placeholder: string;
  /** The input's accessible name. */
  label: string;
  button: string;
  buttonClass: string;
  /** Called with the trimmed name; `clear` empties the input once the action succeeded. */
  onName: (name: string, clear: () => void) => void;
}

/** A one-field form that names something in the history: a version, a round. */
export function nameForm(options: NameFormOptions): HTMLElement {
  const input = h('input', {
    attrs: { name: options.inputName, placeholder: options.placeholder, maxlength: String(VERSION_NAME_MAX_LENGTH), 'aria-label': options.label, required: true },
  });
  const form = h('form', { class: options.formClass }, input, h('button', { class: options.buttonClass, attrs: { type: 'submit' } }, options.button));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    options.onName(input.value.trim(), () => (input.value = ''));
  });
  return form;
}
