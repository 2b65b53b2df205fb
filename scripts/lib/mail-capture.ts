/**
 * A Resend-compatible capture server for the demo and the tests. The real Resend SDK posts to
 * it (RESEND_BASE_URL), so the shop's real email code runs; nothing leaves the machine.
 *
 *   POST   /emails        what the SDK calls; answers { id } like Resend
 *   POST   /emails/batch  up to 100 emails in one call (x-batch-validation strict or permissive)
 *   GET    /emails        the captured messages, newest first (JSON; ?to= filters by recipient)
 *   GET    /emails/:id    one message (JSON)
 *   GET    /              a readable list in the browser, with each message's HTML
 *   DELETE /emails        forget everything
 *
 * What tests and benchmarks need from the real provider, and nothing sends for real:
 *   - Idempotency-Key: a repeated key answers the first response and delivers nothing again.
 *   - A rate limit (requests per second, like Resend's): over it, HTTP 429 with retry-after.
 *   - Injected failures: `@reject.invalid` addresses are refused as invalid (permanent);
 *     POST /_control { failNext: n } makes the next n send requests answer 500.
 *   GET /_stats counts accepted emails per address (duplicates: an address sent twice).
 *   POST /_control { rateLimitPerSecond } changes the limit (0: none).
 *   - Signed webhook events back to the shop (delivered, bounced, complained, delayed), see
 *     mail-capture-webhooks.ts: options webhookUrl/webhookSecret, env MAIL_CAPTURE_WEBHOOK_URL
 *     and MAIL_CAPTURE_WEBHOOK_SECRET, or POST /_control { webhookUrl, webhookSecret } (null: off).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createWebhookSender, type WebhookSender, type WebhookStats } from "./mail-capture-webhooks";

export type CapturedEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  idempotencyKey: string | null;
  receivedAt: string;
};

const MAX_BODY = 40 * 1024 * 1024;
const MAX_MESSAGES = 1000;
const MAX_BATCH = 100;

export type CaptureOptions = {
  port?: number;
  host?: string;
  rateLimitPerSecond?: number;
  keepMessages?: number;
  /** The shop's webhook URL for delivery reports (…/api/webhooks/resend); unset: none are sent. */
  webhookUrl?: string;
  /** The secret the shop verifies reports with (its RESEND_WEBHOOK_SECRET). */
  webhookSecret?: string;
  /** How long after accepting an email its report is sent. */
  webhookDelayMs?: number;
};

