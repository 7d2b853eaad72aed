/** @jest-environment jsdom */
import { Router, type PageContext } from '../../../client/app/router';

describe('Router', () => {
  let outlet: HTMLElement;
  let seen: PageContext[];
  let router: Router;
  let stop: () => void;

  beforeEach(() => {
    window.scrollTo = () => undefined;
    history.replaceState(null, '', '/');
    document.body.innerHTML = '';
    outlet = document.body.appendChild(document.createElement('main'));
    seen = [];
    const record = (name: string) => (context: PageContext) => {
      seen.push(context);
      context.outlet.textContent = name;
    };
    router = new Router(outlet, record('not found')).on('/drafts', record('drafts')).on('/drafts/:id/print', record('print'));
    stop = router.start();
  });

  afterEach(() => stop());

  it('mounts the page whose pattern matches, with decoded parameters', () => {
    router.navigate('/drafts/a%2Fb/print?x=1');
    expect(outlet.textContent).toBe('print');
    expect(seen.at(-1)?.params).toEqual({ id: 'a/b' });
    expect(seen.at(-1)?.query.get('x')).toBe('1');
  });

  it('shows the fallback for a malformed escape in a parameter instead of throwing', () => {
    router.navigate('/drafts/%E0%A4%A/print');
    expect(outlet.textContent).toBe('not found');
  });

  it('aborts the previous page so it can release its connections', () => {
    router.navigate('/drafts');
    const first = seen.at(-1)!;
    router.navigate('/drafts/1/print');
    expect(first.signal.aborted).toBe(true);
    expect(seen.at(-1)?.signal.aborted).toBe(false);
  });

  it('falls back for unknown paths', () => {
    router.navigate('/nowhere');
    expect(outlet.textContent).toBe('not found');
  });

  it('follows same-origin links without reloading', () => {
    const link = document.body.appendChild(document.createElement('a'));
    link.href = '/drafts';
    link.click();
    expect(location.pathname).toBe('/drafts');
    expect(outlet.textContent).toBe('drafts');
  });
});
