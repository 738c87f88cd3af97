// Text as the bank checks compare it: what a reader would call "the same words" whatever the
// width, case, spacing or punctuation an organiser's spreadsheet happened to use.

/** Full-width folded to half (NFKC), lower case, with spaces, punctuation and symbols removed. */
export function matchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The distinct runs of `n` characters in an already matched text (the whole text when shorter). */
export function grams(text: string, n: number): Set<string> {
  const chars = [...text];
  if (chars.length <= n) return new Set(chars.length ? [chars.join('')] : []);
  const out = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}
