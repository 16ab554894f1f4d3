package io.fazhi.engine;

import io.fazhi.engine.text.Han;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The label of a metric: the phrase of its clause that names what is counted ({@code 外资备案手续} for {@code 168件}).
 * Taken after the unit when a noun phrase follows it, else from the clause before the number, trimmed of function
 * words ({@code engine/label-words.tsv}) and time phrases.
 */
public final class Labeller {
    private static final int LABEL_MAX = 10;
    private static final int CLAUSE_LOOKBACK = 30;

    private final List<String> lead = new ArrayList<>();
    private final List<String> trail = new ArrayList<>();
    private final List<String> afterStop = new ArrayList<>();

    public Labeller() {
        for (String[] r : EngineData.rows("label-words.tsv", 2)) {
            switch (r[0]) {
                case "lead" -> lead.add(r[1]);
                case "trail" -> trail.add(r[1]);
                case "after-stop" -> afterStop.add(r[1]);
                default -> {}
            }
        }
        Comparator<String> longestFirst =
                Comparator.comparingInt(String::length).reversed();
        lead.sort(longestFirst);
        trail.sort(longestFirst);
        afterStop.sort(longestFirst);
    }

    /**
     * The label of the quantity whose number starts at {@code start} and whose unit ends at {@code unitEnd}.
     *
     * @param beforeLen          length of an approximation word right before the number (约, 超过 …)
     * @param afterLen           length of an approximation word right after the unit (以上, 左右 …)
     * @param kind               the unit kind (count, person, money, percent, duration)
     * @param lowerBound         the label never reaches before this offset (the sentence start, the previous metric)
     * @param prevLabel          the label of the previous metric, or null
     * @param sameSentenceAsPrev whether the previous metric is in the same sentence
     * @return the label, or null
     */
    public String label(
            String text,
            int start,
            int beforeLen,
            int unitEnd,
            int afterLen,
            String kind,
            int lowerBound,
            String prevLabel,
            boolean sameSentenceAsPrev) {
        int ns = start;
        int ue = unitEnd;
        String beforeLabel = beforeLabel(text, ns - beforeLen, lowerBound);
        if (prevLabel != null && sameSentenceAsPrev && startsWithChange(beforeLabel)) {
            beforeLabel = prevLabel; // "审批时间由100天缩短至30天": both are 审批时间
        }
        String[] afterLabel = afterLabel(text, ue + afterLen);
        boolean preferBefore = kind.equals("percent") || kind.equals("duration");
        String label;
        if (preferBefore) {
            label = !beforeLabel.isEmpty() ? beforeLabel : afterLabel[1];
        } else {
            label = !afterLabel[0].isEmpty() ? afterLabel[0] : !beforeLabel.isEmpty() ? beforeLabel : afterLabel[1];
        }
        if (label.isEmpty()) {
            // "…宣传培训,共40多场": the counted thing ends the previous clause
            String previousClause = previousClauseLabel(text, ns - beforeLen, lowerBound);
            if (!previousClause.isEmpty()) {
                label = previousClause;
            } else if (prevLabel != null && sameSentenceAsPrev) {
                label = prevLabel;
            }
        }
        return label.isEmpty() ? null : label;
    }

    private static boolean isBoundary(char c) {
        return c == ',' || c == ';' || c == ':' || c == '。' || c == '!' || c == '?' || c == '、' || c == '\n' || c == '，'
                || c == '；' || c == '：' || c == '！' || c == '？' || c == '【' || c == '[' || c == '】' || c == ']'
                || c == '…';
    }

    /** The clause text before a number (parenthesised asides left out), trimmed of function words. */
    private String beforeLabel(String text, int end, int lowerBound) {
        String raw = clauseBefore(text, end, lowerBound);
        return cleanBefore(raw);
    }

    private static String clauseBefore(String text, int end, int lowerBound) {
        int lo = Math.max(lowerBound, end - CLAUSE_LOOKBACK);
        StringBuilder rev = new StringBuilder();
        int k = end - 1;
        while (k >= lo) {
            char c = text.charAt(k);
            if (isBoundary(c) || c == '(' || c == '（') {
                break;
            }
            if (c == ')' || c == '）') {
                int m = k - 1;
                while (m >= lo && text.charAt(m) != '(' && text.charAt(m) != '（' && !isBoundary(text.charAt(m))) {
                    m--;
                }
                if (m >= lo && (text.charAt(m) == '(' || text.charAt(m) == '（')) {
                    k = m - 1;
                    continue;
                }
                break;
            }
            if (c != ' ' && c != '\t') {
                rev.append(c);
            }
            k--;
        }
        return rev.reverse().toString();
    }

    private static final String[] CHANGES = {
        "缩短", "压缩", "减少", "降低", "提高", "提升", "增加", "增长", "下降", "上升", "减至", "降至", "增至", "提速", "压减"
    };

    /** True when a label is only a change ("缩短至现在的"), so the quantity is a new value of the previous one. */
    private static boolean startsWithChange(String label) {
        for (String c : CHANGES) {
            if (label.startsWith(c)) {
                return true;
            }
        }
        return false;
    }

