import type { MongoClientOptions } from 'mongodb';

export interface MongoTimeouts {
  /** How long an operation waits to find a usable server (primary) before failing. */
  serverSelectionMs: number;
  /** Bounds one round trip, the wait for a pooled connection and the wait for a majority to acknowledge a write. */
  operationMs: number;
}

/**
 * Client options for a store that must not lose an acknowledged write: every write waits until a
 * majority has it in its on-disk journal (on a standalone server: until it is journaled), reads
 * see only majority-committed data (never something a failover can roll back), and nothing
 * waits forever on a server that stopped answering. The driver (7.x) ignores `timeoutMS`, so
 * the bounds are set one by one.
 */
export function mongoClientOptions(timeouts: MongoTimeouts): MongoClientOptions {
  return {
    writeConcern: { w: 'majority', journal: true, wtimeoutMS: timeouts.operationMs },
    readConcern: { level: 'majority' },
    serverSelectionTimeoutMS: timeouts.serverSelectionMs,
    connectTimeoutMS: timeouts.serverSelectionMs,
    socketTimeoutMS: timeouts.operationMs,
    waitQueueTimeoutMS: timeouts.operationMs,
  };
}
