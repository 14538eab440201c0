// Drives a webhook with updates over keep-alive HTTP: closed loop (N senders, each sending
// its next update when the last one is answered) for throughput, and open loop (a fixed
// rate, whatever the answers) for latency. Latency runs from the moment an update was
// due to the end of its answer, so a server that falls behind is not flattered.
import { Agent, request } from 'node:http';
import type { PlannedUpdate, UpdateKind } from './webhook-workload';

export interface Target {
  url: URL;
  secret: string;
}

export interface Outcome {
  sent: number;
  /** Answers other than HTTP 200, by status (0: no answer, e.g. connection reset). */
  failures: Record<number, number>;
  /**
   * 200 answers carrying a callback query answer for Telegram to perform (a webhook reply).
   * Counted, not performed: that work is Telegram's, not the server's.
   */
  webhookReplies: number;
}

const answersCallbackQuery = (body: string) => body.includes('"method":"answerCallbackQuery"');

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(target: Target, body: string): Promise<{ status: number; reply: boolean }> {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: target.url.hostname,
        port: target.url.port,
        path: target.url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': target.secret },
        timeout: 30_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.once('end', () => resolve({ status: res.statusCode ?? 0, reply: answersCallbackQuery(text) }));
        res.once('error', () => resolve({ status: 0, reply: false }));
      },
    );
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve({ status: 0, reply: false }));
    req.end(body);
  });
}

async function send(target: Target, update: PlannedUpdate, outcome: Outcome): Promise<boolean> {
  outcome.sent++;
  const { status, reply } = await post(target, update.body);
  const ok = status === 200;
  if (!ok) outcome.failures[status] = (outcome.failures[status] ?? 0) + 1;
  else if (reply) outcome.webhookReplies++;
  update.done(ok);
  return ok;
}

/** `concurrency` senders for `seconds`; returns answered updates per second. */
export async function closedLoop(target: Target, next: () => PlannedUpdate, concurrency: number, seconds: number) {
  const outcome: Outcome = { sent: 0, failures: {}, webhookReplies: 0 };
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < stopAt) await send(target, next(), outcome);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { ...outcome, perSecond: outcome.sent / elapsed };
}

/** `rate` updates per second for `seconds`; returns latencies (ms) per update kind, sorted. */
export async function openLoop(target: Target, next: () => PlannedUpdate, rate: number, seconds: number) {
  const outcome: Outcome = { sent: 0, failures: {}, webhookReplies: 0 };
  const latencies: Record<UpdateKind, number[]> = { quiz: [], meeting: [] };
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const inFlight: Promise<unknown>[] = [];
  const started = performance.now();
  let lastSentAt = started;
  /** The slowest answer, and when (seconds into the phase) its update was due. */
  let worst = { ms: 0, atSecond: 0 };
  let i = 0;
  while (i < total) {
    const wait = started + i * interval - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // Send everything that is due (timers fire late on a busy machine).
    while (i < total && started + i * interval <= performance.now()) {
      const due = started + i * interval;
      const update = next();
      inFlight.push(
        send(target, update, outcome).then(() => {
          const ms = performance.now() - due;
          latencies[update.kind].push(ms);
          if (ms > worst.ms) worst = { ms, atSecond: (due - started) / 1000 };
        }),
      );
      i++;
    }
    lastSentAt = performance.now();
  }
  await Promise.all(inFlight);
  for (const list of Object.values(latencies)) list.sort((a, b) => a - b);
  const all = [...latencies.quiz, ...latencies.meeting].sort((a, b) => a - b);
  // The rate actually offered: a busy harness may send late, and that shows here.
  const offeredPerSecond = total > 1 ? (total - 1) / ((lastSentAt - started) / 1000) : total;
  return { ...outcome, latencies, all, offeredPerSecond, worst };
}
