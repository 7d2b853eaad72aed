import { h } from '../app/dom';
import type { SaveStatus } from '../collab/saveStatus';

const TEXT: Record<SaveStatus, { label: string; detail: string }> = {
  saved: { label: 'Saved', detail: 'Every change made on this device is stored on the server.' },
  saving: { label: 'Saving…', detail: 'Your latest changes are on their way to the server and not yet stored there.' },
  'kept-locally': {
    label: 'Not saved, kept on this device',
    detail: 'The server has not stored your latest changes. They are kept in this browser and sent again when the connection returns; do not clear its data.',
  },
};

/** Whether the writer's changes are stored on the server, shown beside the connection state. */
export class SaveIndicator {
  readonly element = h('div', { class: 'save-status', attrs: { role: 'status', 'aria-live': 'polite' } });

  constructor() {
    this.show('saved');
  }

  show(status: SaveStatus): void {
    this.element.dataset.status = status;
    this.element.textContent = TEXT[status].label;
    this.element.title = TEXT[status].detail;
  }
}
