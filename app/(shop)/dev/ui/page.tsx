import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PrimitivesGallery } from "./gallery";

export const metadata: Metadata = { title: "UI primitives", robots: { index: false } };
export const instant = false;

/**
 * Development and demo only: every primitive in components/ui in its states, for whoever builds
 * a page with them, and for the browser tests of the ones with behaviour (dialog, toast).
 */
export default async function DevUiPage() {
  await connection();
  if (process.env.NODE_ENV === "production" && process.env.HEARTH_DEMO !== "1") notFound();
  return (
    <div className="container-page max-w-4xl py-10">
      <h1 className="text-3xl">UI primitives</h1>
      <p className="mt-3 text-ink-muted">
        The building blocks in <code>components/ui</code>, drawn from the tokens in <code>app/theme.css</code>. This page does not exist in production.
      </p>
      <PrimitivesGallery />
    </div>
  );
}
