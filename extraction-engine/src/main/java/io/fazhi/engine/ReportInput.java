package io.fazhi.engine;

/** A report's text and the metadata its uploader supplied (null where not supplied). */
public record ReportInput(
        String text, String agency, String city, String district, Integer year, String title, String published) {

    public static ReportInput ofText(String text) {
        return new ReportInput(text, null, null, null, null, null, null);
    }
}
