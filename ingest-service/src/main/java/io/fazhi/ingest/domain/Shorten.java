package io.fazhi.ingest.domain;

/** Cuts what a caller sent to a length fit for an error message. */
public final class Shorten {
    private Shorten() {}

    /** {@code s} itself, or its first {@code max} characters and an ellipsis. */
    public static String to(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
