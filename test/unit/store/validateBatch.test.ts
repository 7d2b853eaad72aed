import type { NewUpdate } from '../../../server/store/types';
import { validateBatch } from '../../../server/store/validateBatch';

const valid: NewUpdate = { draftId: 'd1', update: new Uint8Array([1]), authorId: 'u1', at: '2026-03-02T09:00:00.000Z' };

describe('validateBatch', () => {
  it('accepts an empty batch and well-formed entries, Buffers included', () => {
    expect(() => validateBatch([])).not.toThrow();
    expect(() => validateBatch([valid, { ...valid, update: Buffer.alloc(0) }])).not.toThrow();
  });

  it.each([
    ['is not an object', null],
    ['has no draftId', { ...valid, draftId: '' }],
    ['has an update that is not a Uint8Array', { ...valid, update: [1, 2] }],
    ['has an update that is not a Uint8Array', { ...valid, update: new Uint16Array(2) }],
    ['has no authorId', { ...valid, authorId: undefined }],
    ['has no valid time', { ...valid, at: 'yesterday' }],
  ])('rejects an entry that %s, naming its position', (problem, entry) => {
    expect(() => validateBatch([valid, entry as NewUpdate])).toThrow(new TypeError(`Update 1 of the batch ${problem}`));
  });

  it('rejects something that is not an array', () => {
    expect(() => validateBatch(valid as unknown as NewUpdate[])).toThrow(TypeError);
  });
});
