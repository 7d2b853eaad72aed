import type { VersionMeta } from './types';

/** What two version names must not share in a draft: case and surrounding spaces do not count ("Rev.2" is " rev.2"). */
export function versionNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * The key a version holds in the store's unique index of names: named versions only. Restores and
 * rounds may repeat a name ("Restored Rev.1" twice), and automatic checkpoints have none.
 */
export function uniqueNameKey({ kind, name }: Pick<VersionMeta, 'kind' | 'name'>): string | null {
  return kind === 'named' && name !== null ? versionNameKey(name) : null;
}
