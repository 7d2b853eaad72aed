export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  contentType: string | null;
  body: T;
}

export interface JsonRequest {
  method?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Serialized with JSON.stringify. */
  json?: unknown;
  /** Sent as is with a JSON content type (for malformed bodies). */
  raw?: string;
}

/** One HTTP request to a test server, its body parsed as JSON (every API answer is JSON or empty). */
export async function requestJson<T = Record<string, unknown>>(url: string, request: JsonRequest = {}): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {};
  if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
  const body = request.raw ?? (request.json === undefined ? undefined : JSON.stringify(request.json));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method: request.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  // A 204 has no body.
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: (text ? JSON.parse(text) : null) as T };
}
