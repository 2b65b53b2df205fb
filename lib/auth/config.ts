import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import { headers } from "next/headers";
import { setSessionDevice, touchSession } from "@/db/queries/accounts";
import { claimCartForUser } from "@/db/queries/cart";
import { getDb } from "@/db";
import { accounts, sessions, users, verificationTokens, type UserRole } from "@/db/schema";
import { readCartId, setCartCookies } from "@/lib/cart/session";
import { authSecret, siteUrl } from "@/lib/env";
import { SESSION_MAX_AGE_DAYS, SIGN_IN_LINK_MINUTES } from "./constants";
import { summariseDevice } from "./device";
import { sendSignInLink } from "./sign-in-email";

declare module "next-auth" {
  interface User {
    role?: UserRole;
  }
  interface Session {
    user: { id: string; email: string; name?: string | null; role: UserRole };
  }
}


function adapter(): Adapter {
  const base = DrizzleAdapter(getDb(), { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
  return {
    ...base,
    // Auth.js creates sessions inside the sign-in callback request, so its headers are at hand.
    async createSession(session) {
      const created = await base.createSession!(session);
      await setSessionDevice(session.sessionToken, summariseDevice((await headers()).get("user-agent")));
      return created;
    },
    async getSessionAndUser(sessionToken) {
      const found = await base.getSessionAndUser!(sessionToken);
      if (found) await touchSession(sessionToken);
      return found;
    },
  };
}

// Auth.js builds every URL it makes (the emailed link among them) from AUTH_URL when it is
// set, and otherwise from the request's Host / X-Forwarded-Host, which the client writes. A
// forged header must never decide where a sign-in link points: pin it to the shop's origin.
process.env.AUTH_URL = siteUrl();

// Built on first use, not at import: the adapter needs the database settings, which a
// `next build` does not have. Built once: Auth.js asks for the config on every request.
let config: NextAuthConfig | undefined;

export const { handlers, auth, signIn, signOut } = NextAuth(() => (config ??= {
  adapter: adapter(),
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login" },
  logger: {
    // An expired or reused sign-in link is an everyday event that the person is told about on
    // /login; it is not a server error worth a stack trace.
    error(error) {
      if (error.name === "Verification") console.warn("Sign-in link refused: expired or already used");
      else console.error(error);
    },
  },
  providers: [
    {
      id: "email",
      type: "email",
      name: "Email",
      maxAge: SIGN_IN_LINK_MINUTES * 60,
      sendVerificationRequest: ({ identifier, url, expires }) => sendSignInLink(identifier, url, expires),
    },
  ],
  callbacks: {
    session({ session, user }) {
      return { ...session, user: { id: user.id!, email: user.email!, name: user.name, role: (user.role ?? "customer") as UserRole } };
    },
  },
  events: {
    // The cart a guest filled before signing in joins the person's saved cart.
    async signIn({ user }) {
      if (!user.id) return;
      const cartId = await claimCartForUser(user.id, await readCartId());
      if (cartId) await setCartCookies(cartId);
    },
    // A shared computer should not keep the last person's cart after they sign out.
    async signOut() {
      await setCartCookies(null);
    },
  },
}));
