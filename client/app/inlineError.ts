import { errorText } from './errorText';
import { formError, type FormError } from './formField';

/**
 * An error line next to the controls it concerns (role=alert), and `run` that clears it and
 * shows an action's failure there. `id` as for `formError`.
 */
export function inlineError(className: string, id?: string): FormError & { run: (action: Promise<unknown>) => void } {
  const error = formError(id);
  error.element.classList.add(className);
  const run = (action: Promise<unknown>) => {
    error.hide();
    action.catch((failure: unknown) => error.show(errorText(failure)));
  };
  return { ...error, run };
}
