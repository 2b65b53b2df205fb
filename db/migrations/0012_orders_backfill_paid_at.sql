-- Orders that were already paid before staff recorded payments: the time of their first event
-- that says so (their history), else when they were placed. Cancelled orders are left unpaid:
-- nothing recorded says money was taken for them.
UPDATE "orders" o SET "paid_at" = coalesce(
  (SELECT min(e."created_at") FROM "order_events" e WHERE e."order_id" = o."id" AND e."status" IN ('paid', 'fulfilled')),
  o."created_at")
WHERE o."status" IN ('paid', 'fulfilled') AND o."paid_at" IS NULL;
