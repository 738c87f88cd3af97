// What a screen must never do to its text, checked in the page: leave the viewport, be clipped by
// a box, be elided, fall below its floor, leave one character of a name alone on a line, split a
// word. Shared by the screen-layout test, the judged stage's and the stream overlay's (`root`).
/** Text that must be at least this big, in px at 1080 lines (scaled with the picture's height). */
export const FLOORS: [selector: string, px: number][] = [
  ['[data-testid="stem"]', 48],
  ['[data-testid="turn-seat"]', 48],
  ['[data-testid="ranking-name"]', 48],
  ['[data-testid="notice-name"]', 48],
  ['[data-testid="phase-label"]', 48],
  ['[data-testid="answer-text"]', 48],
  ['[data-testid="option"] .text', 40],
  ['[data-testid="explanation"]', 40],
  ['[data-testid="countdown"]', 120],
  ['[data-testid="winner"]', 120],
  ['[data-testid="tied-names"]', 48],
  ['[data-testid="rebuzz-who"]', 48],
  // Lists of every seat beside the question: all sixteen must fit, so a smaller floor.
  ['[data-testid="score-row"] .name', 32],
  ['[data-testid="answer-seat"] .name', 32],
  ['[data-testid="title-seat"] .name', 32],
  ['[data-testid="lobby-seat"] .name', 32],
  // A judged turn: the seat and its question read like a question; timer and result like a countdown.
  ['[data-testid="judged-seat"]', 48],
  ['[data-testid="judged-topic"]', 48],
  ['[data-testid="scoring-count"]', 48],
  ['[data-testid="timer-figure"]', 120],
  ['[data-testid="judged-points"]', 120],
  ['[data-testid="reveal-score"] .value', 64],
  ['[data-testid="reveal-score"] .judge', 32],
  ['[data-testid="judged-aggregate"]', 48],
];

/** Names and headings, whose lines must never leave one character alone. */
export const NAMES = ['h2', '[data-testid="winner"]', '[data-testid="tied-names"]', '[data-testid="turn-seat"]', '[data-testid="ranking-name"]', '[data-testid="notice-name"]', '[data-testid="judged-seat"]', '.name'];

/** Words that must never be split across two lines. */
export const WORDS = ['作答', '抢答', '揭晓', '答错', '评委', '评分', '超时'];

/** Runs in the page: every way the screen could cut off a moment, as readable lines. */
export function layoutProblems({ floors, names, words, root: rootSelector = '[data-testid="screen"]' }: { floors: [string, number][]; names: string[]; words: string[]; root?: string }): string[] {
  const problems: string[] = [];
  const root = document.querySelector(rootSelector);
  if (!root) return [`no ${rootSelector}`];
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const scale = vh / 1080;
  const label = (el: Element) => `${el.getAttribute('data-testid') ?? el.className}「${(el.textContent ?? '').trim().slice(0, 16)}」`;
  const hidden = (el: Element) => el.closest('[data-testid="screen-controls"]') !== null || getComputedStyle(el).visibility === 'hidden';

  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    const parent = node.parentElement;
    if (!text.trim() || !parent || hidden(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    // Each line's em box: the font's ascent and descent padding is not ink, and may overhang.
    const fontSize = parseFloat(getComputedStyle(parent).fontSize);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
    const inset = (r: DOMRect) => Math.max(0, (r.height - fontSize) / 2);
    const outside = (r: DOMRect, clip: { left: number; right: number; top: number; bottom: number }) =>
      r.left < clip.left - 1 || r.right > clip.right + 1 || r.top + inset(r) < clip.top - 1 || r.bottom - inset(r) > clip.bottom + 1;
    if (lines.length === 0) continue;
    if (lines.some((r) => outside(r, { left: 0, top: 0, right: vw, bottom: vh }))) problems.push(`outside the viewport: ${label(parent)}`);
    for (let box: Element | null = parent; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const clip = box.getBoundingClientRect();
      if (lines.some((r) => outside(r, clip))) {
        problems.push(`clipped by ${label(box)}: ${label(parent)}`);
        break;
      }
    }
    for (const word of words) {
      const at = text.indexOf(word);
      if (at < 0) continue;
      const first = document.createRange();
      first.setStart(node, at);
      first.setEnd(node, at + 1);
      const last = document.createRange();
      last.setStart(node, at + word.length - 1);
      last.setEnd(node, at + word.length);
      if (Math.abs(first.getBoundingClientRect().top - last.getBoundingClientRect().top) > 2) problems.push(`"${word}" split across lines: ${label(parent)}`);
    }
  }

  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (hidden(el)) continue;
    const style = getComputedStyle(el);
    const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
    if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) problems.push(`content overflows ${label(el)}`);
    if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) problems.push(`elided: ${label(el)}`);
  }

  for (const [selector, px] of floors) {
    for (const el of root.querySelectorAll(selector)) {
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < px * scale - 0.5) problems.push(`${selector} at ${size.toFixed(1)}px, floor ${(px * scale).toFixed(1)}px: ${label(el)}`);
    }
  }

  for (const selector of names) {
    for (const el of root.querySelectorAll(selector)) {
      const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 1);
      if (!node) continue;
      const lines = new Map<number, number>();
      // Vertical text (a heading beside a list) has its lines side by side.
      const vertical = getComputedStyle(el).writingMode.startsWith('vertical');
      const chars = [...(node.textContent ?? '')];
      let offset = 0;
      for (const char of chars) {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + char.length);
        offset += char.length;
        if (!char.trim()) continue;
        const box = range.getBoundingClientRect();
        const top = Math.round((vertical ? box.left : box.top) / 4);
        lines.set(top, (lines.get(top) ?? 0) + 1);
      }
      if (lines.size > 1 && [...lines.values()].some((n) => n === 1)) problems.push(`one character alone on a line: ${label(el)}`);
    }
  }
  return [...new Set(problems)];
}
