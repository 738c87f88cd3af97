// The ranking (R2, R3, R5) as the host's settings form edits it: each stage's normalisation, the
// decimals and the tie-break list, read from a contest file and written back so the server reads
// the same ranking (server/setup/ranking-file.ts is the truth). A stage tie-break names its
// stage as the file does, by name.
import type { Normalise, TieBreak } from '../../shared/contest/ranking-types.js';

export const NORMALISE_KINDS: readonly Normalise[] = ['none', 'max', 'best'];
export const TIE_BREAK_KINDS: readonly TieBreak['by'][] = ['stage', 'buzz-right', 'wrong-buzzes', 'false-starts'];
/** R3: the file's default decimals. */
export const DEFAULT_DECIMALS = 2;

type NumberField = number | null | undefined;

export interface EditorTieBreak {
  by: TieBreak['by'];
  /** For `stage`: the stage's name, as the file names it. */
  stage: string;
}

export interface EditorRanking {
  decimals: NumberField;
  tieBreaks: EditorTieBreak[];
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** A stage's normalisation as loaded; anything else is the default, `none`. */
export function normaliseFrom(v: unknown): Normalise {
  return (NORMALISE_KINDS as readonly unknown[]).includes(v) ? (v as Normalise) : 'none';
}

/** The stage's `normalise` in the file; the default is left out, as a file without it loads the same. */
export function normaliseFile(normalise: Normalise): Json {
  return normalise === 'none' ? {} : { normalise };
}

/** The file's ranking with its defaults shown; tie-breaks of an unknown kind are dropped. */
export function rankingFrom(v: unknown): EditorRanking {
  const r = isRecord(v) ? v : {};
  const decimals = typeof r.decimals === 'number' && Number.isFinite(r.decimals) ? r.decimals : DEFAULT_DECIMALS;
  const tieBreaks = (Array.isArray(r.tieBreaks) ? r.tieBreaks : [])
    .filter((t): t is Json => isRecord(t) && (TIE_BREAK_KINDS as readonly unknown[]).includes(t.by))
    .map((t) => ({ by: t.by as TieBreak['by'], stage: typeof t.stage === 'string' ? t.stage : '' }));
  return { decimals, tieBreaks };
}

/** The file's `ranking`, or nothing when it says no more than the defaults (two decimals, no tie-breaks). */
export function rankingFile(ranking: EditorRanking): Json {
  const decimals = ranking.decimals ?? null;
  if (decimals === DEFAULT_DECIMALS && ranking.tieBreaks.length === 0) return {};
  const tieBreaks = ranking.tieBreaks.map((t) => (t.by === 'stage' ? { by: 'stage', stage: t.stage } : { by: t.by }));
  return { ranking: { ...(decimals !== null && { decimals }), tieBreaks } };
}

/** A new tie-break: the first kind not yet in the list (a stage one names the last stage, as
 * the weightiest stage often comes last: 述行动). */
export function newTieBreak(list: readonly EditorTieBreak[], stageNames: readonly string[]): EditorTieBreak {
  const used = new Set(list.map((t) => (t.by === 'stage' ? `stage:${t.stage}` : t.by)));
  const stage = [...stageNames].reverse().find((name) => !used.has(`stage:${name}`)) ?? stageNames.at(-1) ?? '';
  const by = TIE_BREAK_KINDS.find((kind) => (kind === 'stage' ? !used.has(`stage:${stage}`) : !used.has(kind))) ?? 'stage';
  return { by, stage };
}
