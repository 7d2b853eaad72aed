/**
 * Waits for `work` at most `ms` milliseconds; past that, rejects with `onTimeout()`. The work
 * itself goes on (a write is never abandoned), only the caller stops waiting for it.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
