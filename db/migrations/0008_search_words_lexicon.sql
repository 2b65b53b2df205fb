-- Typo tolerance ("Herth" finds "Hearth pillar candle") corrects each word of a query to the
-- nearest words the catalogue really uses. search_words is that vocabulary: the words of
-- published products' searchable text. A trigger adds the words of every product written, so
-- imports, seeds and plain SQL writes are covered as well as the app.
--
-- Catalogue writers must never wait on each other here. So words are only ever added, never
-- counted or removed (a counter would lock the row of a common word such as "linen" until the
-- writer commits, blocking every other edit and deadlocking writers that take words in different
-- orders), and the table has no unique key (two writers adding the same new word would wait on
-- each other's insert, and deadlock just the same). The rare duplicate is harmless, and a word
-- no published product matches any more is skipped when searching (db/queries/catalog.ts).
--
-- The table is written here rather than in db/schema because drizzle-kit can express neither
-- the trigger nor the function its generated column calls.

-- The words of a product's searchable text: the same fields as products.search_vector. A query
-- word needs 5+ letters to be corrected and one edit removes one letter, so shorter words can
-- never be a correction; 24 letters bounds the variants stored per word.
CREATE FUNCTION search_words_in(title text, keywords text, summary text, materials text, description text)
RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT word
  FROM regexp_split_to_table(lower(concat_ws(' ', title, keywords, summary, materials, description)), '[^[:alpha:]]+') AS word
  WHERE length(word) BETWEEN 4 AND 24
$$;
--> statement-breakpoint
-- Every string left after deleting up to `edits` letters from `word`, the word itself included.
-- Two words are at most k edits apart (insertions, deletions, substitutions, swaps of neighbouring
-- letters) only if their variants of up to k deletions share a string ("symmetric deletion"), so
-- a GIN index on the variants finds every candidate without comparing the query with each word;
-- the exact distance is then checked in lib/catalog/typo-tolerance.ts.
CREATE FUNCTION search_word_deletions(word text, edits integer)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(DISTINCT variant ORDER BY variant) FROM (
    SELECT word AS variant
    UNION ALL
    SELECT overlay(word PLACING '' FROM i FOR 1)
    FROM generate_series(1, length(word)) AS i
    WHERE edits >= 1
    UNION ALL
    SELECT overlay(overlay(word PLACING '' FROM j FOR 1) PLACING '' FROM i FOR 1)
    FROM generate_series(1, length(word)) AS i, generate_series(i + 1, length(word)) AS j
    WHERE edits >= 2
  ) AS variants
$$;
--> statement-breakpoint
-- A query word of 8+ letters may be two edits from a word of 6+ letters; a word of 4 or 5
-- letters can only ever be one edit from a query word of 5+ letters.
CREATE TABLE search_words (
  word text NOT NULL,
  deletions text[] NOT NULL GENERATED ALWAYS AS (search_word_deletions(word, CASE WHEN length(word) >= 6 THEN 2 ELSE 1 END)) STORED
);
--> statement-breakpoint
CREATE INDEX search_words_deletions_idx ON search_words USING gin (deletions);
--> statement-breakpoint
-- Byte order ("C") makes the words that start with a given word one range of this index,
-- whatever the server's locale.
CREATE INDEX search_words_word_idx ON search_words (word COLLATE "C");
--> statement-breakpoint
-- Statement-level, so a bulk import adds each word once. An update that leaves the searchable
-- text and the status alone (a stock change) adds nothing.
CREATE FUNCTION products_add_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_words (word)
    SELECT DISTINCT w.word
    FROM new_products n
    CROSS JOIN LATERAL search_words_in(n.title, n.keywords, n.summary, n.materials, n.description) AS w(word)
    WHERE n.status = 'published'
      AND NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word COLLATE "C" = w.word);
  ELSE
    INSERT INTO search_words (word)
    SELECT DISTINCT w.word
    FROM new_products n JOIN old_products o ON o.id = n.id
    CROSS JOIN LATERAL search_words_in(n.title, n.keywords, n.summary, n.materials, n.description) AS w(word)
    WHERE n.status = 'published'
      AND (o.title, o.keywords, o.summary, o.materials, o.description, o.status)
          IS DISTINCT FROM (n.title, n.keywords, n.summary, n.materials, n.description, n.status)
      AND NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word COLLATE "C" = w.word);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER products_search_words_insert AFTER INSERT ON products
  REFERENCING NEW TABLE AS new_products
  FOR EACH STATEMENT EXECUTE FUNCTION products_add_search_words();
--> statement-breakpoint
CREATE TRIGGER products_search_words_update AFTER UPDATE ON products
  REFERENCING OLD TABLE AS old_products NEW TABLE AS new_products
  FOR EACH STATEMENT EXECUTE FUNCTION products_add_search_words();
--> statement-breakpoint
INSERT INTO search_words (word)
SELECT DISTINCT w.word
FROM products p
CROSS JOIN LATERAL search_words_in(p.title, p.keywords, p.summary, p.materials, p.description) AS w(word)
WHERE p.status = 'published';
