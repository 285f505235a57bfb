-- How many views each client address added to an article on a day, so one address cannot
-- add more than the configured cap whatever reader ids it sends. The address is stored as a
-- hash, and rows older than yesterday are deleted by the view fold.
CREATE TABLE view_addresses (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    day        BIGINT NOT NULL,
    address    TEXT NOT NULL,
    views      BIGINT NOT NULL,
    PRIMARY KEY (article_id, day, address)
);
CREATE INDEX view_addresses_by_day ON view_addresses (day);
