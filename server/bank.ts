// Loading a question bank file (题库). The format is documented in the README; every file is
// validated before use, and errors name the question and field.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const BUNDLED_BANK = fileURLToPath(new URL('./bank/party-history.json', import.meta.url));

const questionSchema = z.object({
  id: z.string().min(1).max(64),
  type: z.literal('open'),
  category: z.string().min(1).max(32),
  difficulty: z.number().int().min(1).max(5),
  stem: z.string().min(1).max(500),
  answer: z.string().min(1).max(200),
  explanation: z.string().max(1000),
  source: z.string().max(200).optional(),
});

export const bankSchema = z.object({
  format: z.literal('qiangda-bank'),
  version: z.literal(1),
  title: z.string().min(1),
  questions: z.array(questionSchema).min(1),
});

export type Bank = z.infer<typeof bankSchema>;

/** Reads and validates a bank file; throws with every problem listed by path. */
export function loadBank(file: string): Bank {
  const parsed = bankSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`question bank ${file} is not valid:\n${problems.join('\n')}`);
  }
  const ids = new Set<string>();
  for (const q of parsed.data.questions) {
    if (ids.has(q.id)) throw new Error(`question bank ${file}: duplicate id ${q.id}`);
    ids.add(q.id);
  }
  return parsed.data;
}
