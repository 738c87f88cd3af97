// The columns a bank file may have, the header names each is known by (Chinese and English),
// and the words accepted in the type, true/false and category cells.
import type { QuestionType } from '../../shared/contest/question.js';

export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type OptionLetter = (typeof OPTION_LETTERS)[number];
export type OptionColumn = `option${OptionLetter}`;

export type ColumnKey =
  | 'type'
  | 'stem'
  | OptionColumn
  | 'answer'
  | 'explanation'
  | 'category'
  | 'difficulty'
  | 'points'
  | 'source'
  | 'id'
  | 'fixedOptions'
  | 'excludes';

/** The column of option `index` (0 = A). */
export const optionColumn = (index: number): OptionColumn => `option${OPTION_LETTERS[index]}`;
export const OPTION_COLUMNS: OptionColumn[] = OPTION_LETTERS.map((_, i) => optionColumn(i));

/** Columns in the order the template and the messages use. */
export const COLUMNS: ColumnKey[] = ['type', 'stem', ...OPTION_COLUMNS, 'answer', 'explanation', 'category', 'difficulty', 'points', 'source', 'id', 'fixedOptions', 'excludes'];

/** A file without these columns is refused as a whole rather than row by row. */
export const REQUIRED_COLUMNS: ColumnKey[] = ['type', 'stem', 'answer'];

/** The Chinese header the template writes for each column. */
export const TEMPLATE_HEADER: Record<ColumnKey, string> = {
  type: '题型',
  stem: '题干',
  ...(Object.fromEntries(OPTION_LETTERS.map((l) => [`option${l}`, `选项${l}`])) as Record<OptionColumn, string>),
  answer: '答案',
  explanation: '解析',
  category: '分类',
  difficulty: '难度',
  points: '分值',
  source: '出处',
  id: '编号',
  fixedOptions: '固定选项',
  excludes: '互斥题号',
};

const HEADER_ALIASES: Record<Exclude<ColumnKey, OptionColumn>, string[]> = {
  type: ['题型', '类型', '题目类型', '题类', 'type', 'questiontype', 'kind'],
  stem: ['题干', '题目', '题目内容', '试题', '问题', 'stem', 'question', 'questiontext'],
  answer: ['答案', '正确答案', '参考答案', '标准答案', 'answer', 'answers', 'key', 'correctanswer'],
  explanation: ['解析', '答案解析', '试题解析', '说明', 'explanation', 'analysis'],
  category: ['分类', '类别', '时期', '历史时期', '所属时期', 'category', 'era'],
  difficulty: ['难度', '难度等级', '难易度', '难易程度', 'difficulty', 'level'],
  points: ['分值', '分数', 'points', 'score'],
  source: ['出处', '来源', '依据', 'source', 'reference'],
  id: ['编号', '题号', '题目编号', 'id', 'questionid'],
  fixedOptions: ['固定选项', '选项固定', '固定顺序', 'fixedoptions'],
  excludes: ['互斥题号', '不同场', 'excludes'],
};

/** Lower case, half-width, no spaces, no "(…)" hint and no "*" required-marker. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\(.*?\)|（.*?）|\[.*?\]|【.*?】/g, '')
    .replace(/[\s*_:：-]/g, '')
    .toLowerCase();
}

const HEADER_LOOKUP = new Map<string, ColumnKey>();
for (const [key, names] of Object.entries(HEADER_ALIASES)) for (const name of names) HEADER_LOOKUP.set(normaliseHeader(name), key as ColumnKey);
OPTION_LETTERS.forEach((letter, i) => {
  for (const name of [`选项${letter}`, `${letter}选项`, letter, `option${letter}`, `选择${letter}`]) {
    HEADER_LOOKUP.set(normaliseHeader(name), optionColumn(i));
  }
});

/** The column a header cell names, or null if it is not one of ours. */
export function columnForHeader(text: string): ColumnKey | null {
  return HEADER_LOOKUP.get(normaliseHeader(text)) ?? null;
}

const TYPE_ALIASES: Record<QuestionType, string[]> = {
  single: ['单选', '单选题', '单项选择', '单项选择题', '单择题', 'single', 'singlechoice', 'radio'],
  multiple: ['多选', '多选题', '多项选择', '多项选择题', 'multiple', 'multiplechoice', 'multi', 'checkbox'],
  'true-false': ['判断', '判断题', '是非', '是非题', '对错题', 'truefalse', 'tf', 'judge', 'boolean'],
  open: ['简答', '简答题', '问答', '问答题', '填空', '填空题', '主观题', 'open', 'openanswer', 'shortanswer', 'text'],
};

const normaliseWord = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\s_/\\-]/g, '')
    .toLowerCase();

const TYPE_LOOKUP = new Map<string, QuestionType>();
for (const [type, names] of Object.entries(TYPE_ALIASES)) for (const name of names) TYPE_LOOKUP.set(normaliseWord(name), type as QuestionType);

/** The question type a 题型 cell names, or null. */
export function typeForCell(text: string): QuestionType | null {
  return TYPE_LOOKUP.get(normaliseWord(text)) ?? null;
}

const TRUE_WORDS = ['对', '正确', '是', '√', '✓', '✔', 't', 'true', 'y', 'yes'];
const FALSE_WORDS = ['错', '错误', '否', '×', '✗', '✘', 'x', 'f', 'false', 'n', 'no'];

/** A true/false answer cell as a boolean, or null if it is neither. */
export function trueFalseForCell(text: string): boolean | null {
  const word = normaliseWord(text);
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return null;
}

/** Q1: a 固定选项 cell as a boolean (empty is no), or null if it is neither yes nor no. */
export function fixedOptionsForCell(text: string): boolean | null {
  const word = normaliseWord(text);
  if (word === '') return false;
  if (['是', '1', '√', '✓', '✔', 'y', 'yes', 'true', '固定'].includes(word)) return true;
  if (['否', '0', '×', '✗', 'n', 'no', 'false', '不固定'].includes(word)) return false;
  return null;
}

/** Q4: a 互斥题号 cell's ids, kept as typed: "founding-005、founding-009" -> two ids. */
export function excludesForCell(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[\s,，、;；]+/)
    .filter((id) => id !== '');
}

/** Q6: local categories (地方党史) by the names people type for them. */
const LOCAL_NAMES: Record<string, string[]> = {
  'local-hunan': ['地方党史（湖南）', '湖南', '湖南地方党史'],
};

/** The five eras of the bundled bank, by the names people type for them. */
const ERA_NAMES: Record<string, string[]> = {
  founding: ['建党时期', '建党'],
  revolution: ['新民主主义革命时期', '新民主主义革命'],
  construction: ['社会主义革命和建设时期', '社会主义革命和建设'],
  reform: ['改革开放新时期', '改革开放和社会主义现代化建设新时期', '改革开放'],
  'new-era': ['新时代', '中国特色社会主义新时代'],
};

const ERA_LOOKUP = new Map<string, string>();
for (const [era, names] of Object.entries({ ...ERA_NAMES, ...LOCAL_NAMES })) {
  ERA_LOOKUP.set(era, era);
  for (const name of names) ERA_LOOKUP.set(normaliseWord(name), era);
}

/** The Chinese name an era's code is written as in a spreadsheet; other categories as they are. */
export function eraName(category: string): string {
  return ERA_NAMES[category]?.[0] ?? LOCAL_NAMES[category]?.[0] ?? category;
}

/** An era's code for its Chinese name; any other category is kept as typed. */
export function categoryForCell(text: string): string {
  return ERA_LOOKUP.get(normaliseWord(text)) ?? text;
}
