// The audience page's address, from the join link the screen and the host already hold.

/** `…/contestant/?c=ID` becomes `…/watch/?c=ID`, on the same public address. */
export function watchUrlOf(joinUrl: string): string {
  const url = new URL(joinUrl);
  url.pathname = url.pathname.replace(/contestant\/?$/, 'watch/');
  return url.href;
}

/** The audience page's QR code, served beside the seats' join QR, for the contest the link names. */
export function watchQrSrc(joinUrl: string): string {
  const contestId = new URL(joinUrl).searchParams.get('c') ?? '';
  return `/api/contests/${encodeURIComponent(contestId)}/watch-qr.svg`;
}
