package io.fazhi.aggregate.api;

/**
 * Page sizes: a JSON page stays small; a file export holds up to {@link #EXPORT_MAX} rows (all of them by
 * default), and {@code X-Total-Count} tells when there are more.
 */
record Paging(int page, int size) {
    /** Most rows of one exported file. */
    static final int EXPORT_MAX = 20_000;
    /** Highest page number. */
    static final int MAX_PAGE = 1_000_000;

    /** @param jsonDefault the default size of a JSON page; @param jsonMax its largest size */
    static Paging of(ResponseFormat format, String page, String size, int jsonDefault, int jsonMax) {
        boolean export = format.isExport();
        return new Paging(
                QueryParameters.intInRange("page", page, 0, 0, MAX_PAGE),
                QueryParameters.intInRange(
                        "size", size, export ? EXPORT_MAX : jsonDefault, 1, export ? EXPORT_MAX : jsonMax));
    }
}
