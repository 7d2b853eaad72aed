import type { VersionSummary } from '../../shared/versions';
import { restoredName } from '../../shared/restoredName';
import { zonedTime } from '../app/time';

/** "Rev.1", "Round: Rev.2", "Restored 29 Nov 2026, 14:05" or "Checkpoint 29 Nov 2026, 14:05". */
export function versionLabel(version: VersionSummary): string {
  if (version.kind === 'named' && version.name) return version.name;
  if (version.kind === 'round') return `Round: ${version.name ?? zonedTime(version.createdAt)}`;
  const when = zonedTime(version.createdAt);
  // The server names a restore "Restored Rev.1" already.
  return version.kind === 'restore' ? `${version.name ? restoredName(version.name) : 'Restored'} (${when})` : `Checkpoint ${when}`;
}
