import type { PresenceEntry } from '../../shared/presence';
import type { DraftMember } from './access/draftMember';

/** Who is in which draft: in this process (PresenceRoster) or shared by every instance (RedisPresenceRoster). */
export interface Roster {
  /** Resolves to true when the roster of the draft changed. */
  join(draftId: string, user: DraftMember, connectionId: string): boolean | Promise<boolean>;
  /** Resolves to true when the roster of the draft changed. */
  leave(draftId: string, userId: string, connectionId: string): boolean | Promise<boolean>;
  list(draftId: string): PresenceEntry[] | Promise<PresenceEntry[]>;
}

/** What the people panel shows of a member. */
export function presenceEntryOf(user: DraftMember, since: Date): PresenceEntry {
  return { userId: user.id, displayName: user.displayName, delegation: user.delegation, role: user.role, since: since.toISOString() };
}

/**
 * Who is in which draft. A person with several tabs appears once, from the time their
 * first connection joined, and leaves when their last one does.
 */
export class PresenceRoster implements Roster {
  private readonly drafts = new Map<string, Map<string, { entry: PresenceEntry; connections: Set<string> }>>();

  /** Returns true when the roster of the draft changed. */
  join(draftId: string, user: DraftMember, connectionId: string): boolean {
    const people = this.drafts.get(draftId) ?? new Map();
    this.drafts.set(draftId, people);
    const existing = people.get(user.id);
    if (existing) {
      existing.connections.add(connectionId);
      return false;
    }
    people.set(user.id, { entry: presenceEntryOf(user, new Date()), connections: new Set([connectionId]) });
    return true;
  }

  /** Returns true when the roster of the draft changed. */
  leave(draftId: string, userId: string, connectionId: string): boolean {
    const people = this.drafts.get(draftId);
    const person = people?.get(userId);
    if (!people || !person || !person.connections.delete(connectionId)) return false;
    if (person.connections.size > 0) return false;
    people.delete(userId);
    if (people.size === 0) this.drafts.delete(draftId);
    return true;
  }

  list(draftId: string): PresenceEntry[] {
    return [...(this.drafts.get(draftId)?.values() ?? [])].map((p) => p.entry);
  }
}
