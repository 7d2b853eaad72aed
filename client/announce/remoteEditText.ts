/** Above this many paragraphs one delegation's edits are counted rather than listed. */
const LISTED_AT_MOST = 3;

/** Who edited which paragraphs; `null` when the change came from no one present (the server: a restore, an accepted proposal). */
export type RemoteEdits = ReadonlyMap<string | null, readonly string[]>;

/** "Kazakhstan edited OP3 and OP4. Belarus edited 7 paragraphs. PP2 changed." */
export function remoteEditText(edits: RemoteEdits): string {
  return [...edits]
    .filter(([, labels]) => labels.length > 0)
    .map(([who, labels]) => (who === null ? `${paragraphs(labels)} changed.` : `${who} edited ${paragraphs(labels)}.`))
    .join(' ');
}

function paragraphs(labels: readonly string[]): string {
  if (labels.length > LISTED_AT_MOST) return `${labels.length} paragraphs`;
  if (labels.length === 1) return labels[0];
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
