import { ProductPage, productMetadata, productStaticParams, type Params } from "../product-page";

// The page for a signed-in visitor or a guest with a cart (proxy.ts sends them here): the same
// cached shell, with their own suggestions streamed in (see ../product-page.tsx).
export const generateStaticParams = productStaticParams;
export const generateMetadata = productMetadata;

export default function Page({ params }: { params: Promise<Params> }) {
  return <ProductPage params={params} suggestions="visitor" />;
}
