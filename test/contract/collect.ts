/** Everything a stream yields, in order (e.g. DocumentStore.updatesBetween). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
