import { h } from './dom';
import { errorText } from './errorText';

/** A labelled input as every form shows it. */
export function formField(label: string, input: HTMLElement, wide = false): HTMLElement {
  return h('label', { class: wide ? 'field field-wide' : 'field' }, h('span', { class: 'field-label' }, label), input);
}

/** The inline error of a form: hidden until `show`, announced when shown. */
export function formError(): { element: HTMLElement; show: (message: string) => void; hide: () => void } {
  const element = h('p', { class: 'form-error', attrs: { role: 'alert', hidden: true } });
  return {
    element,
    show: (message) => {
      element.textContent = message;
      element.hidden = false;
    },
    hide: () => {
      element.hidden = true;
    },
  };
}

/**
 * Runs a form's submission with its submit button disabled meanwhile; a failure is shown in
 * the form's error with the server's message (or the fallback).
 */
export async function submitting(button: HTMLButtonElement, error: ReturnType<typeof formError>, fallback: string, action: () => Promise<void>): Promise<void> {
  error.hide();
  button.disabled = true;
  try {
    await action();
  } catch (failure) {
    error.show(errorText(failure, fallback));
  } finally {
    button.disabled = false;
  }
}
