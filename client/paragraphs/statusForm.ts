import { PARAGRAPH_STATUSES, type ParagraphStatus, type ParagraphView } from '../../shared/paragraphs';
import { h, replaceChildren } from '../app/dom';
import { errorText } from '../app/errorText';
import { formError, refuseField, submitting } from '../app/formField';
import { statusName } from './statusNames';

const NO_PENDING = 'Tick the delegations the agreement is pending: at least one.';

export interface StatusChoice {
  status: ParagraphStatus;
  pending?: string[];
  note?: string;
}

export interface StatusFormOptions {
  /** The delegations of the negotiation, for "agreed pending". */
  delegations: () => Promise<string[]>;
  submit: (choice: StatusChoice) => Promise<unknown>;
  close: () => void;
}

/**
 * The facilitator's control for one paragraph: the new status, the delegations an
 * agreement still waits for, an optional note. "Agreed pending" without a delegation is not
 * sent; that and the server's refusal are told in place, about the field they concern.
 */
export function statusForm(paragraph: ParagraphView, options: StatusFormOptions): HTMLFormElement {
  const status = h(
    'select',
    { attrs: { name: 'status', 'aria-label': `Status of ${paragraph.label}` } },
    ...PARAGRAPH_STATUSES.map((s) => h('option', { attrs: { value: s, selected: s === paragraph.status } }, statusName(s))),
  );
  const pendingBox = h('fieldset', { class: 'status-pending', attrs: { hidden: true } }, h('legend', {}, 'Pending which delegations?'));
  const note = h('input', { attrs: { name: 'note', type: 'text', maxlength: '500', placeholder: 'Note (optional)', 'aria-label': 'Note' } });
  const error = formError(`status-error-${paragraph.id}`);
  const save = h('button', { class: 'button-primary', attrs: { type: 'submit' } }, 'Set status');

  const showPending = async () => {
    pendingBox.hidden = status.value !== 'agreed_pending';
    if (pendingBox.hidden || pendingBox.querySelector('input, .panel-note')) return;
    try {
      const delegations = await options.delegations();
      replaceChildren(
        pendingBox,
        h('legend', {}, 'Pending which delegations?'),
        ...delegations.map((delegation) =>
          h('label', { class: 'status-pending-choice' }, h('input', { attrs: { type: 'checkbox', name: 'pending', value: delegation, checked: paragraph.pending.includes(delegation) } }), ` ${delegation}`),
        ),
      );
    } catch (failure) {
      pendingBox.append(h('p', { class: 'panel-note' }, errorText(failure)));
    }
  };
  status.addEventListener('change', () => void showPending());

  const form = h(
    'form',
    {
      class: 'status-form',
      attrs: { novalidate: true },
      on: {
        submit: (event) => {
          event.preventDefault();
          const chosen = status.value as ParagraphStatus;
          const boxes = [...pendingBox.querySelectorAll<HTMLInputElement>('input[name=pending]')];
          const pending = boxes.filter((box) => box.checked).map((box) => box.value);
          if (chosen === 'agreed_pending' && pending.length === 0) return void refuseField(boxes[0] ?? status, error, NO_PENDING);
          void submitting(
            save,
            error,
            'The status could not be set.',
            async () => {
              await options.submit({ status: chosen, ...(chosen === 'agreed_pending' ? { pending } : {}), ...(note.value.trim() ? { note: note.value.trim() } : {}) });
              options.close();
            },
            status,
          );
        },
      },
    },
    status,
    pendingBox,
    note,
    error.element,
    h('div', { class: 'form-actions' }, save, h('button', { class: 'button-quiet', attrs: { type: 'button' }, on: { click: options.close } }, 'Cancel')),
  );
  void showPending();
  return form;
}
