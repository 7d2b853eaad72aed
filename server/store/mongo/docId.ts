import type { IdDoc } from './collections';

/** The record's id becomes the document's _id. */
export function toDoc<R extends { id: string }>(record: R): IdDoc<R> {
  const { id, ...rest } = record;
  return { ...rest, _id: id };
}

/** The document's _id becomes the record's id. */
export function fromDoc<D extends { _id: string }>(doc: D): Omit<D, '_id'> & { id: string } {
  const { _id, ...rest } = doc;
  return { ...rest, id: _id };
}

/** For findOne results: null stays null. */
export function fromDocOrNull<D extends { _id: string }>(doc: D | null): (Omit<D, '_id'> & { id: string }) | null {
  return doc ? fromDoc(doc) : null;
}
