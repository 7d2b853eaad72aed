import { withDeadline } from '../../server/deadline';

/** Fails with a message naming what did not happen, instead of hanging until jest's timeout. */
export const within = <T>(what: string, ms: number, work: Promise<T>) => withDeadline(work, ms, () => new Error(`${what}: nothing within ${ms} ms`));
