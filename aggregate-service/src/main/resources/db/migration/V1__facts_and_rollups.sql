-- Facts as extracted (every section and metric of every report revision) and the rollups derived from them.

-- One row per report: which extraction of which revision counts in the rollups.
CREATE TABLE report (
    report_id         varchar(64) PRIMARY KEY,
    current_revision  integer,
    current_extractor text,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- One row per extraction of a report revision; complete once all its sections arrived.
CREATE TABLE report_revision (
    report_id         varchar(64) NOT NULL,
    revision          integer     NOT NULL,
    extractor_version text        NOT NULL,
    section_count     integer     NOT NULL,
    sections_received integer     NOT NULL,
    complete          boolean     NOT NULL DEFAULT false,
    agency            text,
    city              text,
    district          text,
    level             text,
    year              integer,
    published         text,
    title             text,
    compliance        jsonb,
    warnings          jsonb,
    -- the rollup slice this revision counts in ('未知' / 0 when the city or year is unknown)
    rollup_city       text        NOT NULL,
    rollup_year       integer     NOT NULL,
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    completed_at      timestamptz,
    PRIMARY KEY (report_id, revision, extractor_version)
);
CREATE INDEX report_revision_slice_idx ON report_revision (rollup_city, rollup_year);

CREATE SEQUENCE section_fact_seq INCREMENT BY 50;
CREATE TABLE section_fact (
    id                bigint      PRIMARY KEY,
    report_id         varchar(64) NOT NULL,
    revision          integer     NOT NULL,
    extractor_version text        NOT NULL,
    section_index     integer     NOT NULL,
    heading           text,
    level             integer     NOT NULL,
    path              text        NOT NULL,
    category          text        NOT NULL,
    text_offset       integer     NOT NULL,
    CONSTRAINT section_fact_uk UNIQUE (report_id, revision, extractor_version, section_index)
);

CREATE SEQUENCE metric_fact_seq INCREMENT BY 50;
CREATE TABLE metric_fact (
    id                bigint      PRIMARY KEY,
    section_id        bigint      NOT NULL REFERENCES section_fact (id) ON DELETE CASCADE,
    report_id         varchar(64) NOT NULL,
    revision          integer     NOT NULL,
    extractor_version text        NOT NULL,
    position          integer     NOT NULL,
    category          text        NOT NULL,
    value             numeric     NOT NULL,
    unit              text        NOT NULL,
    approx            text,
    label             text,
    metric_key        text,
    surface           text,
    sentence          text,
    text_offset       integer     NOT NULL
);
CREATE INDEX metric_fact_report_idx ON metric_fact (report_id, revision, extractor_version);
CREATE INDEX metric_fact_section_idx ON metric_fact (section_id);

-- Every event applied, recorded in the same transaction as its effect: a redelivery changes nothing.
CREATE TABLE processed_event (
    event_id     varchar(300) PRIMARY KEY,
    processed_at timestamptz  NOT NULL DEFAULT now()
);

-- city x year x category x metric x unit; district '' is the whole city, else one district, county or zone.
-- metric_key '' means no canonical key: the cell is then per label.
CREATE TABLE rollup (
    city         text     NOT NULL,
    year         integer  NOT NULL,
    district     text     NOT NULL,
    category     text     NOT NULL,
    metric_key   text     NOT NULL,
    label        text     NOT NULL,
    unit         text     NOT NULL,
    observations integer  NOT NULL,
    reports      integer  NOT NULL,
    agencies     integer  NOT NULL,
    sum          numeric,
    min          numeric  NOT NULL,
    max          numeric  NOT NULL,
    mean         numeric  NOT NULL,
    lower_bound  boolean  NOT NULL,
    PRIMARY KEY (city, year, district, category, metric_key, label, unit)
);
