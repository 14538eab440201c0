// Turns the rounds of bench/webhook.ts into report figures: medians over rounds for
// chibo and for the echo bot baseline, their ratios and the targets.
import { type BenchFigure, median, pct } from './harness';
import type { RoundPlan, RoundResult } from './webhook-round';
import type { SeedSize } from './webhook-seed';
import type { StoredCheck } from './webhook-verify';

const bench = 'bench/webhook.ts';

export interface WebhookRun {
  plan: RoundPlan;
  seedSize: SeedSize;
  seedSeconds: number;
  results: RoundResult[];
  stored: StoredCheck;
}

const failuresOf = (r: RoundResult) =>
  r.warmupFailures + [r.latency, r.throughput].reduce((n, o) => n + Object.values(o.failures).reduce((a, b) => a + b, 0), 0);
const sentOf = (r: RoundResult) => r.warmupSent + r.latency.sent + r.throughput.sent;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const msText = (n: number) => `${n.toFixed(1)} ms`;
const mb = (n: number) => `${n.toFixed(0)} MB`;

function summarise(rounds: RoundResult[]) {
  const m = (f: (r: RoundResult) => number) => median(rounds.map(f));
  return {
    perSecond: m((r) => r.throughput.perSecond),
    p50: m((r) => pct(r.latency.all, 50)),
    p99: m((r) => pct(r.latency.all, 99)),
    quizP50: m((r) => pct(r.latency.latencies.quiz, 50)),
    quizP99: m((r) => pct(r.latency.latencies.quiz, 99)),
    meetingP50: m((r) => pct(r.latency.latencies.meeting, 50)),
    meetingP99: m((r) => pct(r.latency.latencies.meeting, 99)),
    offered: m((r) => r.latency.offeredPerSecond),
    idleMb: m((r) => r.idleMb),
    cpuAtRate: m((r) => r.cpuMsPerUpdateAtRate),
    cpuAtMax: m((r) => r.cpuMsPerUpdateAtMax),
    peakAtRateMb: Math.max(...rounds.map((r) => r.peakAtRateMb)),
    peakAtMaxMb: Math.max(...rounds.map((r) => r.peakAtMaxMb)),
    failures: rounds.reduce((n, r) => n + failuresOf(r), 0),
    sent: rounds.reduce((n, r) => n + sentOf(r), 0),
    answered: rounds.reduce((n, r) => n + (r.apiCalls.answerCallbackQuery ?? 0) + r.webhookReplies, 0),
    webhookReplies: rounds.reduce((n, r) => n + r.webhookReplies, 0),
    refused: rounds.reduce((n, r) => n + r.refusedAnswers, 0),
  };
}

