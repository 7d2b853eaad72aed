import type { ProposalStatus, ProposalView } from '../../shared/proposals';

/** The draft's proposals as last heard from the server (REST list, then proposal:created / :updated); listeners hear every change. */
export class ProposalStore {
  private readonly proposals = new Map<string, ProposalView>();
  private readonly listeners = new Set<() => void>();

  replaceAll(proposals: ProposalView[]): void {
    this.proposals.clear();
    for (const proposal of proposals) this.proposals.set(proposal.id, proposal);
    this.notify();
  }

  /** Keeps the newer of what it has and what it heard (events and acks can cross on the wire). */
  upsert(proposal: ProposalView): void {
    const known = this.proposals.get(proposal.id);
    if (known && known.updatedAt > proposal.updatedAt) return;
    this.proposals.set(proposal.id, proposal);
    this.notify();
  }

  get(id: string): ProposalView | undefined {
    return this.proposals.get(id);
  }

  /** Oldest first, as the room heard them; optionally of one status. */
  list(status?: ProposalStatus): ProposalView[] {
    return [...this.proposals.values()]
      .filter((proposal) => !status || proposal.status === status)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
