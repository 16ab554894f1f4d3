package io.fazhi.engine;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import io.fazhi.engine.text.Han;
import io.fazhi.engine.text.Invisible;
import io.fazhi.engine.text.LineJoiner;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stage 1: turns raw report text into the normalised text that every offset refers to.
 * <ul>
 * <li>Unicode NFKC (full-width digits, letters and punctuation become ASCII; NBSP and ideographic space become
 * spaces), line ends unified, zero-width and control characters dropped;</li>
 * <li>Traditional to Simplified, character level (opencc4j), only when a cheap count of the characters that exist
 * only in Traditional script ({@code engine/traditional-only.txt}) says the text is Traditional;</li>
 * <li>website chrome removed near the start and end of the text (breadcrumbs, 来源/发布日期 lines, visitor
 * counters, share buttons, print links, accessibility notices, today's date: {@code engine/chrome-lines.tsv});
 * the removed lines are kept for the metadata stage;</li>
 * <li>hard-wrapped text (PDF extraction) re-joined by {@link LineJoiner}; a report's title keeps its own line.</li>
 * </ul>
 */
public final class Normaliser {
    static final Rule NFKC = RuleCatalogue.define(
            "text.unicode.nfkc", "full-width digits, letters, punctuation and spaces become their ASCII forms (NFKC)");
    static final Rule INVISIBLE = RuleCatalogue.define(
            "text.clean.invisible", "zero-width and control characters are dropped, line ends become \\n");
    static final Rule TRADITIONAL_SCRIPT = RuleCatalogue.define(
            "text.script.traditional", "a text written in Traditional characters is converted to Simplified");
    static final Rule REWRAPPED = RuleCatalogue.define(
            "text.wrap.rejoin",
            "a hard-wrapped line as wide as the text block that ends no sentence runs on into the next");
    static final Rule TITLE_LINE = RuleCatalogue.define(
            "text.wrap.title-own-line",
            "a line of the opening that ends as a report's title (…的报告, …工作总结) keeps its own line");
    static final Rule WIDGET =
            RuleCatalogue.define("text.chrome.today", "a line giving today's date (今天是…, …年…月…日星期三) is page chrome");
    static final Rule BULLET_FIELD = RuleCatalogue.define(
            "text.chrome.bullet-field",
            "a short bulleted line of the page's information table near the start (• 法制, • 2026-01-27) is page chrome");

    /** Above this many characters the conversion and the wrap analysis still run, but chrome is only sought near the ends. */
    private static final int CHROME_ZONE = 4_000;

    private static final int MAX_CHROME_LINE = 160;
    private static final int SHORT_LINE = 20;
    private static final int MAX_BULLET_LINE = 24;

    private static final boolean[] TRADITIONAL = new boolean[65536];

    /** One line of {@code chrome-lines.tsv}. */
    private record ChromeWord(Rule rule, String match, String word) {}

    private static final List<ChromeWord> CHROME = new ArrayList<>();

    static {
        for (String line : EngineData.lines("traditional-only.txt")) {
            for (int i = 0; i < line.length(); i++) {
                TRADITIONAL[line.charAt(i)] = Han.isHan(line.charAt(i));
            }
        }
        List<String> kinds = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (String[] r : EngineData.rows("chrome-lines.tsv", 3)) {
            int k = kinds.indexOf(r[0]);
            if (k < 0) {
                kinds.add(r[0]);
                rules.add(RuleCatalogue.define("text.chrome." + r[0], chromeSummary(r[0])));
                k = kinds.size() - 1;
            }
            CHROME.add(new ChromeWord(rules.get(k), r[1], r[2]));
        }
    }

    private static String chromeSummary(String kind) {
        return switch (kind) {
            case "breadcrumb" -> "a breadcrumb line (当前位置: 首页 > 政务公开) is page chrome";
            case "field" -> "a line of page information (来源, 发布日期, 索引号, 字号 …) is page chrome";
            case "counter" -> "a visitor counter (浏览次数: 123) is page chrome";
            case "share" -> "a share button line (分享到, 扫一扫) is page chrome";
            case "print" -> "a print, close or page navigation link (【打印】, 返回顶部, 上一篇) is page chrome";
            case "accessibility" -> "an accessibility or elder-mode switch (无障碍浏览, 长者模式, 简体|繁体) is page chrome";
            case "site" -> "a site header or footer line (门户网站, 版权所有, 网站标识码) is page chrome";
            default -> "a line of page chrome (" + kind.toLowerCase(Locale.ROOT) + ")";
        };
    }

    /** The normalised text, the chrome lines taken out of it, and whether it was converted from Traditional. */
    public record Result(String text, List<String> chrome, boolean convertedFromTraditional) {}

    public Result normalise(String raw) {
        return normalise(raw, Trace.NONE);
    }

    /** As {@link #normalise(String)}, reporting to {@code trace} which rule changed what. */
    public Result normalise(String raw, Trace trace) {
        String s = raw == null ? "" : raw;
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFKC);
            if (trace.enabled()) {
                trace.fired(NFKC, 0, 0, null);
            }
        }
        int[] han = new int[2];
        String cleaned = clean(s, han);
        if (cleaned != s && trace.enabled()) {
            trace.fired(INVISIBLE, 0, 0, (s.length() - cleaned.length()) + " characters");
        }
        s = cleaned;
        boolean converted = false;
        if (traditional(han[0], han[1])) {
            try {
                String simplified = ZhConverterUtil.toSimple(s);
                if (simplified != null) {
                    s = simplified;
                    converted = true;
                    if (trace.enabled()) {
                        trace.fired(
                                TRADITIONAL_SCRIPT, 0, 0, han[1] + " of " + han[0] + " characters Traditional only");
                    }
                }
            } catch (RuntimeException | StackOverflowError e) {
                // keep the text as it is; the caller reports nothing worse than Traditional labels
            }
        }
        List<String> chrome = new ArrayList<>();
        String text = lines(s, chrome, trace);
        return new Result(text, chrome, converted);
    }

    /**
     * Unifies line ends and drops zero-width and control characters (keeping tab and newline), counting Han
     * characters into {@code han[0]} and Traditional-only ones into {@code han[1]}.
     */
    static String clean(String s, int[] han) {
        StringBuilder b = null;
        int n = s.length();
        int hanCount = 0;
        int tradCount = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Han.isHan(c)) {
                hanCount++;
                if (TRADITIONAL[c]) {
                    tradCount++;
                }
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            boolean drop = Invisible.control(c) || Invisible.zeroWidth(c);
            if (drop) {
                if (b == null) {
                    b = new StringBuilder(n);
                    b.append(s, 0, i);
                }
                if (c == '\r' && (i + 1 >= n || s.charAt(i + 1) != '\n')) {
                    b.append('\n');
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        han[0] = hanCount;
        han[1] = tradCount;
        return b == null ? s : b.toString();
    }

    private static boolean traditional(int han, int trad) {
        return trad >= 2 && trad * 100L >= han * 3L;
    }

    private static String lines(String s, List<String> chrome, Trace trace) {
        int n = s.length();
        List<int[]> lines = LineJoiner.lines(s);
        int width = LineJoiner.wrapWidth(s, lines);
        StringBuilder out = new StringBuilder(n);
        LineJoiner.Opening opening = new LineJoiner.Opening();
        for (int li = 0; li < lines.size(); li++) {
            int a = lines.get(li)[0];
            int z = lines.get(li)[1];
            boolean nearEnds = a < CHROME_ZONE || n - z < CHROME_ZONE;
            Rule chromeRule = nearEnds && z - a <= MAX_CHROME_LINE ? chrome(s, a, z) : null;
            if (chromeRule != null) {
                if (chrome.size() < 50) {
                    chrome.add(s.substring(a, z).strip());
                }
                if (trace.enabled()) {
                    trace.fired(
                            chromeRule,
                            out.length(),
                            out.length(),
                            s.substring(a, z).strip());
                }
                continue;
            }
            out.append(s, a, z);
            boolean inOpening = opening.take(s, a, z);
            if (li == lines.size() - 1) {
                break;
            }
            LineJoiner.Break kind = LineJoiner.appendBreak(out, s, a, z, lines.get(li + 1), width, inOpening);
            if (trace.enabled() && kind != LineJoiner.Break.NEWLINE) {
                trace.fired(kind == LineJoiner.Break.JOINED ? REWRAPPED : TITLE_LINE, out.length(), out.length(), null);
            }
        }
        return out.toString();
    }

    /** The chrome rule a line of the text matches, or null; a sentence or a heading is never chrome. */
    static Rule chrome(String s, int a, int z) {
        String line = s.substring(a, z).strip();
        if (line.isEmpty() || line.endsWith("。") || SectionSplitter.startsWithMarker(line, 0, line.length())) {
            return null;
        }
        String compact = line.replace(" ", "").replace("\t", "");
        for (ChromeWord w : CHROME) {
            if (matches(compact, w)) {
                return w.rule();
            }
        }
        int arrows = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '>' || c == '»' || c == '›') {
                arrows++;
            }
        }
        if (arrows >= 2 && line.length() <= 80) {
            return RuleCatalogue.byName("text.chrome.breadcrumb");
        }
        if (today(compact)) {
            return WIDGET;
        }
        if (a < CHROME_ZONE
                && bulletField(line)
                && (bulletField(neighbour(s, a, -1)) || bulletField(neighbour(s, z, 1)))) {
            return BULLET_FIELD;
        }
        return null;
    }

    /** A short bulleted line: one field of a page's information table when its neighbours are such lines too. */
    private static boolean bulletField(String line) {
        return line != null
                && !line.isEmpty()
                && line.length() <= MAX_BULLET_LINE
                && "•·▪".indexOf(line.charAt(0)) >= 0;
    }

    /** The nearest non-blank line before {@code at} (direction -1) or after it (1), stripped; null when none. */
    private static String neighbour(String s, int at, int direction) {
        int k = at;
        for (int tries = 0; tries < 4; tries++) {
            int a;
            int z;
            if (direction < 0) {
                z = k - 1;
                if (z < 0) {
                    return null;
                }
                a = s.lastIndexOf('\n', z - 1) + 1;
                k = a;
            } else {
                a = k + 1;
                if (a > s.length()) {
                    return null;
                }
                z = s.indexOf('\n', a);
                z = z < 0 ? s.length() : z;
                k = z;
            }
            String line = s.substring(a, Math.max(a, z)).strip();
            if (!line.isEmpty()) {
                return line;
            }
        }
        return null;
    }

    private static boolean matches(String line, ChromeWord w) {
        int at = line.indexOf(w.word());
        if (at < 0) {
            return false;
        }
        return switch (w.match()) {
            case "field" -> {
                int after = at + w.word().length();
                yield after >= line.length()
                        || line.charAt(after) == ':'
                        || Character.isDigit(line.charAt(after))
                        || line.charAt(after) == '|'
                        || line.charAt(after) == '】';
            }
            case "alone" -> line.replaceAll("[\\[\\]【】()|]", "").equals(w.word());
            case "short" -> line.length() <= SHORT_LINE;
            default -> true;
        };
    }

    /** 今天是: 2019年10月31日 星期三, or a line with a date followed by 星期: a widget showing today's date. */
    private static boolean today(String line) {
        if (line.contains("今天是")) {
            return true;
        }
        int w = line.indexOf("星期");
        return w >= 1 && line.length() <= 60 && line.charAt(w - 1) == '日';
    }
}
