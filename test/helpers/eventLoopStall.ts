/** Blocks the event loop of this process (a big import, a long GC) for `ms`. */
export function stallEventLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

/** Waits `ms` on the clock: for what must NOT happen in that time (there is no event to await). */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
