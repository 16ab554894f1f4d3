package io.fazhi.engine;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import io.fazhi.engine.text.Han;
import io.fazhi.engine.text.LineJoiner;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 1: turns raw report text into the normalised text that every offset refers to.
 * <ul>
 * <li>Unicode NFKC (full-width digits, letters and punctuation become ASCII; NBSP and ideographic space become
 * spaces), line ends unified, zero-width and control characters dropped;</li>
 * <li>Traditional to Simplified, character level (opencc4j), only when a cheap count says the text is Traditional;</li>
 * <li>website chrome removed (breadcrumbs, 来源/发布日期/浏览次数 lines, print and share links); the removed lines are
 * kept for the metadata stage;</li>
 * <li>hard-wrapped text (PDF extraction) re-joined: only when most long lines have the same length, a line of that
 * length which does not end a sentence runs on into the next.</li>
 * </ul>
 */
public final class Normaliser {
    /** Above this many characters the conversion and the wrap analysis still run, but chrome is only sought near the ends. */
    private static final int CHROME_ZONE = 4_000;

    private static final int MAX_CHROME_LINE = 160;

    /** Characters that exist only in Traditional script (their Simplified forms differ), common in government text. */
    private static final String TRADITIONAL_ONLY = "們個這來時會發國對關說為與機區縣鄉鎮務體實應過還點開問題規範條統劃經濟權處罰執審請復議"
            + "調訴訟辦歷報導設計準確資訊網絡傳認識響護質電話費標錄號專業場書館檢證據產農風險現狀環態樣輕鬆動員組織領幹黨紀監聽決營"
            + "運總結畫進變類維穩優勢積極視頻廣東陽蘭衛雙龍門萬億兩歲數論構參創學習寫讀講義財稅廳屬補償獎勵貸擔貿團覺觀遠達連違適選遷"
            + "邊鄰醫鐵長陳際隨難電頁顯飛馬黃齊項從於將並後裡齡職責級續約協僅戶夠須執備簡單訂們蓋聯繫審議庫據";

    private static final boolean[] TRADITIONAL = new boolean[65536];

    static {
        for (int i = 0; i < TRADITIONAL_ONLY.length(); i++) {
            TRADITIONAL[TRADITIONAL_ONLY.charAt(i)] = true;
        }
    }

    private static final String[] CHROME_WORDS = {
        "当前位置", "您的位置", "所在位置", "当前的位置", "发布日期", "发布时间", "信息来源", "来源:", "浏览次数", "点击数", "点击量", "阅读次数", "访问量", "浏览量",
        "字号", "字体:", "打印本页", "关闭窗口", "分享到", "扫一扫", "【打印】", "【关闭】", "责任编辑", "索引号", "返回顶部", "上一篇", "下一篇", "相关链接",
        "【大 中 小】", "[打印]", "[关闭]", "打印此页"
    };

    /** The normalised text, the chrome lines taken out of it, and whether it was converted from Traditional. */
    public record Result(String text, List<String> chrome, boolean convertedFromTraditional) {}

    public Result normalise(String raw) {
        return normalise(raw, io.fazhi.engine.rules.Trace.NONE);
    }

    public Result normalise(String raw, io.fazhi.engine.rules.Trace trace) {
        String s = raw == null ? "" : raw;
        s = Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
        int[] han = new int[2];
        s = clean(s, han);
        boolean converted = false;
        if (traditional(han[0], han[1])) {
            try {
                String simplified = ZhConverterUtil.toSimple(s);
                if (simplified != null) {
                    s = simplified;
                    converted = true;
                }
            } catch (RuntimeException | StackOverflowError e) {
                // keep the text as it is; the caller reports nothing worse than Traditional labels
            }
        }
        List<String> chrome = new ArrayList<>();
        String text = lines(s, chrome);
        return new Result(text, chrome, converted);
    }

    /** Unifies line ends, drops zero-width and control characters (keeping tab and newline). */
    static String clean(String s) {
        return clean(s, new int[2]);
    }

    /** As {@link #clean(String)}, counting Han characters into {@code han[0]} and Traditional-only ones into {@code han[1]}. */
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
            boolean drop = c == '\r'
                    || c == '\u200b'
                    || c == '\u200c'
                    || c == '\u200d'
                    || c == '\ufeff'
                    || c == '\u2060'
                    || (c < 0x20 && c != '\n' && c != '\t')
                    || c == 0x7f
                    || (c >= 0x80 && c < 0xa0);
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

    /** True when Traditional-only characters make up a noticeable share of the Han characters. */
    public static boolean isTraditional(String s) {
        int han = 0;
        int trad = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Han.isHan(c)) {
                han++;
                if (TRADITIONAL[c]) {
                    trad++;
                }
            }
        }
        return traditional(han, trad);
    }

    private static boolean traditional(int han, int trad) {
        return trad >= 2 && trad * 100L >= han * 3L;
    }

    private static String lines(String s, List<String> chrome) {
        int n = s.length();
        List<int[]> lines = LineJoiner.lines(s);
        int width = LineJoiner.wrapWidth(s, lines);
        StringBuilder out = new StringBuilder(n);
        for (int li = 0; li < lines.size(); li++) {
            int a = lines.get(li)[0];
            int z = lines.get(li)[1];
            boolean nearEnds = a < CHROME_ZONE || n - z < CHROME_ZONE;
            if (nearEnds && z - a <= MAX_CHROME_LINE && isChrome(s, a, z)) {
                if (chrome.size() < 50) {
                    chrome.add(s.substring(a, z).strip());
                }
                continue;
            }
            out.append(s, a, z);
            if (li == lines.size() - 1) {
                break;
            }
            LineJoiner.appendBreak(out, s, a, z, lines.get(li + 1), width);
        }
        return out.toString();
    }

    static boolean isChrome(String s, int a, int z) {
        String line = s.substring(a, z).strip();
        if (line.isEmpty() || line.endsWith("。")) {
            return false;
        }
        for (String w : CHROME_WORDS) {
            if (line.contains(w)) {
                return true;
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
            return true;
        }
        return line.equals("打印") || line.equals("关闭") || line.equals("分享") || line.equals("返回");
    }
}
