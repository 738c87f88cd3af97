// One contest as one file (.qiangda), for keeping after the show and moving between laptops:
// gzipped JSON with a format tag, a version and the sha256 of the contest inside. A restore
// checks all three, checks every field, replays the whole log, and only then writes, in one
// transaction. A contest whose id the folder already holds is refused, not copied: a copy would
// share the host key, the join codes and the phones' tokens with the original.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { replay, type RefusedCommand } from '../../shared/contest/replay.js';
import { OrganiserError, ARCHIVE_EXTENSION } from '../../shared/organiser.js';
import { archiveEnvelopeSchema, archivedContestSchema, type ArchivedContest } from './archive-schema.js';
import { logoOf } from '../http/logo.js';
import type { Store, StoredContest } from './store.js';
import { fileDate, fileTitle } from '../http/file-names.js';

export const ARCHIVE_FORMAT = 'qiangda-archive';
/** 2 added branding and the logo; a version-1 archive (which has neither) reads as it did. */
export const ARCHIVE_VERSION = 2;
const READABLE_VERSIONS = [1, 2];
/** An archive as uploaded (gzipped): a 100,000-command log is a few megabytes. */
export const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;
/** Unpacked, so a small file that inflates to gigabytes is refused instead of filling memory. */
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

type ArchiveError = Exclude<OrganiserError, 'not-authorised' | 'unknown-contest' | 'contest-closed' | 'bad-request' | 'bad-definition'>;
/** `refused`: the first logged command the engine refused on replay, named for the organiser. */
type ArchiveRefusal = { ok: false; error: ArchiveError; refused?: RefusedCommand };
export type ReadArchive = { ok: true; contest: StoredContest } | ArchiveRefusal;
export type RestoreResult = { ok: true; id: string; title: string; closed: boolean } | ArchiveRefusal;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The archive file of a stored contest. `archivedAt` is for the reader; the checksum covers the contest. */
export function archiveOf(stored: StoredContest, archivedAt: number): Buffer {
  const indexToRequest = new Map([...stored.requestIds].map(([requestId, index]) => [index, requestId]));
  const contest: ArchivedContest = {
    id: stored.id,
    createdAt: stored.createdAt,
    closedAt: stored.closedAt,
    definition: stored.definition,
    source: stored.source,
    hostKey: stored.hostKey,
    seats: stored.seats,
    ...(stored.judges.length && { judges: stored.judges }),
    log: stored.commands.map((command, i) => ({ command, requestId: indexToRequest.get(i) ?? null })),
    ...(stored.logo && { logo: { type: stored.logo.type, base64: stored.logo.bytes.toString('base64') } }),
  };
  const body = JSON.stringify(contest);
  // The contest is written as the very text the checksum was taken of; a reader re-serialises
  // what it parsed, which JSON gives back byte for byte.
  const file = `{"format":"${ARCHIVE_FORMAT}","version":${ARCHIVE_VERSION},"archivedAt":${archivedAt},"sha256":"${sha256(body)}","contest":${body}}`;
  return gzipSync(Buffer.from(file, 'utf8'));
}

/** `<title>-<YYYY-MM-DD>.qiangda`, dated by when the contest was created, in the hall's time zone. */
export function archiveFileName(stored: Pick<StoredContest, 'definition' | 'createdAt'>, timeZone?: string): string {
  return `${fileTitle(stored.definition.title)}-${fileDate(stored.createdAt, timeZone)}${ARCHIVE_EXTENSION}`;
}

