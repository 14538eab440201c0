// A quick look at where chibo's webhook spends its CPU: the echo bot and chibo (built as
// `npm start` builds it) each take full-speed load for a few seconds, chibo under
// `node --cpu-prof`; prints CPU time per update for both and chibo's costliest functions
// (self time). For iterating on job-sized changes before a full bench/webhook.ts run.
// Run: npx tsx bench/webhook-profile.ts [seconds=6] [top=40] [packages]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '../src/db/open-node';
import { createServices } from '../src/services';
import { systemClock } from '../src/services/context';
import { buildBundle, startChild } from './child-process';
import { closedLoop } from './load-driver';
import { secret, type ServerKind, serverBundles, untilReady } from './webhook-round';
import { seedWebhookBench } from './webhook-seed';
import { createWorkload } from './webhook-workload';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The npm package (or node: module) a function is in; chibo's own functions by name. */
function packageOf(where: string, functionName: string) {
  if (where.startsWith('dist/')) return `chibo: ${functionName || '(anonymous)'}`;
  if (where.startsWith('node:')) return where.split(':').slice(0, 2).join(':');
  return where.split('/')[0] || functionName || '(native)';
}

/** Self time per function (ms), costliest first. */
function selfTimes(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const where = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/');
    const key = byPackage ? packageOf(where, f.functionName) : `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const seconds = Number(process.argv[2] ?? 6);
const top = Number(process.argv[3] ?? 40);
/** `packages`: self time summed per npm package instead of per function. */
const byPackage = process.argv[4] === 'packages';
const dir = mkdtempSync(join(tmpdir(), 'chibo-webhook-profile-'));
const databaseUrl = `file:${join(dir, 'webhook.db')}`;
buildBundle('src/entry/node.ts', serverBundles.chibo);
buildBundle('bench/echo-bot.ts', serverBundles.echo);
const api = startChild('bench/quick-bot-api.ts', {});
try {
  const opened = await openDatabase(databaseUrl);
  await migrateDatabase(opened.db);
  const seeded = await seedWebhookBench(opened.db, createServices({ db: opened.db, clock: systemClock }), { branches: 20, membersPerBranch: 50, questions: 40, meetingsPerBranch: 40 });
  opened.client.close();
  const [, apiRoot] = await api.waitFor(/Bot API emulator on (http:\/\/\S+)/);
  const chiboWorkload = createWorkload(seeded);
  for (const server of ['echo', 'chibo', 'echo', 'chibo'] as ServerKind[]) {
    const token = `9200:profile-${server}`;
    const profileDir = join(dir, `profile-${server}-${performance.now().toFixed(0)}`);
    const child = startChild(
      serverBundles[server],
      { NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: databaseUrl, SEED_DEMO: 'false', TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot!, TELEGRAM_WEBHOOK_SECRET: secret, PUBLIC_URL: 'https://chibo-bench.invalid' },
      server === 'chibo' && top > 0 ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    );
    const url = await untilReady(child, server, apiRoot!, token);
    const workload = server === 'chibo' ? chiboWorkload : createWorkload(seeded);
    await closedLoop({ url, secret }, workload.next, 16, 1); // warm-up
    const cpuBefore = child.cpuSeconds();
    const run = await closedLoop({ url, secret }, workload.next, 16, seconds);
    const cpuMs = ((child.cpuSeconds() - cpuBefore) * 1000) / run.sent;
    console.log(`${server}: ${run.perSecond.toFixed(0)} updates/s, ${cpuMs.toFixed(2)} CPU-ms per update, failures ${JSON.stringify(run.failures)}`);
    await child.stop();
    if (server === 'chibo' && top > 0) {
      const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
      if (!file) continue;
      const times = selfTimes(JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as Profile);
      const total = times.reduce((n, [, ms]) => n + ms, 0);
      for (const [name, ms] of times.slice(0, top)) console.log(`  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
    }
  }
} finally {
  await api.stop();
  rmSync(dir, { recursive: true, force: true });
}
