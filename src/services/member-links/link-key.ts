import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { base64url, randomToken } from '../tokens';

/** WebCrypto's HMAC key (the CryptoKey type, named without the DOM lib). */
export type LinkKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const secretName = 'member_link_secret';


/**
 * The HMAC key that signs member links: MEMBER_LINK_SECRET when set, otherwise a random
 * secret generated once and kept in the database, so every instance (and a Worker) on
 * the same database signs and checks alike and a fresh clone needs no configuration.
 * The first writer wins; everyone reads the stored value back.
 */
export function memberLinkKey(ctx: ServiceContext, configured?: string): Promise<LinkKey> {
  // The secret never changes once written: the key is made once per configured secret or
  // database, not read and imported again on every page view and chat message.
  if (configured) return remembered(configuredKeys, configured, () => loadKey(ctx, configured));
  return remembered(storedKeys, ctx.db, () => loadKey(ctx));
}

const configuredKeys = new Map<string, Promise<LinkKey>>();
const storedKeys = new WeakMap<object, Promise<LinkKey>>();

function remembered<K extends object | string>(cache: { get(k: K): Promise<LinkKey> | undefined; set(k: K, v: Promise<LinkKey>): unknown; delete(k: K): unknown }, id: K, load: () => Promise<LinkKey>) {
  let key = cache.get(id);
  if (!key) {
    key = load();
    cache.set(id, key);
    key.catch(() => cache.delete(id)); // a failed read is tried again next time
  }
  return key;
}

async function loadKey(ctx: ServiceContext, configured?: string): Promise<LinkKey> {
  let secret = configured;
  if (!secret) {
    const read = async () => (await ctx.db.all<{ value: string }>(sql`SELECT value FROM app_secrets WHERE name = ${secretName}`))[0]?.value;
    // Read first: after the first link ever, a page view writes nothing.
    secret = await read();
    if (!secret) {
      const fresh = randomToken(32);
      await ctx.db.run(sql`
        INSERT INTO app_secrets (name, value, created_at) VALUES (${secretName}, ${fresh}, ${ctx.clock.now().getTime()})
        ON CONFLICT (name) DO NOTHING`);
      secret = (await read())!;
    }
  }
  return crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** HMAC-SHA256 of `text`, truncated to 128 bits, URL-safe. */
export async function signText(key: LinkKey, text: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
  return base64url(mac.slice(0, 16));
}

/** Constant-time comparison, so a signature cannot be guessed byte by byte from timings. */
export function sameSignature(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
