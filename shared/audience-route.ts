// Where an audience page's socket connects. The audience has a path of its own so that the server
// can hand the connection to its audience process (server/audience/audience-process.ts) before it
// reads a byte of it: the stage's process never writes to a viewer.

/** socket.io's path for audience pages (/watch/): WebSocket only, so one request is all there is. */
export const AUDIENCE_PATH = '/watch.io/';

/** Failed tries on the audience path before a page falls back to the stage's own socket path
 * (a proxy that forwards only /socket.io/, or a server run without its audience process). */
export const AUDIENCE_ROUTE_TRIES = 2;
