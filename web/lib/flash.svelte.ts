// A message that shows for a moment and then clears itself (acks, refusals, confirmations).

export class Flash<T> {
  current = $state<T | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ms: number) {}

  show(value: T): void {
    clearTimeout(this.timer);
    this.current = value;
    this.timer = setTimeout(() => (this.current = null), this.ms);
  }

  clear = (): void => {
    clearTimeout(this.timer);
    this.current = null;
  };
}
