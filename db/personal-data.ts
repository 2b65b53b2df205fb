/**
 * Every column of every table, sorted into personal data (about an identifiable person) and
 * the rest, with what the privacy centre's export and erasure do with the table. An
 * integration test compares this with the live schema: adding a column anywhere fails it
 * until the column is listed here, so no new personal data slips past export and erasure.
 */
export type TableTreatment = {
  personal: readonly string[];
  other: readonly string[];
  export: string;
  erasure: string;
};

export const personalDataInventory: Record<string, TableTreatment> = {
  users: {
    personal: ["name", "email", "email_verified", "image"],
    other: ["id", "role", "created_at"],
    export: "profile",
    erasure: "row deleted (its sessions, addresses, saved cart and OAuth links go with it)",
  },
  accounts: {
    personal: ["user_id", "provider", "provider_account_id", "refresh_token", "access_token", "expires_at", "token_type", "scope", "id_token", "session_state"],
    other: ["type"],
    export: "signInMethods (provider names only; tokens are secrets and never exported)",
    erasure: "deleted with the user",
  },
  sessions: {
    personal: ["session_token", "user_id", "device_summary", "created_at", "last_seen_at", "expires"],
    other: [],
    export: "sessions (device summary, created, last seen, expires; never the token)",
    erasure: "deleted with the user, so every signed-in browser is signed out",
  },
  verification_tokens: {
    personal: ["identifier", "token", "expires"],
    other: [],
    export: "pendingSignInLinks (expiry only)",
    erasure: "deleted by email address",
  },
  addresses: {
    personal: ["user_id", "name", "line1", "line2", "city", "postal_code", "country"],
    other: ["id", "is_default", "created_at", "updated_at"],
    export: "addresses",
    erasure: "deleted with the user",
  },
  carts: {
    personal: ["user_id"],
    other: ["id", "created_at", "updated_at"],
    export: "savedCart",
    erasure: "deleted with the user",
  },
  cart_items: { personal: [], other: ["cart_id", "variant_id", "quantity", "added_at"], export: "savedCart (lines)", erasure: "deleted with the cart" },
  orders: {
    personal: ["email", "user_id", "shipping_name", "shipping_line1", "shipping_line2", "shipping_city", "shipping_postal_code"],
    other: [
      "id", "number", "status", "shipping_country", "shipping_method", "currency", "subtotal_amount", "discount_amount", "discount_code", "shipping_amount",
      "tax_amount", "total_amount", "prices_include_tax", "payment_provider", "newsletter_opt_in", "idempotency_key", "request_fingerprint", "created_at",
      "paid_at", "refunded_amount", "attribution_channel", "attribution_medium", "attribution_campaign", "attribution_content", "tracked_link_id",
    ],
    export: "orders (with items and status history), matched by account and by email address",
    erasure: "kept for accounting; name, email and address replaced by placeholders, account link removed (country kept for tax records)",
  },
  order_items: { personal: [], other: ["id", "order_id", "variant_id", "sku", "product_title", "variant_title", "unit_price", "quantity", "line_total"], export: "orders[].items", erasure: "kept with the order" },
  order_events: {
    // About the member of staff who made a change, not about the shopper.
    personal: ["actor_id", "actor_label"],
    other: ["id", "order_id", "status", "note", "carrier", "tracking_number", "amount", "reason", "created_at"],
    export: "orders[].history (status, note, date; the staff member's name is not the shopper's data)",
    erasure:
      "kept with the order. A shopper's erasure leaves it as it is (it names staff, not them); deleting a staff account clears actor_id and keeps actor_label, the name of who acted, as the record",
  },
  email_messages: {
    personal: ["to_address"],
    other: ["id", "subject", "template", "reason", "category", "status", "provider_message_id", "error", "created_at", "sent_at"],
    export: "emailsSent (date, subject, why)",
    erasure: "address replaced by a placeholder; what was sent and when is kept as a count",
  },
  email_outbox: {
    personal: ["subscriber_id"],
    other: ["id", "kind", "order_id", "attempts", "next_attempt_at", "locked_until", "sent_at", "failed_at", "last_error", "created_at"],
    export: "not exported: it holds no address (the email is built from the order or subscriber when sent, and appears under emailsSent)",
    erasure: "an order's rows are kept (the order keeps its number and amounts); a subscriber's welcome row is deleted with the subscriber",
  },
  // Newsletter campaigns (/admin/marketing): content written by staff, and one row per person sent to.
  segments: { personal: [], other: ["id", "name", "rules", "created_by", "created_at", "updated_at"], export: "none", erasure: "none" },
  campaigns: {
    personal: [],
    other: ["id", "subject", "preheader", "body", "topic", "segment_id", "status", "scheduled_at", "started_at", "finished_at", "paused_reason", "created_by", "created_at", "updated_at"],
    export: "none (its subject appears in a recipient's emailsSent)",
    erasure: "none",
  },
  campaign_recipients: {
    personal: ["subscriber_id", "email", "consent_source", "consent_at", "sent_at", "delivered_at", "delayed_at", "bounced_at", "complained_at", "unsubscribed_at", "clicked_at", "provider_message_id", "error"],
    other: ["id", "campaign_id", "status", "batch_id", "skip_reason"],
    export: "emailsSent (each newsletter issue: date, subject, why, status)",
    erasure: "deleted with the subscriber (the campaign's totals shrink by one)",
  },
  campaign_batches: { personal: [], other: ["id", "campaign_id", "idempotency_key", "attempts", "locked_until", "sent_at", "created_at"], export: "none", erasure: "none" },
  // Clicks are counted per campaign and link, never per person.
  campaign_link_clicks: { personal: [], other: ["campaign_id", "url", "clicks"], export: "none", erasure: "none" },
  send_rate_slots: { personal: [], other: ["name", "next_at"], export: "none", erasure: "none" },
  webhook_receipts: { personal: [], other: ["id", "type", "received_at"], export: "none", erasure: "none" },
  subscribers: {
    personal: ["email", "user_id", "created_at", "confirmed_at"],
    other: ["id"],
    export: "newsletter",
    erasure: "deleted: the subscription ends",
  },
  consent_events: {
    personal: ["user_id", "subscriber_id", "client_hash", "created_at", "declared_at"],
    other: ["id", "purpose", "action", "wording_id", "source", "method", "tracked_link_id"],
    export: "consentHistory",
    erasure: "deleted (the only rows the ledger ever gives up, under hearth.erasing)",
  },
  cache_tags: {
    personal: [],
    other: ["tag", "stale_at", "expired_at", "updated_at"],
    export: "not exported: cache tags name catalogue records and settings, about no one",
    erasure: "nothing to erase",
  },
  analytics_salts: {
    personal: [],
    other: ["day", "salt", "created_at"],
    export: "not exported: random salts, about no one",
    erasure: "nothing to erase; each salt is deleted 48 hours after its day began",
  },
  page_views: {
    personal: [],
    other: ["id", "at", "visitor_hash", "path", "referrer_host", "utm_source", "utm_medium", "utm_campaign", "utm_content", "device_class", "country", "entrance", "channel"],
    export: "not exported: the visitor hash uses a salt deleted after 48 hours, so no view can be tied to a person or an account",
    erasure: "nothing to erase for the same reason; rows are deleted after the analytics retention period",
  },
  tracked_links: {
    personal: [],
    other: ["id", "slug", "destination", "utm_source", "utm_medium", "utm_campaign", "utm_content", "label", "created_by", "created_at", "archived_at"],
    export: "not exported: the shop's own links (created_by names a member of staff)",
    erasure: "created_by is cleared when that staff account is deleted",
  },
  link_clicks: {
    personal: [],
    other: ["id", "link_id", "at", "visitor_hash", "referrer_host", "device_class", "country"],
    export: "not exported: counted like page views, with a visitor hash no one can tie to a person",
    erasure: "nothing to erase; rows are deleted after the analytics retention period",
  },
  consent_wordings: {
    personal: [],
    other: ["id", "text", "created_at"],
    export: "not exported on its own: the words behind imported consents' wording ids (a form's text, about no one)",
    erasure: "kept: the same words stand behind many people's consents",
  },
  newsletter_confirmations: {
    personal: ["subscriber_id", "token_hash"],
    other: ["id", "topics", "wording_id", "source", "tracked_link_id", "expires_at", "used_at", "created_at"],
    export: "newsletter.pendingConfirmations",
    erasure: "deleted with the subscriber",
  },
  back_in_stock_requests: {
    personal: ["email", "user_id", "token_hash", "client_hash", "created_at", "confirmed_at"],
    other: ["id", "variant_id", "token_expires_at", "status", "wording_id", "due_at", "locked_until", "attempts", "last_error", "notified_at"],
    export: "backInStockRequests (product, option, address, status, wording id, dates; never the token)",
    erasure:
      "deleted, by account and by address. A request that has had its one email keeps no address, account or client hash (cleared when sent), only the variant and dates",
  },
  suppressions: {
    personal: [],
    other: ["email_hash", "reason", "created_at"],
    export: "not exported: a keyed hash, not the address",
    erasure: "added on erasure so a merchant cannot re-import the address",
  },
  rate_limit_hits: {
    personal: ["key_hash"],
    other: ["id", "bucket", "created_at"],
    export: "not exported: keyed hashes kept for at most a day",
    erasure: "the address's own entries deleted",
  },
  // The catalogue holds no personal data.
  products: { personal: [], other: ["id", "slug", "title", "summary", "description", "materials", "care", "option_names", "keywords", "status", "featured_rank", "rebuy_after_days", "created_at", "updated_at", "search_text", "search_vector"], export: "none", erasure: "none" },
  product_variants: { personal: [], other: ["id", "product_id", "sku", "options", "price_amount", "compare_at_amount", "currency", "stock", "position"], export: "none", erasure: "none" },
  product_images: { personal: [], other: ["id", "product_id", "src", "alt", "width", "height", "position"], export: "none", erasure: "none" },
  collections: { personal: [], other: ["id", "slug", "title", "description", "position", "published"], export: "none", erasure: "none" },
  collection_products: { personal: [], other: ["collection_id", "product_id", "position"], export: "none", erasure: "none" },
  // Words of published products' text, for typo-tolerant search (db/migrations/0007_search_words_lexicon.sql).
  search_words: { personal: [], other: ["word", "deletions"], export: "none", erasure: "none" },
  discount_codes: { personal: [], other: ["id", "code", "kind", "value", "currency", "min_subtotal", "starts_at", "expires_at", "usage_limit", "used_count", "active"], export: "none", erasure: "none" },
  // The shop's own details (a business, not a person): /admin/settings.
  shop_settings: {
    personal: [],
    other: ["id", "shop_name", "contact_email", "contact_phone", "address_line1", "address_line2", "city", "postal_code", "country", "tax_rate_basis_points", "prices_include_tax", "delivery_rates", "social_profiles", "sender_name", "sender_email", "individual_click_tracking", "updated_at"],
    export: "none",
    erasure: "none",
  },
  // The link page (/links): the shop's featured links and its introduction, about no one.
  link_page_links: { personal: [], other: ["id", "position", "kind", "product_id", "collection_id", "url", "label", "created_at"], export: "none", erasure: "none" },
  link_page_settings: { personal: [], other: ["id", "intro", "updated_at"], export: "none", erasure: "none" },
  // Who on the team did what in the admin. Shoppers' personal data is never copied in (records are named by id).
  audit_log: {
    personal: ["actor_id", "actor_email"],
    other: ["id", "actor_role", "action", "entity_type", "entity_id", "summary", "before", "after", "created_at"],
    export: "not exported: the shop's record of staff actions, about the staff member's work",
    erasure: "kept (append-only evidence of admin actions; a shopper never appears as the actor)",
  },
};
