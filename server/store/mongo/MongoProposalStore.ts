import type { Collection, Filter } from 'mongodb';
import type { ProposalEvent, ProposalStatus } from '../../../shared/proposals';
import { proposalPatchEntries } from '../proposalPatchEntries';
import type { ProposalPatch, ProposalRecord, ProposalStore } from '../types';
import type { ProposalDoc } from './collections';
import { fromDoc, fromDocOrNull, toDoc } from './docId';
import { insertUnique } from './insertUnique';

export class MongoProposalStore implements ProposalStore {
  constructor(private readonly proposals: Collection<ProposalDoc>) {}

  async create(proposal: ProposalRecord): Promise<void> {
    await insertUnique(`Proposal ${proposal.id}`, () => this.proposals.insertOne(toDoc(proposal)));
  }

  async get(id: string): Promise<ProposalRecord | null> {
    return fromDocOrNull(await this.proposals.findOne({ _id: id }));
  }

  async update(id: string, expectedStatus: ProposalStatus, patch: ProposalPatch, event: ProposalEvent, expectedEvents?: number): Promise<ProposalRecord | null> {
    const entries = proposalPatchEntries(patch);
    // One document update checks the status (and the event count), sets the patch and appends the event; an empty $set is an error.
    const doc = await this.proposals.findOneAndUpdate(
      { _id: id, status: expectedStatus, ...(expectedEvents !== undefined && { events: { $size: expectedEvents } }) },
      { ...(entries.length > 0 ? { $set: Object.fromEntries(entries) } : {}), $push: { events: event } },
      { returnDocument: 'after' },
    );
    return fromDocOrNull(doc);
  }

  async listByDraft(draftId: string, status?: ProposalStatus): Promise<ProposalRecord[]> {
    const filter: Filter<ProposalDoc> = status === undefined ? { draftId } : { draftId, status };
    // _id breaks ties between proposals made in the same millisecond, as in the SQLite adapter.
    const docs = await this.proposals.find(filter).sort({ createdAt: 1, _id: 1 }).toArray();
    return docs.map(fromDoc);
  }

  async countPending(draftId: string, delegation: string): Promise<number> {
    return this.proposals.countDocuments({ draftId, delegation, status: 'pending' });
  }

  async countByAuthorSince(draftId: string, authorId: string, since: string): Promise<number> {
    return this.proposals.countDocuments({ draftId, authorId, createdAt: { $gte: since } });
  }
}
