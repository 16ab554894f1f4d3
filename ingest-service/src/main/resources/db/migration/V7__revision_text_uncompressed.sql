-- The normalised text of a revision is stored without compression (out of line, as before), for revisions written
-- from now on, as the bytes as uploaded are since V5. pglz was the largest single cost of PostgreSQL in the pipeline
-- benchmark (about a tenth of its CPU, perf): inserting 2,000 report texts (14.8 KB of UTF-8 on average) took 630 to
-- 745 ms compressed against 129 to 172 ms uncompressed, about 0.25 ms per text, 0.33 ms for the benchmark's 20 KB.
-- Reads (the outbox relay, reprocessing) skip the decompression. The price is disk: 17 MB against 32 MB for those
-- 2,000 texts, about 8 KB more per revision.
ALTER TABLE report_revision ALTER COLUMN text SET STORAGE EXTERNAL;
