// server/contests/final-example.json for the tests that play or start it (issue 13).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FINAL_EXAMPLE = fileURLToPath(new URL('../../server/contests/final-example.json', import.meta.url));

/** The example file as JSON, for the harness to make a contest of. */
export function finalExample(): Record<string, unknown> {
  return JSON.parse(readFileSync(FINAL_EXAMPLE, 'utf8')) as Record<string, unknown>;
}

/** A 述行动 score's parts on the file's 内容 40 / 表达 30 / 效果 30, adding up to it (halves). */
export function actionParts(value: number): number[] {
  const content = Math.floor(value * 0.4 * 2) / 2;
  const delivery = Math.floor(value * 0.3 * 2) / 2;
  return [content, delivery, value - content - delivery];
}
