-- Rollups by canonical indicator, maintained incrementally from each report's contribution.
--
-- A rollup cell is (city, year, district, indicator, rollup unit); district '' is the whole city. Each report that
-- counts (its current revision, unless that revision withdrew it) contributes one row per cell it has metrics in
-- (rollup_contribution). When a revision becomes current, its contributions replace the previous ones and the
-- difference is added to the cells (rollup), to the per-agency cells (rollup_agency) and to the (city, year)
-- summaries: the cost of completing a report is proportional to the report, not to its slice. Reference counts
-- (reports per cell, per agency, per slice agency and district) say when a distinct count changes; min and max are
-- recomputed only for the cells whose extreme was taken away. A full recompute from the facts (POST
-- /api/v1/maintenance/recompute) rebuilds the same tables for repairs.

DROP VIEW v_metric_fact;
DROP VIEW v_rollup_city;
DROP VIEW v_rollup_district;
DROP VIEW v_report;
DROP VIEW v_city_year;

-- ---------------------------------------------------------------- facts
-- Natural keys instead of surrogate ids: facts are written with COPY, in any order, by any instance.
ALTER TABLE metric_fact ADD COLUMN section_index integer;
UPDATE metric_fact m SET section_index = s.section_index FROM section_fact s WHERE s.id = m.section_id;
ALTER TABLE metric_fact ALTER COLUMN section_index SET NOT NULL;
ALTER TABLE metric_fact DROP COLUMN section_id;
ALTER TABLE metric_fact DROP COLUMN id;
DROP SEQUENCE metric_fact_seq;
DROP INDEX metric_fact_report_idx;
ALTER TABLE metric_fact ADD PRIMARY KEY (report_id, revision, extractor_version, section_index, position);

ALTER TABLE section_fact DROP CONSTRAINT section_fact_uk;
ALTER TABLE section_fact DROP COLUMN id;
DROP SEQUENCE section_fact_seq;
ALTER TABLE section_fact ADD PRIMARY KEY (report_id, revision, extractor_version, section_index);

-- The indicator id (io.fazhi.contracts.Indicators) and the unit data of the engine, carried in the event (schema 2).
-- Rows written before this migration held the interim indicator in metric_key and no unit kind: they stay facts;
-- their cells show no sum until the report is reprocessed.
DROP INDEX metric_fact_key_idx;
ALTER TABLE metric_fact RENAME COLUMN metric_key TO indicator;
ALTER TABLE metric_fact ADD COLUMN unit_kind text;
ALTER TABLE metric_fact ADD COLUMN rollup_unit text;
UPDATE metric_fact SET rollup_unit = unit;
ALTER TABLE metric_fact ALTER COLUMN rollup_unit SET NOT NULL;
-- facts of one indicator across cities (GET /api/v1/facts?indicator=&year=)
CREATE INDEX metric_fact_indicator_idx ON metric_fact (indicator, rollup_unit) WHERE indicator IS NOT NULL;

-- ---------------------------------------------------------------- revisions
-- a revision that takes the report out of every rollup (merged into another report, or withdrawn)
ALTER TABLE report_revision ADD COLUMN withdrawn boolean NOT NULL DEFAULT false;
-- metrics of the revision (all of them, with an indicator or not), counted as its sections arrive
ALTER TABLE report_revision ADD COLUMN metric_count integer NOT NULL DEFAULT 0;
UPDATE report_revision rr SET metric_count = m.n
FROM (SELECT report_id, revision, extractor_version, count(*) AS n FROM metric_fact
      GROUP BY report_id, revision, extractor_version) m
WHERE m.report_id = rr.report_id AND m.revision = rr.revision AND m.extractor_version = rr.extractor_version;
-- who reported: the agency, or the report itself when the text names none (one definition for every count)
ALTER TABLE report_revision ADD COLUMN agency_key text GENERATED ALWAYS AS (coalesce(agency, report_id)) STORED;
-- the five parts the national rules require, from the compliance the engine found (one definition for every count)
ALTER TABLE report_revision
    ADD COLUMN measures_and_results boolean
        GENERATED ALWAYS AS (coalesce((compliance ->> 'measuresAndResults')::boolean, false)) STORED,
    ADD COLUMN shortcomings boolean
        GENERATED ALWAYS AS (coalesce((compliance ->> 'shortcomings')::boolean, false)) STORED,
    ADD COLUMN leaders_duties boolean
        GENERATED ALWAYS AS (coalesce((compliance ->> 'leadersDuties')::boolean, false)) STORED,
    ADD COLUMN next_year_plans boolean
        GENERATED ALWAYS AS (coalesce((compliance ->> 'nextYearPlans')::boolean, false)) STORED,
    ADD COLUMN other_matters boolean
        GENERATED ALWAYS AS (coalesce((compliance ->> 'otherMatters')::boolean, false)) STORED;

