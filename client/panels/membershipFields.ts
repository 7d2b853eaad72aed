import { h } from '../app/dom';
import { roleName } from '../app/roleName';
import type { Membership } from '../api/negotiationsApi';
import type { Role } from '../../shared/roles';

const ROLES: Role[] = ['facilitator', 'delegate', 'observer'];

/** What the server would name an empty delegation; sent explicitly so an empty field never reaches it. */
function delegationOrDefault({ role, delegation }: Membership): Membership {
  return { role, delegation: delegation.trim() || (role === 'delegate' ? '' : roleName(role)) };
}

/**
 * A role select and a delegation input, labelled for screen readers with `context` ("for
 * Delegate of Brazil"); the delegation is required for delegates, the others default to their role.
 */
export function membershipFields(context: string, initial: Membership = { role: 'delegate', delegation: '' }) {
  const role = h('select', { attrs: { name: 'role', 'aria-label': `Role ${context}` } }, ...ROLES.map((r) => h('option', { attrs: { value: r } }, roleName(r))));
  role.value = initial.role;
  const delegation = h('input', { attrs: { name: 'delegation', maxlength: '100', 'aria-label': `Delegation ${context}`, placeholder: 'Delegation' } });
  delegation.value = initial.delegation;
  const requireDelegation = () => {
    delegation.required = role.value === 'delegate';
  };
  role.addEventListener('change', requireDelegation);
  requireDelegation();
  return {
    role,
    delegation,
    value: (): Membership => delegationOrDefault({ role: role.value as Role, delegation: delegation.value }),
  };
}
