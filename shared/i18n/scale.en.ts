// English for scale-out (--redis): the terminal's lines when a contest's engine moves between processes.
import type { scaleZh } from './scale.zh.js';

export const scaleEn: Record<keyof typeof scaleZh, string> = {
  'scale.tookOver.terminal': 'Contest {contest}: its engine runs in this process now (replayed from the log)',
  'scale.leaseLost.terminal': 'Contest {contest}: another process took over its engine; it no longer runs here',
  'scale.redisError.terminal': 'Redis: {message} (contests owned here carry on; audience and phones on other processes reconnect by themselves)',
};
