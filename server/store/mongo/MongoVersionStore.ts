import { Binary, type Collection, type Filter } from 'mongodb';
import { VersionNameTakenError, type VersionCreateOptions, type VersionMeta, type VersionRecord, type VersionStore } from '../types';
import { assertKeep } from '../assertKeep';
import { checksumOf } from '../checksum';
import { uniqueNameKey } from '../versionNameKey';
import type { StoredDataVerifier } from '../verifyStored';
import type { VersionDoc, VersionMetaDoc } from './collections';
import { NAMED_VERSIONS_INDEX } from './createIndexes';
import { fromDoc, toDoc } from './docId';
import { insertUnique, isDuplicateKeyError } from './insertUnique';

/** Newest first; _id breaks ties so paging with `before` never skips or repeats a version. */
const NEWEST_FIRST = { createdAt: -1, _id: -1 } as const;
const WITHOUT_KEY = { nameKey: 0 } as const;
const WITHOUT_STATE = { state: 0, checksum: 0, ...WITHOUT_KEY } as const;

export class MongoVersionStore implements VersionStore {
  constructor(
    private readonly versions: Collection<VersionDoc>,
    private readonly verify: StoredDataVerifier,
  ) {}

  async create(version: VersionRecord, options: VersionCreateOptions = {}): Promise<void> {
    const nameKey = uniqueNameKey(version, options);
    const doc = { ...toDoc(version), ...(nameKey !== null && { nameKey }), state: new Binary(version.state), checksum: checksumOf(version.state) };
    await insertUnique(`Version ${version.id}`, () =>
      this.versions.insertOne(doc).catch((error: unknown) => {
        // "E11000 duplicate key error collection: … index: versions_named dup key: …": the name's index, not the id's.
        if (isDuplicateKeyError(error) && (error as Error).message.includes(`index: ${NAMED_VERSIONS_INDEX} `)) throw new VersionNameTakenError(version.name!);
        throw error;
      }),
    );
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
    const doc = await this.versions.findOne({ _id: id }, { projection: WITHOUT_KEY });
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
