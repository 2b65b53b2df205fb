/**
 * A Resend-compatible capture server for the demo and the tests. The real Resend SDK posts to
 * it (RESEND_BASE_URL), so the shop's real email code runs; nothing leaves the machine.
 *
 *   POST   /emails        what the SDK calls; answers { id } like Resend
 *   GET    /emails        the captured messages, newest first (JSON; ?to= filters by recipient)
 *   GET    /emails/:id    one message (JSON)
 *   GET    /              a readable list in the browser, with each message's HTML
 *   DELETE /emails        forget everything
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

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

const MAX_BODY = 5 * 1024 * 1024;
const MAX_MESSAGES = 1000;

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
};

export function startMailCapture({ port = 0, host = "127.0.0.1" } = {}): Promise<MailCapture> {
  const messages: CapturedEmail[] = [];
  const sendKeys: (string | null)[] = [];
  const byIdempotencyKey = new Map<string, CapturedEmail>();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://capture");
    try {
      if (req.method === "POST" && url.pathname === "/emails") {
        if (!/^Bearer \S+/.test(req.headers.authorization ?? "")) return resendError(res, 401, "missing_api_key", "Missing API key in the authorization header");
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(await readBody(req));
        } catch {
          return resendError(res, 422, "validation_error", "Invalid JSON body");
        }
        const to = Array.isArray(body.to) ? body.to.map(String) : typeof body.to === "string" ? [body.to] : [];
        if (!body.from || to.length === 0 || !body.subject) return resendError(res, 422, "validation_error", "from, to and subject are required");
        // A test hook: mail to this address is refused the way a provider refuses it.
        if (to.some((t) => t.endsWith("@reject.invalid"))) return resendError(res, 422, "validation_error", "Invalid `to` field.");
        const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
        sendKeys.push(key);
        if (sendKeys.length > MAX_MESSAGES) sendKeys.shift();
        if (key && byIdempotencyKey.has(key)) return json(res, 200, { id: byIdempotencyKey.get(key)!.id });
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
        messages.unshift(message);
        if (messages.length > MAX_MESSAGES) messages.pop();
        if (key) byIdempotencyKey.set(key, message);
        return json(res, 200, { id: message.id });
      }
      if (req.method === "GET" && url.pathname === "/emails") {
        const to = url.searchParams.get("to")?.toLowerCase();
        return json(res, 200, { data: to ? messages.filter((m) => m.to.some((t) => t.toLowerCase() === to)) : messages });
      }
      if (req.method === "DELETE" && url.pathname === "/emails") {
        messages.length = 0;
        byIdempotencyKey.clear();
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

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://${host}:${actualPort}`,
        messages,
        sendKeys,
        stop: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

/**
 * The capture server for a local run, unless the environment already configures real email
 * (RESEND_API_KEY) or another capture server (RESEND_BASE_URL). Returns the env to pass on.
 */
export async function startLocalMailIfNeeded(port: number, log: (s: string) => void = console.log) {
  if (process.env.RESEND_API_KEY || process.env.RESEND_BASE_URL) return { env: {}, stop: async () => {} };
  const capture = await startMailCapture({ port }).catch(() => startMailCapture({ port: 0 }));
  log(`Captured mail (nothing is really sent): ${capture.url}`);
  return { env: { RESEND_BASE_URL: capture.url }, stop: capture.stop };
}
