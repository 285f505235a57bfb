-- Views counted in the database: one row per reader, article and day (so a reader counts
-- once a day, whichever replica they reach), folded into articles.views in batches.
CREATE TABLE view_marks (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    day        INTEGER NOT NULL,
    -- A hash of the reader's anonymous id (or address and browser), never the id itself.
    visitor    TEXT NOT NULL,
    counted    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, day, visitor)
) WITHOUT ROWID;
CREATE INDEX view_marks_uncounted ON view_marks (article_id) WHERE NOT counted;
CREATE INDEX view_marks_by_day ON view_marks (day);
