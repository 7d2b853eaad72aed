/** A refusal by the rules, with a message safe to show the user and the HTTP status it maps to. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 429 | 503 = 400,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
