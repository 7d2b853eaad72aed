import { exportFileName } from '../../../server/documents/exportFileName';

describe('the file name of an export', () => {
  it('is the symbol with its slashes as underscores', () => {
    expect(exportFileName('E/CN.15/2026/L.4', 'Countering trafficking', 'docx')).toBe('E_CN.15_2026_L.4.docx');
    expect(exportFileName('A/C.3/73/L.12/Rev.1', '', 'akn.xml')).toBe('A_C.3_73_L.12_Rev.1.akn.xml');
  });

  it('falls back to a slug of the title, then to "draft", and never carries quotes or path parts', () => {
    expect(exportFileName('  ', 'Coopération entre autorités "centrales"', 'docx')).toBe('cooperation-entre-autorites-centrales.docx');
    expect(exportFileName('', '', 'docx')).toBe('draft.docx');
    expect(exportFileName('../"x"\r\n', '', 'docx')).toBe('_-x.docx');
  });
});
