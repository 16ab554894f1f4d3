package io.fazhi.engine.text;

/**
 * The sentence around a quantity: from the last sentence end (。！？；, a line break) before it to the next one
 * after it, each side bounded by {@link #REACH} characters.
 */
public final class Sentences {
    public static final int REACH = 150;

    private Sentences() {}

    public static boolean endsSentence(char c) {
        return c == '。' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '！' || c == '？' || c == '；';
    }

    /** Where the sentence holding {@code at} starts. */
    public static int start(String text, int at) {
        int lo = Math.max(0, at - REACH);
        int k = at - 1;
        while (k >= lo && !endsSentence(text.charAt(k))) {
            k--;
        }
        return k + 1;
    }

    /** The sentence from {@code start} to the sentence end after {@code from}, its end mark included, stripped. */
    public static String around(String text, int start, int from) {
        int n = text.length();
        int hi = Math.min(n, from + REACH);
        int k = from;
        while (k < hi && !endsSentence(text.charAt(k))) {
            k++;
        }
        int end = k < n && text.charAt(k) != '\n' ? k + 1 : k;
        return text.substring(start, Math.min(end, n)).strip();
    }
}
