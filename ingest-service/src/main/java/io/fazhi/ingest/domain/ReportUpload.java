package io.fazhi.ingest.domain;

/**
 * One upload as the API received it.
 *
 * @param original       the bytes as uploaded (kept content-addressed for re-extraction)
 * @param originalType   the content type the original is stored with
 * @param text           the text extracted from it, before normalisation
 * @param metadata       what the uploader says about the report
 * @param idempotencyKey the Idempotency-Key header, or null
 */
public record ReportUpload(
        Caller caller, byte[] original, String originalType, String text, Metadata metadata, String idempotencyKey) {}
