// Bundles the Node entry into dist/node.js with esbuild, so `npm start` runs plain
// JavaScript: no TypeScript loader in the server process (it costs ~55 MB of resident
// memory and start time). Packages stay external and load from node_modules, as before.
// Plain JavaScript itself, because it runs before anything is compiled.
//
//   node scripts/build.mjs                          dist/node.js from src/entry/node.ts
//   node scripts/build.mjs <entry.ts> <outfile.js>  the same for another entry (the bench's echo bot)
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const serverBundle = join(repoRoot, 'dist', 'node.js');

/**
 * Bundles `entry` (a path from the repo root) to `outfile`. Each output file is written
 * under a temporary name and renamed, so processes building at the same time (test
 * workers) never see half a file.
 * @param {{ entry?: string; outfile?: string }} [options]
 * @returns {Promise<string>} the bundle's path
 */
export async function buildBundle({ entry = 'src/entry/node.ts', outfile = serverBundle } = {}) {
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    outfile: resolve(repoRoot, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  return resolve(repoRoot, outfile);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry, outfile] = process.argv.slice(2);
  await buildBundle({ entry, outfile });
}
