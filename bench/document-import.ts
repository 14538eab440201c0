// Import of a ~70 KB resolution: parse alone and the full import (parse + one batch write),
// against a floor measured in the same run: inserting the raw text as one row.
// Run: npx tsx bench/document-import.ts
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { parseDocument } from '../src/documents/parse-document';
import { benchDatabase, machine, ms, pct, time } from './harness';

const corpus = (name: string) => readFileSync(new URL(`../../shared/corpus/${name}`, import.meta.url), 'utf8');
// Two real resolutions back to back make a ~70 KB document with the mess of real files.
const text = `${corpus('nq-02-duk-nang-cao-nang-luc-lanh-dao.txt')}\n\n${corpus('nq-04-duk-tra-vinh-nam-2023.txt')}`;

const b = await benchDatabase();
await b.db.run(sql`CREATE TABLE raw_text (id INTEGER PRIMARY KEY, body TEXT)`);
let n = 0;
const floor = await time(() => b.db.run(sql`INSERT INTO raw_text (body) VALUES (${text})`), 30);
const parse = await time(() => parseDocument(text), 30);
const imports = await time(
  // A fresh number each run, so every import creates a document.
  () => b.services.importDocument({ text: text.replace('Số 02-NQ/ĐUK', `Số ${100 + n++}-NQ/ĐUK`), sourceName: 'bench.txt' }),
  30,
);
b.cleanup();

console.log(`document import — ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB, ${machine()}`);
console.log(`  floor (raw INSERT of the text):  p50 ${ms(pct(floor, 50))}`);
console.log(`  parseDocument:                   p50 ${ms(pct(parse, 50))}  p95 ${ms(pct(parse, 95))}`);
console.log(`  importDocument (parse + write):  p50 ${ms(pct(imports, 50))}  p95 ${ms(pct(imports, 95))}  (target < 200 ms)`);
console.log(`  ratio import/floor: ${(pct(imports, 50) / pct(floor, 50)).toFixed(1)}×`);
