-- The shop's settings start as what lib/shop-config.ts held before they moved to the database,
-- so an existing shop looks and charges exactly the same after this migration.
INSERT INTO shop_settings (id, shop_name, contact_email, contact_phone, address_line1, address_line2, city, postal_code, country,
  tax_rate_basis_points, prices_include_tax, delivery_rates, social_profiles, sender_name, sender_email)
VALUES (1, 'Ember & Oak', 'hello@emberandoak.example', '', 'Ember & Oak Workshop Ltd, Unit 3, Mill Yard', '', 'Hathersage', 'S32 1BA', 'United Kingdom',
  2000, true,
  '[{"code":"standard","label":"Standard delivery (2–4 working days)","amount":495,"freeOver":6000},{"code":"express","label":"Express delivery (next working day)","amount":995,"freeOver":null}]'::jsonb,
  '[{"network":"instagram","href":"https://www.instagram.com/emberandoak.example"},{"network":"tiktok","href":"https://www.tiktok.com/@emberandoak.example"},{"network":"pinterest","href":"https://www.pinterest.com/emberandoak.example"},{"network":"facebook","href":"https://www.facebook.com/emberandoak.example"}]'::jsonb,
  'Ember & Oak', 'hello@emberandoak.example')
ON CONFLICT (id) DO NOTHING;
