import { h } from './dom';
import { errorText } from './errorText';

/** A labelled input as every form shows it. */
export function formField(label: string, input: HTMLElement, wide = false): HTMLElement {
  return h('label', { class: wide ? 'field field-wide' : 'field' }, h('span', { class: 'field-label' }, label), input);
}

export interface FormError {
  element: HTMLElement;
  /**
   * Shows the message; `field`, when the message is about it, is marked invalid and described
   * by the message (added to its aria-describedby) until `hide`.
   */
  show: (message: string, field?: HTMLElement) => void;
  hide: () => void;
}

/**
 * The inline error of a form: hidden until `show`, announced when shown. `id` (unique in the
 * page) lets a field point at it; an error without one is shown but tied to no field.
 */
export function formError(id?: string): FormError {
  const element = h('p', { class: 'form-error', attrs: { role: 'alert', hidden: true, id } });
  let described: HTMLElement | null = null;
  const hide = () => {
    element.hidden = true;
    if (described) describe(described, describedBy(described).filter((other) => other !== id));
    described?.removeAttribute('aria-invalid');
    described = null;
  };
  return {
    element,
    show: (message, field) => {
      hide();
      element.textContent = message;
      element.hidden = false;
      if (!field || !id) return;
      described = field;
      field.setAttribute('aria-invalid', 'true');
      describe(field, [...describedBy(field), id]);
    },
    hide,
  };
}

/** The ids that describe the field (a hint it already had stays next to the error). */
function describedBy(field: HTMLElement): string[] {
  return (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
}

function describe(field: HTMLElement, ids: string[]): void {
  if (ids.length > 0) field.setAttribute('aria-describedby', ids.join(' '));
  else field.removeAttribute('aria-describedby');
}

/**
 * The field's words, trimmed; when there are none, null, with `message` shown in the form's
 * error about the field and the focus back in it (blank words are never sent: the server
 * would refuse them, and the person must see why nothing happened).
 */
export function wordsIn(field: HTMLInputElement | HTMLTextAreaElement, error: FormError, message: string): string | null {
  return field.value.trim() || refuseField(field, error, message);
}

/** Nothing was sent: `message` says why in the form's error, about the field, and the focus goes back to it. */
export function refuseField(field: HTMLElement, error: FormError, message: string): null {
  error.show(message, field);
  field.focus();
  return null;
}

/**
 * Runs a form's submission with its submit button disabled meanwhile; a failure is shown in
 * the form's error with the server's message (or the fallback), about `field` when given.
 */
export async function submitting(button: HTMLButtonElement, error: FormError, fallback: string, action: () => Promise<void>, field?: HTMLElement): Promise<void> {
  error.hide();
  button.disabled = true;
  try {
    await action();
  } catch (failure) {
    error.show(errorText(failure, fallback), field);
  } finally {
    button.disabled = false;
  }
}
