import { z } from "zod";

/**
 * The server's environment, parsed once. A missing or malformed value stops the server at
 * start-up (see instrumentation.ts) with a message that names the variable, instead of
 * failing on the first request.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set. `npm run dev` sets it for you; in production point it at your PostgreSQL server." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://"),
  /**
   * Public origin of the shop. Every link in every email (sign-in, order, newsletter,
   * preferences, unsubscribe) is built from it, never from request headers, which a client
   * writes itself. Required in production.
   */
  SITE_URL: z
    .url({ error: "SITE_URL must be an absolute URL such as https://shop.example" })
    .refine((value) => /^https?:\/\/[^/]+\/?$/.test(value), "SITE_URL must be an origin only (https://shop.example), without a path")
    .optional(),
  /**
   * How many reverse proxies in front of the app append the client's address to
   * X-Forwarded-For. 0 (the default) when `next start` faces the internet: the header is then
   * ignored, because a client can write it itself.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Connections per app server process; keep the sum across servers under Postgres' limit. */
  /**
   * Shared secret for POST /api/catalog/stock (stock updates from a warehouse or till system).
   * Unset: the endpoint is switched off.
   */
  INVENTORY_WEBHOOK_SECRET: z.string().min(24, "INVENTORY_WEBHOOK_SECRET must be at least 24 characters").optional(),
  /**
   * Signing secret of the Resend webhook (whsec_<base64>, shown by Resend when the endpoint is
   * created) for POST /api/webhooks/resend: deliveries, bounces and complaints. Unset: the
   * endpoint is switched off, and bounces and complaints are not learned of.
   */
  RESEND_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, "RESEND_WEBHOOK_SECRET must look like whsec_<base64>, as Resend shows it")
    .refine((value) => Buffer.from(value.slice("whsec_".length), "base64").length >= 16, "RESEND_WEBHOOK_SECRET is too short (at least 16 bytes after whsec_)")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * Signs links that must not be guessable (order pages for guests, later sign-in and
   * unsubscribe links). At least 32 characters; required in production.
   */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  /** Resend API key. Required in production unless RESEND_BASE_URL points at a capture server. */
  RESEND_API_KEY: z.string().min(1).optional(),
  /** Where the Resend SDK sends requests; the demo and tests point it at scripts/mail-capture. */
  RESEND_BASE_URL: z.url().optional(),
  /**
   * Multiplies the per-client abuse limits (sign-in links, newsletter signups per network
   * address). Raise it when many honest people share one address: an office, a school, tests.
   */
  CLIENT_RATE_LIMIT_FACTOR: z.coerce.number().int().min(1).max(10_000).default(1),
  /**
   * The email provider's request rate (Resend allows 2 per second unless raised). Every worker
   * together keeps to it: each batch call takes the next slot in a shared table.
   */
  EMAIL_REQUESTS_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(2),
  /** How long a worker may hold a batch before another takes it over (a worker that died). */
  CAMPAIGN_BATCH_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  /** A campaign pauses itself once this many of its emails have failed for good. */
  CAMPAIGN_MAX_FAILURES: z.coerce.number().int().min(1).max(1_000_000).default(50),
  /**
   * Cookieless visit counting (lib/analytics). "off" counts nothing at all; the benchmark
   * compares page throughput with it on and off.
   */
  ANALYTICS: z.enum(["on", "off"]).default("on"),
  // Read by next.config.ts when the server starts: "off" when a reverse proxy compresses
  // (README, "Several app servers"), so Node's one core per process serves pages instead.
  COMPRESSION: z.enum(["on", "off"]).default("on"),
  // Read by next.config.ts when the server starts: megabytes for each in-memory cache.
  CACHE_MEMORY_MB: z.coerce.number().int().min(1).max(1_000_000).default(1024),
  /**
   * A header your reverse proxy or CDN sets to the visitor's two-letter country (for example
   * cf-ipcountry). Read only behind TRUSTED_PROXY_HOPS proxies; otherwise no country is stored.
   */
  ANALYTICS_COUNTRY_HEADER: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/i, "ANALYTICS_COUNTRY_HEADER must be a header name such as cf-ipcountry")
    .optional(),
  /** The From header of every email. The domain must be verified with Resend in production. */
  EMAIL_FROM: z.string().min(3).default("Ember & Oak <hello@emberandoak.example>"),
}).superRefine((env, ctx) => {
  if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
    ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET is not set: order links could be forged. Generate one with: openssl rand -base64 32" });
  }
  if (env.NODE_ENV === "production" && !env.SITE_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["SITE_URL"],
      message: "SITE_URL is not set: emailed links (sign-in, orders, unsubscribe) need the shop's public origin, e.g. SITE_URL=https://shop.example",
    });
  }
  if (env.NODE_ENV === "production" && !env.RESEND_API_KEY && !env.RESEND_BASE_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["RESEND_API_KEY"],
      message: "RESEND_API_KEY is not set: the shop could not send order confirmations. Create a key at resend.com, or set RESEND_BASE_URL to a capture server for a demo.",
    });
  }
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function formatEnvError(error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  return `Hearth cannot start: the environment is not valid.\n${lines.join("\n")}\nSee "Configuration" in README.md.`;
}

/** Parses an environment, throwing one error that names every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (FOO= in a .env file or a CI form) means "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) throw new Error(formatEnvError(parsed.error));
  return parsed.data;
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The shop's public origin without a trailing slash: the only origin emailed links are built
 * from. Safe to call during a build without a database. (A running production server has
 * already refused to start without SITE_URL; see the schema above.)
 */
export function siteUrl(): string {
  const raw = process.env.SITE_URL || DEVELOPMENT_SITE_URL;
  return raw.replace(/\/+$/, "");
}

const DEVELOPMENT_SITE_URL = "http://localhost:3000";
const DEVELOPMENT_SECRET = "hearth-development-secret-not-for-production-use";

/**
 * The signing secret; outside production a fixed development value stands in. (In production
 * the server refuses to start without one: see the schema above and instrumentation.ts.)
 */
export function authSecret(): string {
  if (process.env.NODE_ENV === "production") return getEnv().AUTH_SECRET!;
  return process.env.AUTH_SECRET || DEVELOPMENT_SECRET;
}
