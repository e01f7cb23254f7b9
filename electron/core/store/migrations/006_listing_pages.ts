// Migration 6: the pages each unfinished listing of a pull has followed (canonical link, fingerprint of its items),
// committed with the page itself, so a resumed pull recognises a `next` link that leads back into a loop; and the
// pull's request estimate, so a resume knows the request cap it runs under (3 × estimate + 100 by default).

export const migration006ListingPages = `
CREATE TABLE pull_listing_pages (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  task_key    TEXT    NOT NULL,
  link        TEXT    NOT NULL, -- the page's URL, query sorted (origin left out): never a credential
  items_key   TEXT,             -- hash of the page's sorted item ids; NULL when its items carry no id
  PRIMARY KEY (snapshot_id, task_key, link)
) WITHOUT ROWID;

ALTER TABLE snapshots ADD COLUMN request_estimate INTEGER;
`;
