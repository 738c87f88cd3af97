// Asking the server which contests are on, for the landing page.

export interface OpenContest {
  id: string;
  title: string;
  joinUrl: string;
}

export type OpenContestsResult = { ok: true; contests: OpenContest[] } | { ok: false; error: string };

/** GET /api/contests/open, read defensively: the answer decides where a phone is sent. */
export async function fetchOpenContests(fetcher: typeof fetch = fetch): Promise<OpenContestsResult> {
  try {
    const response = await fetcher('/api/contests/open', { headers: { accept: 'application/json' } });
    const body = (await response.json()) as { contests?: Partial<OpenContest>[]; error?: string };
    if (!response.ok || !Array.isArray(body.contests)) return { ok: false, error: body.error ?? 'unknown-contest' };
    const contests = body.contests.flatMap((c) => (typeof c.id === 'string' ? [{ id: c.id, title: c.title ?? '', joinUrl: c.joinUrl ?? '' }] : []));
    return { ok: true, contests };
  } catch {
    return { ok: false, error: 'timeout' };
  }
}

/** The contestant page of a contest, on this page's own address (the one the phone reached). */
export function joinPath(contestId: string): string {
  return `/contestant/?c=${encodeURIComponent(contestId)}`;
}
