import type { VersionCreateOptions, VersionMeta } from './types';

/** What two version names must not share in a draft: case and surrounding spaces do not count ("Rev.2" is " rev.2"). */
export function versionNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * The key a version holds in the store's unique index of names: only names a facilitator gives
 * (VersionCreateOptions.uniqueName). Restores and rounds may repeat a name ("Restored Rev.1" twice),
 * a silence procedure names each outcome the same way ("Silence broken by Kazakhstan"), and
 * automatic checkpoints have none.
 */
export function uniqueNameKey({ name }: Pick<VersionMeta, 'name'>, { uniqueName = false }: VersionCreateOptions): string | null {
  return uniqueName && name !== null ? versionNameKey(name) : null;
}
