import type { ProposalPatch } from './types';

const PATCHABLE = ['status', 'text', 'anchor', 'justification', 'supporters', 'objectors', 'decidedBy', 'result', 'updatedAt'] as const;

export type ProposalPatchField = (typeof PATCHABLE)[number];

export type ProposalPatchEntry = { [F in ProposalPatchField]: [F, NonNullable<ProposalPatch[F]> | null] }[ProposalPatchField];

/**
 * The fields a patch really sets: only the patchable ones (a wider object passed at runtime
 * cannot rewrite `events`, the author or the id) and not those left undefined ("unchanged").
 */
export function proposalPatchEntries(patch: ProposalPatch): ProposalPatchEntry[] {
  return PATCHABLE.filter((field) => patch[field] !== undefined).map((field) => [field, patch[field] ?? null] as ProposalPatchEntry);
}
