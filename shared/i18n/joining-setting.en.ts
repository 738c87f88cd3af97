// English messages for the contest settings' joining field (S6); merged into en.ts.
import type { joiningSettingZh } from './joining-setting.zh.js';

export const joiningSettingEn: Record<keyof typeof joiningSettingZh, string> = {
  'editor.approvalAfter': 'New phones need the host’s approval',
  'editor.approvalAfter.lock': 'Once the seats are locked',
  'editor.approvalAfter.start': 'Once the show starts (or the seats are locked)',
  'editor.approvalAfterNote': 'Until then a right join code joins at once; after, approve each phone under Requests to join.',
};
