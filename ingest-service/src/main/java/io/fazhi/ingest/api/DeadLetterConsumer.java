package io.fazhi.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fazhi.ingest.domain.PipelineStatus;
import io.fazhi.kafka.TransientRetry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * What the other services' consumers could not process ({@code reports.v1.dlq}, {@code sections.v1.dlq}): the
 * revision the dead message was about becomes FAILED with the reason. A dead letter is read leniently (it may be
 * the very message nobody could read); one without a report key stays in its topic for an operator. A database
 * failure is retried ({@link TransientRetry}); the channels' failure strategy is {@code ignore}, so nothing stops
 * them for good.
 */
@ApplicationScoped
public class DeadLetterConsumer {
    public static final String REPORTS = "reports-dlq";
    public static final String SECTIONS = "sections-dlq";
    private static final Logger LOG = Logger.getLogger(DeadLetterConsumer.class);

    private final PipelineStatus status;
    private final ObjectMapper mapper;
    private final TransientRetry retry;

    public DeadLetterConsumer(PipelineStatus status, ObjectMapper mapper, TransientRetry retry) {
        this.status = status;
        this.mapper = mapper;
        this.retry = retry;
    }

    @Incoming(REPORTS)
    @Blocking
    public void onReportDeadLetter(ConsumerRecord<String, byte[]> record) throws Exception {
        deadLetter(REPORTS, record, "extraction failed");
    }

    @Incoming(SECTIONS)
    @Blocking
    public void onSectionDeadLetter(ConsumerRecord<String, byte[]> record) throws Exception {
        deadLetter(SECTIONS, record, "aggregation failed");
    }

    private void deadLetter(String channel, ConsumerRecord<String, byte[]> record, String what) throws Exception {
        if (record.key() == null) {
            LOG.warnf(
                    "%s: a dead letter without a report key at offset %d stays in its topic", channel, record.offset());
            return;
        }
        Header reason = record.headers().lastHeader("dead-letter-reason");
        String why = reason == null ? "unknown reason" : new String(reason.value(), StandardCharsets.UTF_8);
        Integer revision = revision(record.value());
        retry.run(channel, () -> status.onDeadLetter(record.key(), revision, what + ": " + why));
    }

    /** The revision the dead message was about (reports and sections carry one), else null: the current one. */
    private Integer revision(byte[] value) {
        if (value == null || value.length == 0) {
            return null;
        }
        try {
            JsonNode revision = mapper.readTree(value).get("revision");
            return revision != null && revision.canConvertToInt() && revision.asInt() > 0 ? revision.asInt() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
