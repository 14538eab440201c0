import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { SummaryLine } from '../../db/schema';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { editSummary } from './summaries';

/** Proposes summary wording for sections of a document; every line must cite a section path. */
export interface Summariser {
  propose(input: { heading: string; sections: { path: string; heading: string; text: string }[] }): Promise<SummaryLine[]>;
}

const modelAnswer = z.object({ lines: z.array(z.object({ text: z.string().min(1).max(600), section: z.string().min(1) })).min(1).max(20) });

/**
 * A Summariser over any OpenAI-compatible chat completions endpoint
 * (`POST {baseUrl}/chat/completions`). Optional: the default summaries are extractive and offline.
 */
export function createOpenAiSummariser(options: { baseUrl: string; apiKey?: string; model: string; fetch?: typeof fetch }): Summariser {
  const doFetch = options.fetch ?? fetch;
  return {
    async propose({ heading, sections }) {
      const source = sections.map((s) => `[${s.path}] ${s.heading}\n${s.text}`).join('\n\n').slice(0, 60_000);
      const response = await doFetch(`${options.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
        body: JSON.stringify({
          model: options.model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            {
              role: 'system',
              content:
                'You summarise Vietnamese Party documents for members reading on phones. Answer in Vietnamese, ' +
                'as JSON {"lines":[{"text":"...","section":"II.1"}]}: at most 10 short lines, each stating only what the ' +
                'cited section says (no new facts, figures copied exactly), each citing the section path shown in brackets.',
            },
            { role: 'user', content: `${heading}\n\n${source}` },
          ],
        }),
        signal: AbortSignal.timeout(60_000),
      });
      if (!response.ok) throw new ServiceError('summariser_failed', `endpoint answered ${response.status}`);
      const body = (await response.json()) as { choices?: { message?: { content?: string } }[] };
      const content = body.choices?.[0]?.message?.content ?? '';
      let parsed: unknown;
      try {
        parsed = JSON.parse(content);
      } catch {
        throw new ServiceError('summariser_failed', 'answer is not JSON');
      }
      const answer = modelAnswer.safeParse(parsed);
      if (!answer.success) throw new ServiceError('summariser_failed', 'answer has the wrong shape');
      return answer.data.lines;
    },
  };
}

/**
 * Asks the summariser for wording of one summary and stores it as a draft
 * (source "model") for a person to review and approve. Lines citing sections that
 * are not in scope are refused: nothing changes.
 */
export async function proposeSummaryWithModel({
  ctx,
  input,
  summariser,
}: {
  ctx: ServiceContext;
  input: { documentId: number; scope: string };
  summariser: Summariser;
}): Promise<SummaryLine[]> {
  const [summary] = await ctx.db.all<{ heading: string }>(sql`
    SELECT heading FROM document_summaries WHERE document_id = ${input.documentId} AND scope = ${input.scope}`);
  if (!summary) throw new ServiceError('not_found', 'summary not found', { scope: input.scope });
  const sections = await ctx.db.all<{ path: string; heading: string; text: string }>(sql`
    SELECT path, heading, text FROM document_sections WHERE document_id = ${input.documentId}
      AND (${input.scope} = 'document' OR path = ${input.scope} OR path LIKE ${`${input.scope}.%`})
    ORDER BY ordinal`);
  const lines = await summariser.propose({ heading: summary.heading, sections });
  const allowed = new Set(sections.map((s) => s.path));
  const stray = lines.filter((l) => !allowed.has(l.section));
  if (stray.length > 0) throw new ServiceError('summariser_failed', `cites sections outside the scope: ${stray.map((l) => l.section).join(', ')}`);
  await editSummary({ ctx, input: { documentId: input.documentId, scope: input.scope, lines, source: 'model' } });
  return lines;
}
