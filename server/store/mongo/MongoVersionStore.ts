import { Binary, type Collection, type Filter } from 'mongodb';
import type { VersionMeta, VersionRecord, VersionStore } from '../types';
import { assertKeep } from '../assertKeep';
import { checksumOf } from '../checksum';
import type { StoredDataVerifier } from '../verifyStored';
import type { VersionDoc, VersionMetaDoc } from './collections';
import { fromDoc, toDoc } from './docId';
import { insertUnique } from './insertUnique';

/** Newest first; _id breaks ties so paging with `before` never skips or repeats a version. */
const NEWEST_FIRST = { createdAt: -1, _id: -1 } as const;
const WITHOUT_STATE = { state: 0, checksum: 0 } as const;

export class MongoVersionStore implements VersionStore {
  constructor(
    private readonly versions: Collection<VersionDoc>,
    private readonly verify: StoredDataVerifier,
  ) {}

  async create(version: VersionRecord): Promise<void> {
    const doc = { ...toDoc(version), state: new Binary(version.state), checksum: checksumOf(version.state) };
    await insertUnique(`Version ${version.id}`, () => this.versions.insertOne(doc));
  }

  async list(draftId: string, options: { limit?: number; before?: string } = {}): Promise<VersionMeta[]> {
    const { limit, before } = options;
    // limit(0) would mean "no limit" to MongoDB.
    if (limit !== undefined && limit < 1) return [];
    const filter = before === undefined ? { draftId } : await this.olderThan(draftId, before);
    if (!filter) return [];
    const cursor = this.versions.find<VersionMetaDoc>(filter, { projection: WITHOUT_STATE, sort: NEWEST_FIRST });
    if (limit !== undefined) cursor.limit(limit);
    const docs = await cursor.toArray();
    return docs.map(fromDoc);
  }

  async get(id: string): Promise<VersionRecord | null> {
    const doc = await this.versions.findOne({ _id: id });
    return doc ? this.verify.version({ ...fromDoc(doc), state: doc.state.value(), checksum: doc.checksum ?? null }) : null;
  }

  async latest(draftId: string): Promise<VersionMeta | null> {
    const [newest] = await this.list(draftId, { limit: 1 });
    return newest ?? null;
  }

  async pruneAuto(draftId: string, keep: number): Promise<number> {
    assertKeep(keep);
    const surplus = await this.versions
      .find({ draftId, kind: 'auto' }, { projection: { _id: 1 }, sort: NEWEST_FIRST, skip: keep })
      .toArray();
    if (surplus.length === 0) return 0;
    const { deletedCount } = await this.versions.deleteMany({ _id: { $in: surplus.map((doc) => doc._id) }, kind: 'auto' });
    return deletedCount;
  }

  /** The versions of the draft strictly before `before` in list order; null when `before` is not one of them. */
  private async olderThan(draftId: string, before: string): Promise<Filter<VersionDoc> | null> {
    const pivot = await this.versions.findOne({ _id: before, draftId }, { projection: { createdAt: 1 } });
    if (!pivot) return null;
    return {
      draftId,
      $or: [{ createdAt: { $lt: pivot.createdAt } }, { createdAt: pivot.createdAt, _id: { $lt: before } }],
    };
  }
}
