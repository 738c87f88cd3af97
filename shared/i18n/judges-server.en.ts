// English messages for judges on the server: the panel in the contest file, judge links and
// codes, judge cards, the judges' export sheet; merged into en.ts.
import type { judgesServerZh } from './judges-server.zh.js';

export const judgesServerEn: Record<keyof typeof judgesServerZh, string> = {
  'definition.field.judges': 'Judges',
  'definition.field.judges.item': 'Judge {n}',
  'definition.field.judges.id': 'Id',
  'definition.field.judges.name': 'Name',
  'definition.field.judges.title': 'Title',
  'definition.field.judges.unit': 'Unit',
  'definition.field.topic': 'Action title',
  'judges.definition.duplicate-judge': 'two judges have the same name',
  'judges.definition.duplicate-judge-id': 'two judges have the same id',

  'error.bad-judge-key': 'This judge link is not valid (or no longer): ask the staff for your judge card',
  'error.bad-judge-code': 'Judge code not valid',
  'error.no-judge': 'Enter your judge code first',
  'error.already-judge': 'This device is already signed in as a judge',

  'terminal.judges': 'Judges (links and codes; do not project):',
  'terminal.judge': '{name}  code {code}  {link}',
  'terminal.judgeCards': 'Judge cards (print):',

  'host.judgeCards': 'Print judge cards',
  'judgeCards.pageTitle': 'Judge cards',
  'judgeCards.hint': "Each card holds the judge's own link as a QR code and the judge code: they are the judge's password. Hand each card to its judge; never project it.",
  'judgeCards.scan': 'Scan with a phone or tablet to open the scoring page',
  'judgeCards.code': 'Judge code',
  'judgeCards.none': 'This contest has no judges (judges in the contest file).',

  'export.sheet.judges': 'Judges',
  'export.col.turn': 'Order',
  'export.col.judge': 'Judge',
  'export.col.score': 'Score',
  'export.col.parts': 'Parts',
  'export.col.scoredAt': 'Scored at',
  'export.col.changes': 'Changes',
  'export.col.byHost': 'Entered by host',
  'export.col.excluded': 'Excluded / absent',
  'export.col.dropped': 'Dropped',
  'export.col.aggregate': 'Panel score',
  'export.col.overtime': 'Overtime (s)',
  'export.col.deduction': 'Overtime deduction',
  'export.col.result': 'Result',
  'export.dropped': 'dropped',
  'export.notScored': 'not scored',
};
