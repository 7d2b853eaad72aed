import type { DraftEditing } from './proposals';

/** A draft resolution as listed and opened through the REST API. */
export interface DraftSummary {
  id: string;
  /** The negotiation that holds it: only its members see it. */
  negotiationId: string;
  title: string;
  /** Document symbol such as E/CN.15/2026/L.4; empty while none is assigned. */
  symbol: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Whether delegates edit the text directly or only through proposals (issue 11). */
  editing: DraftEditing;
}
