import { h } from '../app/dom';
import type { ConnectionStatus } from '../collab/connectionStatus';

const TEXT: Record<ConnectionStatus, { label: string; detail: string }> = {
  connected: { label: 'Connected', detail: 'Changes are shared with the other delegations as you type.' },
  reconnecting: {
    label: 'Reconnecting…',
    detail: 'Your changes are kept on this device and will be shared when the connection returns.',
  },
  offline: {
    label: 'Offline',
    detail: 'Your changes are kept on this device and will merge with the others when the connection returns.',
  },
};

/** The connection state of the draft, always visible in the header (screen readers hear its changes from Announcements). */
export class ConnectionIndicator {
  readonly element = h('div', { class: 'connection' });
  private readonly label = h('span', { class: 'connection-label' });

  constructor() {
    this.element.append(h('span', { class: 'connection-dot', attrs: { 'aria-hidden': 'true' } }), this.label);
    this.show('reconnecting');
  }

  show(status: ConnectionStatus): void {
    this.element.dataset.status = status;
    this.label.textContent = TEXT[status].label;
    this.element.title = TEXT[status].detail;
  }

  /** The draft is gone (or closed to this person): nothing is connecting any more, so say so. */
  unavailable(): void {
    this.element.dataset.status = 'unavailable';
    this.label.textContent = 'Not available';
    this.element.title = 'This draft cannot be opened; there is nothing to connect to.';
  }
}
