import { distinctFacts } from '../app/distinctFacts';
import { h } from '../app/dom';
import { roleName } from '../app/roleName';
import type { DraftAccess } from '../../shared/negotiations';

/**
 * "Kazakhstan · Delegate" in the header, next to the person's name: each fact once, so the
 * facilitator reads "Facilitator" once, not "Facilitator · Facilitator · Facilitator".
 */
export function accessBadge(access: Pick<DraftAccess, 'delegation' | 'role' | 'negotiationName'>, displayName: string): HTMLElement | null {
  const facts = distinctFacts([access.delegation, roleName(access.role)], [displayName]);
  return facts.length ? h('span', { class: 'access-badge', attrs: { title: access.negotiationName } }, facts.join(' · ')) : null;
}
