/** One person in a draft's room, as shown in the people panel. */
export interface PresenceEntry {
  userId: string;
  displayName: string;
  delegation: string;
  role: string;
  /** ISO time the person's first open connection joined. */
  since: string;
}

export interface PresenceRoster {
  draftId: string;
  people: PresenceEntry[];
}
