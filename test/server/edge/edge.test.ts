// The edge (issue 10, item 6): a socket that floods is refused, then disconnected; one address
// holds only so many keyless sockets; pages of other sites and rebound names are refused; HTTP
// errors are JSON without a stack; every answer carries the security headers.
import { request as httpRequest } from 'node:http';
import { io as connect, type Socket } from 'socket.io-client';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, PROTOCOL_VERSION } from '../../../shared/protocol.js';
import { DEFAULT_EVENT_RATE } from '../../../server/edge/event-rate.js';
import { BURST_PROBES } from '../../../web/lib/press-clock.js';
import { startServer, type Harness, type HarnessOptions } from '../../support/harness.js';

const harnesses: Harness[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const h of harnesses.splice(0)) await h.close();
});

async function start(options: HarnessOptions = {}): Promise<Harness> {
  const h = await startServer(options);
  harnesses.push(h);
  return h;
}

/** A raw socket with the headers a browser, a proxy or an attacker would send. */
function socketWith(h: Harness, auth: Record<string, unknown>, headers: Record<string, string> = {}): Socket {
  const socket = connect(h.url, { auth: { v: PROTOCOL_VERSION, contestId: h.contestId, ...auth }, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
  sockets.push(socket);
  return socket;
}

/** Resolves 'connected' or the refusal's code. */
function outcome(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => resolve(err.data?.code ?? err.message));
  });
}

