// What every HTTP answer carries, and what an error looks like: headers that keep the pages from
// being framed, sniffed or fed foreign script, and errors as a JSON code, never a stack or a path.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode } from '../../shared/protocol.js';

/** The pages' Content-Security-Policy. Styles allow inline because Svelte writes `style`
 * attributes; images allow data: and blob: for previews of an uploaded logo. In dev, Vite's
 * hot-reload socket is on its own port. */
export function contentSecurityPolicy(dev = false): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sets the security headers on every answer; routes may tighten them (seat cards: no referrer). */
export function securityHeaders(dev = false): RequestHandler {
  const csp = contentSecurityPolicy(dev);
  return (_req, res, next) => {
    res.set({
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'same-origin',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    next();
  };
}

/** After every route and the pages: nothing here, as JSON rather than Express's HTML page. */
export function jsonNotFound(): RequestHandler {
  return (_req, res) => void res.status(404).json({ error: ErrorCode.NotFound });
}

/** Express's last handler: a client's mistake (a malformed URL escape, a bad body) is answered
 * 400 `bad-request`, anything else 500 `internal-error`; the details go to the terminal only. */
export function jsonErrors(log: (message: string) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : 500;
    if (status >= 500) log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
    const code = status >= 500 ? ErrorCode.Internal : status === 413 ? ErrorCode.TooLarge : ErrorCode.BadRequest;
    res.status(status >= 400 && status < 600 ? status : 500).json({ error: code });
  };
}
