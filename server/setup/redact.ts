// The terminal is often on a projected laptop, and logs get pasted into chats: no line the
// server prints may carry a host key, an organiser key, a device token or a join code in full.

/** Secrets look like these: base64url keys and tokens (mixed case or digits, 16+ characters),
 * and join codes (6 to 12 digits standing alone; timestamps have 13). */
const SECRET_PATTERNS = [/(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*[a-z])(?=[A-Za-z0-9_-]*[A-Z0-9])[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/g, /(?<![\d.])\d{6,12}(?![\d.])/g];

/** The message with every secret-looking word cut to its first two characters and `…`. */
export function redactSecrets(message: string): string {
  return SECRET_PATTERNS.reduce((text, pattern) => text.replace(pattern, (secret) => `${secret.slice(0, 2)}…`), message);
}

/** A log that redacts every line before it is written. */
export function redactingLog(log: (message: string) => void): (message: string) => void {
  return (message) => log(redactSecrets(message));
}
