// What the host console is told of the judges: each judge's link and code (secrets, for the host
// alone), and whether their devices are on. The screen, phones and judges never get this.
import type { JudgesAccess } from '../../shared/protocol.js';
import type { Contests } from '../rooms/contests.js';
import type { ContestRoom } from '../rooms/room.js';

/** The panel with its links, codes and devices, in panel order, for the host console. */
export function judgesAccess(contests: Contests, room: ContestRoom): JudgesAccess {
  const panel = new Map((room.state.definition.judges ?? []).map((j) => [j.id, j]));
  return {
    judges: room.judgeSecrets().flatMap(({ secret, connected }) => {
      const judge = panel.get(secret.judgeId);
      if (!judge) return [];
      return [{
        judgeId: judge.id,
        name: judge.name,
        ...(judge.title && { title: judge.title }),
        ...(judge.unit && { unit: judge.unit }),
        link: contests.judgeLink(room.id, secret.key),
        code: secret.code,
        devices: secret.deviceTokens.length,
        connected,
      }];
    }),
    judgeUrl: contests.judgeUrl(room.id),
    cardsUrl: contests.judgeCardsUrl(room),
  };
}
