-- Reports as uploaded, and the status the pipeline reports back for them.
CREATE TABLE report (
    id                varchar(36)  PRIMARY KEY,
    revision          integer      NOT NULL,
    -- who uploaded it: the agency's name, or '' for an operator's backfill without agency
    uploader          text         NOT NULL,
    agency            text,
    city              text,
    district          text,
    year              integer,
    title             text,
    published         text,
    source_url        text,
    content_sha256    char(64)     NOT NULL,
    text_chars        integer      NOT NULL,
    status            varchar(16)  NOT NULL,
    status_reason     text,
    extractor_version text,
    sections          integer,
    metrics           integer,
    compliance        jsonb,
    warnings          jsonb,
    received_at       timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);

-- the same content from the same uploader is the same report
CREATE UNIQUE INDEX report_uploader_content_uk ON report (uploader, content_sha256);
CREATE INDEX report_status_idx ON report (status);
