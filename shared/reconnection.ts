// How a page's socket connects and retries after losing the server: written once, used by every
// page and by the benchmark's phones, so the reconnect bar is measured with what phones really do.

/**
 * socket.io-client's backoff. The first retry comes 150-450 ms after the link drops (300 ms
 * ± 50%), each next one twice as long, but never more than 1.5 s apart. The cap is what the
 * reconnect bar rests on: once the server is back, every phone tries again within 1.5 s, which
 * leaves the rest of the 3 s for the server to seat a hall's 1,000 phones. The jitter spreads
 * those phones over the window instead of having them all knock in the same instant.
 */
export const RECONNECTION = {
  reconnectionDelay: 300,
  reconnectionDelayMax: 1500,
  randomizationFactor: 0.5,
} as const;

/**
 * WebSocket first, long-polling only if that fails. socket.io's default is the other way round:
 * a few HTTP requests first, then an upgrade, for networks that block WebSockets. A hall's own
 * Wi-Fi does not, and every (re)connect then costs one handshake instead of four or five.
 */
export const TRANSPORTS = {
  transports: ['websocket', 'polling'],
  tryAllTransports: true,
};
