CREATE TABLE "analytics_salts" (
	"day" date PRIMARY KEY NOT NULL,
	"salt" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "link_clicks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "link_clicks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"link_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"visitor_hash" text NOT NULL,
	"referrer_host" text,
	"device_class" text NOT NULL,
	"country" char(2)
);
--> statement-breakpoint
CREATE TABLE "page_views" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "page_views_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"visitor_hash" text NOT NULL,
	"path" text NOT NULL,
	"referrer_host" text,
	"utm_source" text,
	"utm_medium" text,
	"utm_campaign" text,
	"utm_content" text,
	"device_class" text NOT NULL,
	"country" char(2),
	"entrance" boolean NOT NULL,
	"channel" text
);
--> statement-breakpoint
CREATE TABLE "tracked_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tracked_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"destination" text NOT NULL,
	"utm_source" text NOT NULL,
	"utm_medium" text NOT NULL,
	"utm_campaign" text NOT NULL,
	"utm_content" text,
	"label" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "tracked_links_slug_check" CHECK ("tracked_links"."slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
	CONSTRAINT "tracked_links_destination_check" CHECK ("tracked_links"."destination" like '/%' and "tracked_links"."destination" not like '//%')
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "attribution_channel" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "attribution_medium" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "attribution_campaign" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "attribution_content" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tracked_link_id" integer;--> statement-breakpoint
ALTER TABLE "consent_events" ADD COLUMN "tracked_link_id" integer;--> statement-breakpoint
ALTER TABLE "link_clicks" ADD CONSTRAINT "link_clicks_link_id_tracked_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."tracked_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_links" ADD CONSTRAINT "tracked_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "link_clicks_link_idx" ON "link_clicks" USING btree ("link_id","at");--> statement-breakpoint
CREATE INDEX "link_clicks_visitor_idx" ON "link_clicks" USING btree ("visitor_hash","link_id","at");--> statement-breakpoint
CREATE INDEX "link_clicks_at_idx" ON "link_clicks" USING btree ("at");--> statement-breakpoint
CREATE INDEX "page_views_at_idx" ON "page_views" USING btree ("at");--> statement-breakpoint
CREATE INDEX "page_views_visitor_idx" ON "page_views" USING btree ("visitor_hash","at");--> statement-breakpoint
CREATE INDEX "page_views_entrance_idx" ON "page_views" USING btree ("at","channel") WHERE "page_views"."entrance";--> statement-breakpoint
CREATE UNIQUE INDEX "tracked_links_slug_key" ON "tracked_links" USING btree ("slug");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tracked_link_id_tracked_links_id_fk" FOREIGN KEY ("tracked_link_id") REFERENCES "public"."tracked_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_tracked_link_id_tracked_links_id_fk" FOREIGN KEY ("tracked_link_id") REFERENCES "public"."tracked_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_attribution_idx" ON "orders" USING btree ("created_at","attribution_channel") WHERE "orders"."attribution_channel" is not null;--> statement-breakpoint
CREATE INDEX "orders_tracked_link_idx" ON "orders" USING btree ("tracked_link_id","created_at") WHERE "orders"."tracked_link_id" is not null;--> statement-breakpoint
CREATE INDEX "consent_events_tracked_link_idx" ON "consent_events" USING btree ("tracked_link_id","created_at") WHERE "consent_events"."tracked_link_id" is not null;