// The organiser's contract (赛事管理): the contests of one data folder, listed, created, closed,
// archived and restored over HTTP with the folder's organiser key. Server and page import it.
import { z } from 'zod';
import type { DefinitionIssue } from './protocol.js';

/** 未开始 (nothing logged yet), 进行中 (commands logged), 已关闭 (read-only). */
export type ContestStatus = 'not-started' | 'running' | 'closed';

export interface ContestListing {
  id: string;
  title: string;
  createdAt: number;
  closedAt: number | null;
  status: ContestStatus;
  /** How many commands the contest's log holds. */
  commands: number;
  /** For the host console link: the organiser may open any contest's console. */
  hostKey: string;
  /** The version of its logo, or null: it has none. */
  logoVersion: string | null;
}

/** Every error code the organiser's routes answer with. Pages translate them as `error.<code>`. */
export const OrganiserError = {
  NotAuthorised: 'not-authorised',
  UnknownContest: 'unknown-contest',
  ContestClosed: 'contest-closed',
  BadRequest: 'bad-request',
  BadDefinition: 'bad-definition',
  TooBig: 'too-big',
  StorageFailed: 'storage-failed',
  /** With --redis: no process answered for the contest (a hand-over under way); try again. */
  Internal: 'internal-error',
  /** Restoring: the folder already holds a contest with this id. */
  ContestExists: 'contest-exists',
  /** Not gzip, cut short, or not JSON inside. */
  ArchiveUnreadable: 'archive-unreadable',
  /** Readable, but not a Qiangda archive. */
  ArchiveFormat: 'archive-format',
  /** A Qiangda archive of a version this server does not know. */
  ArchiveVersion: 'archive-version',
  /** The content does not match its sha256: changed or damaged. */
  ArchiveChecksum: 'archive-checksum',
  /** The content is missing something or has a field of the wrong shape. */
  ArchiveInvalid: 'archive-invalid',
  /** The logged commands do not replay on the definition. */
  ArchiveReplay: 'archive-replay',
} as const;
export type OrganiserError = (typeof OrganiserError)[keyof typeof OrganiserError];

/** The header the organiser key travels in; downloads use `?key=` (a link cannot set headers). */
export const ORGANISER_KEY_HEADER = 'x-qiangda-organiser-key';

/** POST /api/contests: a new contest from the bundled demo or from a contest file. */
export const createContestSchema = z.union([
  z.object({ template: z.literal('demo') }).strict(),
  z.object({ file: z.unknown() }).strict(),
]);
export type CreateContest = z.infer<typeof createContestSchema>;

export interface ContestCreated {
  id: string;
  title: string;
}

export interface ContestRestored extends ContestCreated {
  closed: boolean;
}

/** An error answer: the code, and for a bad contest file each problem by field. */
export interface OrganiserRefusal {
  error: OrganiserError;
  issues?: DefinitionIssue[];
  /** For `archive-replay`: the logged command the engine refused (zero-based index, type, its code). */
  refused?: { index: number; type: string; error: string };
}

/** Archive files end in this. */
export const ARCHIVE_EXTENSION = '.qiangda';
