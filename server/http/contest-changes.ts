// The two changes the host or organiser makes over HTTP rather than the socket: a contest's logo,
// and closing it for good. They change the contest's room (its logo's address in every view, a
// closed contest refusing every command), so with --redis they run where the contest's engine
// runs: here when this process owns it, else on its owner, which scale-out.ts asks through Redis.
// Written to the file by whichever process the request reached, the owner's room would go on as
// if they had not happened (a closed contest still taking presses).
import type { LogoType } from '../../shared/branding.js';
import type { Contests } from '../rooms/contests.js';
import type { StorageHealth } from '../storage/storage-health.js';
import type { Logo } from '../storage/store.js';

/** A logo as it travels between processes (JSON through Redis): its bytes in base64. */
export interface WireLogo {
  type: LogoType;
  base64: string;
  version: string;
}

export type ContestChange = { type: 'close' } | { type: 'logo'; logo: WireLogo | null };

/** What the change did: `closed` and `logo-set` are done; the rest changed nothing (`moved`:
 * another process took the contest over meanwhile, scale-out's fencing; send it again). */
export type ChangeOutcome = 'closed' | 'already-closed' | 'logo-set' | 'contest-closed' | 'unknown' | 'storage-failed' | 'moved';

/** How a change's write went: kept, refused by the fencing, or refused by the disk. */
export type Kept = 'kept' | 'moved' | 'failed';

/** Runs a change where the contest's engine runs; null: no process answered for it (a hand-over
 * under way), so nothing changed and the page may try again. */
export type RunChange = (contestId: string, change: ContestChange) => Promise<ChangeOutcome | null>;

export const toWire = (logo: Logo | null): WireLogo | null => logo && { type: logo.type, base64: logo.bytes.toString('base64'), version: logo.version };

/** Runs the change on this process's room of the contest. `kept` runs the close's write and says
 * how it went (the organiser's routes report a disk failure to the terminal). */
export function changeHere(contests: Contests, contestId: string, change: ContestChange, kept: (what: string, write: () => void) => Kept): ChangeOutcome {
  if (change.type === 'close') {
    let outcome: ReturnType<Contests['closeForGood']> | undefined;
    const write = kept('close', () => (outcome = contests.closeForGood(contestId)));
    if (write !== 'kept' || !outcome) return write === 'moved' ? 'moved' : 'storage-failed';
    return outcome;
  }
  const room = contests.get(contestId);
  if (!room) return 'unknown';
  if (room.closedAt !== null) return 'contest-closed';
  const logo = change.logo && { type: change.logo.type, bytes: Buffer.from(change.logo.base64, 'base64'), version: change.logo.version };
  if (room.setLogo(logo)) return 'logo-set';
  return room.movedAway ? 'moved' : 'storage-failed';
}

/** `kept` for changeHere: one write through a contest's storage health. */
export function keptBy(health: StorageHealth): (what: string, write: () => void) => Kept {
  return (what, write) => (health.write(what, write) ? 'kept' : health.movedAway ? 'moved' : 'failed');
}
