ALTER TABLE "products" ADD COLUMN "rebuy_after_days" integer;--> statement-breakpoint
CREATE INDEX "order_items_variant_id_idx" ON "order_items" USING btree ("variant_id","order_id");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_rebuy_after_days_check" CHECK ("products"."rebuy_after_days" is null or "products"."rebuy_after_days" between 1 and 365);