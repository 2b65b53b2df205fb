/** Cache tag names for catalogue reads. Writers invalidate exactly these. */
export const catalogTags = {
  all: "catalog",
  collections: "collections",
  featured: "featured-products",
  collection: (slug: string) => `collection:${slug}`,
  product: (slug: string) => `product:${slug}`,
  search: "search",
} as const;