    /** For "…宣传培训,共40多场": the end of the clause before the one holding the number. */
    private String previousClauseLabel(String text, int end, int lowerBound) {
        int lo = Math.max(lowerBound, end - CLAUSE_LOOKBACK);
        int k = end - 1;
        while (k >= lo && !isBoundary(text.charAt(k))) {
            k--;
        }
        if (k < lo || text.charAt(k) != ',' && text.charAt(k) != '，') {
            return "";
        }
        String own = cleanBefore(text.substring(k + 1, end).strip());
        if (!own.isEmpty()) {
            return "";
        }
        String prevClause = cleanBefore(clauseBefore(text, k, lowerBound));
        return containsDigit(prevClause) ? "" : prevClause;
    }

    private static boolean containsDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    String cleanBefore(String raw) {
        String s = raw.strip();
        for (int round = 0; round < 4; round++) {
            String before = s;
            s = stripLeadingTime(s);
            char first = s.isEmpty() ? 0 : s.charAt(0);
            for (String w : lead) {
                if (w.charAt(0) == first && s.startsWith(w)) {
                    s = s.substring(w.length());
                    break;
                }
            }
            char last = s.isEmpty() ? 0 : s.charAt(s.length() - 1);
            for (String w : trail) {
                if (w.charAt(w.length() - 1) == last && s.endsWith(w)) {
                    s = s.substring(0, s.length() - w.length());
                    break;
                }
            }
            s = s.strip();
            if (s.equals(before)) {
                break;
            }
        }
        s = trimPunctuation(s);
        if (s.length() > LABEL_MAX) {
            s = trimPunctuation(s.substring(s.length() - LABEL_MAX));
        }
        return s.length() < 2 ? "" : s;
    }

    private static final String[] TIME_WORDS = {
        "年上半年", "年下半年", "年以来", "年度", "年底", "年初", "月份", "月底", "年", "月", "日", "号", "以来"
    };
    private static final String[] TIME_PHRASES = {
        "今年以来", "截至目前", "上半年", "下半年", "一年来", "今年", "去年", "全年", "目前", "以来", "年内", "近年来"
    };

    private static String stripLeadingTime(String s) {
        for (int round = 0; round < 6 && !s.isEmpty(); round++) {
            String before = s;
            int j = 0;
            while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '-')) {
                j++;
            }
            if (j > 0) {
                for (String w : TIME_WORDS) {
                    if (s.startsWith(w, j)) {
                        s = s.substring(j + w.length());
                        break;
                    }
                }
            }
            for (String w : TIME_PHRASES) {
                if (s.startsWith(w)) {
                    s = s.substring(w.length());
                    break;
                }
            }
            if (s.startsWith("截至") || s.startsWith("截止")) {
                s = s.substring(2);
            }
            if (s.equals(before)) {
                break;
            }
        }
        return s;
    }

    private static String trimPunctuation(String s) {
        int a = 0;
        int z = s.length();
        while (a < z && "”’」)）-.·,".indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (z > a && "“‘「(（-·,".indexOf(s.charAt(z - 1)) >= 0) {
            z--;
        }
        return s.substring(a, z).strip();
    }

    /**
     * The noun phrase right after the unit: {valid label or "", fallback}. A phrase that opens with a verb or a
     * particle (参加, 已, 在 …) is not a valid label but may serve as a fallback once the particle is stripped.
     */
    private String[] afterLabel(String text, int p) {
        int n = text.length();
        while (p < n && text.charAt(p) == ' ') {
            p++;
        }
        if (p < n && text.charAt(p) == '的') {
            p++;
        }
        StringBuilder b = new StringBuilder();
        int j = p;
        while (j < n && b.length() < LABEL_MAX) {
            char c = text.charAt(j);
            boolean word = Han.isHan(c) || c == '“' || c == '”' || isAsciiLetter(c) || c == '‘' || c == '’';
            if (!word) {
                break;
            }
            if (b.length() >= 2 && "的已均并和与及等在于可、".indexOf(c) >= 0) {
                break;
            }
            b.append(c);
            j++;
        }
        String raw = trimPunctuation(b.toString());
        if (raw.length() < 2) {
            return new String[] {"", ""};
        }
        boolean valid = true;
        for (String w : afterStop) {
            if (raw.startsWith(w)) {
                valid = false;
                break;
            }
        }
        if (valid) {
            return new String[] {raw, raw};
        }
        String fallback = raw;
        for (int round = 0; round < 3; round++) {
            boolean cut = false;
            for (String w : afterStop) {
                if (fallback.startsWith(w) && fallback.length() > w.length()) {
                    fallback = fallback.substring(w.length());
                    cut = true;
                    break;
                }
            }
            if (!cut) {
                break;
            }
        }
        return new String[] {"", fallback.length() < 2 ? "" : fallback};
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether {@code label} occurs in {@code sentence} (temporary). */
    static boolean isWholeWords(String label, String sentence) {
        return sentence.contains(label);
    }
}
