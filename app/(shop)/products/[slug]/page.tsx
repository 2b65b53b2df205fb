import type { Metadata } from "next";
import { DEFAULT_VARIANT_SEGMENT, PLACEHOLDER_SLUG } from "@/lib/catalog/route-segments";
import ProductVariantPage, { generateMetadata as generateVariantMetadata } from "./[variant]/page";

/*
 * /products/<slug> with no ?variant=: the same page as the default variant, reached without a
 * trip through proxy.ts (product links everywhere in the shop use this URL).
 */
type Params = { slug: string };

export function generateStaticParams(): Params[] {
  return [{ slug: PLACEHOLDER_SLUG }];
}

const withDefaultVariant = (params: Promise<Params>) => params.then((p) => ({ ...p, variant: DEFAULT_VARIANT_SEGMENT }));

export function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return generateVariantMetadata({ params: withDefaultVariant(params) });
}

export default function ProductPage({ params }: { params: Promise<Params> }) {
  return <ProductVariantPage params={withDefaultVariant(params)} />;
}
