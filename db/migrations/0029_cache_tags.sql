CREATE TABLE "cache_tags" (
	"tag" text PRIMARY KEY NOT NULL,
	"stale_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cache_tags_updated_at_idx" ON "cache_tags" USING btree ("updated_at");