-- The read model: compliance per report, per-slice summaries, indexes for every query of the read API, and the
-- stable SQL views that BI tools (Grafana, Superset, Excel via ODBC …) read.

-- ---------------------------------------------------------------- reports
-- Parsed once when a revision arrives, so the read side never parses text dates.
ALTER TABLE report_revision ADD COLUMN published_on date;
-- all five parts that the national rules require are present
ALTER TABLE report_revision ADD COLUMN compliance_complete boolean NOT NULL DEFAULT false;
-- published before 1 April of the year after the reported year; NULL when the date or the year is unknown
ALTER TABLE report_revision ADD COLUMN published_on_time boolean;
-- order of arrival across all instances: of two extractions of the same revision, the later one counts
CREATE SEQUENCE report_revision_arrival_seq;
ALTER TABLE report_revision ADD COLUMN arrival bigint NOT NULL DEFAULT nextval('report_revision_arrival_seq');

-- backfill rows written before this migration
CREATE FUNCTION safe_iso_date(s text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF s IS NULL OR s !~ '^\d{4}-\d{2}-\d{2}$' THEN
        RETURN NULL;
    END IF;
    RETURN make_date(substr(s, 1, 4)::int, substr(s, 6, 2)::int, substr(s, 9, 2)::int);
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;
UPDATE report_revision SET
    published_on = safe_iso_date(published),
    compliance_complete = coalesce((compliance ->> 'measuresAndResults')::boolean
                                   AND (compliance ->> 'shortcomings')::boolean
                                   AND (compliance ->> 'leadersDuties')::boolean
                                   AND (compliance ->> 'nextYearPlans')::boolean
                                   AND (compliance ->> 'otherMatters')::boolean, false);
UPDATE report_revision SET published_on_time = published_on < make_date(year + 1, 4, 1)
WHERE published_on IS NOT NULL AND year IS NOT NULL;

-- the current revisions of a slice (facts query, slice recomputation)
DROP INDEX report_revision_slice_idx;
CREATE INDEX report_revision_slice_idx ON report_revision (rollup_city, rollup_year, district);

-- ---------------------------------------------------------------- facts
-- metrics of one key across cities (GET /api/v1/facts?metricKey=&year=)
CREATE INDEX metric_fact_key_idx ON metric_fact (metric_key, unit) WHERE metric_key IS NOT NULL;

-- ---------------------------------------------------------------- rollups
-- PK (city, year, district, …) serves ?city=&year=; these serve the comparison of cities and the trend
CREATE INDEX rollup_metric_idx ON rollup (metric_key, unit, year, district);
CREATE INDEX rollup_year_idx ON rollup (year, district, category);

-- One row per (city, year): report, agency and metric counts and the compliance summary; recomputed with the
-- rollups of the slice, in the same transaction.
CREATE TABLE slice_summary (
    city                 text    NOT NULL,
    year                 integer NOT NULL,
    reports              integer NOT NULL,
    agencies             integer NOT NULL,
    districts            integer NOT NULL,
    metrics              integer NOT NULL,
    complete             integer NOT NULL,
    measures_and_results integer NOT NULL,
    shortcomings         integer NOT NULL,
    leaders_duties       integer NOT NULL,
    next_year_plans      integer NOT NULL,
    other_matters        integer NOT NULL,
    published_known      integer NOT NULL,
    published_on_time    integer NOT NULL,
    PRIMARY KEY (city, year)
);
INSERT INTO slice_summary
SELECT rr.rollup_city, rr.rollup_year, count(*), count(DISTINCT coalesce(rr.agency, rr.report_id)),
       count(DISTINCT rr.district),
       coalesce((SELECT sum(observations) FROM rollup x
                 WHERE x.city = rr.rollup_city AND x.year = rr.rollup_year AND x.district = ''), 0),
       count(*) FILTER (WHERE rr.compliance_complete),
       count(*) FILTER (WHERE (rr.compliance ->> 'measuresAndResults')::boolean),
       count(*) FILTER (WHERE (rr.compliance ->> 'shortcomings')::boolean),
       count(*) FILTER (WHERE (rr.compliance ->> 'leadersDuties')::boolean),
       count(*) FILTER (WHERE (rr.compliance ->> 'nextYearPlans')::boolean),
       count(*) FILTER (WHERE (rr.compliance ->> 'otherMatters')::boolean),
       count(rr.published_on),
       count(*) FILTER (WHERE rr.published_on_time)
FROM report r
JOIN report_revision rr ON rr.report_id = r.report_id AND rr.revision = r.current_revision
                       AND rr.extractor_version = r.current_extractor
GROUP BY rr.rollup_city, rr.rollup_year;

-- ---------------------------------------------------------------- views for BI tools (stable names and columns)
-- One row per report: its current revision with metadata and compliance.
CREATE VIEW v_report AS
SELECT r.report_id, rr.revision, rr.extractor_version, rr.agency, rr.rollup_city AS city, rr.district, rr.level,
       rr.rollup_year AS year, rr.published_on, rr.title,
       coalesce((rr.compliance ->> 'measuresAndResults')::boolean, false) AS measures_and_results,
       coalesce((rr.compliance ->> 'shortcomings')::boolean, false) AS shortcomings,
       coalesce((rr.compliance ->> 'leadersDuties')::boolean, false) AS leaders_duties,
       coalesce((rr.compliance ->> 'nextYearPlans')::boolean, false) AS next_year_plans,
       coalesce((rr.compliance ->> 'otherMatters')::boolean, false) AS other_matters,
       rr.compliance_complete, rr.published_on_time, rr.warnings, rr.completed_at
FROM report r
JOIN report_revision rr ON rr.report_id = r.report_id AND rr.revision = r.current_revision
                       AND rr.extractor_version = r.current_extractor;
COMMENT ON VIEW v_report IS 'One row per report: its current revision, metadata and compliance (five parts, on-time publication).';

-- One row per city-wide rollup cell (the city's own bureaus and every district, county and zone).
CREATE VIEW v_rollup_city AS
SELECT city, year, category, nullif(metric_key, '') AS metric_key, nullif(label, '') AS label,
       coalesce(nullif(metric_key, ''), label) AS metric, unit, observations, reports, agencies,
       sum, min, max, mean, lower_bound
FROM rollup
WHERE district = '';
COMMENT ON VIEW v_rollup_city IS 'One row per rollup cell city x year x category x metric (key, else label) x unit; sum is NULL for rates and durations.';

-- One row per district rollup cell (one district, county or zone of a city).
CREATE VIEW v_rollup_district AS
SELECT city, district, year, category, nullif(metric_key, '') AS metric_key, nullif(label, '') AS label,
       coalesce(nullif(metric_key, ''), label) AS metric, unit, observations, reports, agencies,
       sum, min, max, mean, lower_bound
FROM rollup
WHERE district <> '';
COMMENT ON VIEW v_rollup_district IS 'One row per rollup cell city x district x year x category x metric x unit.';

-- One row per metric of a current revision, with its report, agency, section and sentence.
CREATE VIEW v_metric_fact AS
SELECT m.id AS fact_id, m.report_id, m.revision, m.extractor_version, rr.agency, rr.rollup_city AS city,
       rr.district, rr.level, rr.rollup_year AS year, m.category, s.heading AS section_heading, s.path AS section_path,
       m.metric_key, m.label, coalesce(m.metric_key, m.label) AS metric, m.value, m.unit, m.approx, m.surface,
       m.sentence, m.text_offset
FROM report r
JOIN report_revision rr ON rr.report_id = r.report_id AND rr.revision = r.current_revision
                       AND rr.extractor_version = r.current_extractor
JOIN metric_fact m ON m.report_id = rr.report_id AND m.revision = rr.revision
                  AND m.extractor_version = rr.extractor_version
JOIN section_fact s ON s.id = m.section_id;
COMMENT ON VIEW v_metric_fact IS 'One row per metric counted in the rollups, with report, agency, section and sentence.';

-- One row per (city, year): reports, agencies, metrics and the compliance summary.
CREATE VIEW v_city_year AS
SELECT city, year, reports, agencies, districts, metrics, complete AS compliance_complete,
       measures_and_results, shortcomings, leaders_duties, next_year_plans, other_matters,
       published_known, published_on_time
FROM slice_summary;
COMMENT ON VIEW v_city_year IS 'One row per city and year: report, agency and metric counts and the compliance summary.';
