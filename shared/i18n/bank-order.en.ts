// English messages for option order, giveaways and local categories in bank files; merged into en.ts.
import type { bankOrderZh } from './bank-order.zh.js';

export const bankOrderEn: Record<keyof typeof bankOrderZh, string> = {
  'category.local-hunan': 'Local history (Hunan)',
  'bank.column.fixedOptions': 'fixed options',
  'bank.column.excludes': 'excludes',
  'bank.error.bad-fixed-options': '{at}: "fixed options" should be yes or no (or 1/0, √; empty means no), not "{value}"',
  'bank.template.help.fixedOptions': 'Fixed options (固定选项): "是" keeps the options in the bank\'s order in every contest (true/false, "all of the above", options in sequence); left empty, each contest shuffles them and balances the key letters.',
  'bank.template.help.excludes': 'Excludes (互斥题号): ids of questions that must never be in the same contest as this one (its explanation gives their answer away, say), separated by commas or spaces; optional.',
  'bank.template.help.local': 'Category may also be 地方党史（湖南） (or 湖南), local history: drawn only by a round whose draw names that category.',
  'bank.balance.usage': 'Usage: npm run bank:balance -- bank-file.json',
  'bank.balance.not-json': 'Only a JSON bank file can be balanced: {file} is not JSON. Import an Excel or CSV bank instead; each contest shuffles its options anyway.',
  'bank.balance.cannot-read': 'Cannot read {file}: {reason}',
  'bank.balance.invalid': '{file} is not a valid bank file: {reason}',
  'bank.balance.before': 'Times each letter is a key, before:',
  'bank.balance.after': 'Times each letter is a key, after:',
  'bank.balance.row': '  {type}, {count} options ({questions}): {letters}',
  'bank.balance.none': '  (no choice questions to reorder)',
  'bank.balance.written': 'Rewrote {file}: reordered the options of {changed} questions (fixed ones left as they were).',
};
