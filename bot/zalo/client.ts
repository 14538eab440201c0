import { z } from 'zod';

/**
 * A fetch-only client for the Zalo Bot Platform (`<apiRoot>/bot<TOKEN>/<method>`, JSON in,
 * `{ ok, result, error_code, description }` out). Edge-safe: no node:* imports, no SDK.
 */

/** Zalo's documented limit for one text message. */
export const zaloMaxTextLength = 2000;

const envelope = z.looseObject({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
  parameters: z.looseObject({ retry_after: z.number().optional() }).optional(),
});

/** A refusal from Zalo (ok: false or an HTTP error status), with what the outbox needs to classify it. */
export class ZaloApiError extends Error {
  override name = 'ZaloApiError';
  constructor(
    readonly method: string,
    readonly status: number,
    readonly errorCode: number | undefined,
    readonly description: string,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(`zalo ${method} failed: ${status} ${errorCode ?? ''}`.trim());
  }
}

/** The request did not get an answer (connection refused, reset, timeout). */
export class ZaloNetworkError extends Error {
  override name = 'ZaloNetworkError';
  constructor(
    readonly method: string,
    /** true when the request cannot have reached Zalo (refused before sending). */
    readonly notSent: boolean,
  ) {
    super(`zalo ${method}: network error`);
  }
}

const sentMessage = z.looseObject({ message_id: z.union([z.string(), z.number()]).transform(String) });
const botInfo = z.looseObject({ id: z.union([z.string(), z.number()]).transform(String), account_name: z.string().optional() });

export interface ZaloClientOptions {
  token: string;
  apiRoot: string;
  /** Per request; a hanging API must not hold a webhook or the outbox. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createZaloClient(options: ZaloClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function call(method: string, body: Record<string, unknown> = {}, timeout = timeoutMs): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${options.apiRoot}/bot${options.token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeout),
      });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code ?? '';
      throw new ZaloNetworkError(method, ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code));
    }
    let parsed: z.infer<typeof envelope> | null = null;
    try {
      parsed = envelope.parse(await response.json());
    } catch {
      parsed = null;
    }
    if (!response.ok || !parsed?.ok) {
      const retryHeader = Number(response.headers.get('retry-after'));
      throw new ZaloApiError(
        method,
        response.status,
        parsed?.error_code,
        (parsed?.description ?? response.statusText).slice(0, 120),
        parsed?.parameters?.retry_after ?? (Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined),
      );
    }
    return parsed.result;
  }

  return {
    call,
    async getMe() {
      return botInfo.parse(await call('getMe'));
    },
    async sendMessage(chatId: string, text: string): Promise<{ messageId: string }> {
      const result = sentMessage.parse(await call('sendMessage', { chat_id: chatId, text }));
      return { messageId: result.message_id };
    },
    async setWebhook(url: string, secretToken: string) {
      await call('setWebhook', { url, secret_token: secretToken });
    },
    async deleteWebhook() {
      await call('deleteWebhook');
    },
    /** Long poll: waits up to `timeoutSeconds` for updates (Zalo answers one update or none). */
    async getUpdates(timeoutSeconds: number): Promise<unknown> {
      return call('getUpdates', { timeout: String(timeoutSeconds) }, (timeoutSeconds + 10) * 1000);
    },
  };
}

export type ZaloClient = ReturnType<typeof createZaloClient>;
