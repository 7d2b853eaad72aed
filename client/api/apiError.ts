import { asSentence } from '../../shared/sentence';

/** A failed API call; status 0 means the server could not be reached at all. Its message reads as a sentence. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(asSentence(message));
    this.name = 'ApiError';
  }

  get isNetworkFailure(): boolean {
    return this.status === 0;
  }
}