/** Reads and checks an archive file, replaying its log; writes nothing. */
export function readArchive(bytes: Uint8Array): ReadArchive {
  if (bytes.byteLength > MAX_ARCHIVE_BYTES) return { ok: false, error: OrganiserError.TooBig };
  let raw: unknown;
  try {
    raw = JSON.parse(gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED_BYTES }).toString('utf8'));
  } catch (error) {
    const tooBig = error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    return { ok: false, error: tooBig ? OrganiserError.TooBig : OrganiserError.ArchiveUnreadable };
  }
  const envelope = archiveEnvelopeSchema.safeParse(raw);
  if (!envelope.success || envelope.data.format !== ARCHIVE_FORMAT) return { ok: false, error: OrganiserError.ArchiveFormat };
  if (!READABLE_VERSIONS.includes(envelope.data.version)) return { ok: false, error: OrganiserError.ArchiveVersion };
  if (sha256(JSON.stringify(envelope.data.contest) ?? '') !== envelope.data.sha256) return { ok: false, error: OrganiserError.ArchiveChecksum };
  const parsed = archivedContestSchema.safeParse(envelope.data.contest);
  if (!parsed.success || !consistent(parsed.data)) return { ok: false, error: OrganiserError.ArchiveInvalid };
  const contest = storedOf(parsed.data);
  if (contest === null) return { ok: false, error: OrganiserError.ArchiveInvalid };
  const replayed = replays(contest);
  if (!replayed.ok) return { ok: false, error: OrganiserError.ArchiveReplay, ...(replayed.refused && { refused: replayed.refused }) };
  return { ok: true, contest };
}

/** Checks an archive and writes its contest into the store, all or nothing. */
export function restoreArchive(store: Store, bytes: Uint8Array): RestoreResult {
  const read = readArchive(bytes);
  if (!read.ok) return read;
  const { contest } = read;
  if (store.listContests().some((c) => c.id === contest.id)) return { ok: false, error: OrganiserError.ContestExists };
  try {
    store.importContest(contest);
  } catch (error) {
    // A phone token is unique across the folder: taken means this contest is already here under another id.
    const constraint = String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_CONSTRAINT');
    return { ok: false, error: constraint ? OrganiserError.ContestExists : OrganiserError.StorageFailed };
  }
  return { ok: true, id: contest.id, title: contest.definition.title, closed: contest.closedAt !== null };
}

/** What the schema cannot say: seats match the definition, codes and tokens are distinct. */
function consistent(c: ArchivedContest): boolean {
  const defined = c.definition.seats;
  const sameSeats = c.seats.length === defined.length && c.seats.every((s, i) => s.seatId === defined[i].id);
  const tokens = c.seats.flatMap((s) => s.deviceTokens);
  const requests = c.log.flatMap((l) => (l.requestId === null ? [] : [l.requestId]));
  const distinct = (xs: string[]) => new Set(xs).size === xs.length;
  const withinPhones = c.seats.every((s, i) => s.deviceTokens.length <= defined[i].phones);
  // Judges' secrets match the panel one for one; their codes are apart from the seats' too.
  const panel = c.definition.judges ?? [];
  const judges = c.judges ?? [];
  const sameJudges = judges.length === panel.length && judges.every((j, i) => j.judgeId === panel[i].id);
  const codes = [...c.seats.map((s) => s.joinCode), ...judges.map((j) => j.code)];
  const allTokens = [...tokens, ...judges.flatMap((j) => j.deviceTokens)];
  return sameSeats && sameJudges && withinPhones && distinct(codes) && distinct(allTokens) && distinct(requests);
}

/** The contest the archive holds; null if its logo is not an image a logo upload would take. */
function storedOf(c: ArchivedContest): StoredContest | null {
  const logo = c.logo ? logoOf(Buffer.from(c.logo.base64, 'base64')) : null;
  if (logo && (!logo.ok || logo.logo.type !== c.logo?.type)) return null;
  const requestIds = new Map<string, number>();
  c.log.forEach((l, i) => l.requestId !== null && requestIds.set(l.requestId, i));
  return {
    id: c.id,
    createdAt: c.createdAt,
    closedAt: c.closedAt,
    definition: c.definition,
    source: c.source ?? null,
    hostKey: c.hostKey,
    seats: c.seats,
    judges: c.judges ?? [],
    commands: c.log.map((l) => l.command),
    requestIds,
    logo: logo?.ok ? logo.logo : null,
  };
}

/** The room logs only commands the engine accepted, in time order: a genuine log replays whole,
 * so an archive with a refused command is refused, naming it, rather than restored as something else. */
function replays(c: StoredContest): { ok: true } | { ok: false; refused?: RefusedCommand } {
  if (c.commands.some((command, i) => i > 0 && command.at < c.commands[i - 1].at)) return { ok: false };
  try {
    const { refused } = replay(c.definition, c.commands);
    return refused.length ? { ok: false, refused: refused[0] } : { ok: true };
  } catch {
    // A definition the engine cannot work with (a round order naming no seat...).
    return { ok: false };
  }
}
