/**
 * The name of a restore: "Restored Rev.1". Restoring a restore names the original once
 * ("Restored Rev.1", not "Restored Restored Rev.1").
 */
export function restoredName(name: string): string {
  return `Restored ${restoredFrom(name)}`;
}

/** The version a restore brought back, from the restore's name: "Restored Rev.1" → "Rev.1". */
export function restoredFrom(name: string): string {
  return name.replace(/^(Restored )+/, '');
}
