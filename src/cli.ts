import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cliText } from './cli/messages';
import { runCommand, UsageError } from './cli/run-command';
import { ConfigError, createConfig } from './config';

/**
 * Admin commands. Results go to stdout (so `npm run -s cli -- … --json` prints
 * nothing else); problems go to stderr with exit code 1, usage errors with 2.
 */
async function main() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      unit: { type: 'string' },
      member: { type: 'string' },
      'ttl-hours': { type: 'string' },
      replace: { type: 'boolean', default: false },
      scope: { type: 'string' },
      lines: { type: 'string' },
      set: { type: 'string' },
      title: { type: 'string' },
      document: { type: 'string' },
      question: { type: 'string' },
      slug: { type: 'string' },
      opens: { type: 'string' },
      closes: { type: 'string' },
      attempts: { type: 'string' },
      prediction: { type: 'boolean', default: false },
      confirm: { type: 'boolean', default: false },
      admin: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(cliText.usage);
    return;
  }
  const config = createConfig(process.env);
  process.exitCode = await runCommand(positionals, values, config, {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
  });
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${cliText.usage}`);
    process.exit(2);
  }
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
