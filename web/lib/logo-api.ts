// A contest's logo as the host console and the organiser page change it. `fetch` and the key
// header are passed in (the host's or the organiser's); every failure comes back as an error code.

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;
export type LogoResult = { ok: true; logoUrl: string | null } | { ok: false; error: string };

export interface LogoApi {
  upload(file: Blob): Promise<LogoResult>;
  remove(): Promise<LogoResult>;
}

/** `headers`: the key header of whoever is changing it. */
export function logoApi(fetch: Fetch, contestId: string, headers: Record<string, string>): LogoApi {
  const url = `/api/contests/${encodeURIComponent(contestId)}/logo`;
  return {
    // The bytes as they are: the server judges the type by content, not by what the file claims.
    upload: (file) => call(fetch, url, { method: 'PUT', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: file }),
    remove: () => call(fetch, url, { method: 'DELETE', headers }),
  };
}

async function call(fetch: Fetch, url: string, init: RequestInit): Promise<LogoResult> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    return { ok: false, error: 'offline' };
  }
  type Body = { logoUrl?: unknown; error?: unknown };
  let body: Body = {};
  try {
    body = ((await response.json()) as Body | null) ?? {};
  } catch {
    // Not JSON: a proxy's page, or a server without logos.
  }
  const { logoUrl, error } = body;
  if (response.ok && (typeof logoUrl === 'string' || logoUrl === null)) return { ok: true, logoUrl };
  return { ok: false, error: typeof error === 'string' ? error : 'unavailable' };
}
