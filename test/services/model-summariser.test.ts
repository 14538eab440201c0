import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/services';
import { createOpenAiSummariser } from '../../src/services/documents/model-summariser';
import { createTestDb, type TestDb } from '../helpers/test-db';

const nq02 = readFileSync(new URL('../../../shared/corpus/nq-02-duk-nang-cao-nang-luc-lanh-dao.txt', import.meta.url), 'utf8');

// A stand-in for an OpenAI-compatible endpoint: answers whatever `nextAnswer` holds.
let nextAnswer: unknown;
const requests: { auth?: string; body: { model: string; messages: { content: string }[] } }[] = [];
const server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c: Buffer) => {
    raw += c.toString();
  });
  req.on('end', () => {
    requests.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ choices: [{ message: { content: JSON.stringify(nextAnswer) } }] }));
  });
});

let t: TestDb;
let services: ReturnType<typeof createServices>;
let documentId: number;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  t = await createTestDb();
  services = createServices({
    db: t.db,
    clock: t.clock,
    summariser: createOpenAiSummariser({ baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: 'k-test', model: 'test-model' }),
  });
  documentId = (await services.importDocument({ text: nq02, sourceName: 'nq02.txt' })).documentId;
  await services.approveSummary({ documentId });
});
afterAll(() => {
  server.close();
  t.close();
});

describe('optional model summariser', () => {
  it('stores the proposed wording as a draft citing sections, for a person to approve', async () => {
    nextAnswer = { lines: [{ text: 'Nâng cao chất lượng sinh hoạt chi bộ.', section: 'II' }] };
    const lines = await services.proposeSummaryWithModel({ documentId, scope: 'document' });
    expect(lines).toEqual([{ text: 'Nâng cao chất lượng sinh hoạt chi bộ.', section: 'II' }]);
    expect(requests.at(-1)?.auth).toBe('Bearer k-test');
    expect(requests.at(-1)?.body.model).toBe('test-model');
    expect(requests.at(-1)?.body.messages[1]?.content).toContain('[II]');
    const [summary] = await services.listSummaries({ documentId });
    expect(summary).toMatchObject({ scope: 'document', status: 'draft', source: 'model' });
  });

  it('refuses an answer that cites sections outside the scope or has the wrong shape, changing nothing', async () => {
    await services.approveSummary({ documentId });
    nextAnswer = { lines: [{ text: 'Bịa ra.', section: 'IX' }] };
    await expect(services.proposeSummaryWithModel({ documentId, scope: 'document' })).rejects.toMatchObject({ code: 'summariser_failed' });
    nextAnswer = { nonsense: true };
    await expect(services.proposeSummaryWithModel({ documentId, scope: 'document' })).rejects.toMatchObject({ code: 'summariser_failed' });
    const [summary] = await services.listSummaries({ documentId });
    expect(summary).toMatchObject({ status: 'approved', source: 'model' });
  });

  it('says plainly when no endpoint is configured', async () => {
    await expect(t.services.proposeSummaryWithModel({ documentId, scope: 'document' })).rejects.toMatchObject({ code: 'summariser_failed' });
  });
});
