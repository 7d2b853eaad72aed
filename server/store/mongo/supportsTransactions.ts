import type { Db } from 'mongodb';

/** Multi-document transactions need a replica set or a sharded cluster, not a standalone server. */
export async function supportsTransactions(db: Db): Promise<boolean> {
  const hello = await db.command({ hello: 1 });
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
}
