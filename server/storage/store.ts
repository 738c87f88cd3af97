// Durable storage in one SQLite file. A contest is its definition plus an append-only log of
// accepted commands; its state is the replay of that log. Seat secrets live beside it.
import { closeSync, fdatasync, fdatasyncSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { openFences, type Fences } from './fencing.js';
import { Checkpointer, type Checkpointed } from './checkpointer.js';
import { GroupCommit, type NextTurn, type SyncLater } from './group-commit.js';
import { SEAT_COMMANDS, type Command } from '../../shared/contest/commands.js';
import type { ContestDefinition, SeatId } from '../../shared/contest/types.js';
import type { LogoType } from '../../shared/branding.js';
import type { JudgeId } from '../../shared/contest/judging-types.js';

export interface SeatSecret {
  seatId: SeatId;
  joinCode: string;
  /** Phones holding the seat; each keeps it across reloads. */
  deviceTokens: string[];
  /** When each phone (by its token) joined, for the host's list of phones; absent from older files. */
  joinedAt?: Record<string, number>;
  /** S5: the code was given anew when phones were freed: the screen never projects it. */
  codePrivate?: boolean;
}

/** A judge's secrets: the link's key, the code typed instead, and the devices signed in by code. */
export interface JudgeSecret {
  judgeId: JudgeId;
  /** In the judge's own link (and QR code): as strong as the host key. */
  key: string;
  /** Ten digits a judge may type instead, throttled like the seats' join codes. */
  code: string;
  /** Devices that signed in with the code; each comes back by its token after a reload. */
  deviceTokens: string[];
}

export interface StoredContest {
  id: string;
  createdAt: number;
  definition: ContestDefinition;
  /** The contest file the definition was drawn from, for the host to edit. */
  source: unknown;
  hostKey: string;
  seats: SeatSecret[];
  /** The panel's secrets, one per judge of the definition; empty without judges. */
  judges: JudgeSecret[];
  commands: Command[];
  /** Request ids of logged commands that carried one (D2): id → index in `commands`. */
  requestIds: Map<string, number>;
  /** When the organiser closed the contest (read-only from then on), or null while it is open. */
  closedAt: number | null;
  /** Its logo, kept beside it (not in the log): uploading one is not a move in the contest. */
  logo: Logo | null;
}

/** A contest's logo: checked image bytes, and a version that changes with them (for caching). */
export interface Logo {
  type: LogoType;
  bytes: Buffer;
  version: string;
}

/** A contest as it is first stored: no log yet, open, and no logo. */
export type NewContest = Omit<StoredContest, 'commands' | 'requestIds' | 'closedAt' | 'logo' | 'judges'> & { judges?: JudgeSecret[] };

export interface ContestSummary {
  id: string;
  title: string;
  createdAt: number;
  closedAt: number | null;
  /** How many commands the contest's log holds. */
  commands: number;
  /** How many of them are the show's own, not seat locks (S2): one or more, the show has begun. */
  showCommands: number;
  hostKey: string;
  /** The version of its logo, or null: it has none. */
  logoVersion: string | null;
}

export interface Store {
  /** The open database, for other tables kept in the same file (the question bank). */
  readonly db: Database.Database;
  /** The log's group commit: whatever tells anyone of an appended command waits on it. */
  readonly durability: GroupCommit;
  /** Scale-out: the contests this process owns write only while no later owner has taken them. */
  readonly fences: Fences;
  createContest(contest: NewContest): void;
  /** Replaces a contest's definition, seats and judges before its first command. */
  redefineContest(id: string, definition: ContestDefinition, source: unknown, seats: SeatSecret[], judges?: JudgeSecret[]): void;
  listContests(): ContestSummary[];
  loadContest(id: string): StoredContest | null;
  /** Appends command number `seq` (1-based) to the log; it is on disk once `durability` says so
   * (at the end of this turn), and nobody may be told of it before. Throws if SQLite refused it,
   * or (FencedOut) if another process has taken the contest over (fencing.ts).
   * `requestId`: the client's id for the request, so a retry of it is recognised after a restart (D2). */
  appendCommand(contestId: string, seq: number, command: Command, requestId?: string): void;
  addDevice(contestId: string, seatId: SeatId, deviceToken: string, joinedAt?: number): void;
  /** A judge's device signed in with the judge's code; it comes back by its token. */
  addJudgeDevice(contestId: string, judgeId: JudgeId, deviceToken: string, joinedAt: number): void;
  /** Whether a device token holds a seat or a judge's place in any contest of the folder (tokens are unique in it). */
  deviceTokenTaken(deviceToken: string): boolean;
  /** Frees a seat's phones (all of them, or the one given) and gives the seat a new join code. */
  releaseSeat(contestId: string, seatId: SeatId, newJoinCode: string, deviceToken?: string): void;
  /** Records that the organiser closed the contest; false if it was closed already. */
  closeContest(id: string, at: number): boolean;
  /** Inserts a whole contest (an archive being restored), log included, in one transaction. */
  importContest(contest: StoredContest): void;
  /** A contest's logo, or null: it has none. */
  loadLogo(contestId: string): Logo | null;
  /** Sets (or with null removes) a contest's logo. */
  saveLogo(contestId: string, logo: Logo | null): void;
  /** A server-wide setting, made with `make` and kept the first time it is asked for. */
  ensureSetting(name: string, make: () => string): string;
  /** A server-wide setting, or null when none is stored under that name. */
  setting(name: string): string | null;
  /** Stores a server-wide setting, replacing the one before. */
  saveSetting(name: string, value: string): void;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS contests (
  id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  definition TEXT NOT NULL,
  source TEXT,
  host_key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS seats (
  contest_id TEXT NOT NULL REFERENCES contests(id),
  seat_id TEXT NOT NULL,
  join_code TEXT NOT NULL,
  PRIMARY KEY (contest_id, seat_id),
  UNIQUE (contest_id, join_code)
);
CREATE TABLE IF NOT EXISTS seat_devices (
  contest_id TEXT NOT NULL,
  seat_id TEXT NOT NULL,
  device_token TEXT NOT NULL PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS commands (
  contest_id TEXT NOT NULL REFERENCES contests(id),
  seq INTEGER NOT NULL,
  command TEXT NOT NULL,
  PRIMARY KEY (contest_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS contest_logos (
  contest_id TEXT PRIMARY KEY REFERENCES contests(id),
  type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  version TEXT NOT NULL
);
`;

// Changes to the schema after the first release, applied in order to older files. PRAGMA
// user_version counts how many a file already has, so each runs once and in one transaction.
const MIGRATIONS: string[] = [
  `ALTER TABLE commands ADD COLUMN request_id TEXT;
   CREATE UNIQUE INDEX commands_request ON commands (contest_id, request_id) WHERE request_id IS NOT NULL;`,
  // Several contests per data folder: a closed contest is read-only; the organiser key lives in settings.
  `ALTER TABLE contests ADD COLUMN closed_at INTEGER;
   CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`,
  // The host sees when each phone of a seat joined.
  `ALTER TABLE seat_devices ADD COLUMN joined_at INTEGER;
   ALTER TABLE seats ADD COLUMN code_private INTEGER NOT NULL DEFAULT 0;`,
  // Judges (评委): each has a key for its link and a code to type, kept like the seats' codes.
  `CREATE TABLE judges (
     contest_id TEXT NOT NULL REFERENCES contests(id),
     judge_id TEXT NOT NULL,
     judge_key TEXT NOT NULL,
     code TEXT NOT NULL,
     PRIMARY KEY (contest_id, judge_id),
     UNIQUE (contest_id, code)
   );
   CREATE TABLE judge_devices (
     contest_id TEXT NOT NULL,
     judge_id TEXT NOT NULL,
     device_token TEXT NOT NULL PRIMARY KEY,
     joined_at INTEGER
   );`,
  // The log keeps no index of request ids. Each room holds every request id of its log in memory
  // (D2, read back on loading) and an archive's are checked distinct before it is restored, so
  // the index refused nothing; but every press wrote a page of it beside the log's own, which
  // doubled what each INSERT on the event loop wrote and what checkpoints copied.
  `DROP INDEX IF EXISTS commands_request;`,
  // Scale-out's fencing (fencing.ts): the lease epoch of each contest's latest owner.
  `CREATE TABLE IF NOT EXISTS contest_owners (contest_id TEXT PRIMARY KEY, epoch INTEGER NOT NULL) WITHOUT ROWID;`,
];

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export interface StoreOptions {
  /** Syncs the log file (fdatasync); tests wrap it to count or fail the syncs. */
  fsync?: (fd: number) => void;
  /** When the group commit runs; setImmediate, the end of this turn, if not given. */
  nextTurn?: NextTurn;
  log?: (message: string) => void;
  /** Told after each checkpoint of the write-ahead file on its own thread (checkpointer.ts). */
  onCheckpoint?: (done: Checkpointed) => void;
  /** Runs the sync off the event loop as the test says (with `fsync`): it calls `done` when the
   * sync it holds should end. */
  syncLater?: SyncLater;
}

/** Commands appended between two checkpoints on the thread: each commits one to three pages, so
 * several of them fall within each of SQLite's own (every 1,000 pages), and that one has little
 * left to copy. */
export const CHECKPOINT_EVERY = 250;

/** Opens (creating if needed) the store at `file`; ':memory:' works for tests. */
export function openStore(file: string, options: StoreOptions = {}): Store {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Durability by group commit. With synchronous = NORMAL, each INSERT still commits to the WAL
  // at once (so a refused write is refused before the engine applies the command, and a kill -9
  // loses nothing: the frames are in the operating system's cache), but SQLite no longer fsyncs
  // the WAL on every commit. We do, once for all the commands written while the previous sync
  // ran (off the event loop) or in this turn (a test's own fsync): one fdatasync of the WAL
  // file makes every frame (and the WAL header) written before it durable, which is exactly
  // what synchronous = FULL's per-commit sync gives, and recovery replays those committed frames
  // after a power cut. SQLite still syncs the WAL before each checkpoint and the database after
  // it (NORMAL does that), so checkpoints are unchanged.
  // Nobody is told of a command before that sync: see group-commit.ts and store.durability.
  const walFile = file === ':memory:' || file === '' ? null : `${file}-wal`;
  db.pragma(walFile === null ? 'synchronous = FULL' : 'synchronous = NORMAL');
  let walFd: number | null = null;
  /** The WAL file, opened once for syncing. It lives as long as this connection; its directory
   * entry is synced once, so the file itself survives a power cut too. */
  const wal = (file: string): number => {
    if (walFd === null) {
      walFd = openSync(file, 'r');
      const dir = openSync(dirname(file), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    }
    return walFd;
  };
  const syncLog = () => {
    if (walFile !== null) (options.fsync ?? fdatasyncSync)(wal(walFile));
  };
  /** Syncs running off the event loop; the file is closed only once none is left. */
  let syncsRunning = 0;
  let closing = false;
  const closeWal = () => {
    if (walFd === null || syncsRunning > 0) return;
    closeSync(walFd);
    walFd = null;
  };
  // The real disk's sync runs on libuv's thread pool, so the event loop goes on reading and
  // applying presses while it lasts; a test's own fsync runs at the end of the turn instead.
  const syncLater: SyncLater | undefined =
    options.syncLater ??
    (options.fsync || walFile === null
      ? undefined
      : (done) => {
          const fd = wal(walFile);
          syncsRunning += 1;
          fdatasync(fd, (error) => {
            syncsRunning -= 1;
            if (closing) closeWal();
            done(error);
          });
        });
  const durability = new GroupCommit(syncLog, options.nextTurn, options.log, syncLater);
  /** A write whose caller answers at once (seats, logos, settings): synced before it returns. */
  const synced = <A extends unknown[], R>(write: (...args: A) => R) => (...args: A): R => {
    const result = write(...args);
    durability.syncNow();
    return result;
  };
  // Most of the write-ahead file is copied into the database on a thread of its own, not inside
  // a commit on the event loop (checkpointer.ts).
  const checkpointer = walFile === null ? null : new Checkpointer(file, options.log ?? console.error, options.onCheckpoint);
  let appended = 0;
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  migrate(db);
  const fences = openFences(db);
  /** A write of one contest (its id first): refused once another process has taken it over. */
  const owned =
    <A extends [string, ...unknown[]], R>(write: (...args: A) => R) =>
    (...args: A): R =>
      fences.guard(args[0], () => write(...args));

  const insertContest = db.prepare('INSERT INTO contests (id, created_at, definition, host_key, source) VALUES (?, ?, ?, ?, ?)');
  const updateContest = db.prepare('UPDATE contests SET definition = ?, source = ? WHERE id = ?');
  const insertSeat = db.prepare('INSERT INTO seats (contest_id, seat_id, join_code, code_private) VALUES (?, ?, ?, ?)');
  const deleteSeats = db.prepare('DELETE FROM seats WHERE contest_id = ?');
  const insertDevice = db.prepare('INSERT INTO seat_devices (contest_id, seat_id, device_token, joined_at) VALUES (?, ?, ?, ?)');
  const deleteDevicesOfContest = db.prepare('DELETE FROM seat_devices WHERE contest_id = ?');
  const insertJudge = db.prepare('INSERT INTO judges (contest_id, judge_id, judge_key, code) VALUES (?, ?, ?, ?)');
  const deleteJudges = db.prepare('DELETE FROM judges WHERE contest_id = ?');
  const insertJudgeDevice = db.prepare('INSERT INTO judge_devices (contest_id, judge_id, device_token, joined_at) VALUES (?, ?, ?, ?)');
  const deleteJudgeDevices = db.prepare('DELETE FROM judge_devices WHERE contest_id = ?');
  const selectJudges = db.prepare('SELECT judge_id, judge_key, code FROM judges WHERE contest_id = ? ORDER BY rowid');
  const selectJudgeDevices = db.prepare('SELECT judge_id, device_token FROM judge_devices WHERE contest_id = ? ORDER BY rowid');
  const selectJudgeDevice = db.prepare('SELECT 1 FROM judge_devices WHERE device_token = ?');
  const insertJudges = (contestId: string, judges: readonly JudgeSecret[]) => {
    for (const j of judges) insertJudge.run(contestId, j.judgeId, j.key, j.code);
    for (const j of judges) for (const token of j.deviceTokens) insertJudgeDevice.run(contestId, j.judgeId, token, null);
  };
  // Locking seats (S2, S3) is not part of the show: the definition may still change after it.
  const seatCommands = SEAT_COMMANDS.map((t) => `'${t}'`).join(', ');
  // The title is read inside SQLite: a definition holds every drawn question, and a list needs none.
  const selectContests = db.prepare(
    `SELECT id, created_at, json_extract(definition, '$.title') AS title, host_key, closed_at,
       (SELECT count(*) FROM commands WHERE contest_id = contests.id) AS commands,
       (SELECT count(*) FROM commands WHERE contest_id = contests.id AND json_extract(command, '$.type') NOT IN (${seatCommands})) AS show_commands,
       (SELECT version FROM contest_logos WHERE contest_id = contests.id) AS logo_version
     FROM contests ORDER BY created_at DESC, rowid DESC`,
  );
  const selectContest = db.prepare('SELECT id, created_at, definition, host_key, source, closed_at FROM contests WHERE id = ?');
  const insertWholeContest = db.prepare('INSERT INTO contests (id, created_at, definition, host_key, source, closed_at) VALUES (?, ?, ?, ?, ?, ?)');
  const updateClosed = db.prepare('UPDATE contests SET closed_at = ? WHERE id = ? AND closed_at IS NULL');
  const selectSetting = db.prepare('SELECT value FROM settings WHERE name = ?');
  const insertSetting = db.prepare('INSERT OR IGNORE INTO settings (name, value) VALUES (?, ?)');
  const upsertSetting = db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
  const selectSeats = db.prepare('SELECT seat_id, join_code, code_private FROM seats WHERE contest_id = ? ORDER BY rowid');
  const selectDevices = db.prepare('SELECT seat_id, device_token, joined_at FROM seat_devices WHERE contest_id = ? ORDER BY rowid');
  const selectCommands = db.prepare('SELECT command, request_id FROM commands WHERE contest_id = ? ORDER BY seq');
  const countShowCommands = db.prepare(`SELECT count(*) AS n FROM commands WHERE contest_id = ? AND json_extract(command, '$.type') NOT IN (${seatCommands})`);
  const insertCommand = db.prepare('INSERT INTO commands (contest_id, seq, command, request_id) VALUES (?, ?, ?, ?)');
  // One statement, so checking the owner's epoch costs no transaction of its own on each press.
  const insertOwnedCommand = db.prepare(
    'INSERT INTO commands (contest_id, seq, command, request_id) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM contest_owners WHERE contest_id = ? AND epoch = ?)',
  );
  const deleteDevices = db.prepare('DELETE FROM seat_devices WHERE contest_id = ? AND seat_id = ?');
  const selectDevice = db.prepare('SELECT 1 FROM seat_devices WHERE device_token = ?');
  const deleteDevice = db.prepare('DELETE FROM seat_devices WHERE contest_id = ? AND seat_id = ? AND device_token = ?');
  const updateJoinCode = db.prepare('UPDATE seats SET join_code = ?, code_private = 1 WHERE contest_id = ? AND seat_id = ?');
  const selectLogo = db.prepare('SELECT type, bytes, version FROM contest_logos WHERE contest_id = ?');
  const upsertLogo = db.prepare(
    'INSERT INTO contest_logos (contest_id, type, bytes, version) VALUES (?, ?, ?, ?) ON CONFLICT (contest_id) DO UPDATE SET type = excluded.type, bytes = excluded.bytes, version = excluded.version',
  );
  const deleteLogo = db.prepare('DELETE FROM contest_logos WHERE contest_id = ?');
  const loadLogo = (id: string): Logo | null => {
    const row = selectLogo.get(id) as { type: LogoType; bytes: Buffer; version: string } | undefined;
    return row ? { type: row.type, bytes: row.bytes, version: row.version } : null;
  };
  const saveLogo = (id: string, logo: Logo | null) => {
    if (logo) upsertLogo.run(id, logo.type, logo.bytes, logo.version);
    else deleteLogo.run(id);
  };

  const createContest = db.transaction((c: NewContest) => {
    insertContest.run(c.id, c.createdAt, JSON.stringify(c.definition), c.hostKey, JSON.stringify(c.source));
    for (const s of c.seats) insertSeat.run(c.id, s.seatId, s.joinCode, s.codePrivate ? 1 : 0);
    insertJudges(c.id, c.judges ?? []);
  });

  const redefineContest = db.transaction((id: string, definition: ContestDefinition, source: unknown, seats: SeatSecret[], judges?: JudgeSecret[]) => {
    if ((countShowCommands.get(id) as { n: number }).n > 0) throw new Error(`contest ${id} has started; its definition is fixed`);
    updateContest.run(JSON.stringify(definition), JSON.stringify(source), id);
    deleteSeats.run(id);
    for (const s of seats) insertSeat.run(id, s.seatId, s.joinCode, s.codePrivate ? 1 : 0);
    // Exactly the phones the new definition keeps: dropped seats lose theirs, and a team whose
    // phone count went down keeps only as many as it now allows.
    deleteDevicesOfContest.run(id);
    for (const s of seats) for (const token of s.deviceTokens) insertDevice.run(id, s.seatId, token, s.joinedAt?.[token] ?? null);
    // Judges the new definition keeps keep their key, code and devices; dropped ones lose them.
    if (judges) {
      deleteJudgeDevices.run(id);
      deleteJudges.run(id);
      insertJudges(id, judges);
    }
  });

  const importContest = db.transaction((c: StoredContest) => {
    insertWholeContest.run(c.id, c.createdAt, JSON.stringify(c.definition), c.hostKey, JSON.stringify(c.source), c.closedAt);
    for (const s of c.seats) insertSeat.run(c.id, s.seatId, s.joinCode, s.codePrivate ? 1 : 0);
    for (const s of c.seats) for (const token of s.deviceTokens) insertDevice.run(c.id, s.seatId, token, s.joinedAt?.[token] ?? null);
    insertJudges(c.id, c.judges);
    const requestAt = new Map([...c.requestIds].map(([requestId, index]) => [index, requestId]));
    c.commands.forEach((command, i) => insertCommand.run(c.id, i + 1, JSON.stringify(command), requestAt.get(i) ?? null));
    if (c.logo) saveLogo(c.id, c.logo);
  });

  return {
    db,
    durability,
    fences,
    createContest: synced(createContest),
    redefineContest: synced(owned(redefineContest)),
    importContest: synced(importContest),
    listContests() {
      type Row = {
        id: string;
        created_at: number;
        title: string;
        host_key: string;
        closed_at: number | null;
        commands: number;
        show_commands: number;
        logo_version: string | null;
      };
      return (selectContests.all() as Row[]).map((r) => ({
        id: r.id,
        createdAt: r.created_at,
        title: r.title,
        closedAt: r.closed_at,
        commands: r.commands,
        showCommands: r.show_commands,
        hostKey: r.host_key,
        logoVersion: r.logo_version,
      }));
    },
    loadContest(id) {
      const row = selectContest.get(id) as
        | { id: string; created_at: number; definition: string; host_key: string; source: string | null; closed_at: number | null }
        | undefined;
      if (!row) return null;
      const devices = selectDevices.all(id) as { seat_id: string; device_token: string; joined_at: number | null }[];
      const seats = (selectSeats.all(id) as { seat_id: string; join_code: string; code_private: number }[]).map((s) => ({
        ...(s.code_private === 1 && { codePrivate: true }),
        seatId: s.seat_id,
        joinCode: s.join_code,
        deviceTokens: devices.filter((d) => d.seat_id === s.seat_id).map((d) => d.device_token),
        joinedAt: Object.fromEntries(devices.filter((d) => d.seat_id === s.seat_id && d.joined_at !== null).map((d) => [d.device_token, d.joined_at as number])),
      }));
      const judgeDevices = selectJudgeDevices.all(id) as { judge_id: string; device_token: string }[];
      const judges = (selectJudges.all(id) as { judge_id: string; judge_key: string; code: string }[]).map((j) => ({
        judgeId: j.judge_id,
        key: j.judge_key,
        code: j.code,
        deviceTokens: judgeDevices.filter((d) => d.judge_id === j.judge_id).map((d) => d.device_token),
      }));
      const rows = selectCommands.all(id) as { command: string; request_id: string | null }[];
      const commands = rows.map((r) => JSON.parse(r.command) as Command);
      const requestIds = new Map<string, number>();
      rows.forEach((r, i) => r.request_id !== null && requestIds.set(r.request_id, i));
      return {
        id: row.id,
        createdAt: row.created_at,
        definition: JSON.parse(row.definition) as ContestDefinition,
        source: row.source === null ? null : JSON.parse(row.source),
        hostKey: row.host_key,
        seats,
        judges,
        commands,
        requestIds,
        closedAt: row.closed_at,
        logo: loadLogo(id),
      };
    },
    loadLogo,
    saveLogo: synced(owned(saveLogo)),
    appendCommand(contestId, seq, command, requestId) {
      const text = JSON.stringify(command);
      const epoch = fences.epochOf(contestId);
      if (epoch === undefined) insertCommand.run(contestId, seq, text, requestId ?? null);
      else if (insertOwnedCommand.run(contestId, seq, text, requestId ?? null, contestId, epoch).changes === 0) fences.refuse(contestId);
      durability.written();
      if (++appended % CHECKPOINT_EVERY === 0) checkpointer?.ask();
    },
    addDevice: synced(owned((contestId: string, seatId: SeatId, deviceToken: string, joinedAt?: number) => {
      insertDevice.run(contestId, seatId, deviceToken, joinedAt ?? null);
    })),
    addJudgeDevice: synced(owned((contestId: string, judgeId: JudgeId, deviceToken: string, joinedAt: number) => {
      insertJudgeDevice.run(contestId, judgeId, deviceToken, joinedAt);
    })),
    deviceTokenTaken(deviceToken) {
      return selectDevice.get(deviceToken) !== undefined || selectJudgeDevice.get(deviceToken) !== undefined;
    },
    releaseSeat: synced(
      owned(
        db.transaction((contestId: string, seatId: SeatId, newJoinCode: string, deviceToken?: string) => {
          if (deviceToken === undefined) deleteDevices.run(contestId, seatId);
          else deleteDevice.run(contestId, seatId, deviceToken);
          updateJoinCode.run(newJoinCode, contestId, seatId);
        }),
      ),
    ),
    closeContest: synced(owned((id: string, at: number) => updateClosed.run(at, id).changes === 1)),
    ensureSetting(name, make) {
      const read = () => (selectSetting.get(name) as { value: string } | undefined)?.value;
      const existing = read();
      if (existing !== undefined) return existing;
      // OR IGNORE: if another process stored one meanwhile, theirs is the one everybody reads.
      insertSetting.run(name, make());
      durability.syncNow();
      return read() as string;
    },
    setting(name) {
      return (selectSetting.get(name) as { value: string } | undefined)?.value ?? null;
    },
    saveSetting: synced((name: string, value: string) => void upsertSetting.run(name, value)),
    close() {
      // What the last turn wrote is synced, and its waiters told, before the file closes.
      durability.flush();
      closing = true;
      closeWal();
      // The thread's connection first: the last one to close folds the write-ahead file back.
      checkpointer?.close();
      db.close();
    },
  };
}
