-- Pictures editors uploaded: the id is made from the file's bytes; `widths` lists the
-- variant widths made (comma separated), each in JPEG and WebP, plus the link preview.
CREATE TABLE images (
    id         TEXT PRIMARY KEY,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    widths     TEXT NOT NULL,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;

-- An article's uploaded picture (none: generated art when it has alt text) and its credit.
ALTER TABLE articles ADD COLUMN image_id TEXT REFERENCES images (id);
ALTER TABLE articles ADD COLUMN image_credit TEXT;
