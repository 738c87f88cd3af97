// Rounding shared by judged results (J3) and the final ranking (R3): half up, as organisers
// round by hand, and free of binary float surprises.

/** Half up to `decimals`, free of binary surprises (2.675 -> 2.68): the value is first fixed to
 * 12 significant digits, which no score needs and every float error stays below. */
export function roundHalfUp(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = Number((Number(value.toPrecision(12)) * scale).toPrecision(12));
  const units = Math.sign(scaled) * Math.floor(Math.abs(scaled) + 0.5);
  return units / scale + 0;
}
