// A risk round's own settings (风险题, RK) as the settings form edits them: the stakes as the host
// types them ("10, 20, 30") and whether a pass is allowed; back to the file's fields.

/** What the form keeps of a risk round beyond the answer time and turns each, and whether a
 * buzz-in round is played for the question's stake (RK9). */
export interface EditorRisk {
  /** The stakes as typed: numbers separated by commas, spaces or 、. */
  stakes: string;
  allowPass: boolean;
  /** buzz-in: the winner risks the question's stake (风险抢答). */
  buzz: boolean;
}

/** The file format's defaults (server/setup/contest-file.ts). */
export const DEFAULT_STAKES = [10, 20, 30] as const;

export function newRisk(): EditorRisk {
  return { stakes: DEFAULT_STAKES.join(', '), allowPass: true, buzz: false };
}

/** The form's risk settings from a file's round (defaults where the file says nothing). */
export function riskFrom(round: Record<string, unknown>): EditorRisk {
  const stakes = Array.isArray(round.stakes) && round.stakes.length > 0 ? round.stakes.map(String).join(', ') : newRisk().stakes;
  return { stakes, allowPass: round.allowPass !== false, buzz: round.kind === 'buzz-in' && round.risk === true };
}

/** The stakes typed, as numbers. A part that is not a number stays in as NaN, which goes out as
 * null: the server then names that field (RK2), rather than the form dropping it silently. */
export function stakesOf(typed: string): number[] {
  return typed
    .split(/[\s,，、;；]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}

/** The file's fields for the form's risk settings. */
export function riskFile(risk: EditorRisk): { stakes: number[]; allowPass: boolean } {
  return { stakes: stakesOf(risk.stakes), allowPass: risk.allowPass };
}
