/** What a user may do in a draft. */
export type Role = 'facilitator' | 'delegate' | 'observer';

/** Observers read; only facilitators and delegates change the text. */
export function canEditText(role: Role): boolean {
  return role !== 'observer';
}

/** Only a delegation that takes part may comment; observers watch. */
export function canComment(role: Role): boolean {
  return role !== 'observer';
}

/** Naming versions, restoring and resolving others' threads belong to the chair. */
export function isFacilitator(role: Role): boolean {
  return role === 'facilitator';
}
