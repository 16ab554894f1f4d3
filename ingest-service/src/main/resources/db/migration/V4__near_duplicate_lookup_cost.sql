-- The near-duplicate lookup probes the GIN index of LSH band keys on every upload. With fast update (the default)
-- new entries wait in a pending list that every search reads in full, and the planner, counting those pages, chose
-- a sequential scan that compared the upload's 32 band keys with every revision's: about 30 ms per upload at 4,000
-- reports, growing with every report. Entries now go straight into the index (32 keys per upload, a small cost), so
-- a lookup reads only the postings of its own keys.
ALTER INDEX report_revision_lsh_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('report_revision_lsh_idx'::regclass);
