// Plays the fault script against fault-server.ts child processes, killing them with SIGKILL
// where a plan says and starting them again on the same file, as an organiser would after a
// crash. Clients behave as the pages do: they reconnect with their tokens and send a request
// whose answer was lost again with the same request id (D2).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { ContestView } from '../../shared/contest/views.js';
import { PROTOCOL_VERSION, type ContestUpdate } from '../../shared/protocol.js';
import { applyUpdate } from '../../shared/view-changes.js';
import { openStore } from '../../server/storage/store.js';
import { FAULT_PHONES, FAULT_SCRIPT, type FaultStep } from './fault-script.js';
import type { FaultServerReady } from './fault-server.js';

const SERVER = fileURLToPath(new URL('./fault-server.ts', import.meta.url));

/** A kill at step `after` (0-based): while that step's request is in flight (the page then
 * sends it again at once), or once it is answered, followed by `downMs` of downtime in which
 * the clock runs on. An uninterrupted run of the same plan spends the downtime with the server
 * up, so both runs see the same instants. */
export interface Kill {
  after: number;
  inFlight: boolean;
  /** In flight: how many event-loop turns pass between sending and the kill. */
  turns: number;
  downMs: number;
}

/** `speaking`: a judged seat preparing or speaking (its timer running); `judging`: judges scoring. */
export type KillMoment = 'buzz-window' | 'countdown' | 'ruling' | 'speaking' | 'judging' | 'other';

export interface FaultRun {
  /** Every step's answer (null for waits), in script order. */
  acks: unknown[];
  /** What was going on at the server at the start of each step (a kill in flight lands there)... */
  labels: KillMoment[];
  /** ...and once each step was answered (a kill between steps lands there). */
  afterLabels: KillMoment[];
  /** Where each kill landed. */
  moments: KillMoment[];
  /** Request keys acknowledged with data, each of which must be in the log. */
  acknowledged: string[];
  /** Failures of the "every acknowledged request is in the log" check, at each restart. */
  missingAfterRestart: string[];
  /** What the kills in flight caught: the answer already back, the request on disk but its
   * answer lost (the retry must not apply it again), or the request not yet on disk. */
  inFlight: { answered: number; loggedUnanswered: number; notLogged: number };
}

interface Server {
  child: ChildProcess;
  ready: FaultServerReady['ready'];
  host: Socket;
  phones: Map<string, Socket>;
  /** Each judge's page, by judge id: it signs in again by its link after every restart. */
  judges: Map<string, Socket>;
}

const deviceToken = (phone: string) => `fault-device-${phone}-0123456789`;
const rid = (index: number) => `fault-step-${String(index).padStart(4, '0')}`;

/** Children still running, so a failed test leaves no server behind. */
const alive = new Set<ChildProcess>();

export function killAllFaultServers(): void {
  for (const child of alive) child.kill('SIGKILL');
}

function startChild(file: string, now: number): Promise<{ child: ChildProcess; ready: FaultServerReady['ready'] }> {
  const child = fork(SERVER, [file, String(now)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  alive.add(child);
  child.once('exit', () => alive.delete(child));
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, ready: (message as FaultServerReady).ready }));
    child.once('exit', (code) => reject(new Error(`fault server exited with ${code} before it was ready`)));
  });
}

function connect(url: string, auth: object): Promise<{ socket: Socket; view: () => ContestView | null }> {
  const socket = io(url, { auth: { v: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], reconnection: false, forceNew: true });
  let view: ContestView | null = null;
  socket.on('contest:update', (update: ContestUpdate) => (view = applyUpdate(view, update)));
  socket.on('clock:ping', (ack: () => void) => ack());
  return new Promise((resolve, reject) => {
    socket.once('contest:update', () => resolve({ socket, view: () => view }));
    socket.once('connect_error', reject);
  });
}

async function boot(file: string, now: number, firstTime: boolean): Promise<Server> {
  const { child, ready } = await startChild(file, now);
  const host = await connect(ready.url, { role: 'host', contestId: ready.contestId, hostKey: ready.hostKey });
  const phones = new Map<string, Socket>();
  for (const { phone, seatId } of FAULT_PHONES) {
    const token = deviceToken(phone);
    const { socket, view } = await connect(ready.url, { role: 'contestant', contestId: ready.contestId, ...(firstTime ? {} : { deviceToken: token }) });
    if (firstTime) {
      const ack = await socket.emitWithAck('seat:claim', { joinCode: ready.joinCodes[seatId], deviceToken: token });
      if (!ack.data) throw new Error(`claim ${phone} refused: ${ack.error}`);
    } else if (view()?.me !== seatId) {
      throw new Error(`${phone} is not back in ${seatId} after a restart`);
    }
    phones.set(phone, socket);
  }
  const judges = new Map<string, Socket>();
  for (const [judgeId, key] of Object.entries(ready.judgeKeys)) {
    judges.set(judgeId, (await connect(ready.url, { role: 'judge', contestId: ready.contestId, key })).socket);
  }
  return { child, ready, host: host.socket, phones, judges };
}

function advance(server: Server, ms: number): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('message', () => resolve());
    server.child.send({ advance: ms });
  });
}

