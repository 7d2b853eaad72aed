import type { VersionStore } from '../../store/types';
import { roundBase } from '../labels/stableLabels';

/** The name of the round a draft is in (its newest `round` version), or null before the first round. */
export async function currentRound(versions: VersionStore, draftId: string): Promise<string | null> {
  const base = await roundBase(versions, draftId);
  return base?.kind === 'round' ? base.name : null;
}
