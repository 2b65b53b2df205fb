import postgres from "postgres";

/** Adds `count` generated products, spread over the demo collections, with three variants each. */
export async function addGeneratedProducts(databaseUrl: string, count: number) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      await tx`
        insert into products (slug, title, summary, description, materials, care, keywords, option_names, status, created_at)
        select 'bench-' || i,
          (array['Linen','Wool','Oak','Stoneware','Cotton','Merino','Walnut','Brass'])[1 + i % 8] || ' ' ||
          (array['shirt','mug','bowl','scarf','candle','throw','apron','vase','jumper','plate'])[1 + (i / 8) % 10] || ' no. ' || i,
          'A generated product for benchmarks.',
          'Generated product ' || i || ' made from ' || (array['linen','wool','oak','clay','cotton'])[1 + i % 5] || ', for measuring search and listings at scale.',
          'Generated.', 'None.', (array['gift','home','kitchen','wardrobe','table'])[1 + i % 5],
          '["Colour"]'::jsonb, 'published', now() - (i || ' minutes')::interval
        from generate_series(1, ${count}) as i`;
      await tx`
        insert into product_variants (product_id, sku, options, price_amount, currency, stock, position)
        select p.id, 'BENCH-' || p.id || '-' || c.n, jsonb_build_object('Colour', (array['Sand','Moss','Charcoal'])[c.n]),
          500 + (p.id * 37 + c.n * 101) % 20000, 'GBP', (p.id + c.n) % 25, c.n
        from products p cross join generate_series(1, 3) as c(n)
        where p.slug like 'bench-%'`;
      await tx`
        insert into product_images (product_id, src, alt, width, height, position)
        select p.id, i.src, p.title, i.width, i.height, 0
        from products p
        cross join lateral (select src, width, height from product_images order by id offset (p.id % 40) limit 1) i
        where p.slug like 'bench-%'`;
      await tx`
        insert into collection_products (collection_id, product_id, position)
        select c.id, p.id, 1000 + p.id from products p
        join collections c on c.position = p.id % (select count(*) from collections)
        where p.slug like 'bench-%'`;
      await tx`analyze`;
    });
  } finally {
    await sql.end();
  }
}

