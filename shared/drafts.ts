/** A draft resolution as listed and opened through the REST API. */
export interface DraftSummary {
  id: string;
  title: string;
  /** Document symbol such as E/CN.15/2026/L.4; empty while none is assigned. */
  symbol: string;
  /** The negotiation the draft belongs to; only its members see it. */
  negotiationId: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
