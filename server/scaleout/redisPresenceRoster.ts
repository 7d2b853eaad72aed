import type { PresenceEntry } from '../../shared/presence';
import type { DraftMember } from '../domain/access/draftMember';
import { presenceEntryOf, type Roster } from '../domain/presenceRoster';
import type { Logger } from '../logger';
import type { RedisLink } from './redisLink';

const entriesKey = (draftId: string) => `resolutions:presence:${draftId}:entries`;
const expiryKey = (draftId: string) => `resolutions:presence:${draftId}:expiry`;

/**
 * One draft's roster in two keys: a hash of connection -> entry (JSON) and a sorted set of
 * connection -> expiry time. Drops the expired entries, writes `upserts` (each person keeps the
 * earliest `since` of their connections), removes the rest of the fields named, and answers
 * 1 when the set of people changed. KEYS: entries, expiry. ARGV: now, expiresAt, key ttl ms,
 * upsert count n, n pairs of (connection, entry), connections to remove.
 */
const UPDATE = `
local function people()
  local set, count, since = {}, 0, {}
  for _, v in ipairs(redis.call('HVALS', KEYS[1])) do
    local entry = cjson.decode(v)
    if not set[entry.userId] then set[entry.userId] = true; count = count + 1 end
    if not since[entry.userId] or entry.since < since[entry.userId] then since[entry.userId] = entry.since end
  end
  return set, count, since
end
local before, countBefore = people()
for _, connection in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])) do redis.call('HDEL', KEYS[1], connection) end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
local _, _, since = people()
local upserts = tonumber(ARGV[4])
for i = 0, upserts - 1 do
  local connection, entry = ARGV[5 + 2 * i], cjson.decode(ARGV[6 + 2 * i])
  if since[entry.userId] and since[entry.userId] < entry.since then entry.since = since[entry.userId] end
  redis.call('HSET', KEYS[1], connection, cjson.encode(entry))
  redis.call('ZADD', KEYS[2], ARGV[2], connection)
end
for i = 5 + 2 * upserts, #ARGV do
  redis.call('HDEL', KEYS[1], ARGV[i])
  redis.call('ZREM', KEYS[2], ARGV[i])
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
local after, countAfter = people()
if countAfter ~= countBefore then return 1 end
for id in pairs(after) do if not before[id] then return 1 end end
return 0`;

/** The entries of connections that have not expired. KEYS: entries, expiry. ARGV: now. */
const LIVE = `
local live = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf')
if #live == 0 then return {} end
return redis.call('HMGET', KEYS[1], unpack(live))`;

export interface RedisPresenceOptions {
  /** An entry not refreshed for this long is gone (its instance died). */
  ttlMs: number;
  /** The roster of a draft changed without a join or leave here (a dead instance's people expired). */
  announce: (draftId: string) => void;
  logger: Logger;
  now?: () => number;
}

/**
 * The presence roster shared by every instance: each instance writes the entries of its own
 * connections and refreshes their expiry every third of the TTL; entries of a killed instance
 * expire, and the refresh that drops them announces the change. While Redis is down the calls
 * fail at once, while it is silent after the link's command timeout (presence goes stale,
 * joining goes on), and the first refresh after it returns writes this instance's entries
 * again. A person with several
 * connections (on any instances) appears once, from the time their first one joined.
 */
export class RedisPresenceRoster implements Roster {
  /** This instance's connections in each draft, with their entries (what the refresh writes again). */
  private readonly local = new Map<string, Map<string, PresenceEntry>>();
  private readonly timer: NodeJS.Timeout;
  private readonly stopRefreshingOnUp: () => void;
  private readonly now: () => number;

  constructor(
    private readonly redis: RedisLink,
    private readonly options: RedisPresenceOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.timer = setInterval(() => void this.refresh(), Math.max(1, Math.floor(options.ttlMs / 3)));
    this.timer.unref();
    // Back from an outage: this instance's entries may have expired meanwhile.
    this.stopRefreshingOnUp = redis.onUp(() => void this.refresh());
  }

  join(draftId: string, user: DraftMember, connectionId: string): Promise<boolean> {
    const entry = presenceEntryOf(user, new Date(this.now()));
    const connections = this.local.get(draftId) ?? new Map<string, PresenceEntry>();
    this.local.set(draftId, connections);
    connections.set(connectionId, entry);
    return this.update(draftId, [[connectionId, entry]], []);
  }

  leave(draftId: string, _userId: string, connectionId: string): Promise<boolean> {
    const connections = this.local.get(draftId);
    connections?.delete(connectionId);
    if (connections?.size === 0) this.local.delete(draftId);
    return this.update(draftId, [], [connectionId]);
  }

  async list(draftId: string): Promise<PresenceEntry[]> {
    const values = (await this.redis.command((client) =>
      client.eval(LIVE, { keys: [entriesKey(draftId), expiryKey(draftId)], arguments: [String(this.now())] }),
    )) as Array<string | null>;
    const people = new Map<string, PresenceEntry>();
    for (const value of values) {
      if (value === null) continue;
      const entry = JSON.parse(value) as PresenceEntry;
      const known = people.get(entry.userId);
      if (!known || entry.since < known.since) people.set(entry.userId, entry);
    }
    return [...people.values()].sort((a, b) => a.since.localeCompare(b.since) || a.userId.localeCompare(b.userId));
  }

  /** Stops refreshing and removes this instance's entries (the people leave at once, not at expiry). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.stopRefreshingOnUp();
    const drafts = [...this.local];
    this.local.clear();
    await Promise.allSettled(drafts.map(([draftId, connections]) => this.update(draftId, [], [...connections.keys()])));
  }

  /** Writes this instance's entries again with a new expiry, dropping expired ones of others. */
  private async refresh(): Promise<void> {
    for (const [draftId, connections] of this.local) {
      try {
        if (await this.update(draftId, [...connections], [])) this.options.announce(draftId);
      } catch (err) {
        this.options.logger.warn({ err: (err as Error).message, draftId }, 'presence refresh failed');
      }
    }
  }

  private async update(draftId: string, upserts: Array<[string, PresenceEntry]>, removals: string[]): Promise<boolean> {
    const now = this.now();
    const changed = await this.redis.command((client) =>
      client.eval(UPDATE, {
        keys: [entriesKey(draftId), expiryKey(draftId)],
        arguments: [
          String(now),
          String(now + this.options.ttlMs),
          String(this.options.ttlMs * 2),
          String(upserts.length),
          ...upserts.flatMap(([connection, entry]) => [connection, JSON.stringify(entry)]),
          ...removals,
        ],
      }),
    );
    return changed === 1;
  }
}
