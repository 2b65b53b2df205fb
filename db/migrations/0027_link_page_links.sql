CREATE TABLE "link_page_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "link_page_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"product_id" integer,
	"collection_id" integer,
	"url" text,
	"label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_page_links_kind_target" CHECK (("link_page_links"."kind" = 'product' and "link_page_links"."product_id" is not null and "link_page_links"."collection_id" is null and "link_page_links"."url" is null)
        or ("link_page_links"."kind" = 'collection' and "link_page_links"."collection_id" is not null and "link_page_links"."product_id" is null and "link_page_links"."url" is null)
        or ("link_page_links"."kind" = 'newsletter' and "link_page_links"."product_id" is null and "link_page_links"."collection_id" is null and "link_page_links"."url" is null)
        or ("link_page_links"."kind" = 'url' and "link_page_links"."url" is not null and "link_page_links"."product_id" is null and "link_page_links"."collection_id" is null)),
	CONSTRAINT "link_page_links_label_length" CHECK (char_length("link_page_links"."label") <= 80)
);
--> statement-breakpoint
CREATE TABLE "link_page_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"intro" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_page_settings_single_row" CHECK ("link_page_settings"."id" = 1),
	CONSTRAINT "link_page_settings_intro_length" CHECK (char_length("link_page_settings"."intro") <= 300)
);
--> statement-breakpoint
ALTER TABLE "link_page_links" ADD CONSTRAINT "link_page_links_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_page_links" ADD CONSTRAINT "link_page_links_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "link_page_links_position_idx" ON "link_page_links" USING btree ("position");--> statement-breakpoint
CREATE INDEX "link_page_links_product_id_idx" ON "link_page_links" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "link_page_links_collection_id_idx" ON "link_page_links" USING btree ("collection_id");