-- Breaking news: when an editor first marked the article as breaking (seconds since the
-- epoch, UTC), or NULL. Readers see it in a banner until it is older than the configured
-- window; the partial index keeps that read to the few marked articles.
ALTER TABLE articles ADD COLUMN breaking_since BIGINT;
CREATE INDEX articles_breaking ON articles (breaking_since) WHERE breaking_since IS NOT NULL;
