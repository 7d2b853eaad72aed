/** @jest-environment jsdom */
import { ApiError } from '../../../client/api/apiError';
import { exportMenu } from '../../../client/documents/exportMenu';
import type { VersionSummary } from '../../../shared/versions';

const version = (id: string, name: string): VersionSummary => ({ id, draftId: 'd 1', kind: 'named', name, createdAt: '2026-05-20T10:00:00Z', createdByName: 'Facilitator', seq: 1 });

/** Resolves once pending promise callbacks have run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount(download: jest.Mock, versions = async () => [version('v2', 'Rev.2'), version('v1', 'Zero draft')]) {
  const save = jest.fn();
  const menu = exportMenu({ draftId: 'd 1', api: { download }, versions, save });
  document.body.replaceChildren(menu);
  const button = (label: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === label)!;
  return { menu, save, button };
}

describe('the Download menu', () => {
  it('downloads the clean Word file, the compilation and the Akoma Ntoso file under the names the server gives', async () => {
    const blob = new Blob(['x']);
    const download = jest.fn(async () => ({ blob, fileName: 'E_CN.15_2026_L.4.docx' }));
    const { save, button } = mount(download);
    button('Word (clean text)').click();
    await settle();
    expect(download).toHaveBeenCalledWith('/api/drafts/d%201/export.docx?view=clean');
    expect(save).toHaveBeenCalledWith(blob, 'E_CN.15_2026_L.4.docx');
    button('Akoma Ntoso XML').click();
    await settle();
    expect(download).toHaveBeenLastCalledWith('/api/drafts/d%201/export.akn.xml');
    button('Word compilation (pending proposals)').click();
    await settle();
    expect(download).toHaveBeenLastCalledWith('/api/drafts/d%201/export.docx?view=compilation');
  });

  it('asks which version a tracked export shows its changes against', async () => {
    const download = jest.fn(async () => ({ blob: new Blob(['x']), fileName: null }));
    const { save, button } = mount(download);
    button('Word with tracked changes…').click();
    await settle();
    // No empty error box before anything failed.
    expect(document.querySelector<HTMLElement>('.overlay [role="alert"]')!.hidden).toBe(true);
    const select = document.querySelector<HTMLSelectElement>('.overlay select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Rev.2', 'Zero draft']);
    select.value = 'v1';
    document.querySelector<HTMLFormElement>('.overlay form')!.requestSubmit();
    await settle();
    expect(download).toHaveBeenCalledWith('/api/drafts/d%201/export.docx?view=tracked&base=v1');
    expect(save).toHaveBeenCalledWith(expect.any(Blob), 'draft.docx');
    expect(document.querySelector('.overlay')).toBeNull();
  });

  it("shows the server's refusal and keeps the dialog open", async () => {
    const download = jest.fn(async () => {
      throw new ApiError(400, 'the base version is newer than the text exported; choose an older one');
    });
    const { save, button, menu } = mount(download);
    button('Word with tracked changes…').click();
    await settle();
    document.querySelector<HTMLFormElement>('.overlay form')!.requestSubmit();
    await settle();
    expect(save).not.toHaveBeenCalled();
    expect(document.querySelector('.overlay [role="alert"]')!.textContent).toMatch(/base version is newer/);
    expect(document.querySelector<HTMLElement>('.overlay [role="alert"]')!.hidden).toBe(false);
    expect(menu.querySelector('.export-status')!.textContent).toMatch(/base version is newer/);
  });
});
