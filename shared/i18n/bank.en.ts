// English messages for the bank area; merged into en.ts. Must carry every key of bank.zh.ts.
import type { bankZh } from './bank.zh.js';

export const bankEn: Record<keyof typeof bankZh, string> = {};
