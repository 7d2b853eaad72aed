import { errorText } from './errorText';
import { formError } from './formField';

/** An error line next to the controls it concerns (role=alert), and `run` that clears it and shows an action's failure there. */
export function inlineError(className: string): { element: HTMLElement; run: (action: Promise<unknown>) => void; show: (message: string) => void } {
  const { element, show, hide } = formError();
  element.classList.add(className);
  const run = (action: Promise<unknown>) => {
    hide();
    action.catch((failure: unknown) => show(errorText(failure)));
  };
  return { element, run, show };
}
