// What a page learns from its address: which contest, and the host key or join code if given.

export interface PageParams {
  contestId: string | null;
  hostKey: string | null;
  joinCode: string | null;
}

/** Reads ?c=, ?key= and ?code= from a query string (the page's own by default). */
export function pageParams(search: string = globalThis.location?.search ?? ''): PageParams {
  const params = new URLSearchParams(search);
  const read = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value : null;
  };
  return { contestId: read('c'), hostKey: read('key'), joinCode: read('code') };
}
