// English messages for one replay; merged into en.ts.
import type { replayZh } from './replay.zh.js';

export const replayEn: Record<keyof typeof replayZh, string> = {
  'replay.refused.terminal': 'Contest {contest}: logged command {n} ({type}) was refused on replay ({error}); the show goes on from the rest of the log. Tell the staff',
  'replay.export.rulesVersion': 'Rules version',
  'replay.export.complete': 'Every logged command replayed: nothing is missing',
  'replay.export.refused': 'Logged command {n} ({type}) was refused on replay ({error}); the results leave it out',
  'replay.archive.refused': 'Logged command {n} ({type}) in the archive is refused on replay ({error}). Not restored',
};
