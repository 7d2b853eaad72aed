import type { Ack } from '../../shared/events';
import { asSentence } from '../../shared/sentence';

const NO_ANSWER = 'The server did not answer. Check your connection and try again.';

/**
 * An acknowledged socket.io emit (made with `socket.timeout(...)`) as a promise of the
 * acknowledged payload, rejecting with the server's readable error.
 */
export function ackPromise<T extends object>(send: (ack: (err: Error | null, response: Ack<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    send((err, response) => {
      if (err) reject(new Error(NO_ANSWER));
      else if (!response.ok) reject(new Error(asSentence(response.error)));
      else resolve(response);
    });
  });
}
