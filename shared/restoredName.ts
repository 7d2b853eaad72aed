/**
 * The name of a restore: "Restored Rev.1". Restoring a restore names the original once
 * ("Restored Rev.1", not "Restored Restored Rev.1").
 */
export function restoredName(name: string): string {
  return `Restored ${name.replace(/^(Restored )+/, '')}`;
}
