package io.fazhi.aggregate.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.contracts.MetricFact;
import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.SectionExtracted;
import io.fazhi.contracts.Topics;
import io.fazhi.infra.EmbeddedPostgresServer;
import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.KafkaProbe;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds section events the way extract-service writes them (schema 2), sends them, and reads the database. */
public final class TestEvents {
    public static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    /** Headings as reports word them, per category. */
    static final Map<String, String> HEADINGS = Map.of(
            "government_functions", "依法全面履行政府职能",
            "institutional_system", "完善依法行政制度体系",
            "decision_making", "推进行政决策科学化民主化法治化",
            "law_enforcement", "坚持严格规范公正文明执法",
            "dispute_resolution", "依法有效化解社会矛盾纠纷",
            "power_oversight", "强化对行政权力的制约和监督",
            "legal_capacity", "全面提高依法行政能力");

    private TestEvents() {}

    /** A city name of its own, so that tests never see each other's rollups. */
    public static String city(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    public static ReportInfo info(String agency, String city, String district, int year) {
        return new ReportInfo(
                agency,
                city,
                district,
                district == null ? "bureau" : "district",
                year,
                (year + 1) + "-03-15",
                agency + year + "年法治政府建设年度报告",
                allParts(),
                List.of());
    }

    public static ReportInfo.Compliance allParts() {
        return new ReportInfo.Compliance(true, true, true, true, true);
    }

    /** The unit kind the engine's unit data gives these test units. */
    static String kindOf(String unit) {
        return switch (unit) {
            case "%", "个百分点" -> "percent";
            case "天", "日", "个工作日", "小时" -> "duration";
            case "元" -> "money";
            case "人", "人次", "名" -> "person";
            default -> "count";
        };
    }

    /** A metric of an indicator (or none), its unit rolling up as written. */
    public static MetricFact metric(String value, String unit, String label, String indicator) {
        return metric(value, unit, unit, label, indicator, null, "全年" + label + value + unit + "。");
    }

    public static MetricFact metric(
            String value,
            String unit,
            String rollupUnit,
            String label,
            String indicator,
            String approx,
            String sentence) {
        return new MetricFact(
                new BigDecimal(value),
                unit,
                approx,
                label,
                indicator,
                kindOf(unit),
                rollupUnit,
                value + unit,
                sentence,
                40);
    }

    /** A section of a category; index 0 is the preamble (no heading, level 0). */
    public static SectionExtracted section(
            String reportId,
            int revision,
            String extractor,
            int index,
            int count,
            ReportInfo info,
            String category,
            List<MetricFact> metrics) {
        SectionExtracted.Section s = index == 0
                ? new SectionExtracted.Section(null, 0, "", category, 0)
                : new SectionExtracted.Section(
                        "(" + "一二三四五六七八九十".charAt((index - 1) % 10) + ")" + HEADINGS.getOrDefault(category, category),
                        2,
                        "1." + index,
                        category,
                        100 * index);
        return new SectionExtracted(
                SectionExtracted.SCHEMA_VERSION,
                SectionExtracted.eventId(reportId, revision, extractor, index),
                reportId,
                revision,
                index,
                count,
                extractor,
                info,
                s,
                metrics,
                false);
    }

    /** A one-section report revision. */
    public static SectionExtracted report(String reportId, int revision, ReportInfo info, List<MetricFact> metrics) {
        return section(reportId, revision, "e1", 0, 1, info, "other", metrics);
    }

    /** The revision that takes a report out of every rollup, as extract-service passes it on. */
    public static SectionExtracted withdrawal(String reportId, int revision, ReportInfo info) {
        return new SectionExtracted(
                SectionExtracted.SCHEMA_VERSION,
                SectionExtracted.eventId(reportId, revision, "e1", 0),
                reportId,
                revision,
                0,
                1,
                "e1",
                info,
                new SectionExtracted.Section(null, 0, "", "other", 0),
                List.of(),
                true);
    }

    public static String json(SectionExtracted e) {
        try {
            return MAPPER.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static void send(SectionExtracted e) throws Exception {
        KafkaProbe.send(Topics.SECTIONS, e.reportId(), json(e), Map.of());
    }

    /** Sends many events through one producer (keyed by report id, as extract-service does). */
    public static void sendAll(List<SectionExtracted> events) throws Exception {
        sendRaw(events.stream().map(e -> new String[] {e.reportId(), json(e)}).toList());
    }

    /** Sends {key, value} pairs as they are, in order, partitioned by key. */
    public static void sendRaw(List<String[]> records) throws Exception {
        sendRaw(null, records);
    }

    /** Sends {key, value} pairs as they are, in order, all to one partition (null: by key). */
    public static void sendRaw(Integer partition, List<String[]> records) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaProbe.bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG,
                5))) {
            List<Future<?>> acks = new ArrayList<>();
            for (String[] r : records) {
                acks.add(p.send(new ProducerRecord<>(Topics.SECTIONS, partition, r[0], r[1])));
            }
            for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
    }

    public static Connection db() throws SQLException {
        Connection c = DriverManager.getConnection(
                InfraTestResource.infra().postgres().jdbcUrl(),
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO aggregate");
        }
        return c;
    }

    /** Rows of a query as lists of strings (numbers without trailing zeros), in the query's order. */
    public static List<List<String>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = db();
                var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<List<String>> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        Object o = rs.getObject(i);
                        row.add(
                                o instanceof BigDecimal d
                                        ? d.stripTrailingZeros().toPlainString()
                                        : String.valueOf(o));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    public static long count(String sql, Object... params) throws SQLException {
        return Long.parseLong(rows(sql, params).get(0).get(0));
    }

    /** How many of these reports have a current revision. */
    public static long current(List<String> reportIds) throws SQLException {
        return count(
                "SELECT count(*) FROM report WHERE report_id = ANY (?::text[]) AND current_revision IS NOT NULL",
                (Object) reportIds.toArray(String[]::new));
    }
}
