package io.fazhi.engine;

/** What the report is: uploaded values where given, else what the text says; null where neither knows. */
public record ReportMetadata(
        String agency, String city, String district, String level, Integer year, String published, String title) {}