-- The revision of each report that counts in the rollups: its current one, unless that one withdrew it.
CREATE VIEW counted_revision AS
SELECT rr.*
FROM report r
JOIN report_revision rr ON rr.report_id = r.report_id AND rr.revision = r.current_revision
                       AND rr.extractor_version = r.current_extractor
WHERE NOT rr.withdrawn;

-- ---------------------------------------------------------------- indicators (a copy of io.fazhi.contracts.Indicators)
-- Written by the service at every start from the contracts' indicators.tsv (the one owner), so that SQL views and
-- BI tools show the Chinese name and sort in the city's order.
CREATE TABLE indicator (
    id       text    PRIMARY KEY,
    name     text    NOT NULL,
    kind     text    NOT NULL,
    covers   text    NOT NULL,
    position integer NOT NULL
);

-- ---------------------------------------------------------------- rollups
-- One row per (cell, counted report): what the report adds to the cell. district '' is the whole city.
CREATE TABLE rollup_contribution (
    city         text        NOT NULL,
    year         integer     NOT NULL,
    indicator    text        NOT NULL,
    unit         text        NOT NULL,
    district     text        NOT NULL,
    report_id    varchar(64) NOT NULL,
    agency       text        NOT NULL,
    observations integer     NOT NULL,
    total        numeric     NOT NULL,
    -- observations whose unit kind does not add up (percent, duration, unknown): the cell then has no sum
    non_additive integer     NOT NULL,
    -- observations that are lower bounds (50余件, 超过100人)
    lower_bounds integer     NOT NULL,
    min          numeric     NOT NULL,
    max          numeric     NOT NULL,
    PRIMARY KEY (city, year, indicator, unit, district, report_id)
);
CREATE INDEX rollup_contribution_report_idx ON rollup_contribution (report_id);

