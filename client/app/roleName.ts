const ROLE_NAMES: Record<string, string> = {
  facilitator: 'Facilitator',
  delegate: 'Delegate',
  observer: 'Observer',
};

/** The word shown for a role; an unknown role from a newer server is shown as it comes. */
export function roleName(role: string): string {
  return ROLE_NAMES[role] ?? role;
}
