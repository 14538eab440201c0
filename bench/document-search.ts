// Search over 500 generated documents (variants of the corpus), member-scoped as /timkiem runs it,
// against the floor measured in the same run: a bare FTS5 MATCH on the same index, no joins or scope.
// Run alone: npx tsx bench/document-search.ts
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { demoMembersTable, demoUnitsTable } from '../src/services/demo/demo-roster';
import { ftsQuery } from '../src/services/documents/passages';
import { type BenchFigure, benchDatabase, isMain, machine, ms, pct, time } from './harness';

const bench = 'bench/document-search.ts';
const units = ['DBK', 'DBCS-STC', 'DBCS-DL', 'CB-STC-VP', 'CB-DL-KD', 'CBCS-BV', 'CBCS-DUOC'];
const queries = ['sinh hoat chuyen de', 'to chuc co so dang', 'ket nap dang vien', 'chuyen doi so', 'tu phe binh va phe binh', 'hoan thanh tot nhiem vu'];

export async function runDocumentSearchBench(documents = 500): Promise<BenchFigure[]> {
  const corpus = ['nq-02-duk-nang-cao-nang-luc-lanh-dao.txt', 'nq-04-duk-tra-vinh-nam-2023.txt', 'nq-tinh-uy-nang-cao-chat-luong-sinh-hoat-dang.txt'].map(
    (name) => readFileSync(new URL(`../../shared/corpus/${name}`, import.meta.url), 'utf8'),
  );
  const b = await benchDatabase();
  let floor: number[];
  let search: number[];
  let loadSeconds: number;
  let passages: number;
  try {
    await b.services.importUnits(demoUnitsTable());
    await b.services.importMembers(demoMembersTable());
    const started = performance.now();
    for (let i = 0; i < documents; i++) {
      const base = corpus[i % corpus.length]!;
      // Distinct numbers and a distinct line keep every variant a separate document.
      const text = base.replace(/Số (\d+)-NQ/, `Số ${1000 + i}-NQ`).concat(`\n\nPhụ lục ${i}: bản thử nghiệm số ${i}.`);
      await b.services.importDocument({ text, sourceName: `gen-${i}.txt`, unitCodes: [units[i % units.length]!] });
    }
    loadSeconds = (performance.now() - started) / 1000;
    const [member] = await b.db.all<{ id: number }>(sql`SELECT m.id FROM members m JOIN units u ON u.id = m.unit_id WHERE u.code = 'CB-STC-VP' LIMIT 1`);
    const [count] = await b.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM document_passages`);
    passages = Number(count?.n ?? 0);

    let q = 0;
    floor = await time(() => {
      const match = ftsQuery(queries[q++ % queries.length]!)!;
      return b.db.all(sql`SELECT rowid FROM document_passages_fts WHERE document_passages_fts MATCH ${match} ORDER BY bm25(document_passages_fts) LIMIT 5`);
    }, 120);
    q = 0;
    search = await time(() => b.services.searchDocuments({ query: queries[q++ % queries.length]!, memberId: member!.id, limit: 5 }), 120);
  } finally {
    b.cleanup();
  }

  console.log(`document search — ${documents} documents, ${passages} passages (loaded in ${loadSeconds.toFixed(1)} s), ${machine()}`);
  console.log(`  floor (bare FTS5 MATCH, top 5):     p50 ${ms(pct(floor, 50))}  p95 ${ms(pct(floor, 95))}`);
  console.log(`  searchDocuments (member-scoped):    p50 ${ms(pct(search, 50))}  p95 ${ms(pct(search, 95))}  (target < 50 ms)`);
  console.log(`  ratio search/floor (p50): ${(pct(search, 50) / pct(floor, 50)).toFixed(1)}×`);

  return [
    {
      bench,
      metric: `member-scoped search, ${documents} documents, ${passages.toLocaleString('en-US')} passages, 120 queries`,
      result: `p50 ${ms(pct(search, 50))}, p95 ${ms(pct(search, 95))}`,
      baseline: `bare FTS5 MATCH, top 5: p50 ${ms(pct(floor, 50))}, p95 ${ms(pct(floor, 95))}`,
      ratio: `${(pct(search, 50) / pct(floor, 50)).toFixed(1)}× the floor (p50)`,
      target: 'p95 < 50 ms',
      met: pct(search, 95) < 50,
      notes: [`The ${documents} documents were imported in ${loadSeconds.toFixed(1)} s before the queries ran.`],
    },
  ];
}

if (isMain(import.meta.url)) await runDocumentSearchBench();
