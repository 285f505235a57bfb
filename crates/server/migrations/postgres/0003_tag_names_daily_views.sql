-- A tag's name in one language; the slug stays the same in every language.
CREATE TABLE tag_names (
    tag  TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('en', 'ru', 'hy')),
    name TEXT NOT NULL,
    PRIMARY KEY (tag, lang)
);

-- Views per article and day (days since the epoch, UTC), added by the views fold: the
-- "most read" lists count the last days from here, not the all-time counter.
CREATE TABLE article_daily_views (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    day        BIGINT NOT NULL,
    views      BIGINT NOT NULL,
    PRIMARY KEY (day, article_id)
);
CREATE INDEX article_daily_views_by_article ON article_daily_views (article_id);

-- The days the views table still remembers (today and yesterday) start the day counts, so
-- "most read" is not empty right after an upgrade.
INSERT INTO article_daily_views (article_id, day, views)
SELECT article_id, day, COUNT(*) FROM view_marks WHERE counted GROUP BY article_id, day;
