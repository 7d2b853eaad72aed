import type { DraftSummary } from '../../shared/drafts';
import type { DraftAccess } from '../../shared/negotiations';
import type { OrganId } from '../../shared/organs';
import type { PublicUser } from '../../shared/user';
import { ApiError } from './apiError';

export interface ApiClientOptions {
  token: () => string | null;
  /** Called when the server refuses the token (expired or revoked): the app goes back to sign-in. */
  onUnauthorized: () => void;
  fetch?: typeof fetch;
}

export interface NewDraft {
  title: string;
  symbol?: string;
  organ?: OrganId;
}

const UNREACHABLE = 'The server cannot be reached. Check your connection and try again.';

/** The REST API of the workspace; every method resolves with the payload or rejects with an ApiError. */
export class ApiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  login(username: string, password: string): Promise<{ token: string; user: PublicUser }> {
    return this.request('POST', '/api/login', { username, password }, false);
  }

  async listDrafts(): Promise<DraftSummary[]> {
    return (await this.request<{ drafts: DraftSummary[] }>('GET', '/api/drafts')).drafts;
  }

  /** A new draft in a negotiation the caller facilitates. */
  async createDraft(negotiationId: string, draft: NewDraft): Promise<DraftSummary> {
    return (await this.request<{ draft: DraftSummary }>('POST', `/api/negotiations/${encodeURIComponent(negotiationId)}/drafts`, draft)).draft;
  }

  /** The draft and what the caller may do in it (a 404 for a draft outside the caller's negotiations). */
  getDraft(id: string): Promise<{ draft: DraftSummary; access: DraftAccess }> {
    return this.request('GET', `/api/drafts/${encodeURIComponent(id)}`);
  }

  /** A single-use ticket for one connection to the draft's Yjs channel, so the session token stays out of URLs. */
  async draftTicket(id: string): Promise<string> {
    return (await this.request<{ ticket: string; expiresAt: string }>('POST', `/api/drafts/${encodeURIComponent(id)}/ticket`)).ticket;
  }

  async changePassword(oldPassword: string, newPassword: string): Promise<void> {
    await this.request('POST', '/api/me/password', { oldPassword, newPassword });
  }

  /** One JSON request (or a FormData upload); other API modules (DraftApi) build on it so errors and sign-out behave alike. */
  async request<T>(method: string, path: string, body?: unknown, authenticated = true): Promise<T> {
    const response = await this.send(method, path, { Accept: 'application/json' }, body, authenticated);
    return (await response.json().catch(() => null)) as T;
  }

  /** A file from the API (an export) and the name the server gave it; errors as for request(). */
  async download(path: string): Promise<{ blob: Blob; fileName: string | null }> {
    const response = await this.send('GET', path, {}, undefined, true);
    return { blob: await response.blob(), fileName: attachmentName(response.headers.get('content-disposition')) };
  }

  private async send(method: string, path: string, headers: Record<string, string>, body: unknown, authenticated: boolean): Promise<Response> {
    // A form (a file upload) sets its own multipart content type and boundary.
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
    const token = this.options.token();
    if (authenticated && token) headers.Authorization = `Bearer ${token}`;

    let response: Response;
    try {
      response = await this.fetchImpl(path, {
        method,
        headers,
        body: body === undefined || form ? (body as FormData | undefined) : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, UNREACHABLE);
    }
    if (!response.ok) {
      const payload = await response.json().catch(() => null);
      // A refused sign-in is a wrong password, not an expired session.
      if (response.status === 401 && authenticated) this.options.onUnauthorized();
      throw new ApiError(response.status, errorMessage(payload, response.status));
    }
    return response;
  }
}

/** The file name of `attachment; filename=E_CN.15_2026_L.4.docx` (quoted or not). */
function attachmentName(disposition: string | null): string | null {
  return /filename="?([^";]+)"?/.exec(disposition ?? '')?.[1] ?? null;
}

function errorMessage(payload: unknown, status: number): string {
  const error = (payload as { error?: unknown } | null)?.error;
  if (typeof error === 'string' && error.trim()) return error;
  return status >= 500 ? 'The server had a problem. Please try again in a moment.' : `Request failed (${status}).`;
}
