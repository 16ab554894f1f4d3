package io.fazhi.ingest.domain;

/** What an office uploads: the text, and the metadata it knows (null = let the extractor infer it). */
public record ReportUpload(String uploader, String text, String agency, String city, String district,
        Integer year, String title, String published, String sourceUrl) {
}
