// One process owns a contest's engine at a time: a lease in Redis holding the owner's id, which
// the owner renews and another process takes once it has expired (its owner died).

/** The Redis calls a lease needs: `redis` clients have them; tests may pass a stand-in. */
export interface LeaseStore {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

// Held by us: extended. Free (expired or never taken): ours now. Held by another: refused.
const CLAIM = `local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export const leaseKey = (contestId: string) => `qiangda:lease:${contestId}`;

export class ContestLease {
  constructor(
    private readonly redis: LeaseStore,
    /** This process's id, the lease's value while it owns a contest. */
    readonly holder: string,
    readonly ttlMs: number,
  ) {}

  /** Takes or renews the lease (SET NX PX or PEXPIRE, atomically); false: another process holds it.
   * Throws when Redis does not answer within a third of the lease (it is away): nothing changes. */
  async claim(contestId: string): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const away = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('redis did not answer')), Math.max(50, this.ttlMs / 3))));
    try {
      return (await Promise.race([this.redis.eval(CLAIM, { keys: [leaseKey(contestId)], arguments: [this.holder, String(this.ttlMs)] }), away])) === 1;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Gives the lease up at a clean stop, so another process need not wait for it to expire. */
  async release(contestId: string): Promise<void> {
    await this.redis.eval(RELEASE, { keys: [leaseKey(contestId)], arguments: [this.holder] });
  }
}