DROP TABLE rollup;
-- city x year x district x indicator x rollup unit
CREATE TABLE rollup (
    city         text    NOT NULL,
    year         integer NOT NULL,
    district     text    NOT NULL,
    indicator    text    NOT NULL,
    unit         text    NOT NULL,
    observations integer NOT NULL,
    reports      integer NOT NULL,
    agencies     integer NOT NULL,
    total        numeric NOT NULL,
    non_additive integer NOT NULL,
    lower_bounds integer NOT NULL,
    min          numeric,
    max          numeric,
    PRIMARY KEY (city, year, district, indicator, unit)
);
-- one indicator across cities and years (the dashboard's city comparison and trend)
CREATE INDEX rollup_indicator_idx ON rollup (indicator, unit, year, district);

-- The cells per reporting agency: the values of one indicator per agency (bureau, district government, zone) of a
-- city-year, and the reference counts behind rollup.agencies.
CREATE TABLE rollup_agency (
    city         text    NOT NULL,
    year         integer NOT NULL,
    indicator    text    NOT NULL,
    unit         text    NOT NULL,
    district     text    NOT NULL,
    agency       text    NOT NULL,
    reports      integer NOT NULL,
    observations integer NOT NULL,
    total        numeric NOT NULL,
    non_additive integer NOT NULL,
    lower_bounds integer NOT NULL,
    PRIMARY KEY (city, year, indicator, unit, district, agency)
);

-- ---------------------------------------------------------------- (city, year) summaries
-- reference counts behind slice_summary.agencies and .districts
CREATE TABLE slice_agency (
    city    text    NOT NULL,
    year    integer NOT NULL,
    agency  text    NOT NULL,
    reports integer NOT NULL,
    PRIMARY KEY (city, year, agency)
);
CREATE TABLE slice_district (
    city     text    NOT NULL,
    year     integer NOT NULL,
    district text    NOT NULL,
    reports  integer NOT NULL,
    PRIMARY KEY (city, year, district)
);

-- ---------------------------------------------------------------- maintenance
-- Work the service does at its next start: this migration asks for a recompute of every rollup from the facts.
CREATE TABLE maintenance_task (
    name         text        PRIMARY KEY,
    requested_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO maintenance_task (name) VALUES ('recompute-rollups');

-- ---------------------------------------------------------------- views for BI tools (stable names)
-- One row per counted report: its current revision with metadata and compliance.
CREATE VIEW v_report AS
SELECT rr.report_id, rr.revision, rr.extractor_version, rr.agency, rr.rollup_city AS city, rr.district, rr.level,
       rr.rollup_year AS year, rr.published_on, rr.title, rr.measures_and_results, rr.shortcomings,
       rr.leaders_duties, rr.next_year_plans, rr.other_matters, rr.compliance_complete, rr.published_on_time, rr.metric_count AS metrics, rr.warnings, rr.completed_at
FROM counted_revision rr;
COMMENT ON VIEW v_report IS 'One row per report counted in the rollups: its current revision, metadata and compliance (five parts, on-time publication). Withdrawn and merged reports are left out.';

-- One row per city-wide rollup cell (the city's own bureaus and every district, county and zone).
CREATE VIEW v_rollup_city AS
SELECT r.city, r.year, r.indicator, i.name AS indicator_name, r.unit, r.observations, r.reports, r.agencies,
       CASE WHEN r.non_additive = 0 THEN r.total END AS sum, r.min, r.max,
       round(r.total / r.observations, 4) AS mean, r.lower_bounds > 0 AS lower_bound
FROM rollup r
LEFT JOIN indicator i ON i.id = r.indicator
WHERE r.district = '';
COMMENT ON VIEW v_rollup_city IS 'One row per rollup cell city x year x indicator x unit; sum is NULL for rates and durations (they do not add up), mean is the mean per figure.';

-- One row per district rollup cell (one district, county or zone of a city).
CREATE VIEW v_rollup_district AS
SELECT r.city, r.district, r.year, r.indicator, i.name AS indicator_name, r.unit, r.observations, r.reports,
       r.agencies, CASE WHEN r.non_additive = 0 THEN r.total END AS sum, r.min, r.max,
       round(r.total / r.observations, 4) AS mean, r.lower_bounds > 0 AS lower_bound
FROM rollup r
LEFT JOIN indicator i ON i.id = r.indicator
WHERE r.district <> '';
COMMENT ON VIEW v_rollup_district IS 'One row per rollup cell city x district x year x indicator x unit.';

-- One row per agency cell: what one bureau, district government or zone reported on one indicator in a year.
CREATE VIEW v_rollup_agency AS
SELECT a.city, a.year, a.agency, d.district, a.indicator, i.name AS indicator_name, a.unit, a.reports,
       a.observations, CASE WHEN a.non_additive = 0 THEN a.total END AS sum,
       round(a.total / a.observations, 4) AS mean, a.lower_bounds > 0 AS lower_bound
FROM rollup_agency a
LEFT JOIN indicator i ON i.id = a.indicator
LEFT JOIN LATERAL (SELECT min(x.district) AS district FROM rollup_agency x
                   WHERE x.city = a.city AND x.year = a.year AND x.indicator = a.indicator AND x.unit = a.unit
                     AND x.agency = a.agency AND x.district <> '') d ON true
WHERE a.district = '';
COMMENT ON VIEW v_rollup_agency IS 'One row per agency x city x year x indicator x unit (district: where the agency sits, NULL for a city bureau).';

-- One row per metric of a counted report, with its indicator (or none), report, agency, section and sentence.
CREATE VIEW v_metric_fact AS
SELECT m.report_id, m.revision, m.extractor_version, rr.agency, rr.rollup_city AS city, rr.district, rr.level,
       rr.rollup_year AS year, m.category, s.heading AS section_heading, s.path AS section_path, m.indicator,
       i.name AS indicator_name, m.label, m.value, m.unit, m.unit_kind, m.rollup_unit, m.approx, m.surface,
       m.sentence, m.text_offset
FROM counted_revision rr
JOIN metric_fact m ON m.report_id = rr.report_id AND m.revision = rr.revision
                  AND m.extractor_version = rr.extractor_version
JOIN section_fact s ON s.report_id = m.report_id AND s.revision = m.revision
                   AND s.extractor_version = m.extractor_version AND s.section_index = m.section_index
LEFT JOIN indicator i ON i.id = m.indicator;
COMMENT ON VIEW v_metric_fact IS 'One row per metric of a counted report (indicator NULL: a one-off figure, a fact but no rollup cell), with report, agency, section and sentence.';

-- One row per (city, year): reports, agencies, metrics and the compliance summary.
CREATE VIEW v_city_year AS
SELECT city, year, reports, agencies, districts, metrics, complete AS compliance_complete,
       measures_and_results, shortcomings, leaders_duties, next_year_plans, other_matters,
       published_known, published_on_time
FROM slice_summary;
COMMENT ON VIEW v_city_year IS 'One row per city and year: report, agency and metric counts and the compliance summary.';
