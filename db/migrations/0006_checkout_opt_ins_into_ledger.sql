-- Orders placed before the consent ledger existed kept the checkout's newsletter box on the
-- order (newsletter_opt_in). Carry each into the ledger as what it was: a request, made at
-- checkout with the checkout's wording, never confirmed, so not consent. Nothing is sent.
INSERT INTO subscribers (email, created_at)
SELECT DISTINCT ON (lower(email)) lower(email), created_at
FROM orders
WHERE newsletter_opt_in
ORDER BY lower(email), created_at
ON CONFLICT (email) DO NOTHING;
--> statement-breakpoint
INSERT INTO consent_events (subscriber_id, user_id, purpose, action, wording_id, source, method, created_at)
SELECT s.id, o.user_id, topic.purpose, 'requested', 'checkout-newsletter@2026-11', 'checkout', 'checkbox', o.created_at
FROM orders o
JOIN subscribers s ON s.email = lower(o.email)
CROSS JOIN (VALUES ('newsletter:new-arrivals'), ('newsletter:offers')) AS topic(purpose)
WHERE o.newsletter_opt_in
  AND NOT EXISTS (
    SELECT 1 FROM consent_events e
    WHERE e.subscriber_id = s.id AND e.purpose = topic.purpose AND e.source = 'checkout' AND e.created_at = o.created_at
  );