/** A GET with any Host and Origin (fetch may not set Host). */
function get(h: Harness, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(h.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('flood of events', () => {
  it('[edge] a clock:probe flood is refused rate-limited, then the socket is disconnected; the clock refills the bucket', async () => {
    const h = await start();
    const phone = await h.contestant('s1');
    const answers = [];
    // The seat claim spent the first of the burst.
    for (let i = 1; i < DEFAULT_EVENT_RATE.burst; i++) answers.push(phone.request('clock:probe', {}));
    expect((await Promise.all(answers)).every((a) => 'data' in a)).toBe(true);
    expect(await phone.request('clock:probe', {})).toEqual({ error: ErrorCode.RateLimited });

    h.clock.advance(1000);
    const refilled = await Promise.all(Array.from({ length: DEFAULT_EVENT_RATE.perSecond }, () => phone.request('clock:probe', {})));
    expect(refilled.every((a) => 'data' in a)).toBe(true);
    expect(await phone.request('buzz:press', {})).toEqual({ error: ErrorCode.RateLimited });

    const gone = new Promise<string>((resolve) => phone.socket.once('disconnect', resolve));
    for (let i = 0; i <= DEFAULT_EVENT_RATE.patience; i++) phone.socket.emit('clock:probe', {}, () => {});
    expect(await gone).toBe('io server disconnect');
  });

  it('[edge] a real show is never refused: the clock-sync burst, a probe a second, 20 presses on a question, a host at speed', async () => {
    const h = await start();
    const host = await h.host();
    const phone = await h.contestant('s1');
    for (let i = 0; i < BURST_PROBES; i++) expect(await phone.request('clock:probe', {})).toHaveProperty('data');
    await host.request('host:command', { type: 'question:next' });
    await host.request('host:command', { type: 'question:next' });
    await host.request('host:command', { type: 'buzzers:open' });
    for (let second = 0; second < 120; second++) {
      h.clock.advance(1000);
      expect(await phone.request('clock:probe', {})).toHaveProperty('data');
    }
    // A team's fast presses (the engine's own limit, B16, answers them) and the host's keys.
    const presses = await Promise.all(Array.from({ length: 20 }, () => phone.request('buzz:press', {})));
    expect(presses.filter((a) => 'error' in a && a.error === ErrorCode.RateLimited)).toEqual([]);
    // The host holds the key and runs the show: never refused for speed.
    const keys = await Promise.all(Array.from({ length: DEFAULT_EVENT_RATE.burst * 3 }, () => host.request('contest:source', {})));
    expect(keys.every((a) => 'data' in a)).toBe(true);
  });
});

describe('sockets per address', () => {
  it('[edge] keyless sockets from one forwarded address stop at the cap; another address and the host still join; a closed one frees its place', async () => {
    const h = await start({ edge: { trustedProxies: ['127.0.0.1'], maxSocketsPerAddress: 3 } });
    const from = (address: string, auth: Record<string, unknown> = { role: 'contestant' }) => socketWith(h, auth, { 'x-forwarded-for': `203.0.113.9, ${address}` });
    const first = [from('10.0.0.7'), from('10.0.0.7', { role: 'screen' }), from('10.0.0.7')];
    expect(await Promise.all(first.map(outcome))).toEqual(['connected', 'connected', 'connected']);
    expect(await outcome(from('10.0.0.7'))).toBe(ErrorCode.TooManyConnections);
    expect(await outcome(from('10.0.0.7', { role: 'screen' }))).toBe(ErrorCode.TooManyConnections);
    expect(await outcome(from('10.0.0.8'))).toBe('connected');
    expect(await outcome(from('10.0.0.7', { role: 'host', hostKey: h.hostKey }))).toBe('connected');

    first[0].close();
    let again = await outcome(from('10.0.0.7'));
    // The server counts the close when it sees it: ask again until it has.
    while (again === ErrorCode.TooManyConnections) again = await outcome(from('10.0.0.7'));
    expect(again).toBe('connected');
  });

  it('[edge][G2] IPv6 addresses count per /64, as one machine, like failed claims', async () => {
    const h = await start({ edge: { trustedProxies: ['127.0.0.1'], maxSocketsPerAddress: 2 } });
    const from = (address: string) => socketWith(h, { role: 'contestant' }, { 'x-forwarded-for': address });
    expect(await Promise.all([from('2001:db8:1:2::a'), from('2001:db8:1:2::b')].map(outcome))).toEqual(['connected', 'connected']);
    expect(await outcome(from('2001:db8:1:2:ffff::c'))).toBe(ErrorCode.TooManyConnections);
    expect(await outcome(from('2001:db8:1:3::a'))).toBe('connected');
  });

  it('[edge] X-Forwarded-For is believed only from a configured proxy', async () => {
    // No proxy configured: the header is anyone's writing; the peer (this machine) is not capped.
    const h = await start({ edge: { maxSocketsPerAddress: 1 } });
    const forged = Array.from({ length: 3 }, () => socketWith(h, { role: 'contestant' }, { 'x-forwarded-for': '10.0.0.7' }));
    expect(await Promise.all(forged.map(outcome))).toEqual(['connected', 'connected', 'connected']);
  });
});

describe('origins and hosts', () => {
  it('[edge] a socket from another site or a rebound name is refused with its code; the own address and the public URL are answered', async () => {
    const h = await start();
    const { host } = new URL(h.url);
    const phone = (headers: Record<string, string>) => outcome(socketWith(h, { role: 'contestant' }, headers));
    expect(await phone({ origin: 'http://evil.example' })).toBe(ErrorCode.OriginNotAllowed);
    expect(await phone({ origin: 'null' })).toBe(ErrorCode.OriginNotAllowed);
    expect(await phone({ host: 'rebind.evil.example:3000', origin: 'http://rebind.evil.example:3000' })).toBe(ErrorCode.HostNotAllowed);
    expect(await phone({ origin: h.url })).toBe('connected');
    expect(await phone({ host: 'qiangda.test', origin: 'http://qiangda.test' })).toBe('connected');
    expect(await phone({ host: `localhost:${new URL(h.url).port}`, origin: `http://localhost:${new URL(h.url).port}` })).toBe('connected');
    expect(await phone({ host, origin: 'http://192.168.1.20:3000' })).toBe(ErrorCode.OriginNotAllowed);
  });

  it('[edge] --allowed-origin lets a reverse proxy\'s pages in', async () => {
    const h = await start({ edge: { allowedOrigins: ['https://quiz.example.org'] } });
    expect(await outcome(socketWith(h, { role: 'screen' }, { host: 'quiz.example.org', origin: 'https://quiz.example.org' }))).toBe('connected');
    expect(await outcome(socketWith(h, { role: 'screen' }, { origin: 'https://other.example.org' }))).toBe(ErrorCode.OriginNotAllowed);
  });

  it('[edge] HTTP with a foreign Host or Origin is refused 403 with a JSON code', async () => {
    const h = await start();
    const rebound = await get(h, '/api/contests/open', { host: 'rebind.evil.example' });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toEqual({ error: ErrorCode.HostNotAllowed });
    const foreign = await get(h, '/api/contests/open', { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toEqual({ error: ErrorCode.OriginNotAllowed });
    expect((await get(h, '/api/contests/open')).status).toBe(200);
    expect((await get(h, '/api/contests/open', { host: 'qiangda.test' })).status).toBe(200);
  });
});

describe('HTTP answers', () => {
  it('[edge] a malformed URL escape is answered with a JSON code, never a stack or a path', async () => {
    const h = await start({ web: express.static(process.cwd()) });
    const cases = [
      [`/api/contests/%E0%A4%A/join-qr.svg`, 400, ErrorCode.BadRequest],
      [`/api/contests/%E0%A4%A/logo`, 400, ErrorCode.BadRequest],
      ['/%E0%A4%A', 404, ErrorCode.NotFound],
      ['/cards/%E0%A4%A', 404, ErrorCode.NotFound],
    ] as const;
    for (const [path, status, error] of cases) {
      const res = await get(h, path);
      expect(res.status, path).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(res.body)).toEqual({ error });
      expect(res.body).not.toMatch(/at |\/work|node_modules|Error/);
    }
  });

  it('[edge] every answer carries the CSP, nosniff, frame-ancestors and Referrer-Policy', async () => {
    const h = await start();
    for (const path of ['/healthz', '/api/contests/open', `/api/contests/${h.contestId}/join-qr.svg`, `/cards/?c=${h.contestId}&key=${h.hostKey}`, '/nowhere']) {
      const { headers } = await get(h, path);
      expect(headers['content-security-policy'], path).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toMatch(/same-origin|no-referrer/);
      expect(headers['x-frame-options']).toBe('DENY');
    }
  });
});
