package io.fazhi.engine.text;

/**
 * Whether a span of text stands inside the title of a law, plan or document ({@code 《…》}, also {@code 〈…〉} and
 * {@code <…>}), nested titles included: in {@code 《关于印发〈A办法〉等三个办法的通知》} the 三个 is inside the outer
 * title. A title never crosses a line or a {@code 。}; both scans are bounded by {@link #REACH}, so the cost per
 * span is constant.
 */
public final class Titles {
    /** Characters scanned on each side; longer titles than this are not recognised. */
    public static final int REACH = 200;

    private Titles() {}

    /** Whether {@code [from, to)} lies inside a title on its line. */
    public static boolean inside(String text, int from, int to) {
        int lo = Math.max(0, from - REACH);
        int depth = 0;
        boolean open = false;
        for (int k = from - 1; k >= lo; k--) {
            char c = text.charAt(k);
            if (c == '\n' || c == '。') {
                return false;
            }
            if (closes(c)) {
                depth++;
            } else if (opens(c)) {
                if (depth == 0) {
                    open = true;
                    break;
                }
                depth--;
            }
        }
        if (!open) {
            return false;
        }
        int hi = Math.min(text.length(), to + REACH);
        depth = 0;
        for (int k = to; k < hi; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '。') {
                return false;
            }
            if (opens(c)) {
                depth++;
            } else if (closes(c)) {
                if (depth == 0) {
                    return true;
                }
                depth--;
            }
        }
        return false;
    }

    private static boolean opens(char c) {
        return c == '《' || c == '〈' || c == '<';
    }

    private static boolean closes(char c) {
        return c == '》' || c == '〉' || c == '>';
    }
}
