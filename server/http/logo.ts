// A contest's logo as uploaded: checked by its content, not its name or declared type, so a
// renamed file or an SVG (which can carry script) is refused, and given a version that changes
// with its bytes, so screens may cache it for good.
import { createHash } from 'node:crypto';
import { LOGO_MAX_BYTES, LogoError, type LogoType } from '../../shared/branding.js';
import type { Logo } from '../storage/store.js';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The image type the bytes are, by their magic numbers; null for anything else. */
export function imageTypeOf(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Checks uploaded bytes and makes them a logo, or names why not. */
export function logoOf(bytes: Uint8Array): { ok: true; logo: Logo } | { ok: false; error: LogoError } {
  if (bytes.byteLength === 0) return { ok: false, error: LogoError.NoLogo };
  if (bytes.byteLength > LOGO_MAX_BYTES) return { ok: false, error: LogoError.TooBig };
  const type = imageTypeOf(bytes);
  if (!type) return { ok: false, error: LogoError.NotImage };
  const version = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return { ok: true, logo: { type, bytes: Buffer.from(bytes), version } };
}
