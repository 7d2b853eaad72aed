import type { CommentPatch } from './types';

const PATCHABLE = ['text', 'editedAt', 'deletedAt', 'resolvedAt', 'resolvedBy'] as const;

export type CommentPatchField = (typeof PATCHABLE)[number];

/**
 * The fields a patch really sets: only the patchable ones (callers may pass a wider object
 * at runtime) and not those left undefined, which mean "unchanged".
 */
export function commentPatchEntries(patch: CommentPatch): [CommentPatchField, string | null][] {
  return PATCHABLE.filter((field) => patch[field] !== undefined).map((field) => [field, patch[field] ?? null]);
}
