// One round of bench/webhook.ts: start a server (chibo's Node entry or the echo bot) in
// webhook mode against the Bot API emulator, wait until it has registered its webhook,
// then measure idle memory, latency at a fixed rate (with peak memory), and throughput.
import { loadavg } from 'node:os';
import { type Child, cpuSecondsOf, startChild, watchMemory } from './child-process';
import { closedLoop, openLoop, type Target } from './load-driver';
import type { BotApiStats } from './quick-bot-api';
import type { Workload } from './webhook-workload';

export type ServerKind = 'chibo' | 'echo';

export interface RoundPlan {
  /** Updates per second offered in the latency phase, and for how long (after a warm-up). */
  rate: number;
  latencySeconds: number;
  warmupSeconds: number;
  /** Senders and seconds of the throughput phase. */
  concurrency: number;
  throughputSeconds: number;
  /** Pause between the webhook being set and the idle memory reading. */
  settleSeconds: number;
}

export interface RoundResult {
  server: ServerKind;
  round: number;
  idleMb: number;
  /** Highest resident memory during the fixed-rate phase (warm-up included) and the throughput phase. */
  peakAtRateMb: number;
  peakAtMaxMb: number;
  latency: Awaited<ReturnType<typeof openLoop>>;
  throughput: Awaited<ReturnType<typeof closedLoop>>;
  warmupSent: number;
  warmupFailures: number;
  /** Server CPU time per update (user + system) at the fixed rate and at full speed. */
  cpuMsPerUpdateAtRate: number;
  cpuMsPerUpdateAtMax: number;
  /** Share of one core each process used during the throughput phase. */
  coresAtMax: { server: number; harness: number; botApi: number };
  /** Bot API calls this server made, by method. */
  apiCalls: Record<string, number>;
  /** Callback queries answered in the webhook response instead (all phases). */
  webhookReplies: number;
  refusedAnswers: number;
  /** What the server wrote to standard error (warnings and errors only at LOG_LEVEL=warn). */
  stderrLines: string[];
  startSeconds: number;
  /** 1-minute load average of the machine when the round started. */
  loadAverage: number;
}

export const secret = 'bench-webhook-secret-0123456789';
export const publicUrl = 'https://chibo-bench.invalid';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function apiStats(apiRoot: string): Promise<BotApiStats> {
  return (await (await fetch(`${apiRoot}/__stats`)).json()) as BotApiStats;
}

/** Bundles built by runWebhookBench before the first round (chibo's is what `npm start` runs). */
export const serverBundles: Record<ServerKind, string> = { chibo: 'dist/node.js', echo: 'dist/bench-echo-bot.js' };

function startServer(server: ServerKind, env: Record<string, string>): Child {
  return startChild(serverBundles[server], env);
}

/** Resolves once the server listens, has set its webhook at the emulator, and (chibo) reports webhook mode. */
export async function untilReady(child: Child, server: ServerKind, apiRoot: string, token: string): Promise<URL> {
  const [, port] = await child.waitFor(/is serving http:\/\/localhost:(\d+)/);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const hook = (await apiStats(apiRoot)).webhooks[token];
    let healthy = server === 'echo';
    if (!healthy) {
      const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { bot?: string };
      healthy = health.bot === 'webhook';
    }
    if (hook && healthy) {
      if (hook.url !== `${publicUrl}/webhook/telegram` || hook.secret !== secret) throw new Error(`${server}: setWebhook carried ${JSON.stringify(hook)}`);
      return new URL(`http://127.0.0.1:${port}/webhook/telegram`);
    }
    if (Date.now() > deadline) throw new Error(`${server} did not set its webhook:\n${child.output().stderr}`);
    await sleep(50);
  }
}

export async function runRound(opts: {
  server: ServerKind;
  round: number;
  apiRoot: string;
  /** The Bot API emulator's process, whose CPU use is reported. */
  apiPid: number;
  databaseUrl: string;
  workload: Workload;
  plan: RoundPlan;
}): Promise<RoundResult> {
  const { server, round, apiRoot, workload, plan } = opts;
  const token = `${9100 + round}:bench-${server}-${round}`;
  const started = performance.now();
  const loadAverage = loadavg()[0] ?? 0;
  const child = startServer(server, {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: opts.databaseUrl,
    SEED_DEMO: 'false',
    TELEGRAM_BOT_TOKEN: token,
    TELEGRAM_API_ROOT: apiRoot,
    TELEGRAM_WEBHOOK_SECRET: secret,
    PUBLIC_URL: publicUrl,
  });
  try {
    const url = await untilReady(child, server, apiRoot, token);
    const startSeconds = (performance.now() - started) / 1000;
    const target: Target = { url, secret };
    await sleep(plan.settleSeconds * 1000);
    const idleMb = child.memory().rssMb;

    const atRate = watchMemory(child.pid);
    const warmup = await openLoop(target, workload.next, plan.rate, plan.warmupSeconds);
    const cpuBeforeRate = child.cpuSeconds();
    const latency = await openLoop(target, workload.next, plan.rate, plan.latencySeconds);
    const cpuAtRate = child.cpuSeconds() - cpuBeforeRate;
    const peakAtRateMb = atRate.stop();

    const atMax = watchMemory(child.pid);
    const before = { server: child.cpuSeconds(), botApi: cpuSecondsOf(opts.apiPid), harness: process.cpuUsage(), at: performance.now() };
    const throughput = await closedLoop(target, workload.next, plan.concurrency, plan.throughputSeconds);
    const wall = (performance.now() - before.at) / 1000;
    const harness = process.cpuUsage(before.harness);
    const cpuAtMax = child.cpuSeconds() - before.server;
    const coresAtMax = {
      server: cpuAtMax / wall,
      harness: (harness.user + harness.system) / 1e6 / wall,
      botApi: (cpuSecondsOf(opts.apiPid) - before.botApi) / wall,
    };
    const peakAtMaxMb = atMax.stop();

    const stats = await apiStats(apiRoot);
    return {
      server,
      round,
      idleMb,
      peakAtRateMb,
      peakAtMaxMb,
      latency,
      throughput,
      cpuMsPerUpdateAtRate: (cpuAtRate * 1000) / latency.sent,
      cpuMsPerUpdateAtMax: (cpuAtMax * 1000) / throughput.sent,
      coresAtMax,
      warmupSent: warmup.sent,
      warmupFailures: Object.values(warmup.failures).reduce((a, b) => a + b, 0),
      webhookReplies: warmup.webhookReplies + latency.webhookReplies + throughput.webhookReplies,
      apiCalls: stats.calls[token] ?? {},
      refusedAnswers: stats.refusedAnswers[token] ?? 0,
      stderrLines: child.output().stderr.split('\n').filter(Boolean),
      startSeconds,
      loadAverage,
    };
  } finally {
    await child.stop();
  }
}
