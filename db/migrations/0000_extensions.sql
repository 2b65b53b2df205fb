-- Trigram matching gives search its typo tolerance ("hodie" finds "hoodie").
CREATE EXTENSION IF NOT EXISTS pg_trgm;
