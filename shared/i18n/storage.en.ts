// English messages for storage failures; merged into en.ts.
import type { storageZh } from './storage.zh.js';

export const storageEn: Record<keyof typeof storageZh, string> = {
  'storage.title': 'Storage failure: nothing new can be recorded',
  'storage.since': 'since {time}',
  'storage.separator': ': ',
  'storage.refusing': 'Until it recovers, every action (questions, buzzes, answers, rulings, joining a seat) is refused and has no effect.',
  'storage.problem.disk-full': 'The disk is full',
  'storage.problem.read-only': 'The data file cannot be written (read-only)',
  'storage.problem.corrupt': 'The data file is damaged',
  'storage.problem.io-error': 'The disk reported a read/write error',
  'storage.problem.unknown': 'Cannot save to disk',
  'storage.advice.disk-full': 'Free up disk space; the next action retries by itself. Everything already recorded is safe.',
  'storage.advice.read-only':
    'Make the data file and its folder writable again (a USB stick may have a write-protect switch); the next action retries by itself. Everything already recorded is safe.',
  'storage.advice.corrupt':
    'Writing has stopped so the damage cannot spread. Stop the server (Ctrl+C) and start it again: it checks the file and says how to restore it from an archive or backup.',
  'storage.advice.io-error': 'Check that the disk or USB stick is still plugged in; once it is, the next action retries by itself. Everything already recorded is safe.',
  'storage.advice.unknown': 'The next action retries by itself; the server terminal has the details. Everything already recorded is safe.',

  'terminal.newContest': '(new)',
  'terminal.storageFailed': '[storage failure] contest {contest}: {problem}; a write failed ({what}: {detail}). {advice} Until it recovers, every action is refused.',
  'terminal.storageRecovered': '[storage recovered] contest {contest}: writes work again (after about {seconds} s). Actions refused meanwhile must be done again.',

  'terminal.open.disk-full': 'The disk is full; cannot write the data file: {file}',
  'terminal.open.read-only': 'The data file or its folder cannot be written (read-only): {file}',
  'terminal.open.corrupt': 'The data file is damaged and cannot be used: {file}',
  'terminal.open.io-error': 'The disk reported an error reading or writing the data file: {file}',
  'terminal.open.unknown': 'Cannot open the data file: {file}',
  'terminal.open.detail': 'Cause: {detail}',
  'terminal.open.unchanged': 'The server did not start, and the file was not changed.',
  'terminal.open.todo.disk-full': 'Free up disk space and start again, or use --data with a folder on another disk.',
  'terminal.open.todo.read-only': 'Make the file and its folder writable (a USB stick may have a write-protect switch), or use --data with a writable folder.',
  'terminal.open.todo.corrupt':
    'Do one of these:\n  · move the file somewhere else (keep it for a technician) and start again: a new contest is created;\n  · replace it with the file from an archive or backup and start again;\n  · start with --data and another folder.',
  'terminal.open.todo.io-error': 'Check that the disk or USB stick is connected and start again, or use --data with another folder.',
  'terminal.open.todo.unknown': 'Pass the cause above on to a technician, or start with --data and another folder.',
};
