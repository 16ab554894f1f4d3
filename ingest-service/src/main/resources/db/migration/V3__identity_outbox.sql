-- One report per agency and year, whoever uploads it and in whatever form; every revision is its own outbox entry.

-- The identity key of an agency (AgencyNames.key in Java): its city and its name without the city or the city's short
-- form in front, so that 江门市新会区科工商务局 and 新会区科工商务局 of 江门市 are one. This function fills the rows stored
-- before V3; new rows get their key from the service.
CREATE FUNCTION agency_key_v3(name text, city text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN name IS NULL THEN NULL
        WHEN city IS NULL THEN name
        WHEN name LIKE city || '%' AND length(name) > length(city) THEN city || '|' || substr(name, length(city) + 1)
        WHEN length(city) > 2 AND right(city, 1) IN ('市', '县', '州') AND name LIKE left(city, -1) || '%'
             AND length(name) > length(city) - 1 THEN city || '|' || substr(name, length(city))
        ELSE city || '|' || name
    END
$$;

ALTER TABLE agency ADD COLUMN agency_key text;
UPDATE agency SET agency_key = agency_key_v3(name, city);
ALTER TABLE agency ALTER COLUMN agency_key SET NOT NULL;
CREATE INDEX agency_key_idx ON agency (agency_key);

-- Other names of a registered agency (the name its texts give, an abbreviation): they resolve to the registry's name.
CREATE TABLE agency_alias (
    alias      text        PRIMARY KEY,
    agency     text        NOT NULL REFERENCES agency (name) ON DELETE CASCADE,
    created_at timestamptz NOT NULL
);

-- The report's identity: the canonical agency name and the year it covers. A report merged into another keeps its
-- identity, so an upload for it finds the report it was merged into.
ALTER TABLE report RENAME COLUMN uploader TO owner;
ALTER TABLE report
    ADD COLUMN agency_key  text,
    ADD COLUMN year        integer,
    ADD COLUMN merged_into varchar(36) REFERENCES report (id);
UPDATE report r SET agency_key = agency_key_v3(split_part(r.series_key, '|', 1), v.city),
                    year = split_part(r.series_key, '|', 2)::integer
FROM report_revision v
WHERE r.series_key IS NOT NULL AND v.report_id = r.id AND v.revision = r.revision;
DROP INDEX report_series_uk;
ALTER TABLE report DROP COLUMN series_key;
-- two series that the new key makes one: the older keeps the identity (an operator can merge the other)
UPDATE report SET agency_key = NULL
WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY agency_key, year ORDER BY received_at) AS n
                             FROM report WHERE agency_key IS NOT NULL) ranked
             WHERE n > 1);
-- NULLs are distinct: reports of an unknown agency or year never collide here
CREATE UNIQUE INDEX report_identity_uk ON report (agency_key, year);
DROP INDEX report_uploader_received_idx;
CREATE INDEX report_owner_received_idx ON report (owner, received_at DESC, id);

ALTER TABLE report_revision RENAME COLUMN uploader TO owner;
ALTER TABLE report_revision
    -- the outbox: null until the broker acknowledged the ReportSubmitted of this revision
    ADD COLUMN published_at  timestamptz,
    -- a revision that takes the report out of every rollup (merged into another, withdrawn by an operator)
    ADD COLUMN withdrawn     boolean     NOT NULL DEFAULT false,
    -- upload | merge (the text of a report merged into this one) | split (the text split off another report)
    -- | restore (an earlier text again, after a split) | withdraw
    ADD COLUMN origin        varchar(16) NOT NULL DEFAULT 'upload',
    -- merge: the report merged in; split: the report it was split off
    ADD COLUMN origin_report varchar(36),
    -- the report this revision's text belongs to now (merged into another, or split off): its matches go there
    ADD COLUMN moved_to      varchar(36),
    -- MinHash sketch of the normalised text (256 x 32 bit), and its LSH band keys (32 bands of 8)
    ADD COLUMN sketch        bytea,
    ADD COLUMN lsh_bands     bigint[];
-- revisions stored before the outbox were published before they were accepted
UPDATE report_revision SET published_at = updated_at;
CREATE INDEX report_revision_unpublished_idx ON report_revision (received_at) WHERE published_at IS NULL;
-- a lookup of near duplicates probes the 32 band keys of the upload: an index lookup, not a scan
CREATE INDEX report_revision_lsh_idx ON report_revision USING gin (lsh_bands);
DROP INDEX report_revision_content_uk;
CREATE INDEX report_revision_content_idx ON report_revision (content_sha256);

-- Exact duplicates across all callers: one report per normalised text (its SHA-256). Revisions stored before V3
-- hashed a lighter normalisation; they are found by identity and near-duplicate sketch only after reprocessing.
CREATE TABLE report_content (
    sha256    char(64)    PRIMARY KEY,
    report_id varchar(36) NOT NULL REFERENCES report (id) ON DELETE CASCADE
);
INSERT INTO report_content (sha256, report_id)
SELECT DISTINCT ON (content_sha256) content_sha256, report_id
FROM report_revision
ORDER BY content_sha256, received_at;

DROP FUNCTION agency_key_v3(text, text);

-- Every merge an operator made, so that a wrong one can be split again.
CREATE TABLE report_merge (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_id          varchar(36) NOT NULL REFERENCES report (id),
    source_id          varchar(36) NOT NULL REFERENCES report (id),
    -- the target's revision holding the source's text, and the source's revision that was current
    target_revision    integer     NOT NULL,
    source_revision    integer     NOT NULL,
    merged_by          text,
    merged_at          timestamptz NOT NULL,
    split_at           timestamptz
);
CREATE INDEX report_merge_target_idx ON report_merge (target_id, target_revision);
