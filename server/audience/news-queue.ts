// News for the audience waits here until it can go on: in the audience process, until the process
// is free to write it to the viewers; on the stage, until the pipe to that process has taken the
// last piece (audience-process.ts). Writing one update to ten thousand viewers takes the process a
// good part of a second on a small machine; in a fast buzz round the stage sends several updates
// in that time. Each viewer needs only the latest view, likes total and comment list, so what
// arrives meanwhile is merged per contest and kind, and goes out once. An update's events are
// kept, in order, so no effect on the page (a winner's flash, a score's change) is lost with the
// views it replaced.
import type { AudienceNews } from './audience-messages.js';

export class NewsQueue {
  private readonly due = new Map<string, Map<AudienceNews['event'], AudienceNews>>();

  /** Keeps `news` for `contestId`, in place of an earlier one of its kind. */
  add(contestId: string, news: AudienceNews): void {
    let kinds = this.due.get(contestId);
    if (!kinds) this.due.set(contestId, (kinds = new Map()));
    const before = kinds.get(news.event);
    if (before?.event === 'contest:update' && news.event === 'contest:update') {
      kinds.set(news.event, { event: news.event, payload: { ...news.payload, events: [...before.payload.events, ...news.payload.events] } });
    } else kinds.set(news.event, news);
  }

  /** Forgets what waits for one contest: its opening is newer (audience-process.ts). */
  drop(contestId: string): void {
    this.due.delete(contestId);
  }

  /** Everything waiting, per contest, and forgets it. */
  take(): Array<{ contestId: string; news: AudienceNews }> {
    const out = [...this.due].flatMap(([contestId, kinds]) => [...kinds.values()].map((news) => ({ contestId, news })));
    this.due.clear();
    return out;
  }

  get size(): number {
    return this.due.size;
  }
}
