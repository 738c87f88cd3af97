// The question bank's HTTP routes as the host console calls them: summary, template links, and
// importing a file (checked first, then imported). `fetch` is passed in so tests hand it a fake.

import type { QualityReport } from '../../shared/bank-quality.js';

export type ImportMode = 'check' | 'all' | 'valid-rows';
export type BankFormat = 'xlsx' | 'csv' | 'json';

/** How many questions the bank holds, by category and by type. */
export interface BankSummary {
  count: number;
  byCategory: Record<string, number>;
  byType: Record<string, number>;
}

/** One problem in a bank file: row 0 and no column for a problem with the whole file. */
export interface BankIssue {
  row: number;
  column: string | null;
  code: string;
  params: Record<string, string | number>;
}

/** A row that repeats another row of the file, or a question already in the bank. */
export interface BankDuplicate {
  row: number;
  id?: string;
  sameAs?: { row: number } | { bankId: string };
}

export interface ImportReport {
  format: BankFormat | null;
  rows: number;
  valid: number;
  imported: number;
  /** New questions the file would add; absent from older servers. */
  importable?: number;
  errors: BankIssue[];
  duplicates: BankDuplicate[];
  /** The file's quality report (题库体检); absent from older servers and unreadable files. */
  quality?: QualityReport;
}

/** Why a call failed: the server's error code, or 'offline' (no answer) / 'unavailable' (no such route). */
export type BankResult<T> = { ok: true; data: T } | { ok: false; error: string; status: number };

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export const HOST_KEY_HEADER = 'x-qiangda-key';

export interface BankApi {
  summary(): Promise<BankResult<BankSummary>>;
  /** Sends the file's bytes as they are; `mode` check writes nothing. */
  importFile(file: { name: string; body: BodyInit }, mode: ImportMode): Promise<BankResult<ImportReport>>;
  templateUrl(format: 'xlsx' | 'csv'): string;
}

/** The bank routes of one contest, called with its host key. */
export function bankApi(fetch: Fetch, contestId: string, hostKey: string): BankApi {
  const headers = { [HOST_KEY_HEADER]: hostKey };
  const query = (params: Record<string, string>) => new URLSearchParams({ c: contestId, ...params }).toString();
  return {
    summary: () => call<BankSummary>(fetch, `/api/bank/summary?${query({})}`, { headers }, isSummary),
    importFile: (file, mode) =>
      call<ImportReport>(
        fetch,
        `/api/bank/import?${query({ mode, name: file.name })}`,
        { method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: file.body },
        isReport,
      ),
    templateUrl: (format) => `/api/bank/template.${format}`,
  };
}

async function call<T>(fetch: Fetch, url: string, init: RequestInit, valid: (body: unknown) => body is T): Promise<BankResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    return { ok: false, error: 'offline', status: 0 };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a page served instead of the route, or a proxy's error page.
  }
  // A report carries its own outcome, even with an error status (a write that failed).
  if (valid(body)) return { ok: true, data: body };
  const code = body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : null;
  return { ok: false, error: code ?? 'unavailable', status: response.status };
}

function isSummary(body: unknown): body is BankSummary {
  return !!body && typeof body === 'object' && typeof (body as BankSummary).count === 'number';
}

function isReport(body: unknown): body is ImportReport {
  const r = body as ImportReport;
  return !!body && typeof body === 'object' && typeof r.rows === 'number' && Array.isArray(r.errors) && Array.isArray(r.duplicates);
}

/** New questions a checked file would add. */
export function freshCount(report: ImportReport): number {
  return Math.max(0, report.importable ?? report.valid - report.duplicates.length);
}

/** Which import buttons a checked file allows: the whole file only without errors; the valid rows
 * only when some rows have errors (a problem with the whole file allows neither). */
export function importChoices(report: ImportReport): { all: boolean; validRows: boolean } {
  const fileProblem = report.errors.some((e) => e.row === 0);
  const fresh = freshCount(report) > 0;
  return { all: fresh && report.errors.length === 0, validRows: fresh && !fileProblem && report.errors.length > 0 };
}
