/** @jest-environment jsdom */
import { keepPagePlace } from '../../../client/pages/pagePlace';
import { Sidebar } from '../../../client/panels/sidebar';

/** The sidebar and text of a draft's page as a reload builds them afresh. */
function page() {
  const sidebar = new Sidebar();
  for (const id of ['people', 'comments', 'history']) sidebar.addTab({ id, label: id, panel: document.createElement('section') });
  const text = document.createElement('main');
  const place = keepPagePlace(sessionStorage, 'd1', { sidebar: sidebar.element, scrollers: [text, sidebar.element] });
  const selected = () => sidebar.element.querySelector('[aria-selected="true"]')?.id;
  return { sidebar, text, place, selected };
}

const flushObservers = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the place on a draft page across a reload', () => {
  beforeEach(() => sessionStorage.clear());

  it('opens the tab that was open and scrolls the text and the panel back', async () => {
    const before = page();
    expect(before.selected()).toBe('tab-people');
    before.sidebar.select('history');
    await flushObservers();
    before.text.scrollTop = 1200;
    before.sidebar.element.scrollTop = 300;
    window.dispatchEvent(new Event('pagehide'));
    before.place.stop();

    const after = page();
    expect(after.selected()).toBe('tab-history');
    after.place.restoreScroll();
    expect([after.text.scrollTop, after.sidebar.element.scrollTop]).toEqual([1200, 300]);
    after.place.stop();
  });

  it('starts at the first tab when what was kept cannot be read', () => {
    sessionStorage.setItem('page-place:d1', '{not json');
    const { selected, place } = page();
    expect(selected()).toBe('tab-people');
    place.stop();
  });
});
