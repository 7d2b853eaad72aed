import type { DraftEditing } from '../../shared/proposals';

/** A change of what a room lets through, which every instance's room of the draft must apply from its next frame. */
export type RoomControl =
  | { type: 'paragraph-locked'; paragraphId: string; locked: boolean }
  | { type: 'editing'; editing: DraftEditing };
