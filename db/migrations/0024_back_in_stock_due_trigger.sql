-- Back in stock: when a variant's stock goes from 0 to more, its active requests become due in
-- the same transaction as the stock change, whichever code made it (the product form, a CSV
-- import, the stock webhook, a cancelled order's items going back on the shelf). A crash after
-- the commit cannot lose the email: the due rows are there for the next sender run.
CREATE FUNCTION back_in_stock_mark_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE back_in_stock_requests SET due_at = now()
  WHERE variant_id = NEW.id AND status = 'active' AND due_at IS NULL;
  -- Wakes the worker (lib/jobs/worker.ts) once the stock change commits.
  IF FOUND THEN
    PERFORM pg_notify('hearth_outbox', '');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER back_in_stock_mark_due AFTER UPDATE OF stock ON product_variants
  FOR EACH ROW WHEN (OLD.stock <= 0 AND NEW.stock > 0) EXECUTE FUNCTION back_in_stock_mark_due();
