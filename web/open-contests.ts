// Asking the server which contests are on, for the landing page.

export interface OpenContest {
  id: string;
  title: string;
  joinUrl: string;
  /** When it was made (ms), to tell contests of the same title apart; null if not told. */
  createdAt: number | null;
  /** Whether the show has begun. */
  status: 'not-started' | 'running';
}

export type OpenContestsResult = { ok: true; contests: OpenContest[] } | { ok: false; error: string };

/** GET /api/contests/open, read defensively: the answer decides where a phone is sent. */
export async function fetchOpenContests(fetcher: typeof fetch = fetch): Promise<OpenContestsResult> {
  try {
    const response = await fetcher('/api/contests/open', { headers: { accept: 'application/json' } });
    const body = (await response.json()) as { contests?: Partial<OpenContest>[]; error?: string };
    if (!response.ok || !Array.isArray(body.contests)) return { ok: false, error: body.error ?? 'unknown-contest' };
    const contests = body.contests.flatMap((c): OpenContest[] =>
      typeof c.id === 'string'
        ? [{ id: c.id, title: c.title ?? '', joinUrl: c.joinUrl ?? '', createdAt: typeof c.createdAt === 'number' ? c.createdAt : null, status: c.status === 'running' ? 'running' : 'not-started' }]
        : [],
    );
    return { ok: true, contests };
  } catch {
    return { ok: false, error: 'timeout' };
  }
}

/** The contestant page of a contest, on this page's own address (the one the phone reached). */
export function joinPath(contestId: string): string {
  return `/contestant/?c=${encodeURIComponent(contestId)}`;
}

/** 2026-11-29 14:05 in the phone's own time zone: enough to tell two contests of one title apart. */
export function contestDate(createdAt: number | null): string {
  if (createdAt === null) return '';
  const d = new Date(createdAt);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
