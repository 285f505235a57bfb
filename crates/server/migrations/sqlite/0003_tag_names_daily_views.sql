-- A tag's name in one language; the slug stays the same in every language.
CREATE TABLE tag_names (
    tag  TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('en', 'ru', 'hy')),
    name TEXT NOT NULL,
    PRIMARY KEY (tag, lang)
) WITHOUT ROWID;

-- Views per article and day (days since the epoch, UTC), added by the views fold: the
-- "most read" lists count the last days from here, not the all-time counter.
CREATE TABLE article_daily_views (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    day        INTEGER NOT NULL,
    views      INTEGER NOT NULL,
    PRIMARY KEY (day, article_id)
) WITHOUT ROWID;
CREATE INDEX article_daily_views_by_article ON article_daily_views (article_id);

-- The days the views table still remembers (today and yesterday) start the day counts, so
-- "most read" is not empty right after an upgrade.
INSERT INTO article_daily_views (article_id, day, views)
SELECT article_id, day, COUNT(*) FROM view_marks WHERE counted GROUP BY article_id, day;
