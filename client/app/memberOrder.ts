/** Anyone listed with a role and a delegation: a member, a person in a draft's room. */
interface Listed {
  role: string;
  delegation: string;
  displayName: string;
}

/** Facilitators first, then delegations, then observers; alphabetically by delegation and name within each. */
export function byRoleThenDelegation(a: Listed, b: Listed): number {
  const rank = (p: Listed) => (p.role === 'facilitator' ? 0 : p.role === 'observer' ? 2 : 1);
  return rank(a) - rank(b) || a.delegation.localeCompare(b.delegation) || a.displayName.localeCompare(b.displayName);
}
