// The settings form's model of the contest file's `awards` (奖项, AW1-AW3), and back, so a contest
// file's prizes survive an edit in the lobby and the host can set them without writing JSON.
type Json = Record<string, unknown>;

/** One prize tier as the form edits it: places (by count) or a minimum total (by threshold);
 * NaN (or null, from an emptied number field) while left empty: the server then names it. */
export interface EditorTier {
  name: string;
  count: number;
  minTotal: number;
}

/** The form's prizes: null when the contest gives none. */
export interface EditorAwards {
  by: 'count' | 'threshold';
  boundaryTie: 'higher' | 'host';
  tiers: EditorTier[];
}

const isRecord = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN);

/** The usual three prizes, 1/3/6 places, for a contest that had none. */
export function newAwards(names: readonly string[]): EditorAwards {
  const counts = [1, 3, 6];
  return { by: 'count', boundaryTie: 'higher', tiers: names.map((name, i) => ({ name, count: counts[i] ?? 1, minTotal: Number.NaN })) };
}

/** Reads `awards` from a loaded file; anything unreadable is kept as far as it goes. */
export function awardsFrom(v: unknown): EditorAwards | null {
  if (!isRecord(v)) return null;
  return {
    by: v.by === 'threshold' ? 'threshold' : 'count',
    boundaryTie: v.boundaryTie === 'host' ? 'host' : 'higher',
    tiers: (Array.isArray(v.tiers) ? v.tiers : []).map((t) => {
      const r = isRecord(t) ? t : {};
      return { name: typeof r.name === 'string' ? r.name : '', count: num(r.count), minTotal: num(r.minTotal) };
    }),
  };
}

/** `awards` for the file: only the field the kind of tiers uses; the defaults left out. */
export function awardsFile(awards: EditorAwards | null): Json {
  if (!awards) return {};
  const key = awards.by === 'count' ? 'count' : 'minTotal';
  return {
    awards: {
      ...(awards.by === 'count' ? {} : { by: awards.by }),
      ...(awards.boundaryTie === 'higher' ? {} : { boundaryTie: awards.boundaryTie }),
      tiers: awards.tiers.map((t) => ({ name: t.name, ...(Number.isFinite(t[key]) ? { [key]: t[key] } : {}) })),
    },
  };
}
