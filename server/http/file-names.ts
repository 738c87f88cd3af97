// Names of files handed to the organisers (archives, exports): the contest's title and date,
// safe on every file system.
import type { StoredContest } from '../storage/store.js';

/** The title as a file name part: no characters a file system refuses, nothing that climbs out of a folder. */
export function fileTitle(title: string): string {
  // eslint-disable-next-line no-control-regex
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim().slice(0, 60) || 'qiangda';
}

/** YYYY-MM-DD of an instant in the hall's time zone (the server's by default). */
export function fileDate(ms: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** The day of the show: its first logged command, or the day it was created if it has not begun. */
export function showDate(stored: Pick<StoredContest, 'commands' | 'createdAt'>, timeZone?: string): string {
  return fileDate(stored.commands[0]?.at ?? stored.createdAt, timeZone);
}
