// The contest's colour theme on the page: data-theme on <html> (theme.css holds the colours),
// remembered per contest so a reload shows the right colours before the first view arrives.
import { DEFAULT_THEME, THEMES, type ThemeName } from '../../shared/branding.js';

const storageKey = (contestId: string) => `qiangda.theme.${contestId}`;

function remembered(contestId: string): ThemeName {
  try {
    const saved = globalThis.localStorage?.getItem(storageKey(contestId));
    return (THEMES as readonly string[]).includes(saved ?? '') ? (saved as ThemeName) : DEFAULT_THEME;
  } catch {
    return DEFAULT_THEME;
  }
}

/** Shows the contest's theme: the view's once there is one, until then the one last seen. */
export function followTheme(contestId: string | null, theme: ThemeName | undefined): void {
  if (typeof document === 'undefined') return;
  const shown = theme ?? (contestId ? remembered(contestId) : DEFAULT_THEME);
  document.documentElement.dataset.theme = shown;
  if (!theme || !contestId) return;
  try {
    localStorage.setItem(storageKey(contestId), theme);
  } catch {
    // Private browsing: the theme still shows, it is just not remembered.
  }
}
