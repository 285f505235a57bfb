-- Gazette schema, version 1. Migrations are numbered and never edited once landed.
-- Times are unix seconds in UTC.

CREATE TABLE categories (
    slug     TEXT PRIMARY KEY NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);

-- A category's name and description in one language.
CREATE TABLE category_texts (
    category    TEXT NOT NULL REFERENCES categories (slug) ON DELETE CASCADE,
    lang        TEXT NOT NULL CHECK (lang IN ('en', 'ru', 'hy')),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (category, lang)
);

-- One news story; its articles are the story's versions in different languages.
CREATE TABLE stories (
    id INTEGER PRIMARY KEY
);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    story_id      INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    lang          TEXT NOT NULL CHECK (lang IN ('en', 'ru', 'hy')),
    slug          TEXT NOT NULL,
    category      TEXT NOT NULL REFERENCES categories (slug),
    title         TEXT NOT NULL,
    lead          TEXT NOT NULL,
    -- JSON array of typed blocks (the contract's Block), never HTML.
    body          TEXT NOT NULL,
    -- The body's plain text, for search and reading time.
    body_text     TEXT NOT NULL,
    author        TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT '',
    image_alt     TEXT,
    image_caption TEXT,
    published_at  INTEGER NOT NULL,
    updated_at    INTEGER,
    status        TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'draft')),
    views         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (lang, slug),
    UNIQUE (story_id, lang)
);

-- Latest news per language, and per category: the list queries walk these in order.
CREATE INDEX articles_latest ON articles (lang, status, published_at DESC, id DESC);
CREATE INDEX articles_by_category ON articles (lang, category, status, published_at DESC, id DESC);
CREATE INDEX articles_most_read ON articles (lang, status, views DESC, published_at DESC);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (tag, article_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_article ON article_tags (article_id);

-- Full-text index over title, lead and body text (external content: rows live in articles).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, lead, body_text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, lead, body_text)
    VALUES (new.id, new.title, new.lead, new.body_text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, lead, body_text)
    VALUES ('delete', old.id, old.title, old.lead, old.body_text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, lead, body_text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, lead, body_text)
    VALUES ('delete', old.id, old.title, old.lead, old.body_text);
    INSERT INTO articles_fts (rowid, title, lead, body_text)
    VALUES (new.id, new.title, new.lead, new.body_text);
END;
