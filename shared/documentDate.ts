/** "1 December 2026", as UN documents print their date (the UTC day of an ISO time). */
export function formatDocumentDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
