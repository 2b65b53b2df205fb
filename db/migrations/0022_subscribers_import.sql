CREATE TABLE "consent_wordings" (
	"id" text PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_events" ADD COLUMN "declared_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "consent_events_newsletter_source_idx" ON "consent_events" USING btree ("source","subscriber_id") WHERE "consent_events"."purpose" like 'newsletter:%' and "consent_events"."action" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "subscribers_created_at_idx" ON "subscribers" USING btree ("created_at","id");