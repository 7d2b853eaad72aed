import { h, replaceChildren } from '../app/dom';
import { byRoleThenDelegation } from '../app/memberOrder';
import { distinctFacts } from '../app/distinctFacts';
import { roleName } from '../app/roleName';
import { distinctColors } from '../../shared/userColor';
import type { PresenceEntry } from '../../shared/presence';

/**
 * Who has the draft open, from the server's presence roster. The dot has the same
 * colour as that person's cursor in the text.
 */
export class PeoplePanel {
  readonly element: HTMLElement;
  private readonly summary = h('p', { class: 'panel-summary', attrs: { 'aria-live': 'polite' } }, 'Connecting…');
  private readonly list = h('ul', { class: 'people' });
  private readonly staleNote = h(
    'p',
    { class: 'panel-note', attrs: { hidden: true } },
    'Reconnecting — this list may be out of date.',
  );

  constructor(private readonly selfId: string) {
    this.element = h('section', { class: 'people-panel' }, this.summary, this.staleNote, this.list);
  }

  show(people: PresenceEntry[]): void {
    const sorted = [...people].sort(byRoleThenDelegation);
    this.summary.textContent = sorted.length === 1 ? 'Only you have this draft open.' : `${sorted.length} people have this draft open.`;
    const colors = distinctColors(sorted.map((person) => person.userId));
    replaceChildren(this.list, ...sorted.map((person) => this.row(person, colors.get(person.userId)!)));
  }

  /** The draft is gone: nobody can have it open, and the list is not coming. */
  unavailable(): void {
    this.summary.textContent = 'This draft is not available.';
    this.staleNote.hidden = true;
    this.list.replaceChildren();
  }

  setLive(live: boolean): void {
    this.staleNote.hidden = live;
    this.element.classList.toggle('is-stale', !live);
  }

  private row(person: PresenceEntry, color: string): HTMLElement {
    const dot = h('span', { class: 'person-dot', attrs: { 'aria-hidden': 'true' } });
    dot.style.backgroundColor = color;
    const isSelf = person.userId === this.selfId;
    const facts = distinctFacts([person.displayName, roleName(person.role)], [person.delegation]).join(' · ');
    return h(
      'li',
      { class: 'person', attrs: { 'data-user-id': person.userId } },
      dot,
      h(
        'div',
        { class: 'person-text' },
        h('span', { class: 'person-delegation' }, person.delegation, isSelf ? h('span', { class: 'person-you' }, ' (you)') : null),
        facts ? h('span', { class: 'person-name' }, facts) : null,
      ),
    );
  }
}
