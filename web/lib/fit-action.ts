// The Svelte side of fit-text: `use:fit` keeps an element's marked text fitted, and with a
// ladder steps its layout down when even the floors do not fit.
import { flushSync } from 'svelte';
import { fitColumn } from './fit-text.js';

export interface FitLadder {
  levels: number;
  /** Sets the component's layout level (state); the DOM follows at once. */
  set(level: number): void;
  /** Told after each fitting whether the text fits at all, even at the last level. */
  fitted?(fits: boolean): void;
}

/** A Svelte action: fits the node's `data-fit` items, stepping down `ladder` if they cannot fit. */
export function fit(node: HTMLElement, ladder?: FitLadder) {
  let current = ladder;
  const stop = fitColumn(node, {
    get levels() {
      return current?.levels ?? 0;
    },
    set(level) {
      current?.set(level);
      flushSync();
    },
    fitted(fits) {
      current?.fitted?.(fits);
    },
  });
  return {
    update(next?: FitLadder) {
      current = next;
    },
    destroy: stop,
  };
}
