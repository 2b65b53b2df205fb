/** The merchant's words for a product's state (the shop never shows these). */
export const productStatusText = { draft: "Draft", published: "Published", archived: "Archived" } as const;

export const productStatusTone = { draft: "neutral", published: "success", archived: "warning" } as const;

export const stockFilterText = { all: "Any stock", low: "Low stock", out: "Sold out" } as const;
