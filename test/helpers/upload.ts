import type { JsonResponse } from './http';

export interface UploadedFileSpec {
  bytes: Uint8Array;
  name: string;
  type?: string;
}

/** POSTs one file as multipart/form-data (field `file` unless told), the answer parsed as JSON. */
export async function uploadFile<T = Record<string, unknown>>(url: string, token: string, file: UploadedFileSpec | null, field = 'file'): Promise<JsonResponse<T>> {
  const form = new FormData();
  if (file) form.append(field, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  else form.append('note', 'no file here');
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: (text ? JSON.parse(text) : null) as T };
}
