import { beforeEach, describe, expect, it, vi } from "vitest";

/*
 * Asking to move an account to a new address must not reveal whether that address already has
 * an account: not in the words of the answer, and not in how long it takes. So the request
 * does the same work either way, and the lookup and the email happen after the response.
 */

const deferred: (() => unknown)[] = [];
const calls: string[] = [];

vi.mock("next/server", () => ({ after: (task: () => unknown) => void deferred.push(task) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", () => ({ redirect: () => {} }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => ({ id: "user-1", email: "me@example.com", name: null, role: "customer" }),
  requireRole: async () => ({ id: "user-1", email: "me@example.com", name: null, role: "customer" }),
}));
vi.mock("@/lib/privacy/rate-limit", () => ({ checkRateLimit: async () => null, rateLimitBuckets: { emailChange: "email-change" } }));
vi.mock("@/db/queries/accounts", () => ({
  getUserByEmail: async (email: string) => {
    calls.push(`lookup ${email}`);
    return email === "taken@example.com" ? { id: "user-2", email } : null;
  },
  updateUserName: async () => {},
  changeUserEmail: async () => "changed",
}));
vi.mock("@/lib/email/send", () => ({
  sendEmail: async (email: { to: string }) => {
    calls.push(`email ${email.to}`);
    return { recordId: "r", providerMessageId: "p" };
  },
}));

const { requestEmailChangeAction } = await import("@/app/account/profile/actions");

function form(email: string) {
  const data = new FormData();
  data.set("email", email);
  return data;
}

describe("asking to change the account's email address", () => {
  beforeEach(() => {
    deferred.length = 0;
    calls.length = 0;
  });

  it("answers the same, having done the same work, whether or not the address has an account", async () => {
    const free = await requestEmailChangeAction(null, form("free@example.com"));
    const freeWork = [...calls];
    const taken = await requestEmailChangeAction(null, form("taken@example.com"));
    const takenWork = calls.slice(freeWork.length);

    expect(free).toEqual({ ok: true, data: { sentTo: "free@example.com" } });
    expect(taken).toEqual({ ok: true, data: { sentTo: "taken@example.com" } });
    // Nothing that depends on the address ran before the answer.
    expect(freeWork).toEqual([]);
    expect(takenWork).toEqual([]);
    expect(deferred).toHaveLength(2);

    // After the response: the free address gets its confirmation, the taken one nothing.
    for (const task of deferred) await task();
    expect(calls).toEqual(["lookup free@example.com", "email free@example.com", "lookup taken@example.com"]);
  });
});
