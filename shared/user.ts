/** A signed-in person as every other part of the product sees them (roles are per negotiation). */
export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  /** A server administrator: creates accounts and negotiations, appoints facilitators. */
  admin: boolean;
}
