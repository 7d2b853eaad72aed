import type { Collection } from 'mongodb';
import type { ClientIdStore } from '../types';
import type { ClientIdDoc } from './collections';
import { isDuplicateKeyError } from './insertUnique';

export class MongoClientIdStore implements ClientIdStore {
  constructor(private readonly clientIds: Collection<ClientIdDoc>) {}

  async claim(clientId: number, userId: string): Promise<string> {
    try {
      await this.clientIds.insertOne({ _id: clientId, userId, claimedAt: new Date().toISOString() });
      return userId;
    } catch (error) {
      // Bound already (perhaps a moment ago by another instance): the first binding stands.
      if (!isDuplicateKeyError(error)) throw error;
    }
    const bound = await this.clientIds.findOne({ _id: clientId });
    if (!bound) throw new Error(`client id ${clientId} neither inserted nor found`);
    return bound.userId;
  }
}
