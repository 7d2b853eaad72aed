/** @jest-environment jsdom */
import { distinctColors, userColor } from '../../../shared/userColor';
import { accessBadge } from '../../../client/pages/accessBadge';
import { ConnectionIndicator } from '../../../client/panels/connectionIndicator';
import { draftsList } from '../../../client/panels/draftsList';
import { PeoplePanel } from '../../../client/panels/peoplePanel';
import { Sidebar } from '../../../client/panels/sidebar';
import type { PresenceEntry } from '../../../shared/presence';

const person = (userId: string, delegation: string, role = 'delegate'): PresenceEntry => ({
  userId,
  delegation,
  role,
  displayName: `Delegate of ${delegation}`,
  since: '2026-05-20T10:00:00Z',
});

describe('PeoplePanel', () => {
  it('lists the facilitator first, then delegations alphabetically, each in their cursor colour', () => {
    const panel = new PeoplePanel('u2');
    panel.show([person('u1', 'Nigeria'), person('u2', 'Belarus'), person('u0', 'Facilitator', 'facilitator')]);
    const rows = [...panel.element.querySelectorAll('.person')];
    expect(rows.map((row) => row.querySelector('.person-delegation')?.textContent)).toEqual([
      'Facilitator', 'Belarus (you)', 'Nigeria',
    ]);
    const dot = rows[1].querySelector<HTMLElement>('.person-dot')!;
    expect(dot.style.backgroundColor).toBe(hexToRgb(distinctColors(['u0', 'u1', 'u2']).get('u2')!));
    expect(panel.element.textContent).toContain('3 people have this draft open.');
  });

  it('gives two people present whose own colours clash different dots', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `user-${i}`);
    const other = ids.find((id) => id !== ids[0] && userColor(id) === userColor(ids[0]))!;
    const panel = new PeoplePanel(ids[0]);
    panel.show([person(ids[0], 'Kazakhstan'), person(other, 'Belarus')]);
    const dots = [...panel.element.querySelectorAll<HTMLElement>('.person-dot')].map((dot) => dot.style.backgroundColor);
    expect(dots[0]).not.toBe(dots[1]);
  });

  it('says each fact of a person once', () => {
    const panel = new PeoplePanel('me');
    panel.show([{ ...person('u0', 'Facilitator', 'facilitator'), displayName: 'Facilitator' }, person('u1', 'Nigeria')]);
    expect([...panel.element.querySelectorAll('.person-name')].map((name) => name.textContent)).toEqual(['Delegate of Nigeria · Delegate']);
    expect(accessBadge({ delegation: 'Facilitator', role: 'facilitator', negotiationName: 'CCPCJ' }, 'Facilitator')).toBeNull();
    expect(accessBadge({ delegation: 'Brazil', role: 'delegate', negotiationName: 'CCPCJ' }, 'Ana Souza')?.textContent).toBe('Brazil · Delegate');
  });

  it('never renders names as HTML', () => {
    const panel = new PeoplePanel('me');
    panel.show([person('x', '<img src=x onerror=alert(1)>')]);
    expect(panel.element.querySelector('img')).toBeNull();
  });

  it('marks the list as possibly out of date while reconnecting', () => {
    const panel = new PeoplePanel('me');
    panel.setLive(false);
    expect(panel.element.classList.contains('is-stale')).toBe(true);
    panel.setLive(true);
    expect(panel.element.classList.contains('is-stale')).toBe(false);
  });
});

describe('Sidebar', () => {
  it('shows one panel at a time, the first by default', () => {
    const sidebar = new Sidebar();
    const people = document.createElement('div');
    const comments = document.createElement('div');
    sidebar.addTab({ id: 'people', label: 'People', panel: people });
    sidebar.addTab({ id: 'comments', label: 'Comments', panel: comments });
    const shown = () => [people, comments].map((panel) => !panel.closest<HTMLElement>('[role=tabpanel]')!.hidden);
    expect(shown()).toEqual([true, false]);
    sidebar.element.querySelector<HTMLButtonElement>('#tab-comments')!.click();
    expect(shown()).toEqual([false, true]);
    expect(sidebar.element.querySelector('#tab-comments')?.getAttribute('aria-selected')).toBe('true');
  });

  it('groups sections under a tab: selecting a section shows its tab, and showing the tab refreshes every section', () => {
    const sidebar = new Sidebar();
    const shows: string[] = [];
    sidebar.addTab({ id: 'people', label: 'People', panel: document.createElement('div') });
    sidebar.addTab({ id: 'progress', label: 'Progress', panel: document.createElement('div'), onShow: () => shows.push('progress') });
    const silence = document.createElement('div');
    sidebar.addSection('progress', { id: 'silence', panel: silence, onShow: () => shows.push('silence') });
    const members = document.createElement('div');
    sidebar.addSection('people', { id: 'members', heading: 'Members of the negotiation', panel: members, onShow: () => shows.push('members') });
    // People is on show: its new section is refreshed at once; the hidden Progress tab waits.
    expect(shows).toEqual(['members']);

    // jsdom does no layout: record the scroll that brings the section into view.
    const scrolled = jest.fn();
    silence.closest('section')!.scrollIntoView = scrolled;
    sidebar.select('silence');
    expect(scrolled).toHaveBeenCalledTimes(1);
    expect(sidebar.element.querySelector('#tab-progress')?.getAttribute('aria-selected')).toBe('true');
    expect(silence.closest('[role=tabpanel]')?.id).toBe('panel-progress');
    expect(shows).toEqual(['members', 'progress', 'silence']);
    expect(sidebar.element.querySelectorAll('[role=tab]')).toHaveLength(2);
    const section = members.closest('section')!;
    expect(section.getAttribute('aria-labelledby')).toBe('heading-members');
    expect(section.querySelector('h3')?.textContent).toBe('Members of the negotiation');
    expect(() => sidebar.addSection('nowhere', { id: 'x', panel: document.createElement('div') })).toThrow();
  });
});

describe('ConnectionIndicator', () => {
  it('names the state in words, not only colour', () => {
    const indicator = new ConnectionIndicator();
    indicator.show('offline');
    expect(indicator.element.dataset.status).toBe('offline');
    expect(indicator.element.textContent).toBe('Offline');
    expect(indicator.element.title).toMatch(/kept on this device/);
  });
});

describe('draftsList', () => {
  it('links each draft to its shareable address and shows symbol and last change', () => {
    const table = draftsList(
      [{ id: 'd 1', title: 'Countering trafficking', symbol: 'E/CN.15/2026/L.4', negotiationId: 'n1', createdBy: 'u', createdAt: '', updatedAt: '2026-05-20T11:55:00Z', editing: 'direct' }],
      new Date('2026-05-20T12:00:00Z'),
    );
    expect(table.querySelector('a')?.getAttribute('href')).toBe('/drafts/d%201');
    expect(table.querySelector('.draft-symbol')?.textContent).toBe('E/CN.15/2026/L.4');
    expect(table.querySelector('time')?.textContent).toBe('5 minutes ago');
  });

  it('says when there is nothing yet', () => {
    expect(draftsList([]).textContent).toMatch(/No drafts yet/);
  });
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
