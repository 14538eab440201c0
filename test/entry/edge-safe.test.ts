import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-node';

// What the Worker bundles must run on workerd without Node built-ins (wrangler.toml sets no
// nodejs_compat). Node-only code lives in the entries, the CLI and src/db/open-node.ts.
const shared = ['src/app.ts', 'src/config.ts', 'src/logger.ts', 'src/time.ts', 'src/db/client.ts', 'src/db/schema', 'src/services', 'src/documents', 'src/http', 'src/jobs', 'src/locales', 'bot'];

function sourceFiles(path: string): string[] {
  const full = join(repoRoot, path);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full).flatMap((name) => sourceFiles(join(path, name)));
}

describe('the code the Worker shares with Node', () => {
  it('imports no node:* module', () => {
    const offenders = shared
      .flatMap(sourceFiles)
      .filter((file) => /\.tsx?$/.test(file))
      .filter((file) => /(from\s+|import\s*\(\s*)['"]node:/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file));
    expect(offenders).toEqual([]);
  });
});
