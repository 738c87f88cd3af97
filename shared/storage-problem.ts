// What the server can tell the host console about its storage: the kind of failure, never the
// raw error (that goes to the terminal). The host console translates the kind into what to do.

export const STORAGE_PROBLEM_KINDS = ['disk-full', 'read-only', 'corrupt', 'io-error', 'unknown'] as const;
export type StorageProblemKind = (typeof STORAGE_PROBLEM_KINDS)[number];

/** A storage failure that is still going on: changes are refused until it is over. */
export interface StorageProblem {
  kind: StorageProblemKind;
  /** Server time of the first failed write. */
  since: number;
}
