-- The consent ledger is evidence: rows are never changed, and only removed when the person
-- erases their account (the erasure transaction sets hearth.erasing = 'on' for itself).
CREATE FUNCTION consent_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'consent_events is append-only: record a new event instead of changing one';
  END IF;
  IF coalesce(current_setting('hearth.erasing', true), '') <> 'on' THEN
    RAISE EXCEPTION 'consent_events rows are only removed by an account erasure';
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consent_events_append_only BEFORE UPDATE OR DELETE ON consent_events
  FOR EACH ROW EXECUTE FUNCTION consent_events_append_only();
