// Who puts the contest on and how its pages look: organiser (主办), co-organiser (承办), a
// subtitle, a colour theme and a logo. Part of the contest definition (the logo is kept beside
// it); every role may see it. Server and pages import this contract.

/** The colour themes: 党建红 (the default) and 庄重蓝, a deep blue with gold. */
export const THEMES = ['red', 'blue'] as const;
export type ThemeName = (typeof THEMES)[number];
export const DEFAULT_THEME: ThemeName = 'red';

/** What the contest file says; empty names are left out. */
export interface Branding {
  organiser?: string;
  coOrganiser?: string;
  subtitle?: string;
  theme: ThemeName;
}

/** What each page is sent: names or null, the theme, and where to fetch the logo (null: none). */
export interface BrandingView {
  organiser: string | null;
  coOrganiser: string | null;
  subtitle: string | null;
  theme: ThemeName;
  logoUrl: string | null;
}

/** Raster images only: an SVG can carry script, and a logo needs none of what SVG offers. */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
/** 1 MiB: plenty for a logo on a 1920x1080 screen, small enough to send to every phone. */
export const LOGO_MAX_BYTES = 1024 * 1024;

/** Every error code the logo routes answer with. Pages translate them as `error.<code>`. */
export const LogoError = {
  NotAuthorised: 'not-authorised',
  UnknownContest: 'unknown-contest',
  ContestClosed: 'contest-closed',
  StorageFailed: 'storage-failed',
  /** With --redis: no process answered for the contest (a hand-over under way); try again. */
  Internal: 'internal-error',
  /** The contest has no logo (GET), or the upload was empty. */
  NoLogo: 'no-logo',
  /** Over LOGO_MAX_BYTES. */
  TooBig: 'logo-too-big',
  /** Not a PNG, JPEG or WebP by its content, whatever its name says (SVG included). */
  NotImage: 'logo-not-image',
} as const;
export type LogoError = (typeof LogoError)[keyof typeof LogoError];

/** Where a contest's logo is served; `version` changes with the logo, so it can be cached for good. */
export function logoUrl(contestId: string, version: string): string {
  return `/api/contests/${encodeURIComponent(contestId)}/logo?v=${encodeURIComponent(version)}`;
}

/** The view of a definition's branding: names or null, the default theme when it says none. */
export function brandingView(branding: Branding | undefined, logo: string | null): BrandingView {
  return {
    organiser: branding?.organiser || null,
    coOrganiser: branding?.coOrganiser || null,
    subtitle: branding?.subtitle || null,
    theme: branding?.theme ?? DEFAULT_THEME,
    logoUrl: logo,
  };
}
