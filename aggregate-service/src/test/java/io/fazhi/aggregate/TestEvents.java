package io.fazhi.aggregate;

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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds section events the way the extraction engine writes them, sends them, and reads the database. */
final class TestEvents {
    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    /** Headings as reports word them, per category. */
    static final Map<String, String> HEADINGS = Map.of(
            "government_functions",
            "依法全面履行政府职能",
            "institutional_system",
            "完善依法行政制度体系",
            "decision_making",
            "推进行政决策科学化民主化法治化",
            "law_enforcement",
            "坚持严格规范公正文明执法",
            "dispute_resolution",
            "依法有效化解社会矛盾纠纷",
            "power_oversight",
            "强化对行政权力的制约和监督",
            "legal_capacity",
            "全面提高依法行政能力");

    private TestEvents() {}

    static String city(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static ReportInfo info(
            String agency,
            String city,
            String district,
            String level,
            int year,
            String published,
            ReportInfo.Compliance compliance) {
        return new ReportInfo(
                agency, city, district, level, year, published, agency + year + "年法治政府建设年度报告", compliance, List.of());
    }

    static ReportInfo.Compliance allParts() {
        return new ReportInfo.Compliance(true, true, true, true, true);
    }

    static MetricFact metric(String value, String unit, String label, String key, String sentence) {
        return new MetricFact(new BigDecimal(value), unit, null, label, key, null, unit, value + unit, sentence, 40);
    }

    static MetricFact metric(String value, String unit, String label, String key) {
        return metric(value, unit, label, key, "全年" + label + value + unit + "。");
    }

    /** A section of a category; index 0 is the preamble (no heading, level 0). */
    static SectionExtracted section(
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

    static String json(SectionExtracted e) {
        try {
            return MAPPER.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static void send(SectionExtracted e) throws Exception {
        KafkaProbe.send(Topics.SECTIONS, e.reportId(), json(e), Map.of());
    }

    /** Sends many events through one producer (keyed by report id, as extract-service does). */
    static void sendAll(List<SectionExtracted> events) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaProbe.bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG,
                5))) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (SectionExtracted e : events) {
                acks.add(p.send(new ProducerRecord<>(Topics.SECTIONS, e.reportId(), json(e))));
            }
            for (var ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
    }

    static Connection db() throws SQLException {
        Connection c = DriverManager.getConnection(
                InfraTestResource.infra().postgres().jdbcUrl(),
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO aggregate");
        }
        return c;
    }

    /** Rows of a query as lists of strings (numbers normalised), in the query's order. */
    static List<List<String>> rows(String sql, Object... params) throws SQLException {
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

    static long count(String sql, Object... params) throws SQLException {
        return Long.parseLong(rows(sql, params).get(0).get(0));
    }
}
