import type { Member, NegotiationDetail, NegotiationSummary } from '../../shared/negotiations';
import type { Role } from '../../shared/roles';
import type { PublicUser } from '../../shared/user';
import type { ApiClient } from './apiClient';

export interface NewNegotiation {
  name: string;
  body: string;
  startsOn?: string;
  endsOn?: string;
}

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
}

/** A role in a negotiation; the server fills in "Facilitator" or "Observer" when delegation is empty. */
export interface Membership {
  role: Role;
  delegation: string;
}

/** Negotiations, their members and (for administrators) accounts. */
export class NegotiationsApi {
  constructor(private readonly api: Pick<ApiClient, 'request'>) {}

  async list(): Promise<NegotiationSummary[]> {
    return (await this.api.request<{ negotiations: NegotiationSummary[] }>('GET', '/api/negotiations')).negotiations;
  }

  get(id: string): Promise<NegotiationDetail> {
    return this.api.request('GET', negotiationPath(id));
  }

  async create(negotiation: NewNegotiation): Promise<NegotiationSummary> {
    return (await this.api.request<{ negotiation: NegotiationSummary }>('POST', '/api/negotiations', negotiation)).negotiation;
  }

  /** Adds the account to the negotiation, or changes its role and delegation there. */
  async setMember(negotiationId: string, userId: string, membership: Membership): Promise<Member> {
    return (await this.api.request<{ member: Member }>('PUT', memberPath(negotiationId, userId), membership)).member;
  }

  async removeMember(negotiationId: string, userId: string): Promise<void> {
    await this.api.request('DELETE', memberPath(negotiationId, userId));
  }

  async users(): Promise<PublicUser[]> {
    return (await this.api.request<{ users: PublicUser[] }>('GET', '/api/users')).users;
  }

  async createUser(account: NewAccount): Promise<PublicUser> {
    return (await this.api.request<{ user: PublicUser }>('POST', '/api/users', account)).user;
  }
}

function negotiationPath(id: string): string {
  return `/api/negotiations/${encodeURIComponent(id)}`;
}

function memberPath(negotiationId: string, userId: string): string {
  return `${negotiationPath(negotiationId)}/members/${encodeURIComponent(userId)}`;
}
