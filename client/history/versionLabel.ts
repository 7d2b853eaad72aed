import type { VersionSummary } from '../../shared/versions';
import { absoluteTime } from '../app/time';

/** "Rev.1", "Round: Rev.2", "Restored 29 Nov 2026, 14:05" or "Checkpoint 29 Nov 2026, 14:05". */
export function versionLabel(version: VersionSummary): string {
  if (version.kind === 'named' && version.name) return version.name;
  if (version.kind === 'round') return `Round: ${version.name ?? absoluteTime(version.createdAt)}`;
  const when = absoluteTime(version.createdAt);
  return version.kind === 'restore' ? `Restored ${version.name ? `${version.name} ` : ''}(${when})` : `Checkpoint ${when}`;
}