export type CaptureStats = {
  requests: number;
  rateLimited: number;
  accepted: number;
  /** Distinct addresses that received at least one email. */
  addresses: number;
  /** Addresses that received more than one email (per address, how many extra). */
  duplicates: number;
  firstAt: string | null;
  lastAt: string | null;
  webhooks: WebhookStats;
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

// Resend's error shape, so the SDK hands back { error } exactly as it would in production.
function resendError(res: ServerResponse, status: number, name: string, message: string) {
  json(res, status, { statusCode: status, name, message });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type MailCapture = {
  url: string;
  stop: () => Promise<void>;
  messages: CapturedEmail[];
  /** The Idempotency-Key of every send request, replays included, oldest first (for tests). */
  sendKeys: (string | null)[];
  /** How many emails each address was sent (lower-case), over the server's life. */
  perAddress: Map<string, number>;
  stats: () => CaptureStats;
  control: (change: CaptureControl) => void;
  /** Delivery reports to the shop: their counts, and a wait until all are sent (tests, benchmarks). */
  webhooks: Pick<WebhookSender, "stats" | "settled">;
};

export type CaptureControl = { rateLimitPerSecond?: number; failNext?: number; webhookUrl?: string | null; webhookSecret?: string | null };

type SendBody = Record<string, unknown>;

export function startMailCapture({
  port = 0,
  host = "127.0.0.1",
  rateLimitPerSecond = Number(process.env.MAIL_CAPTURE_RATE_LIMIT ?? 0),
  keepMessages = MAX_MESSAGES,
  webhookUrl = process.env.MAIL_CAPTURE_WEBHOOK_URL,
  webhookSecret = process.env.MAIL_CAPTURE_WEBHOOK_SECRET,
  webhookDelayMs,
}: CaptureOptions = {}): Promise<MailCapture> {
  const messages: CapturedEmail[] = [];
  const sendKeys: (string | null)[] = [];
  // A repeated key answers what the first request answered.
  const byIdempotencyKey = new Map<string, { status: number; body: unknown }>();
  const perAddress = new Map<string, number>();
  let limit = rateLimitPerSecond;
  let failNext = 0;
  const counters = { requests: 0, rateLimited: 0, accepted: 0, firstAt: null as string | null, lastAt: null as string | null };
  // Request times in the last second (a sliding window, like a provider's per-second limit).
  const recent: number[] = [];
  const webhooks = createWebhookSender({ url: webhookUrl, secret: webhookSecret, delayMs: webhookDelayMs });

  function overLimit(res: ServerResponse): boolean {
    if (!limit) return false;
    const now = Date.now();
    while (recent.length && recent[0]! <= now - 1000) recent.shift();
    if (recent.length < limit) {
      recent.push(now);
      return false;
    }
    counters.rateLimited++;
    // Seconds until the oldest request in the window leaves it, as a whole number like Resend's.
    const wait = Math.max(1, Math.ceil((recent[0]! + 1000 - now) / 1000));
    res.setHeader("retry-after", String(wait));
    resendError(res, 429, "rate_limit_exceeded", `Too many requests. You can only make ${limit} requests per second.`);
    return true;
  }

  function validate(body: SendBody): { to: string[]; error?: string } {
    const to = Array.isArray(body.to) ? body.to.map(String) : typeof body.to === "string" ? [body.to] : [];
    if (!body.from || to.length === 0 || !body.subject) return { to, error: "from, to and subject are required" };
    // A test hook: mail to this address is refused the way a provider refuses it.
    if (to.some((t) => t.endsWith("@reject.invalid"))) return { to, error: "Invalid `to` field." };
    return { to };
  }

  function accept(body: SendBody, to: string[], key: string | null): CapturedEmail {
    const message: CapturedEmail = {
      id: randomUUID(),
      from: String(body.from),
      to,
      subject: String(body.subject),
      html: typeof body.html === "string" ? body.html : "",
      text: typeof body.text === "string" ? body.text : "",
      headers: (body.headers as Record<string, string>) ?? {},
      idempotencyKey: key,
      receivedAt: new Date().toISOString(),
    };
    if (keepMessages > 0) {
      messages.unshift(message);
      if (messages.length > keepMessages) messages.pop();
    }
    counters.accepted++;
    counters.firstAt ??= message.receivedAt;
    counters.lastAt = message.receivedAt;
    for (const address of to) perAddress.set(address.toLowerCase(), (perAddress.get(address.toLowerCase()) ?? 0) + 1);
    webhooks.enqueue(message);
    return message;
  }

  function answer(res: ServerResponse, key: string | null, status: number, body: unknown) {
    if (key) byIdempotencyKey.set(key, { status, body });
    json(res, status, body);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://capture");
    try {
      if (req.method === "POST" && (url.pathname === "/emails" || url.pathname === "/emails/batch")) {
        if (!/^Bearer \S+/.test(req.headers.authorization ?? "")) return resendError(res, 401, "missing_api_key", "Missing API key in the authorization header");
        counters.requests++;
        if (overLimit(res)) return;
        let body: unknown;
        try {
          body = JSON.parse(await readBody(req));
        } catch {
          return resendError(res, 422, "validation_error", "Invalid JSON body");
        }
        const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
        sendKeys.push(key);
        if (sendKeys.length > MAX_MESSAGES) sendKeys.shift();
        const earlier = key ? byIdempotencyKey.get(key) : undefined;
        if (earlier) return json(res, earlier.status, earlier.body);
        if (failNext > 0) {
          failNext--;
          return resendError(res, 500, "application_error", "Injected failure (capture server)");
        }
        if (url.pathname === "/emails") {
          const one = (body ?? {}) as SendBody;
          const { to, error } = validate(one);
          if (error) return resendError(res, 422, "validation_error", error);
          return answer(res, key, 200, { id: accept(one, to, key).id });
        }
        if (!Array.isArray(body) || body.length === 0 || body.length > MAX_BATCH) return resendError(res, 422, "validation_error", `A batch holds 1 to ${MAX_BATCH} emails`);
        const checked = body.map((email: SendBody) => ({ email, ...validate(email ?? {}) }));
        const permissive = req.headers["x-batch-validation"] === "permissive";
        if (!permissive) {
          const bad = checked.find((c) => c.error);
          if (bad) return resendError(res, 422, "validation_error", bad.error!);
        }
        const data: { id: string }[] = [];
        const errors: { index: number; message: string }[] = [];
        checked.forEach((c, index) => {
          if (c.error) errors.push({ index, message: c.error });
          else data.push({ id: accept(c.email, c.to, key).id });
        });
        return answer(res, key, 200, permissive ? { data, errors } : { data });
      }
      if (req.method === "GET" && url.pathname === "/_stats") return json(res, 200, stats());
      if (req.method === "POST" && url.pathname === "/_control") {
        let change: CaptureControl;
        try {
          change = JSON.parse(await readBody(req));
        } catch {
          return resendError(res, 422, "validation_error", "Invalid JSON body");
        }
        try {
          control(change);
        } catch (error) {
          return resendError(res, 422, "validation_error", `Invalid webhook setting: ${error instanceof Error ? error.message : "error"}`);
        }
        return json(res, 200, { rateLimitPerSecond: limit, failNext, webhookUrl: webhooks.stats().url });
      }
      if (req.method === "GET" && url.pathname === "/emails") {
        const to = url.searchParams.get("to")?.toLowerCase();
        return json(res, 200, { data: to ? messages.filter((m) => m.to.some((t) => t.toLowerCase() === to)) : messages });
      }
      if (req.method === "DELETE" && url.pathname === "/emails") {
        messages.length = 0;
        byIdempotencyKey.clear();
        perAddress.clear();
        Object.assign(counters, { requests: 0, rateLimited: 0, accepted: 0, firstAt: null, lastAt: null });
        return json(res, 200, { deleted: true });
      }
      const one = /^\/emails\/([0-9a-f-]{36})$/.exec(url.pathname);
      if (req.method === "GET" && one) {
        const message = messages.find((m) => m.id === one[1]);
        return message ? json(res, 200, message) : resendError(res, 404, "not_found", "Email not found");
      }
      if (req.method === "GET" && url.pathname === "/") {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        const items = messages
          .map(
            (m) =>
              `<article><h2>${escapeHtml(m.subject)}</h2><p>To ${escapeHtml(m.to.join(", "))} · ${m.receivedAt}</p><iframe sandbox srcdoc="${escapeHtml(m.html)}" title="${escapeHtml(m.subject)}"></iframe></article>`,
          )
          .join("");
        return res.end(
          `<!doctype html><meta charset="utf-8"><title>Captured mail</title><style>body{font:15px system-ui;max-width:760px;margin:2rem auto;padding:0 1rem}iframe{width:100%;height:420px;border:1px solid #ddd;border-radius:8px}article{margin-bottom:2rem}</style><h1>Captured mail (${messages.length})</h1><p>Emails the shop sent while running locally. Nothing here left this machine.</p>${items || "<p>No mail yet.</p>"}`,
        );
      }
      resendError(res, 404, "not_found", "Not found");
    } catch (error) {
      resendError(res, 500, "application_error", error instanceof Error ? error.message : "error");
    }
  });

  function stats(): CaptureStats {
    let duplicates = 0;
    for (const n of perAddress.values()) if (n > 1) duplicates += n - 1;
    return { ...counters, addresses: perAddress.size, duplicates, webhooks: webhooks.stats() };
  }
  function control(change: CaptureControl) {
    // First: a bad webhook setting throws before anything else changes.
    controlWebhooks(change);
    if (typeof change.rateLimitPerSecond === "number" && change.rateLimitPerSecond >= 0) limit = change.rateLimitPerSecond;
    if (typeof change.failNext === "number" && change.failNext >= 0) failNext = change.failNext;
  }
  function controlWebhooks(change: CaptureControl) {
    const value = (v: unknown) => (typeof v === "string" || v === null ? v : undefined);
    webhooks.configure({ url: value(change.webhookUrl), secret: value(change.webhookSecret) });
  }

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://${host}:${actualPort}`,
        messages,
        sendKeys,
        perAddress,
        stats,
        control,
        webhooks,
        stop: () => {
          webhooks.stop();
          return new Promise((r) => server.close(() => r()));
        },
      });
    });
  });
}

