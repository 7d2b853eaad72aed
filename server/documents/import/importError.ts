/** A file the importer refuses, with the HTTP status it maps to and a message for the person who sent it. */
export class ImportError extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