function kill(server: Server): Promise<void> {
  server.host.close();
  for (const phone of server.phones.values()) phone.close();
  for (const judge of server.judges.values()) judge.close();
  if (server.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

/** The request a step sends, and which socket sends it; null for a wait. */
function request(server: Server, step: FaultStep, index: number): { socket: Socket; event: string; payload: object; key: string } | null {
  const id = rid(index);
  if ('host' in step) return { socket: server.host, event: 'host:command', payload: { ...step.host, rid: id }, key: `host/${id}` };
  if ('swap' in step) return { socket: server.host, event: 'question:swap', payload: { rid: id }, key: `host/${id}` };
  if ('wait' in step) return null;
  if ('score' in step) {
    const payload = { seatId: step.seatId, value: step.value, rid: id };
    return { socket: server.judges.get(step.score) as Socket, event: 'judge:score', payload, key: `judge:${step.score}/${id}` };
  }
  const phone = 'press' in step ? step.press : step.answer;
  const seatId = FAULT_PHONES.find((p) => p.phone === phone)?.seatId;
  const socket = server.phones.get(phone) as Socket;
  const key = `seat:${seatId}/${id}`;
  if ('press' in step) return { socket, event: 'buzz:press', payload: { rid: id }, key };
  return { socket, event: 'answer:submit', payload: { choice: step.choice, rid: id }, key };
}

/** What is going on at the server before `step` runs. Asked of the server process rather than
 * read from the host's view, which may not have arrived yet: the plan is drawn from these
 * labels, so they must be the same in every run however busy the machine is. */
async function momentOf(server: Server, step: FaultStep): Promise<KillMoment> {
  if ('host' in step && step.host.type === 'answer:rule') return 'ruling';
  if ('score' in step) return 'judging';
  const phase = await new Promise<string | null>((resolve) => {
    server.child.once('message', (message) => resolve((message as { phase: string | null }).phase));
    server.child.send({ ask: 'phase' });
  });
  if (phase === 'open') return 'buzz-window';
  if (phase === 'answering') return 'countdown';
  if (phase === 'preparing' || phase === 'speaking') return 'speaking';
  if (phase === 'scoring' || phase === 'closed') return 'judging';
  return 'other';
}

const turns = (n: number) => new Promise<void>((resolve) => (n <= 0 ? setImmediate(resolve) : setImmediate(() => void turns(n - 1).then(resolve))));

/** Request keys the log holds, read as a restarted server would read them. */
function loggedKeys(file: string, contestId: string): Set<string> {
  const store = openStore(file);
  try {
    return new Set(store.loadContest(contestId)?.requestIds.keys());
  } finally {
    store.close();
  }
}

/** Plays the whole script on `file` from `start`, with the `kills` carried out or not. */
export async function playFaultScript(file: string, start: number, kills: Kill[], options: { kill: boolean }): Promise<FaultRun> {
  const killAfter = new Map(kills.map((k) => [k.after, k]));
  let now = start;
  let server = await boot(file, now, true);
  const run: FaultRun = { acks: [], labels: [], afterLabels: [], moments: [], acknowledged: [], missingAfterRestart: [], inFlight: { answered: 0, loggedUnanswered: 0, notLogged: 0 } };
  // Downtime planned after a step: the clock runs on in both runs, only this one is down.
  let carry = 0;

  for (const [index, step] of FAULT_SCRIPT.entries()) {
    const dt = step.dt + carry;
    carry = 0;
    now += dt;
    await advance(server, dt);
    run.labels.push(await momentOf(server, step));
    const planned = killAfter.get(index);
    const plan = options.kill ? planned : undefined;
    const req = request(server, step, index);
    let ack: unknown = null;
    if (req) {
      const answered = req.socket.emitWithAck(req.event, req.payload);
      if (plan?.inFlight) {
        // Kill while the request is somewhere between this socket and the disk.
        // What was going on before the request went out (asking now would race with it).
        run.moments.push(run.labels[index]);
        const first = await Promise.race([answered, turns(plan.turns).then(() => undefined)]);
        await kill(server);
        const logged = checkLog(run, file, server.ready.contestId);
        if (first !== undefined) run.inFlight.answered++;
        else if (logged.has(req.key)) run.inFlight.loggedUnanswered++;
        else run.inFlight.notLogged++;
        server = await boot(file, now, false);
        await advance(server, 0);
        const again = request(server, step, index);
        if (!again) throw new Error('a request step lost its request');
        const retried: unknown = await again.socket.emitWithAck(again.event, again.payload);
        // If the first answer did get through, the retry must match it.
        if (first !== undefined && JSON.stringify(first) !== JSON.stringify(retried)) throw new Error(`step ${index}: retry answered ${JSON.stringify(retried)}, first ${JSON.stringify(first)}`);
        ack = retried;
      } else {
        ack = await answered;
      }
      if (ack && typeof ack === 'object' && 'data' in ack) run.acknowledged.push(req.key);
    }
    run.acks.push(ack);
    run.afterLabels.push(await momentOf(server, FAULT_SCRIPT[index + 1] ?? step));
    if (plan && !plan.inFlight) {
      run.moments.push(run.afterLabels[index]);
      await kill(server);
      checkLog(run, file, server.ready.contestId);
      now += plan.downMs;
      server = await boot(file, now, false);
      // Deadlines that passed while it was down take effect now, at their own instants (D1).
      await advance(server, 0);
    } else if (planned && !planned.inFlight) {
      carry = planned.downMs;
    }
  }
  await kill(server);
  return run;
}

function checkLog(run: FaultRun, file: string, contestId: string): Set<string> {
  const logged = loggedKeys(file, contestId);
  for (const key of run.acknowledged) if (!logged.has(key)) run.missingAfterRestart.push(key);
  return logged;
}
