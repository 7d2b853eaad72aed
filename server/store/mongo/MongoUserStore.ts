import type { Collection } from 'mongodb';
import type { UserPatch, UserRecord, UserStore } from '../types';
import type { UserDoc } from './collections';
import { fromDoc, fromDocOrNull, toDoc } from './docId';
import { insertUnique } from './insertUnique';

export class MongoUserStore implements UserStore {
  constructor(private readonly users: Collection<UserDoc>) {}

  async create(user: UserRecord): Promise<void> {
    await insertUnique(`User ${user.username}`, () => this.users.insertOne(toDoc(user)));
  }

  async findByUsername(username: string): Promise<UserRecord | null> {
    return fromDocOrNull(await this.users.findOne({ username }));
  }

  async findById(id: string): Promise<UserRecord | null> {
    return fromDocOrNull(await this.users.findOne({ _id: id }));
  }

  async list(): Promise<UserRecord[]> {
    const docs = await this.users.find().sort({ createdAt: 1, _id: 1 }).toArray();
    return docs.map(fromDoc);
  }

  async count(): Promise<number> {
    return this.users.countDocuments();
  }

  async update(id: string, patch: UserPatch): Promise<UserRecord | null> {
    // Only the fields given: an explicit undefined must not unset a field.
    const set = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    if (Object.keys(set).length === 0) return this.findById(id);
    return fromDocOrNull(await this.users.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' }));
  }

  async remove(id: string): Promise<boolean> {
    return (await this.users.deleteOne({ _id: id })).deletedCount === 1;
  }
}
