-- Agencies that may upload, every revision of every report with its own status, the original uploads kept
-- content-addressed, and the Idempotency-Keys seen.

CREATE TABLE agency (
    name       text        PRIMARY KEY,
    city       text        NOT NULL,
    district   text,
    -- bureau | district | zone | city | town
    level      varchar(16) NOT NULL,
    created_at timestamptz NOT NULL
);

-- The bytes as uploaded (JSON uploads: the text as UTF-8), stored once per content.
CREATE TABLE upload_blob (
    sha256       char(64)    PRIMARY KEY,
    content_type text        NOT NULL,
    size         bigint      NOT NULL,
    bytes        bytea       NOT NULL,
    created_at   timestamptz NOT NULL
);

-- One row per revision: what was uploaded, the text that was extracted from it, and what the pipeline said.
CREATE TABLE report_revision (
    report_id         varchar(36)  NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    revision          integer      NOT NULL,
    -- whose report it is: the agency's name, or '' for an operator's backfill without agency
    uploader          text         NOT NULL,
    -- the token's subject that uploaded this revision
    uploaded_by       text,
    content_sha256    char(64)     NOT NULL,
    blob_sha256       char(64)     REFERENCES upload_blob (sha256),
    -- the normalised text as published to extract-service; null for revisions uploaded before V2
    text              text,
    text_chars        integer      NOT NULL,
    agency            text,
    city              text,
    district          text,
    year              integer,
    title             text,
    published         text,
    source_url        text,
    status            varchar(16)  NOT NULL,
    status_reason     text,
    extractor_version text,
    sections          integer,
    metrics           integer,
    compliance        jsonb,
    warnings          jsonb,
    received_at       timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    PRIMARY KEY (report_id, revision)
);

INSERT INTO report_revision (report_id, revision, uploader, content_sha256, text_chars, agency, city, district, year,
                             title, published, source_url, status, status_reason, extractor_version, sections,
                             metrics, compliance, warnings, received_at, updated_at)
SELECT id, revision, uploader, content_sha256, text_chars, agency, city, district, year, title, published, source_url,
       status, status_reason, extractor_version, sections, metrics, compliance, warnings, received_at, updated_at
FROM report;

-- the same content from the same uploader is the same report, whichever revision it was
CREATE UNIQUE INDEX report_revision_content_uk ON report_revision (uploader, content_sha256);
CREATE INDEX report_revision_city_year_idx ON report_revision (city, year);
CREATE INDEX report_revision_blob_idx ON report_revision (blob_sha256);

-- The report: its owner, the series its revisions belong to (agency and year), and the current revision.
DROP INDEX report_uploader_content_uk;
DROP INDEX report_status_idx;
ALTER TABLE report
    DROP COLUMN agency, DROP COLUMN city, DROP COLUMN district, DROP COLUMN year, DROP COLUMN title,
    DROP COLUMN published, DROP COLUMN source_url, DROP COLUMN content_sha256, DROP COLUMN text_chars,
    DROP COLUMN status, DROP COLUMN status_reason, DROP COLUMN extractor_version, DROP COLUMN sections,
    DROP COLUMN metrics, DROP COLUMN compliance, DROP COLUMN warnings;
-- "agency|year" when the upload named both: a different text for them is a new revision of this report
ALTER TABLE report ADD COLUMN series_key text;
CREATE UNIQUE INDEX report_series_uk ON report (series_key);
CREATE INDEX report_uploader_received_idx ON report (uploader, received_at DESC, id);
CREATE INDEX report_received_idx ON report (received_at DESC, id);

-- Idempotency-Key per caller: the same key with the same request answers the same report; another request, 409.
CREATE TABLE idempotency_key (
    caller      text        NOT NULL,
    key         text        NOT NULL,
    fingerprint char(64)    NOT NULL,
    report_id   varchar(36) NOT NULL,
    revision    integer     NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (caller, key),
    FOREIGN KEY (report_id, revision) REFERENCES report_revision (report_id, revision) ON DELETE CASCADE
);
