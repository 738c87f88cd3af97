// Text on the big screen shrinks to fit its box before it is ever clipped, but never below a floor
// the back of the hall can read. Plain TypeScript: the search runs against any box that can say
// whether it overflows, so the logic is tested without a browser; `fitColumn` wires it to the DOM.

/** One piece of text to fit: its size runs from `floor` to `ceiling` (rem) as the scale goes 0 to 1. */
export interface FitItem {
  floor: number;
  ceiling: number;
}

/** A box whose items can be set to a scale and asked whether anything overflows. */
export interface FitBox {
  apply(scale: number): void;
  overflows(): boolean;
}

/** Steps of the search: 1/64 of the range is finer than a pixel on any projector. */
const STEPS = 6;

/** An item's size in rem at `scale` (0: floor, 1: ceiling). */
export function sizeAt(item: FitItem, scale: number): number {
  return item.floor + (item.ceiling - item.floor) * Math.min(1, Math.max(0, scale));
}

export interface FitResult {
  scale: number;
  /** False when even the floors overflow: the layout must change, the text may not shrink more. */
  fits: boolean;
}

/** Binary search for the largest scale at which the box does not overflow; leaves the box set to it. */
export function fitBox(box: FitBox): FitResult {
  box.apply(1);
  if (!box.overflows()) return { scale: 1, fits: true };
  box.apply(0);
  if (box.overflows()) return { scale: 0, fits: false };
  let low = 0;
  let high = 1;
  for (let i = 0; i < STEPS; i += 1) {
    const mid = (low + high) / 2;
    box.apply(mid);
    if (box.overflows()) high = mid;
    else low = mid;
  }
  box.apply(low);
  return { scale: low, fits: true };
}

/** Whether an element's content is cut: wider or taller than its box (a pixel of rounding allowed). */
export function clipped(el: HTMLElement): boolean {
  return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
}

/** The items a column fits: elements marked `data-fit="floor ceiling"` (rem). */
function fitItems(column: HTMLElement): { el: HTMLElement; item: FitItem }[] {
  return [...column.querySelectorAll<HTMLElement>('[data-fit]')].map((el) => {
    const [floor, ceiling] = (el.dataset.fit ?? '').split(' ').map(Number);
    return { el, item: { floor, ceiling: ceiling ?? floor } };
  });
}

/** Whether an element's content runs out sideways (a word or a name too wide for its line). */
export function tooWide(el: HTMLElement): boolean {
  return el.scrollWidth > el.clientWidth + 1;
}

/** The DOM box of a column: every marked item scales together; nothing may overflow the column,
 * nor run out of its item sideways. (Items grow downwards: the column catches their height.) */
export function columnBox(column: HTMLElement): FitBox {
  const items = fitItems(column);
  return {
    apply(scale) {
      for (const { el, item } of items) el.style.fontSize = `${sizeAt(item, scale)}rem`;
    },
    overflows() {
      return clipped(column) || items.some(({ el }) => tooWide(el));
    },
  };
}

/** The first layout, of `levels + 1` from the roomiest down, at which the text fits at all
 * (`fitsAt` sets the layout up and fits it); the last one if none does. */
export function firstFittingLevel(levels: number, fitsAt: (level: number) => boolean): { level: number; fits: boolean } {
  for (let level = 0; level < levels; level += 1) {
    if (fitsAt(level)) return { level, fits: true };
  }
  return { level: levels, fits: fitsAt(levels) };
}

/** A column's layouts beyond the first: `set` must change the DOM at once (Svelte's flushSync). */
export interface Ladder {
  levels: number;
  set(level: number): void;
  /** Told after each fitting whether the text fits at all (false: even the last level overflows). */
  fitted?(fits: boolean): void;
}

/** Keeps a column's text fitted as the window, the content or the language changes; when even
 * the floors do not fit, steps down the column's ladder of layouts instead of cutting. */
export function fitColumn(column: HTMLElement, ladder: Ladder = { levels: 0, set: () => {} }): () => void {
  let frame = 0;
  let size = '';
  const sizeOf = () => `${column.clientWidth}x${column.clientHeight}`;
  const run = () => {
    frame = 0;
    // Measured as laid out: an animation scaling a name in would make it look smaller than it is
    // (theme.css turns transforms off under this attribute).
    column.setAttribute('data-fitting', '');
    const { fits } = firstFittingLevel(ladder.levels, (level) => {
      ladder.set(level);
      return fitBox(columnBox(column)).fits;
    });
    column.removeAttribute('data-fitting');
    // The ladder's own changes are not news.
    mutation.takeRecords();
    size = sizeOf();
    ladder.fitted?.(fits);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(run);
  };
  const resize = new ResizeObserver(() => {
    if (sizeOf() !== size) schedule();
  });
  // A countdown ticking inside a box of fixed size is no reason to fit again every second.
  const steady = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('[data-fit-steady]') != null;
  const mutation = new MutationObserver((records) => {
    if (records.some((r) => !steady(r.target))) schedule();
  });
  resize.observe(column);
  mutation.observe(column, { subtree: true, childList: true, characterData: true });
  schedule();
  void document.fonts?.ready.then(schedule);
  return () => {
    cancelAnimationFrame(frame);
    resize.disconnect();
    mutation.disconnect();
  };
}
