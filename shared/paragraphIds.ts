/** A fresh stable paragraph id: short, opaque, unique in practice across concurrent editors. */
export function newParagraphId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return 'p-' + Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 12);
}
