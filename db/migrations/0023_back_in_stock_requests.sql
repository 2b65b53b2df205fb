CREATE TABLE "back_in_stock_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"variant_id" integer NOT NULL,
	"email" text,
	"user_id" text,
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"status" text NOT NULL,
	"wording_id" text NOT NULL,
	"client_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"notified_at" timestamp with time zone,
	CONSTRAINT "back_in_stock_requests_email_check" CHECK ("back_in_stock_requests"."status" not in ('requested', 'active') or ("back_in_stock_requests"."email" is not null and "back_in_stock_requests"."email" = lower("back_in_stock_requests"."email")))
);
--> statement-breakpoint
ALTER TABLE "back_in_stock_requests" ADD CONSTRAINT "back_in_stock_requests_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "back_in_stock_requests" ADD CONSTRAINT "back_in_stock_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "back_in_stock_requests_live_key" ON "back_in_stock_requests" USING btree ("variant_id","email") WHERE "back_in_stock_requests"."status" in ('requested', 'active');--> statement-breakpoint
CREATE UNIQUE INDEX "back_in_stock_requests_token_key" ON "back_in_stock_requests" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "back_in_stock_requests_due_idx" ON "back_in_stock_requests" USING btree ("due_at") WHERE "back_in_stock_requests"."status" = 'active' and "back_in_stock_requests"."due_at" is not null;--> statement-breakpoint
CREATE INDEX "back_in_stock_requests_variant_idx" ON "back_in_stock_requests" USING btree ("variant_id") WHERE "back_in_stock_requests"."status" = 'active';--> statement-breakpoint
CREATE INDEX "back_in_stock_requests_email_idx" ON "back_in_stock_requests" USING btree ("email");--> statement-breakpoint
CREATE INDEX "back_in_stock_requests_user_idx" ON "back_in_stock_requests" USING btree ("user_id");