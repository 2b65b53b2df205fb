import Link from "next/link";
import { Picture } from "@/components/ui/picture";
import type { ProductCardDto } from "@/db/queries/catalog";
import { stockLevel } from "@/lib/catalog/stock";
import { Price } from "./price";
import { StockBadge } from "./stock-badge";

export function ProductCard({ product, priority = false }: { product: ProductCardDto; priority?: boolean }) {
  const level = stockLevel(product.totalStock);
  return (
    <article className="group relative flex flex-col">
      <div className="relative aspect-[4/5] overflow-hidden rounded-card bg-surface-sunken">
        {product.image ? (
          <Picture
            src={product.image.src}
            alt={product.image.alt}
            width={product.image.width}
            height={product.image.height}
            sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
            eager={priority}
            className="h-full w-full object-cover transition-transform duration-300 group-hover:scale-[1.02]"
          />
        ) : null}
        {level.state !== "in_stock" ? <StockBadge stock={product.totalStock} className="absolute start-2 top-2" /> : null}
      </div>
      <h3 className="mt-3 font-sans text-sm font-medium leading-snug md:text-base">
        <Link href={`/products/${product.slug}`} className="after:absolute after:inset-0">
          {product.title}
        </Link>
      </h3>
      <p className="mt-0.5 line-clamp-2 text-xs text-ink-muted md:text-sm">{product.summary}</p>
      <Price
        className="mt-1 text-sm font-medium"
        amount={product.minPrice}
        maxAmount={product.maxPrice}
        compareAt={product.compareAtPrice}
        currency={product.currency}
      />
    </article>
  );
}

export function ProductGrid({ products, priorityCount = 0 }: { products: ProductCardDto[]; priorityCount?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((product, i) => (
        <li key={product.slug}>
          <ProductCard product={product} priority={i < priorityCount} />
        </li>
      ))}
    </ul>
  );
}
