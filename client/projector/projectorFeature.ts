import type { EditorView } from 'prosemirror-view';
import type { ProjectorFocus } from '../../shared/projector';
import { ackPromise } from '../api/ackPromise';
import type { RealtimeSocket } from '../api/realtime';
import { h } from '../app/dom';
import { errorText } from '../app/errorText';
import { caretParagraphId, paragraphPos, projectorFocused, projectorFocusPlugin, setProjectorFocus } from './projectorFocusPlugin';

export interface ProjectorFeatureOptions {
  draftId: string;
  socket: RealtimeSocket;
  /** Facilitators project and set the paragraph under discussion; everyone else may follow it. */
  facilitator: boolean;
  /** The page's root element: in projector mode it hides everything but the text. */
  page: HTMLElement;
}

const ACK_TIMEOUT_MS = 10_000;

/**
 * The room view. A facilitator opens the projector view (large type, no other chrome) and the
 * paragraph holding their caret becomes the one under discussion, for the whole room; a
 * participant who ticks "Follow the facilitator" sees that paragraph highlighted and scrolled to.
 */
export class ProjectorFeature {
  /** The header control: the Projector button, or the Follow checkbox. */
  readonly control: HTMLElement;
  readonly plugin;
  private readonly exitBar: HTMLElement;
  private readonly status = h('span', { class: 'projector-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly followBox = h('input', { class: 'projector-follow', attrs: { type: 'checkbox' } });
  private view: EditorView | null = null;
  /** The paragraph under discussion as the server last said. */
  private focused: string | null = null;
  private projecting = false;

  constructor(private readonly options: ProjectorFeatureOptions) {
    this.plugin = projectorFocusPlugin((_view, paragraphId) => {
      if (this.projecting && paragraphId) void this.project(paragraphId);
    });
    this.control = options.facilitator
      ? h('button', { class: 'button-quiet projector-open', attrs: { type: 'button', title: 'Project the text for the room: large type, the paragraph at your caret under discussion' }, on: { click: () => this.setProjecting(true) } }, 'Projector')
      : h('label', { class: 'projector-follow-label', attrs: { title: 'Scroll to and highlight the paragraph the facilitator is discussing' } }, this.followBox, ' Follow the facilitator');
    this.followBox.addEventListener('change', () => this.show());
    this.exitBar = h(
      'div',
      { class: 'projector-bar', attrs: { hidden: true } },
      this.status,
      h('button', { class: 'button-quiet button-small projector-close', attrs: { type: 'button' }, on: { click: () => this.setProjecting(false) } }, 'Leave projector view'),
    );
    options.page.append(this.exitBar);
    options.socket.on('projector:focused', this.onFocused);
  }

  attach(view: EditorView): void {
    this.view = view;
    this.show();
  }

  destroy(): void {
    this.options.socket.off('projector:focused', this.onFocused);
    this.options.page.classList.remove('projector-mode');
    this.view = null;
  }

  private readonly onFocused = (focus: ProjectorFocus) => {
    if (focus.draftId !== this.options.draftId) return;
    this.focused = focus.paragraphId;
    this.show();
  };

  private get highlighting(): boolean {
    return this.projecting || this.followBox.checked;
  }

  private setProjecting(on: boolean): void {
    this.projecting = on;
    this.options.page.classList.toggle('projector-mode', on);
    this.exitBar.hidden = !on;
    const view = this.view;
    if (on && view) {
      const here = caretParagraphId(view.state);
      if (here) void this.project(here);
      view.focus();
    }
    if (!on) (this.control as HTMLButtonElement).focus();
    this.show();
  }

  /** Tells the room the paragraph under discussion; what the room hears comes back as projector:focused. */
  private async project(paragraphId: string): Promise<void> {
    if (paragraphId === this.focused) return;
    try {
      await ackPromise((ack) => this.options.socket.timeout(ACK_TIMEOUT_MS).emit('projector:focus', { draftId: this.options.draftId, paragraphId }, ack));
    } catch (failure) {
      this.status.textContent = `The paragraph could not be put under discussion: ${errorText(failure)}`;
    }
  }

  /** Highlights (and for followers scrolls to) the paragraph under discussion, or nothing. */
  private show(): void {
    const view = this.view;
    if (!view) return;
    const paragraphId = this.highlighting ? this.focused : null;
    if (projectorFocused(view.state) !== paragraphId) view.dispatch(setProjectorFocus(view.state.tr, paragraphId));
    const pos = paragraphId ? paragraphPos(view.state.doc, paragraphId) : -1;
    const element = pos >= 0 ? (view.nodeDOM(pos) as HTMLElement | null) : null;
    if (this.projecting) this.status.textContent = element?.dataset.label ? `Under discussion: ${element.dataset.label}` : 'Put the caret in a paragraph to discuss it';
    if (element && this.followBox.checked) element.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }
}
