import Link from "next/link";
import { useId } from "react";
import { turnOffPersonalisationAction } from "@/app/(shop)/recommendations/actions";
import { Button } from "@/components/ui/button";
import { asPlainFormAction } from "@/lib/actions";
import { isPersonalReason, type Candidate } from "@/lib/recommendations/rules";
import { popularFor, recommendationsFor, type RecommendationPlace, type RecommendationsView } from "@/lib/recommendations/recommend";
import { ProductCard } from "./product-card";
import { personalDataNote, reasonText } from "./recommendation-reason";

/*
 * Suggestions on the product, cart and account pages: a row of product cards, each with a
 * "Why am I seeing this?" disclosure (<details>, so it opens without JavaScript) saying the
 * plain reason, and, for a personal one, the off switch right there.
 */

const turnOff = asPlainFormAction(turnOffPersonalisationAction);

function heading(view: RecommendationsView): { title: string; note: string } {
  if (view.personal) return { title: "Suggestions for you", note: "Picked from your orders and cart, because you turned on personalised suggestions." };
  const where = view.collectionTitle ?? "the shop";
  return view.anySold
    ? { title: `Popular in ${where}`, note: "What other shoppers bought most in the last three months. The same for everyone." }
    : { title: view.collectionTitle ? `More from ${view.collectionTitle}` : "From the shop", note: "Chosen by the shop. The same for everyone." };
}

function WhyPanel({ candidate }: { candidate: Candidate }) {
  const personal = isPersonalReason(candidate.reason);
  return (
    <details className="group mt-2 text-xs md:text-sm" data-reason={candidate.reason.kind}>
      <summary className="inline-flex min-h-6 cursor-pointer items-center gap-1 rounded-sm text-ink-muted underline underline-offset-4 hover:text-ink">
        Why am I seeing this?<span className="sr-only"> ({candidate.product.title})</span>
      </summary>
      <div className="mt-2 space-y-2 rounded-lg border border-line bg-surface-sunken p-3 text-ink">
        <p>{reasonText(candidate.reason)}</p>
        {personal ? (
          <>
            <p className="text-ink-muted">{personalDataNote(candidate.reason)}</p>
            <form action={turnOff}>
              <Button type="submit" variant="link" size="none" className="text-start whitespace-normal">
                Turn personalisation off
              </Button>
            </form>
            <p className="text-ink-muted">
              Or change it any time in your{" "}
              <Link href="/account/privacy" className="underline underline-offset-4">
                privacy centre
              </Link>
              .
            </p>
          </>
        ) : null}
      </div>
    </details>
  );
}

/** The section as drawn: nothing at all when there is nothing worth suggesting. */
export function RecommendationList({ view, className }: { view: RecommendationsView; className?: string }) {
  const id = useId();
  if (view.items.length === 0) return null;
  const { title, note } = heading(view);
  return (
    <section aria-labelledby={id} className={className} data-testid="recommendations" data-personal={view.personal ? "true" : "false"}>
      <h2 id={id} className="text-2xl">
        {title}
      </h2>
      <p className="mt-1 text-sm text-ink-muted">{note}</p>
      <ul className="mt-5 grid grid-cols-2 gap-x-4 gap-y-8 md:grid-cols-4">
        {view.items.map((candidate) => (
          <li key={candidate.product.slug} className="flex flex-col">
            <ProductCard product={candidate.product} />
            <WhyPanel candidate={candidate} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** For this visitor: reads the session and cart (never cached). */
export async function Recommendations({ place, className }: { place: RecommendationPlace; className?: string }) {
  return <RecommendationList view={await recommendationsFor(place)} className={className} />;
}

/** The same for every visitor (cached best sellers): the product page's shell shows it until the visitor's own list streams in. */
export async function PopularRecommendations({ place, className }: { place: RecommendationPlace; className?: string }) {
  return <RecommendationList view={await popularFor(place)} className={className} />;
}
