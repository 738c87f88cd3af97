// The organiser's routes as the 赛事管理 page calls them. `fetch` is passed in so tests hand it a
// fake; answers are read defensively, and every failure comes back as an error code to translate.
import {
  ORGANISER_KEY_HEADER,
  type ContestCreated,
  type ContestListing,
  type ContestRestored,
  type CreateContest,
  type OrganiserRefusal,
} from '../../shared/organiser.js';
import type { DefinitionIssue } from '../../shared/protocol.js';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** `offline`: no answer; `unavailable`: an answer that is not ours (a proxy's page, an old server). */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: string; issues?: DefinitionIssue[]; refused?: RefusedCommandFact };
/** An archive's logged command that is refused on replay, as the server names it. */
export type RefusedCommandFact = NonNullable<OrganiserRefusal['refused']>;

export interface ContestsApi {
  list(): Promise<ApiResult<ContestListing[]>>;
  create(request: CreateContest): Promise<ApiResult<ContestCreated>>;
  close(id: string): Promise<ApiResult<{ closedAt: number }>>;
  /** Sends the archive file's bytes as they are. */
  restore(body: BodyInit): Promise<ApiResult<ContestRestored>>;
  archiveUrl(id: string): string;
}

export function contestsApi(fetch: Fetch, organiserKey: string): ContestsApi {
  const headers = { [ORGANISER_KEY_HEADER]: organiserKey };
  const contest = (id: string) => `/api/contests/${encodeURIComponent(id)}`;
  return {
    list: async () => {
      const result = await call(fetch, '/api/contests', { headers }, (b): b is { contests: ContestListing[] } => Array.isArray((b as { contests?: unknown }).contests));
      return result.ok ? { ok: true, data: result.data.contests } : result;
    },
    create: (request) =>
      call(fetch, '/api/contests', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(request) }, isCreated),
    close: (id) => call(fetch, `${contest(id)}/close`, { method: 'POST', headers }, (b): b is { closedAt: number } => typeof (b as { closedAt?: unknown }).closedAt === 'number'),
    restore: (body) => call(fetch, '/api/contests/restore', { method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream' }, body }, isCreated),
    archiveUrl: (id) => `${contest(id)}/archive?key=${encodeURIComponent(organiserKey)}`,
  };
}

async function call<T>(fetch: Fetch, url: string, init: RequestInit, valid: (body: object) => body is T & object): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    return { ok: false, error: 'offline' };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a page served instead of the route, or a proxy's error page.
  }
  if (!body || typeof body !== 'object') return { ok: false, error: 'unavailable' };
  if (response.ok && valid(body)) return { ok: true, data: body };
  const { error, issues, refused } = body as { error?: unknown; issues?: unknown; refused?: unknown };
  return {
    ok: false,
    error: typeof error === 'string' ? error : 'unavailable',
    ...(Array.isArray(issues) && { issues: issues as DefinitionIssue[] }),
    ...(isRefusedCommand(refused) && { refused }),
  };
}

function isRefusedCommand(x: unknown): x is RefusedCommandFact {
  const r = x as Partial<RefusedCommandFact> | null;
  return typeof r === 'object' && r !== null && typeof r.index === 'number' && typeof r.type === 'string' && typeof r.error === 'string';
}

function isCreated(body: object): body is ContestCreated & ContestRestored {
  return typeof (body as ContestCreated).id === 'string' && typeof (body as ContestCreated).title === 'string';
}

/** The pages a contest's row links to, on this page's own address. */
export function contestLinks(contest: Pick<ContestListing, 'id' | 'hostKey'>): { host: string; screen: string } {
  const c = encodeURIComponent(contest.id);
  return { host: `/host/?c=${c}&key=${encodeURIComponent(contest.hostKey)}`, screen: `/screen/?c=${c}` };
}
