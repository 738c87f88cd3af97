// One process owns a contest's engine at a time: a lease in Redis holding the owner's id, which
// the owner renews and another process takes once it has expired (its owner died). Each holder
// gets an epoch (a fencing number): what an owner tells the other processes carries it, so news
// from an owner that has lost the contest (dead, or stalled past its lease) never passes for the
// new owner's (shared-audience.ts). The epoch is Redis's clock, in microseconds, when the lease
// was taken: it grows from holder to holder, also across a restart of a Redis that kept nothing
// (a count kept in Redis would start again from 1 there, below the epochs processes still hold).

/** The Redis calls a lease needs: `redis` clients have them; tests may pass a stand-in. */
export interface LeaseStore {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

// Held by us: extended, same epoch (given anew if Redis lost it). Free (expired or never taken):
// ours now, in a new epoch. Held by another: refused (0). A new epoch is above the last one Redis
// still holds even if its clock has stepped back, and above the floor the caller read from the
// shared file (the last owner's epoch there, storage/fencing.ts), which outlives a Redis that
// kept nothing; the clock counts only above both.
const CLAIM = `local function newEpoch()
  local t = redis.call('TIME')
  local e = math.max(tonumber(t[1]) * 1000000 + tonumber(t[2]), (tonumber(redis.call('GET', KEYS[2])) or 0) + 1, tonumber(ARGV[3]) + 1)
  redis.call('SET', KEYS[2], string.format('%d', e))
  return e
end
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  local e = tonumber(redis.call('GET', KEYS[2]))
  if e then return e end
  return newEpoch()
end
if not v then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return newEpoch()
end
return 0`;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export const leaseKey = (contestId: string) => `qiangda:lease:${contestId}`;
/** The epoch of the lease's holder: set when a holder takes the lease, read when it renews. */
export const epochKey = (contestId: string) => `qiangda:lease-epoch:${contestId}`;

export class ContestLease {
  constructor(
    private readonly redis: LeaseStore,
    /** This process's id, the lease's value while it owns a contest. */
    readonly holder: string,
    readonly ttlMs: number,
  ) {}

  /** Takes or renews the lease (SET NX PX or PEXPIRE, atomically): the epoch this process holds it
   * in (above 0 and above `floor`, the same while it renews), or 0: another process holds it.
   * Throws when Redis does not answer within a third of the lease (it is away): nothing changes. */
  async claim(contestId: string, floor = 0): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const away = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('redis did not answer')), Math.max(50, this.ttlMs / 3))));
    try {
      const epoch = Number(await Promise.race([this.redis.eval(CLAIM, { keys: [leaseKey(contestId), epochKey(contestId)], arguments: [this.holder, String(this.ttlMs), String(floor)] }), away]));
      return Number.isSafeInteger(epoch) && epoch > 0 ? epoch : 0;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Gives the lease up at a clean stop, so another process need not wait for it to expire. */
  async release(contestId: string): Promise<void> {
    await this.redis.eval(RELEASE, { keys: [leaseKey(contestId)], arguments: [this.holder] });
  }
}
