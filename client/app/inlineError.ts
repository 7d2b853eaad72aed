import { h } from './dom';
import { errorText } from './errorText';

/** An error line next to the controls it concerns (role=alert), and `run` that clears it and shows an action's failure there. */
export function inlineError(className: string): { element: HTMLElement; run: (action: Promise<unknown>) => void; show: (message: string) => void } {
  const element = h('p', { class: `form-error ${className}`, attrs: { role: 'alert', hidden: true } });
  const show = (message: string) => {
    element.textContent = message;
    element.hidden = false;
  };
  const run = (action: Promise<unknown>) => {
    element.hidden = true;
    action.catch((failure: unknown) => show(errorText(failure)));
  };
  return { element, run, show };
}
