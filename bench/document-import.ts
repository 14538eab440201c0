// Import of a ~70 KB resolution: parse alone and the full import (parse + one batch write),
// against a floor measured in the same run: inserting the raw text as one row.
// Run alone: npx tsx bench/document-import.ts
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { parseDocument } from '../src/documents/parse-document';
import { type BenchFigure, benchDatabase, isMain, machine, ms, pct, time } from './harness';

const bench = 'bench/document-import.ts';
const corpus = (name: string) => readFileSync(new URL(`../../shared/corpus/${name}`, import.meta.url), 'utf8');

export async function runDocumentImportBench(): Promise<BenchFigure[]> {
  // Two real resolutions back to back make a ~70 KB document with the mess of real files.
  const text = `${corpus('nq-02-duk-nang-cao-nang-luc-lanh-dao.txt')}\n\n${corpus('nq-04-duk-tra-vinh-nam-2023.txt')}`;
  const kb = (Buffer.byteLength(text) / 1024).toFixed(1);

  const b = await benchDatabase();
  let floor: number[];
  let parse: number[];
  let imports: number[];
  try {
    await b.db.run(sql`CREATE TABLE raw_text (id INTEGER PRIMARY KEY, body TEXT)`);
    let n = 0;
    floor = await time(() => b.db.run(sql`INSERT INTO raw_text (body) VALUES (${text})`), 30);
    parse = await time(() => parseDocument(text), 30);
    imports = await time(
      // A fresh number each run, so every import creates a document.
      () => b.services.importDocument({ text: text.replace('Số 02-NQ/ĐUK', `Số ${100 + n++}-NQ/ĐUK`), sourceName: 'bench.txt' }),
      30,
    );
  } finally {
    b.cleanup();
  }

  const floor50 = pct(floor, 50);
  console.log(`document import — ${kb} KB, ${machine()}`);
  console.log(`  floor (raw INSERT of the text):  p50 ${ms(floor50)}`);
  console.log(`  parseDocument:                   p50 ${ms(pct(parse, 50))}  p95 ${ms(pct(parse, 95))}`);
  console.log(`  importDocument (parse + write):  p50 ${ms(pct(imports, 50))}  p95 ${ms(pct(imports, 95))}  (target < 200 ms)`);
  console.log(`  ratio import/floor: ${(pct(imports, 50) / floor50).toFixed(1)}×`);

  const baseline = `raw INSERT of the same text: p50 ${ms(floor50)}`;
  return [
    {
      bench,
      metric: `import of a ${kb} KB resolution (parse + one batch write), 30 runs`,
      result: `p50 ${ms(pct(imports, 50))}, p95 ${ms(pct(imports, 95))}`,
      baseline,
      ratio: `${(pct(imports, 50) / floor50).toFixed(0)}× the floor (p50)`,
      target: 'p95 < 200 ms',
      met: pct(imports, 95) < 200,
    },
    {
      bench,
      metric: 'of which parseDocument alone',
      result: `p50 ${ms(pct(parse, 50))}, p95 ${ms(pct(parse, 95))}`,
      baseline,
      ratio: `${(pct(parse, 50) / floor50).toFixed(0)}× the floor (p50)`,
    },
  ];
}

if (isMain(import.meta.url)) await runDocumentImportBench();
