import { DomainError } from '../domain/domainError';
import type { RedisLink } from './redisLink';

/**
 * Refuses at once while Redis is unreachable (503 over HTTP, 4503 on the Yjs channel: the client
 * tries again later), with a message that says why, instead of a failed command's.
 */
export function mustBeUp(link: Pick<RedisLink, 'isUp'>): void {
  if (!link.isUp()) throw new DomainError('shared state (Redis) is unreachable; try again shortly', 503);
}
