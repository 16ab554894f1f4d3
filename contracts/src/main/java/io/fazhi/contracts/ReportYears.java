package io.fazhi.contracts;

/**
 * The years a report may cover or be published in: the range every service validates against and the engine
 * accepts when it reads a year from the text.
 */
public final class ReportYears {
    /** The first year a law-based government report can cover (the national outlines start in the 1990s). */
    public static final int FIRST = 1990;
    /** The last year accepted. */
    public static final int LAST = 2100;

    private ReportYears() {}

    /** Whether a year lies in {@link #FIRST}..{@link #LAST}. */
    public static boolean valid(int year) {
        return year >= FIRST && year <= LAST;
    }
}
