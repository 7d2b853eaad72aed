/**
 * The file name of an export: the symbol with its slashes as underscores (E/CN.15/2026/L.4 ->
 * E_CN.15_2026_L.4.docx), else a slug of the title, else "draft". Only characters every file
 * system and a Content-Disposition header take.
 */
export function exportFileName(symbol: string, title: string, extension: string): string {
  const fromSymbol = symbol.trim().replace(/\//g, '_').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  const fromTitle = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80).replace(/-$/, '');
  return `${fromSymbol || fromTitle || 'draft'}.${extension}`;
}
