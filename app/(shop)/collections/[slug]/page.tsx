import type { Metadata } from "next";
import { DEFAULT_SEGMENT, PLACEHOLDER_SLUG } from "@/lib/catalog/route-segments";
import CollectionStatePage, { generateMetadata as generateStateMetadata } from "./[state]/page";

/*
 * /collections/<slug> with no listing parameters: the same page as the default listing state,
 * reached without a trip through proxy.ts (the most visited collection URL skips the rewrite).
 */
type Params = { slug: string };

export function generateStaticParams(): Params[] {
  return [{ slug: PLACEHOLDER_SLUG }];
}

const withDefaultState = (params: Promise<Params>) => params.then((p) => ({ ...p, state: DEFAULT_SEGMENT }));

export function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return generateStateMetadata({ params: withDefaultState(params) });
}

export default function CollectionPage({ params }: { params: Promise<Params> }) {
  return <CollectionStatePage params={withDefaultState(params)} />;
}
