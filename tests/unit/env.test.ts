import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const db = "postgres://u:p@localhost:5432/shop";
const secret = "s".repeat(32);

describe("environment", () => {
  it("names a missing DATABASE_URL and points to the README", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL is not set[\s\S]*README/);
  });

  it("rejects a DATABASE_URL that is not PostgreSQL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/must start with postgres/);
  });

  const site = "https://shop.example";

  it("refuses to run a production shop that cannot send email", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: db, AUTH_SECRET: secret, SITE_URL: site })).toThrow(/RESEND_API_KEY is not set/);
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL: db, AUTH_SECRET: secret, SITE_URL: site, RESEND_API_KEY: "re_123" }).RESEND_API_KEY).toBe("re_123");
    expect(
      parseEnv({ NODE_ENV: "production", DATABASE_URL: db, AUTH_SECRET: secret, SITE_URL: site, RESEND_BASE_URL: "http://127.0.0.1:3025" }).RESEND_BASE_URL,
    ).toBe("http://127.0.0.1:3025");
  });

  it("refuses to run a production shop without its public origin: emailed links would otherwise point wherever a request said", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: db, AUTH_SECRET: secret, RESEND_API_KEY: "re_1" })).toThrow(/SITE_URL is not set/);
    expect(() => parseEnv({ DATABASE_URL: db, SITE_URL: "https://shop.example/shop" })).toThrow(/origin only/);
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL: db, AUTH_SECRET: secret, RESEND_API_KEY: "re_1", SITE_URL: site }).SITE_URL).toBe(site);
  });

  it("ignores forwarding headers unless proxy hops are configured", () => {
    expect(parseEnv({ DATABASE_URL: db }).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ DATABASE_URL: db, TRUSTED_PROXY_HOPS: "1" }).TRUSTED_PROXY_HOPS).toBe(1);
    expect(() => parseEnv({ DATABASE_URL: db, TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("refuses to run a production shop without a signing secret, or with a short one", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: db, RESEND_API_KEY: "re_1", SITE_URL: site })).toThrow(/AUTH_SECRET is not set/);
    expect(() => parseEnv({ DATABASE_URL: db, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET must be at least 32/);
  });

  it("treats empty variables as unset and applies defaults", () => {
    const env = parseEnv({ DATABASE_URL: db, RESEND_API_KEY: "", SITE_URL: "", DATABASE_POOL_SIZE: "" });
    expect(env.RESEND_API_KEY).toBeUndefined();
    expect(env.SITE_URL).toBeUndefined();
    expect(env.DATABASE_POOL_SIZE).toBe(10);
  });

  it("lists every problem at once", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "nope", DATABASE_POOL_SIZE: "0", INVENTORY_WEBHOOK_SECRET: "short" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("DATABASE_POOL_SIZE");
    expect(message).toContain("INVENTORY_WEBHOOK_SECRET");
  });
});
