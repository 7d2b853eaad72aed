import { randomUUID } from 'node:crypto';
import type { DraftMember } from '../access/draftMember';
import type { VersionKind, VersionRecord } from '../../store/types';

export interface NewVersion {
  draftId: string;
  kind: VersionKind;
  name: string | null;
  /** null for automatic checkpoints. */
  author: Pick<DraftMember, 'id' | 'delegation'> | null;
  state: Uint8Array;
  seq: number;
  createdAt?: string;
}

/** A version record: its id, its size and who made it follow from what it holds. */
export function newVersion({ draftId, kind, name, author, state, seq, createdAt }: NewVersion): VersionRecord {
  return {
    id: randomUUID(),
    draftId,
    kind,
    name,
    createdAt: createdAt ?? new Date().toISOString(),
    createdBy: author?.id ?? null,
    createdByName: author?.delegation ?? null,
    seq,
    size: state.byteLength,
    state,
  };
}
