import type { Role } from './roles';

/** A signed-in person as every other part of the product sees them. */
export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  /** The delegation the person speaks for ("Kazakhstan", "European Union"), or the secretariat. */
  delegation: string;
  role: Role;
}
