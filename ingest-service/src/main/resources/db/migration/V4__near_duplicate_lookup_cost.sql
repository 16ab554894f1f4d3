-- The near-duplicate lookup of every upload probes its 32 LSH band keys. In a GIN index over report_revision.lsh_bands
-- the planner cannot tell how rare a key is (band keys are nearly all distinct, so ANALYZE keeps no common elements and
-- an overlap of 32 keys is estimated at 15% of all revisions), and it chose a sequential scan that compared the
-- upload's keys with every revision's: 33 ms per upload at 4,000 reports, growing with every report of every city.
-- A b-tree of (band key -> revision) has exact statistics: the lookup reads the postings of its own keys only.
-- lsh_bands stays the revision's record of its keys; a trigger keeps the b-tree in step with every insert (uploads,
-- merges, splits).
CREATE TABLE revision_band (
    band      bigint      NOT NULL,
    report_id varchar(36) NOT NULL,
    revision  integer     NOT NULL,
    PRIMARY KEY (band, report_id, revision),
    FOREIGN KEY (report_id, revision) REFERENCES report_revision (report_id, revision) ON DELETE CASCADE
);
CREATE INDEX revision_band_revision_idx ON revision_band (report_id, revision);

INSERT INTO revision_band (band, report_id, revision)
SELECT DISTINCT b, v.report_id, v.revision FROM report_revision v, unnest(v.lsh_bands) AS b
WHERE v.lsh_bands IS NOT NULL;

CREATE FUNCTION revision_band_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.lsh_bands IS NOT NULL THEN
        INSERT INTO revision_band (band, report_id, revision)
        SELECT DISTINCT b, NEW.report_id, NEW.revision FROM unnest(NEW.lsh_bands) AS b
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER report_revision_bands AFTER INSERT ON report_revision
    FOR EACH ROW EXECUTE FUNCTION revision_band_insert();

DROP INDEX report_revision_lsh_idx;
