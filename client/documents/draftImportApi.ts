import type { ApiClient } from '../api/apiClient';
import type { ImportCreated, ImportPreview } from '../../shared/draftImport';

/** Importing a .docx or .txt as a draft of a negotiation (POST /api/negotiations/:id/drafts/import). */
export class DraftImportApi {
  constructor(private readonly api: Pick<ApiClient, 'request'>) {}

  /** What the file would become, nothing created. */
  preview(negotiationId: string, file: File): Promise<ImportPreview> {
    return this.api.request('POST', `${this.path(negotiationId)}?preview=1`, upload(file));
  }

  create(negotiationId: string, file: File): Promise<ImportCreated> {
    return this.api.request('POST', this.path(negotiationId), upload(file));
  }

  private path(negotiationId: string): string {
    return `/api/negotiations/${encodeURIComponent(negotiationId)}/drafts/import`;
  }
}

function upload(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
