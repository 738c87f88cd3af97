// npm run bank:balance -- FILE: reorders the options of a JSON bank file's choice questions so the
// file's own key letters are balanced (Q3's rule, seed "bank"), and prints the letter counts before
// and after (QIANGDA_LANG=en for English). A file written by hand puts most keys at A and B; a
// contest shuffles anyway (Q2), but a file read or printed as it is should not give keys away.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { letters, type Question } from '../../shared/contest/question.js';
import { translate, type Locale } from '../../shared/i18n/index.js';
import { BankFileError, loadBank } from '../bank/bank.js';
import { detectFormat } from '../bank/parse.js';
import { keepsOrder, keyCountsOf, orderAll, type KeyCounts } from '../rooms/option-order.js';
import { cliLocale } from './data-folder.js';

/** The seed every balancing uses, so the same file always comes out the same. */
export const BALANCE_SEED = 'bank';

/** Runs one balancing; returns the exit code (1 when the file is not a valid JSON bank). */
export function runBalanceBank(argv: string[], env: NodeJS.ProcessEnv, print: (line: string) => void): number {
  const locale = cliLocale(env);
  const say = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => print(translate(locale, key, params));
  if (argv.length !== 1 || argv[0].startsWith('-')) {
    say('bank.balance.usage');
    return 2;
  }
  const [file] = argv;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    say('bank.balance.cannot-read', { file, reason: error instanceof Error ? error.message : String(error) });
    return 1;
  }
  if (detectFormat({ name: file, bytes }) !== 'json') {
    say('bank.balance.not-json', { file: basename(file) });
    return 1;
  }
  let questions: Question[];
  try {
    questions = loadBank(file, locale).questions;
  } catch (error) {
    say('bank.balance.invalid', { file: basename(file), reason: error instanceof BankFileError ? `\n${error.problems.join('\n')}` : String(error) });
    return 1;
  }
  const ordered = orderAll(questions, new Map(), (q) => `${BALANCE_SEED}/options/${q.id}`).questions;
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const data = JSON.parse(text) as unknown;
  const raw = (Array.isArray(data) ? data : (data as { questions: unknown[] }).questions) as Record<string, unknown>[];
  let changed = 0;
  ordered.forEach((q, i) => {
    if (keepsOrder(q) || !('options' in q) || !q.optionOrder || q.optionOrder.every((k, p) => k === p)) return;
    raw[i].options = q.options;
    raw[i].answer = letters(q.answer);
    changed++;
  });
  say('bank.balance.before');
  for (const line of countLines(locale, keyCountsOf(questions), questions)) print(line);
  say('bank.balance.after');
  for (const line of countLines(locale, keyCountsOf(ordered), ordered)) print(line);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}${text.endsWith('\n') ? '\n' : ''}`);
  say('bank.balance.written', { file: basename(file), changed });
  return 0;
}

/** "单选，4 个选项的题（120 道）：A 31 · B 30 · C 29 · D 30", one line per type and option count. */
function countLines(locale: Locale, counts: KeyCounts, questions: readonly Question[]): string[] {
  if (counts.size === 0) return [translate(locale, 'bank.balance.none')];
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, row]) => {
      const [type, count] = group.split('/');
      return translate(locale, 'bank.balance.row', {
        type: translate(locale, `bank.type.${type as 'single' | 'multiple'}`),
        count,
        questions: questions.filter((q) => q.type === type && 'options' in q && q.options.length === Number(count)).length,
        letters: row.map((n, i) => `${letters([i])} ${n}`).join(' · '),
      });
    });
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  process.exitCode = runBalanceBank(process.argv.slice(2), process.env, (line) => console.log(line));
}
