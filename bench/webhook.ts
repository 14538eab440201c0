// Webhook throughput, latency and memory of chibo's real HTTP server (the Node entry in
// webhook mode, a migrated libSQL file in WAL mode) answering quiz questions and meeting
// notices, against a bare grammY + Hono echo bot measured in the same run, on the same
// harness and the same emulated Bot API. Both run as esbuild bundles without a TypeScript
// loader, chibo's built and started as `npm start` does. Rounds alternate echo, chibo, echo, chibo…
// and each figure is the median over its rounds (peak memory: the highest).
// Run alone: npx tsx bench/webhook.ts [rounds=3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '../src/db/open-node';
import { createServices } from '../src/services';
import { systemClock } from '../src/services/context';
import { buildBundle, startChild } from './child-process';
import { type BenchFigure, isMain, machine } from './harness';
import { roundLine, webhookFigures } from './webhook-figures';
import { type RoundPlan, type RoundResult, runRound, type ServerKind, serverBundles } from './webhook-round';
import { type SeedSize, seedWebhookBench } from './webhook-seed';
import { checkStored } from './webhook-verify';
import { createWorkload } from './webhook-workload';

const plan: RoundPlan = { rate: 200, latencySeconds: 15, warmupSeconds: 2, concurrency: 16, throughputSeconds: 5, settleSeconds: 3 };
const seedSize: SeedSize = { branches: 20, membersPerBranch: 50, questions: 40, meetingsPerBranch: 40 };

export async function runWebhookBench(rounds = 3): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'chibo-webhook-'));
  const databaseUrl = `file:${join(dir, 'webhook.db')}`;
  // Both servers run as bundles without a TypeScript loader: chibo's is the one `npm start` builds and runs.
  buildBundle('src/entry/node.ts', serverBundles.chibo);
  buildBundle('bench/echo-bot.ts', serverBundles.echo);
  const api = startChild('bench/quick-bot-api.ts', {});
  try {
    const seedStarted = performance.now();
    const opened = await openDatabase(databaseUrl);
    await migrateDatabase(opened.db);
    const seeded = await seedWebhookBench(opened.db, createServices({ db: opened.db, clock: systemClock }), seedSize);
    opened.client.close();
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const [, apiRoot] = await api.waitFor(/Bot API emulator on (http:\/\/\S+)/);
    console.log(`webhook — ${machine()}; seeded ${seeded.attempts.length} members in ${seedSeconds.toFixed(1)} s`);

    // Chibo's rounds share one database, so its workload carries on where the last round stopped.
    const chiboWorkload = createWorkload(seeded);
    const results: RoundResult[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const server of ['echo', 'chibo'] as ServerKind[]) {
        const workload = server === 'chibo' ? chiboWorkload : createWorkload(seeded);
        const result = await runRound({ server, round, apiRoot: apiRoot!, apiPid: api.pid, databaseUrl, workload, plan });
        console.log(`  ${roundLine(result, plan)}`);
        results.push(result);
      }
    }

    const check = await openDatabase(databaseUrl);
    const stored = await checkStored(check.db, chiboWorkload);
    check.client.close();

    const out = webhookFigures({ plan, seedSize, seedSeconds, results, stored });
    for (const f of out) console.log(`  ${f.metric}: ${f.result} (${f.baseline ?? '—'}; ${f.ratio ?? '—'}; target ${f.target ?? '—'})`);
    return out;
  } finally {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runWebhookBench(Number(process.argv[2] ?? 3));
