import { defineConfig } from 'drizzle-kit';

// Used only by `npm run db:generate` to write SQL migrations into migrations/.
export default defineConfig({
  dialect: 'turso',
  schema: './src/db/schema/index.ts',
  out: './migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'file:./data/chibo.db' },
});
