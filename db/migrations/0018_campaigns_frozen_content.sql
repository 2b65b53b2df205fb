-- Once a campaign has started sending, what it says and to whom is fixed: every recipient gets
-- the same email, and the record shows what was sent. Only its progress (status, times, the
-- reason it paused) may change after that.
CREATE FUNCTION campaigns_frozen_content() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status NOT IN ('draft', 'scheduled') AND (
       NEW.subject IS DISTINCT FROM OLD.subject OR NEW.preheader IS DISTINCT FROM OLD.preheader
    OR NEW.body IS DISTINCT FROM OLD.body OR NEW.topic IS DISTINCT FROM OLD.topic
    OR NEW.segment_id IS DISTINCT FROM OLD.segment_id) THEN
    RAISE EXCEPTION 'campaign % has started sending: its content can no longer change', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER campaigns_frozen_content BEFORE UPDATE ON campaigns
  FOR EACH ROW EXECUTE FUNCTION campaigns_frozen_content();
--> statement-breakpoint
-- The audience query matches subscribers against the suppression list's keyed hashes.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
