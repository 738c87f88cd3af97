// Durable storage in one SQLite file. A contest is its definition plus an append-only log of
// accepted commands; its state is the replay of that log. Seat secrets live beside it.
import Database from 'better-sqlite3';
import type { Command } from '../shared/contest/commands.js';
import type { ContestDefinition, SeatId } from '../shared/contest/types.js';

export interface SeatSecret {
  seatId: SeatId;
  joinCode: string;
  /** Set once a phone has claimed the seat; that phone keeps it across reloads. */
  deviceToken: string | null;
}

export interface StoredContest {
  id: string;
  createdAt: number;
  definition: ContestDefinition;
  hostKey: string;
  seats: SeatSecret[];
  commands: Command[];
}

export interface ContestSummary {
  id: string;
  title: string;
  createdAt: number;
}

export interface Store {
  /** The open database, for other tables kept in the same file (the question bank). */
  readonly db: Database.Database;
  createContest(contest: Omit<StoredContest, 'commands'>): void;
  listContests(): ContestSummary[];
  loadContest(id: string): StoredContest | null;
  /** Appends command number `seq` (1-based); returns only once it is on disk. */
  appendCommand(contestId: string, seq: number, command: Command): void;
  setDeviceToken(contestId: string, seatId: SeatId, deviceToken: string | null): void;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS contests (
  id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  definition TEXT NOT NULL,
  host_key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS seats (
  contest_id TEXT NOT NULL REFERENCES contests(id),
  seat_id TEXT NOT NULL,
  join_code TEXT NOT NULL,
  device_token TEXT,
  PRIMARY KEY (contest_id, seat_id),
  UNIQUE (contest_id, join_code)
);
CREATE TABLE IF NOT EXISTS commands (
  contest_id TEXT NOT NULL REFERENCES contests(id),
  seq INTEGER NOT NULL,
  command TEXT NOT NULL,
  PRIMARY KEY (contest_id, seq)
) WITHOUT ROWID;
`;

/** Opens (creating if needed) the store at `file`; ':memory:' works for tests. */
export function openStore(file: string): Store {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a command is acknowledged only after its log record is synced, so a power cut
  // or kill -9 cannot lose an acknowledged buzz or ruling.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);

  const insertContest = db.prepare('INSERT INTO contests (id, created_at, definition, host_key) VALUES (?, ?, ?, ?)');
  const insertSeat = db.prepare('INSERT INTO seats (contest_id, seat_id, join_code, device_token) VALUES (?, ?, ?, ?)');
  const selectContests = db.prepare('SELECT id, created_at, definition FROM contests ORDER BY created_at DESC');
  const selectContest = db.prepare('SELECT id, created_at, definition, host_key FROM contests WHERE id = ?');
  const selectSeats = db.prepare('SELECT seat_id, join_code, device_token FROM seats WHERE contest_id = ?');
  const selectCommands = db.prepare('SELECT command FROM commands WHERE contest_id = ? ORDER BY seq');
  const insertCommand = db.prepare('INSERT INTO commands (contest_id, seq, command) VALUES (?, ?, ?)');
  const updateToken = db.prepare('UPDATE seats SET device_token = ? WHERE contest_id = ? AND seat_id = ?');

  const createContest = db.transaction((c: Omit<StoredContest, 'commands'>) => {
    insertContest.run(c.id, c.createdAt, JSON.stringify(c.definition), c.hostKey);
    for (const s of c.seats) insertSeat.run(c.id, s.seatId, s.joinCode, s.deviceToken);
  });

  return {
    db,
    createContest,
    listContests() {
      return (selectContests.all() as { id: string; created_at: number; definition: string }[]).map((r) => ({
        id: r.id,
        createdAt: r.created_at,
        title: (JSON.parse(r.definition) as ContestDefinition).title,
      }));
    },
    loadContest(id) {
      const row = selectContest.get(id) as { id: string; created_at: number; definition: string; host_key: string } | undefined;
      if (!row) return null;
      const seats = (selectSeats.all(id) as { seat_id: string; join_code: string; device_token: string | null }[]).map((s) => ({
        seatId: s.seat_id,
        joinCode: s.join_code,
        deviceToken: s.device_token,
      }));
      const commands = (selectCommands.all(id) as { command: string }[]).map((r) => JSON.parse(r.command) as Command);
      return { id: row.id, createdAt: row.created_at, definition: JSON.parse(row.definition), hostKey: row.host_key, seats, commands };
    },
    appendCommand(contestId, seq, command) {
      insertCommand.run(contestId, seq, JSON.stringify(command));
    },
    setDeviceToken(contestId, seatId, deviceToken) {
      updateToken.run(deviceToken, contestId, seatId);
    },
    close() {
      db.close();
    },
  };
}