/** The server's warnings, without timestamps, the same ones counted once. */
function stderrText(lines: string[]) {
  if (lines.length === 0) return 'nothing on the server\'s stderr';
  const counts = new Map<string, number>();
  for (const line of lines) {
    const text = line.replace(/^\S+Z /, '').replace(/"updateId":\d+/, '"updateId":…');
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return `server stderr: ${[...counts].map(([text, n]) => `${n} × "${text.slice(0, 160)}"`).join('; ')}`;
}

/** One line per round for the notes. */
export function roundLine(r: RoundResult, plan: RoundPlan) {
  const calls = Object.entries(r.apiCalls)
    .filter(([method]) => ['answerCallbackQuery', 'editMessageText', 'sendMessage'].includes(method))
    .map(([method, n]) => `${method} ${fmt(n)}`)
    .join(', ');
  return (
    `${r.server} round ${r.round + 1} (machine load average ${r.loadAverage.toFixed(1)}): started in ${r.startSeconds.toFixed(1)} s; ` +
    `${fmt(r.throughput.perSecond)} updates/s with ${plan.concurrency} senders; ` +
    `at ${fmt(r.latency.offeredPerSecond, 1)}/s p50 ${msText(pct(r.latency.all, 50))}, p99 ${msText(pct(r.latency.all, 99))}, ` +
    `slowest ${msText(r.latency.worst.ms)} (due ${r.latency.worst.atSecond.toFixed(1)} s into the phase); ` +
    `RSS idle ${mb(r.idleMb)}, peak ${mb(r.peakAtRateMb)} at ${plan.rate}/s, ${mb(r.peakAtMaxMb)} at full speed; ` +
    `server CPU per update ${r.cpuMsPerUpdateAtRate.toFixed(2)} ms at ${plan.rate}/s, ${r.cpuMsPerUpdateAtMax.toFixed(2)} ms at full speed; ` +
    `cores busy at full speed: server ${r.coresAtMax.server.toFixed(2)}, load generator ${r.coresAtMax.harness.toFixed(2)}, Bot API emulator ${r.coresAtMax.botApi.toFixed(2)}; ` +
    `non-200 ${failuresOf(r)}; Bot API calls: ${calls}; answered in the webhook response: ${r.webhookReplies}; refused second answers ${r.refusedAnswers}; ${stderrText(r.stderrLines)}`
  );
}

/** The figures of one webhook bench run. */
export function webhookFigures(run: WebhookRun): BenchFigure[] {
  const { plan, seedSize, seedSeconds, stored, results: rounds } = run;
  const chibo = summarise(rounds.filter((r) => r.server === 'chibo'));
  const echo = summarise(rounds.filter((r) => r.server === 'echo'));
  const line = (r: RoundResult) => roundLine(r, plan);
  const ratio = chibo.perSecond / echo.perSecond;
  const mix = 'quiz answers and meeting replies, alternating';
  const echoLatency = (p50: number, p99: number) => `echo bot: p50 ${msText(p50)}, p99 ${msText(p99)}`;
  return [
    {
      bench,
      metric: `webhook throughput, ${mix}, ${plan.concurrency} concurrent senders for ${plan.throughputSeconds} s (median of ${rounds.length / 2} rounds)`,
      result: `${fmt(chibo.perSecond)} updates/s`,
      baseline: `echo bot: ${fmt(echo.perSecond)} updates/s`,
      ratio: `${ratio.toFixed(2)} chibo/echo (per CPU-second at full speed: ${(echo.cpuAtMax / chibo.cpuAtMax).toFixed(2)})`,
      target: '≥ 0.5',
      met: ratio >= 0.5,
      notes: [
        `Chibo's node entry (src/entry/node.ts bundled to dist/node.js and run with plain node, as \`npm start\` does; NODE_ENV=production, LOG_LEVEL=warn) and bench/echo-bot.ts (bundled the same way) run as child processes, each in webhook mode against one Bot API emulator child (bench/quick-bot-api.ts) that answers at once; the load comes from the bench process over keep-alive HTTP. Rounds alternate echo, chibo, echo, chibo…; every round is a fresh server process.`,
        `Database: a migrated libSQL file (WAL) seeded through the services with ${seedSize.branches} branches × ${seedSize.membersPerBranch} linked members, one ${seedSize.questions}-question quiz with an open attempt per member, and ${seedSize.meetingsPerBranch} scheduled meetings per branch (seeded in ${seedSeconds.toFixed(1)} s). Each quiz update answers the next question of an attempt (\`qz:a:…\`, sent only once the previous answer is in); each meeting update replies "Tham dự" (\`mt:y:…\`) to a different invitation. Every update id is unique.`,
        `On a shared machine a server rarely gets a whole core (see "cores busy" below), so measured updates/s move with other work; CPU time per update (next row) does not count waiting for a core, and 1 ÷ CPU time is what one free core could serve.`,
        `Per update chibo leases the update id, loads the member, does the work, answers the callback query in the webhook response (a webhook reply, which Telegram performs), calls the Bot API where there is more to show (quiz: editMessageText with the verdict; a meeting reply needs no call) and marks the update handled (one statement for the updates finished in the same event-loop turn); the echo bot answers the callback query only.`,
        ...rounds.map(line),
      ],
    },
    {
      bench,
      metric: `server CPU time per update (user + system, from /proc) at ${plan.rate} updates/s (median of rounds)`,
      result: `${chibo.cpuAtRate.toFixed(2)} ms`,
      baseline: `echo bot: ${echo.cpuAtRate.toFixed(2)} ms`,
      ratio: `${(chibo.cpuAtRate / echo.cpuAtRate).toFixed(1)}× echo`,
      notes: [
        `At full speed (${plan.concurrency} senders) a busy server spends less per update (fewer wake-ups, writes batched): chibo ${chibo.cpuAtMax.toFixed(2)} ms, echo bot ${echo.cpuAtMax.toFixed(2)} ms per update.`,
      ],
    },
    {
      bench,
      metric: `latency at a fixed ${plan.rate} updates/s for ${plan.latencySeconds} s (after ${plan.warmupSeconds} s warm-up), p50 (median of rounds)`,
      result: msText(chibo.p50),
      baseline: `echo bot: ${msText(echo.p50)}`,
      ratio: `${(chibo.p50 / echo.p50).toFixed(1)}× echo`,
      notes: [
        `Latency runs from the moment an update was due (open loop) to the end of the answer, so a server that falls behind is not flattered. Offered rate achieved: chibo ${fmt(chibo.offered, 1)}/s, echo ${fmt(echo.offered, 1)}/s (median).`,
        `At ${plan.rate}/s chibo needs about ${((chibo.cpuAtRate * plan.rate) / 1000).toFixed(2)} of a core and the echo bot ${((echo.cpuAtRate * plan.rate) / 1000).toFixed(2)}: when other work leaves a server less than that, its queue grows for the rest of the phase and the latency with it. Each round's line above gives the machine's load average (2 cores) and the slowest answer.`,
      ],
    },
    {
      bench,
      metric: `same, p99`,
      result: msText(chibo.p99),
      baseline: `echo bot: ${msText(echo.p99)}`,
      ratio: `${(chibo.p99 / echo.p99).toFixed(1)}× echo`,
      target: '< 100 ms',
      met: chibo.p99 < 100,
    },
    {
      bench,
      metric: 'same, quiz answers only: p50 / p99',
      result: `${msText(chibo.quizP50)} / ${msText(chibo.quizP99)}`,
      baseline: echoLatency(echo.quizP50, echo.quizP99),
      ratio: `${(chibo.quizP99 / echo.quizP99).toFixed(1)}× echo (p99)`,
      target: 'p99 < 100 ms',
      met: chibo.quizP99 < 100,
    },
    {
      bench,
      metric: 'same, meeting replies only: p50 / p99',
      result: `${msText(chibo.meetingP50)} / ${msText(chibo.meetingP99)}`,
      baseline: echoLatency(echo.meetingP50, echo.meetingP99),
      ratio: `${(chibo.meetingP99 / echo.meetingP99).toFixed(1)}× echo (p99)`,
      target: 'p99 < 100 ms',
      met: chibo.meetingP99 < 100,
    },
    {
      bench,
      metric: `server resident memory (VmRSS) idle, ${plan.settleSeconds} s after the webhook is set (median of rounds)`,
      result: mb(chibo.idleMb),
      baseline: `echo bot: ${mb(echo.idleMb)}`,
      ratio: `${(chibo.idleMb / echo.idleMb).toFixed(1)}× echo`,
      target: '< 150 MB',
      met: chibo.idleMb < 150,
      notes: ['Both servers run TypeScript through the tsx loader, as `npm start` does; its compiled modules count in the resident memory of both.'],
    },
    {
      bench,
      metric: `server resident memory, peak under ${plan.rate} updates/s (highest of rounds, sampled every 50 ms)`,
      result: mb(chibo.peakAtRateMb),
      baseline: `echo bot: ${mb(echo.peakAtRateMb)}`,
      ratio: `${(chibo.peakAtRateMb / echo.peakAtRateMb).toFixed(1)}× echo`,
      target: '< 300 MB',
      met: chibo.peakAtRateMb < 300,
      notes: [`Peak at full speed (${plan.concurrency} senders): chibo ${mb(chibo.peakAtMaxMb)}, echo bot ${mb(echo.peakAtMaxMb)}.`],
    },
    {
      bench,
      metric: 'webhook answers other than HTTP 200 (all phases, all rounds)',
      result: `chibo ${fmt(chibo.failures)} of ${fmt(chibo.sent)}`,
      baseline: `echo bot: ${fmt(echo.failures)} of ${fmt(echo.sent)}`,
      target: '0',
      met: chibo.failures === 0 && echo.failures === 0,
    },
    {
      bench,
      metric: 'every callback query answered once (answerCallbackQuery calls at the Bot API emulator + answers in webhook responses / updates sent)',
      result: `chibo ${fmt(chibo.answered)} / ${fmt(chibo.sent)} (${fmt(chibo.webhookReplies)} in webhook responses)`,
      baseline: `echo bot: ${fmt(echo.answered)} / ${fmt(echo.sent)}`,
      target: 'equal, 0 refused second answers',
      met: chibo.answered === chibo.sent && echo.answered === echo.sent && chibo.refused + echo.refused === 0,
    },
    {
      bench,
      metric: 'chibo database afterwards holds exactly the answers and replies taken (HTTP 200), and one claim per update',
      result: `quiz answers ${fmt(stored.answersStored)} stored / ${fmt(stored.answersSent)} taken, meeting replies ${fmt(stored.repliesStored)} / ${fmt(stored.repliesSent)}`,
      target: 'exactly equal',
      met: stored.exact,
      notes: [
        `Missing: ${stored.answersMissing} answers, ${stored.repliesMissing} replies; stored although never sent: ${stored.answersUnexpected} answers, ${stored.repliesUnexpected} replies; Telegram update ids claimed by the webhook: ${fmt(stored.claimed)} of ${fmt(stored.updatesSent)} sent (warm-up included).`,
      ],
    },
  ];
}

