import type { DraftSummary } from '../shared/drafts';

/** The few REST calls of our server the bench needs: sign in, find and create drafts. */

export async function login(baseUrl: string, username: string): Promise<string> {
  const { token } = await call<{ token: string }>(baseUrl, 'POST', '/api/login', null, { username, password: 'negotiate' });
  return token;
}

export async function listDrafts(baseUrl: string, token: string): Promise<DraftSummary[]> {
  return (await call<{ drafts: DraftSummary[] }>(baseUrl, 'GET', '/api/drafts', token)).drafts;
}

/** Creates a draft from the resolution template; returns its id. */
export async function createDraft(baseUrl: string, token: string, title: string): Promise<string> {
  return (await call<{ draft: DraftSummary }>(baseUrl, 'POST', '/api/drafts', token, { title })).draft.id;
}

/** The draft's paragraph views, as the web client asks for them when it opens a draft. */
export async function readParagraphs(baseUrl: string, token: string, draftId: string): Promise<void> {
  await call(baseUrl, 'GET', `/api/drafts/${encodeURIComponent(draftId)}/paragraphs`, token);
}

async function call<T>(baseUrl: string, method: string, route: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