/**
 * The capture server for a local run, unless the environment already configures real email
 * (RESEND_API_KEY) or another capture server (RESEND_BASE_URL). Returns the env to pass on.
 * Given the shop's webhook URL, it also reports deliveries and bounces there, signed with the
 * RESEND_WEBHOOK_SECRET it returns (the one set in the environment, or a new one per run).
 */
export async function startLocalMailIfNeeded(port: number, log: (s: string) => void = console.log, webhook?: { url: string }) {
  if (process.env.RESEND_API_KEY || process.env.RESEND_BASE_URL) return { env: {}, stop: async () => {} };
  const webhookSecret = webhook ? localWebhookSecret() : undefined;
  const options = { webhookUrl: webhook?.url, webhookSecret };
  const capture = await startMailCapture({ port, ...options }).catch(() => startMailCapture({ port: 0, ...options }));
  log(`Captured mail (nothing is really sent): ${capture.url}`);
  return { env: { RESEND_BASE_URL: capture.url, ...(webhookSecret ? { RESEND_WEBHOOK_SECRET: webhookSecret } : {}) }, stop: capture.stop };
}

/** The shop's webhook secret for a local run: the configured one, or a fresh one in Resend's format. */
export function localWebhookSecret(): string {
  return process.env.RESEND_WEBHOOK_SECRET || `whsec_${randomBytes(24).toString("base64")}`;
}
