// Asking the server which contest is on, for the landing page.

export interface CurrentContest {
  id: string;
  title: string;
  joinUrl: string;
}

export type CurrentContestResult = { ok: true; contest: CurrentContest } | { ok: false; error: string };

/** GET /api/contests/current, read defensively: the answer decides where a phone is sent. */
export async function fetchCurrentContest(fetcher: typeof fetch = fetch): Promise<CurrentContestResult> {
  try {
    const response = await fetcher('/api/contests/current', { headers: { accept: 'application/json' } });
    const body = (await response.json()) as Partial<CurrentContest> & { error?: string };
    if (!response.ok || typeof body.id !== 'string') return { ok: false, error: body.error ?? 'unknown-contest' };
    return { ok: true, contest: { id: body.id, title: body.title ?? '', joinUrl: body.joinUrl ?? '' } };
  } catch {
    return { ok: false, error: 'timeout' };
  }
}

/** The contestant page of a contest, on this page's own address (the one the phone reached). */
export function joinPath(contestId: string): string {
  return `/contestant/?c=${encodeURIComponent(contestId)}`;
}
