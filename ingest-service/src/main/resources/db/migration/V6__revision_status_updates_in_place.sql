-- A revision's row (about 1.9 KB: its MinHash sketch and band keys besides the metadata) is updated three times after
-- its insert: published by the outbox relay, then EXTRACTED and AGGREGATED as the pipeline reports back. With every
-- page filled at insert (four such rows), no new version fitted beside the old one: each update wrote the whole row
-- to another page plus an entry in each of the table's five indexes. Half of each page is now left free at insert, so
-- a status update, which changes no indexed column, stays on its page as a heap-only tuple: no index entries, and
-- the WAL logs only the changed part of the row. The publishing update changes an indexed column (the index of
-- unpublished revisions) and stays a regular one. Pages written from now on; the price is a main table twice as large
-- (about 110 MB per 50,000 revisions; the texts are stored out of line either way).
ALTER TABLE report_revision SET (fillfactor = 50);
