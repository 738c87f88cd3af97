// S6: the contest file says when joining needs the host; a bad setting is named by its field.
import { describe, expect, it } from 'vitest';
import { BUNDLED_BANK, loadBank } from '../../server/bank.js';
import { parseContestFile } from '../../server/contest-file.js';
import { readContestFile } from '../../server/demo.js';
import { drawContest } from '../../server/draw.js';

const withJoining = (joining: unknown) => ({ ...(readContestFile() as object), joining });
const bank = loadBank(BUNDLED_BANK).questions;

describe('[S6] the joining setting', () => {
  it('[S6] "start" reaches the definition; a joining block without it means "lock"; none at all is the default', () => {
    const start = parseContestFile(withJoining({ approvalAfter: 'start' }));
    if (!start.ok) return expect.fail(start.issues.map((i) => i.zh).join('\n'));
    const drawn = drawContest(start.file, bank, 'seed');
    expect(drawn.ok && drawn.definition.joining).toEqual({ approvalAfter: 'start' });
    const empty = parseContestFile(withJoining({}));
    expect(empty.ok && empty.file.joining).toEqual({ approvalAfter: 'lock' });
    const none = parseContestFile(readContestFile());
    if (!none.ok) return expect.fail('the demo is refused');
    const plain = drawContest(none.file, bank, 'seed');
    expect(plain.ok && plain.definition.joining).toBeUndefined();
  });

  it('[S6] an unknown moment and an unknown field are each named, in Chinese and English', () => {
    const parsed = parseContestFile(withJoining({ approvalAfter: 'never', whitelist: [] }));
    if (parsed.ok) return expect.fail('accepted');
    const byPath = Object.fromEntries(parsed.issues.map((i) => [i.path, i]));
    expect(byPath['joining.approvalAfter'].zh).toMatch(/^加入 › 何时起需主持人批准.*：/);
    expect(byPath['joining.approvalAfter'].en).toMatch(/^Joining › When joining needs the host.*lock.*start/);
    expect(byPath.joining.zh).toMatch(/^加入：.*whitelist/);
  });
});
