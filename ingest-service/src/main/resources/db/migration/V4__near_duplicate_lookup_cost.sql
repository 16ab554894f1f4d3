-- The near-duplicate lookup of every upload probes its 32 LSH band keys. In a GIN index over report_revision.lsh_bands
-- the planner cannot tell how rare a key is (band keys are nearly all distinct, so ANALYZE keeps no common elements and
-- an overlap of 32 keys is estimated at 15% of all revisions), and it chose a sequential scan that compared the
-- upload's keys with every revision's: 33 ms per upload at 4,000 reports, growing with every report of every city.
-- A b-tree of (band key -> revision) has exact statistics: the lookup reads the postings of its own keys only.
-- lsh_bands stays the revision's record of its keys; a trigger keeps the b-tree in step with every insert (uploads,
-- merges, splits).
-- One index and no foreign key: a revision is inserted once and never deleted, and the lookup joins report_revision,
-- so each upload adds 32 index entries and nothing else.
CREATE TABLE revision_band (
    band      bigint      NOT NULL,
    report_id varchar(36) NOT NULL,
    revision  integer     NOT NULL
);

INSERT INTO revision_band (band, report_id, revision)
SELECT DISTINCT b, v.report_id, v.revision FROM report_revision v, unnest(v.lsh_bands) AS b
WHERE v.lsh_bands IS NOT NULL;
-- the whole row in the key: a lookup is an index-only scan
CREATE INDEX revision_band_key_idx ON revision_band (band, report_id, revision);

-- the schema's own table, whatever the search path of the session that inserts
CREATE FUNCTION revision_band_insert() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.lsh_bands IS NOT NULL THEN
        INSERT INTO revision_band (band, report_id, revision)
        SELECT DISTINCT b, NEW.report_id, NEW.revision FROM unnest(NEW.lsh_bands) AS b;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER report_revision_bands AFTER INSERT ON report_revision
    FOR EACH ROW EXECUTE FUNCTION revision_band_insert();

DROP INDEX report_revision_lsh_idx;
