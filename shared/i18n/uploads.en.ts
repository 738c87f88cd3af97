// English messages for refusing hostile bank files (zip bombs, files too costly to read); merged into en.ts.
import type { uploadsZh } from './uploads.zh.js';

export const uploadsEn: Record<keyof typeof uploadsZh, string> = {
  'bank.error.xlsx-too-large': 'This Excel file inflates to more than {maxMb} MB (it may be a "zip bomb"): not read, nothing imported. Keep only the questions and save it as .xlsx or .csv again',
  'bank.error.parse-timeout': 'Reading this file took more than {seconds} s and was stopped: nothing imported. Split it into several files or save it as .csv',
  'bank.error.parse-too-much-memory': 'Reading this file needed more than {maxMb} MB of memory and was stopped: nothing imported. Split it into several files or save it as .csv',
  'bank.error.parse-busy': 'The server is busy reading other bank files: this one was not read, nothing imported. Try again in a moment',
};
