// What the host console shows of a seat's phones and of phones waiting to join (S5, S6).

/** A wall-clock time as HH:MM:SS, local: when a phone joined or asked to. */
export function clockTime(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
