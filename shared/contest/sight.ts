// What each role may see, in one table (B13, B14, A5, S2-S6, K7, K8, P9, J7). Every field is
// required, so a new role (the judge, later the audience) does not compile until its entry says
// what it sees; adding one is one line in `Role` and one entry in SIGHT. Start a new entry from
// the screen's or the contestant's, never the host's: nothing staff-only is seen by default.

export type Role = 'host' | 'screen' | 'contestant' | 'judge' | 'audience' | 'overlay';

/** Which awards a role sees: all, only what the big screen has revealed, or none (AW7). */
export type AwardsSight = 'all' | 'revealed' | 'none';

/** One role's sight. Values name what is seen; `false`/`'none'` means the field goes out empty. */
export interface Sight {
  /** Every seat, or only the seats the phone names: its own, the buzz's winner, whose turn it is. */
  seats: 'every' | 'named';
  /** How many phones hold each seat and how many are connected. */
  phoneCounts: boolean;
  /** The phones of each seat, by id, when they joined, connected or not (S5). */
  phonesOfSeats: boolean;
  /** Join codes: every seat's; only those fit to project (lobby, room left, seats not locked, code
   * not given anew: S2, S5); or none. */
  joinCodes: 'all' | 'projected' | 'none';
  /** The link phones join by. */
  joinLink: boolean;
  /** The ranking of all seats. */
  ranking: boolean;
  /** Score changes: every seat's, or only its own seat's. */
  scoreChanges: 'every' | 'own';
  /** The view is one seat's phone: it names the seat, and carries its own answer, its own
   * deadline (K8) and, once finished, its own rank (R1). */
  ownSeat: boolean;
  /** The key, explanation and source before the answer is revealed (B13). */
  keyBeforeReveal: boolean;
  /** That a press is waiting for its decision (P9): anyone's, only its own seat's, or nobody's. */
  pendingPress: 'any' | 'own' | 'none';
  /** The press log of a buzz-in question (B14). */
  pressLog: boolean;
  /** All at once: which seats have answered (not what). */
  whoAnswered: boolean;
  /** All at once, once revealed: every seat's result, or only its own. */
  results: 'every' | 'own';
  /** All at once: answers that came too late (A3). */
  lateAnswers: boolean;
  /** All at once: seats given their own later deadline (K8). */
  seatDeadlines: boolean;
  /** All at once: seats that had no phone connected while answers were open (K8). */
  answerGaps: boolean;
  /** Whether undo is possible, and the ruling it would reverse (K7). */
  undo: boolean;
  /** Which host commands the engine would accept now, for the console's keys and buttons. */
  hostCommands: boolean;
  /** The seat admitted to take a new phone while seats are locked (S3). */
  admission: boolean;
  /** Phones waiting for the host to let them join (S6). */
  joinRequests: boolean;
  /** A storage failure going on now; other pages learn of it per refused request. */
  storageProblems: boolean;
  /** Someone failing to claim seats over and over. */
  claimAlarms: boolean;
  /** Judged turns before the reveal (J7): who has scored, from paper or not, and who is excluded
   * and why (never a value); only who has scored and who does not count, for the hall's
   * "评委评分中 5/7" (no reason, nothing entered from paper); a judge's own score alone; or
   * nothing. After the reveal everyone sees all. */
  judgeScores: 'status' | 'count' | 'own' | 'none';
  /** The prizes and the award ceremony (AW7): all, with the host's boundary ties; only the tiers
   * the big screen has revealed; or none. */
  awards: AwardsSight;
}

/** Viewers online, on their phones or through a stream: the hall's sight, nothing of the phones. */
const ONLINE: Sight = {
  seats: 'every',
  phoneCounts: false,
  phonesOfSeats: false,
  joinCodes: 'none',
  joinLink: false,
  ranking: true,
  scoreChanges: 'every',
  ownSeat: false,
  keyBeforeReveal: false,
  pendingPress: 'none',
  pressLog: false,
  whoAnswered: true,
  results: 'every',
  lateAnswers: false,
  seatDeadlines: false,
  answerGaps: false,
  undo: false,
  hostCommands: false,
  admission: false,
  joinRequests: false,
  storageProblems: false,
  claimAlarms: false,
  judgeScores: 'count',
  awards: 'revealed',
};

/** The table `viewFor` reads: what each role may see. */
export const SIGHT: Readonly<Record<Role, Sight>> = {
  host: {
    seats: 'every',
    phoneCounts: true,
    phonesOfSeats: true,
    joinCodes: 'all',
    joinLink: true,
    ranking: true,
    scoreChanges: 'every',
    ownSeat: false,
    keyBeforeReveal: true,
    pendingPress: 'any',
    pressLog: true,
    whoAnswered: true,
    results: 'every',
    lateAnswers: true,
    seatDeadlines: true,
    answerGaps: true,
    undo: true,
    hostCommands: true,
    admission: true,
    joinRequests: true,
    storageProblems: true,
    claimAlarms: true,
    judgeScores: 'status',
    awards: 'all',
  },
  screen: {
    seats: 'every',
    phoneCounts: true,
    phonesOfSeats: false,
    joinCodes: 'projected',
    joinLink: true,
    ranking: true,
    scoreChanges: 'every',
    ownSeat: false,
    keyBeforeReveal: false,
    pendingPress: 'none',
    pressLog: false,
    whoAnswered: true,
    results: 'every',
    lateAnswers: false,
    seatDeadlines: false,
    answerGaps: false,
    undo: false,
    hostCommands: false,
    admission: false,
    joinRequests: false,
    storageProblems: false,
    claimAlarms: false,
    judgeScores: 'count',
    awards: 'revealed',
  },
  // A judge (评委) scores on its own device: it sees the stage as the hall does, and nothing of
  // the seats' phones or codes.
  judge: {
    seats: 'every',
    phoneCounts: false,
    phonesOfSeats: false,
    joinCodes: 'none',
    joinLink: false,
    ranking: true,
    scoreChanges: 'every',
    ownSeat: false,
    keyBeforeReveal: false,
    pendingPress: 'none',
    pressLog: false,
    whoAnswered: false,
    results: 'every',
    lateAnswers: false,
    seatDeadlines: false,
    answerGaps: false,
    undo: false,
    admission: false,
    joinRequests: false,
    storageProblems: false,
    claimAlarms: false,
    hostCommands: false,
    judgeScores: 'own',
    awards: 'revealed',
  },
  contestant: {
    seats: 'named',
    phoneCounts: false,
    phonesOfSeats: false,
    joinCodes: 'none',
    joinLink: false,
    ranking: false,
    scoreChanges: 'own',
    ownSeat: true,
    keyBeforeReveal: false,
    pendingPress: 'own',
    pressLog: false,
    whoAnswered: false,
    results: 'own',
    lateAnswers: false,
    seatDeadlines: false,
    answerGaps: false,
    undo: false,
    hostCommands: false,
    admission: false,
    joinRequests: false,
    storageProblems: false,
    claimAlarms: false,
    judgeScores: 'none',
    awards: 'none',
  },
  // The online audience (观众, /watch/) and the stream overlay (/overlay/, OBS): what the big
  // screen shows, and nothing of phones, links or codes.
  audience: ONLINE,
  overlay: ONLINE,
};
