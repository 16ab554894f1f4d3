package io.fazhi.ingest.domain;

/**
 * One upload as the API received it.
 *
 * @param original the bytes as uploaded (kept, content-addressed, when they differ from the text)
 * @param originalType the content type the original is stored with
 * @param text the text read from it, cleaned and checked usable ({@code document.UsableText})
 * @param metadata what the uploader says about the report, validated
 * @param idempotencyKey the Idempotency-Key header, or null
 */
public record ReportUpload(
        Caller caller,
        byte[] original,
        String originalType,
        String text,
        UploadMetadata metadata,
        String idempotencyKey) {}
