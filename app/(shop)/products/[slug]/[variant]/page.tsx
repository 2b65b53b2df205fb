import { ProductPage, productMetadata, productStaticParams, type Params } from "./product-page";

// The page as a visitor without a session or a cart sees it: cached whole (see ./product-page.tsx).
export const generateStaticParams = productStaticParams;
export const generateMetadata = productMetadata;

export default function Page({ params }: { params: Promise<Params> }) {
  return <ProductPage params={params} suggestions="everyone" />;
}
