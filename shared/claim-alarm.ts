// What the host console is told about someone trying join codes over and over.

/** Failed claims in the last `windowMs`, and until when joining is held back (null: it is not). */
export interface ClaimAlarm {
  failures: number;
  windowMs: number;
  throttledUntil: number | null;
}
