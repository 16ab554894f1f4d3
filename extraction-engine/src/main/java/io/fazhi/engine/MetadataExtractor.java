package io.fazhi.engine;

import io.fazhi.engine.text.Han;
import io.fazhi.engine.text.Titles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 5: what the report is, from its text: the reporting body (agency), its city and district/county/zone
 * (through the {@link Gazetteer}, preferring the report's own province), the year it covers and the date it was
 * published. Uploaded values win; a disagreement between an uploaded value and the text becomes a warning.
 */
public final class MetadataExtractor {
    /** The text is only searched this far from its start (and its last {@link #TAIL} characters). */
    private static final int HEAD = 200_000;

    private static final int TAIL = 3_000;
    private static final String[] ORG_SUFFIXES = {
        "管理委员会", "管委会", "人民政府", "办事处", "委员会", "办公室", "局", "厅", "委", "办", "中心", "司法所", "院"
    };
    private static final String[] SELF_REFS = {
        "我局", "本局", "我委", "本委", "我办", "本办", "我厅", "本厅", "我区", "本区", "我县", "本县", "我市", "本市", "我镇", "本镇", "我街道", "本街道",
        "我乡", "本乡"
    };

    private final Gazetteer gazetteer;

    public MetadataExtractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public MetadataExtractor() {
        this(new Gazetteer());
    }

    /** The metadata found in the text alone (no uploaded values). */
    public record Found(
            String agency, String city, String district, String level, Integer year, String published, String title) {}

    public Found find(String text, List<String> chrome, int firstHeading) {
        int n = text.length();
        int preambleEnd = firstHeading < 0 ? Math.min(n, 2_000) : Math.min(firstHeading, n);
        List<String> lastLines = lastLines(text, 6);
        String title = title(text, preambleEnd);
        String published = published(chrome, text, lastLines);
        Integer year = year(text, title, preambleEnd, published);
        String selfRef = selfReference(text);

        // places
        List<Gazetteer.Mention> mentions = new ArrayList<>(gazetteer.scan(text, 0, Math.min(n, HEAD), 20_000));
        if (n > HEAD) {
            mentions.addAll(gazetteer.scan(text, Math.max(HEAD, n - TAIL), n, 2_000));
        }
        String signature = signature(lastLines);
        String strongText = (title == null ? "" : title) + "\n" + (signature == null ? "" : signature);
        List<Gazetteer.Mention> strong = gazetteer.scan(strongText, 0, strongText.length(), 100);

        String province = province(mentions, strong);
        Map<String, Integer> cityScore = new LinkedHashMap<>();
        for (Gazetteer.Mention m : mentions) {
            addCity(cityScore, m, province, m.full() ? 3 : 1);
        }
        for (Gazetteer.Mention m : strong) {
            addCity(cityScore, m, province, 20);
        }
        String city = argmax(cityScore);

        // the agency: the signature, the title, or the name the text gives itself
        String agency = signature;
        if (agency == null && title != null) {
            agency = titleAgency(title);
        }
        if (agency == null) {
            agency = namedSelf(text, selfRef, city);
        }
        if (agency != null && city == null) {
            for (Gazetteer.Mention m : gazetteer.scan(agency, 0, agency.length(), 10)) {
                if (m.place().city() != null) {
                    city = m.place().city();
                    break;
                }
            }
        }

        String district = district(mentions, agency, strongText, city, countyLevelSelf(text));
        String level = level(agency, district, selfRef);
        return new Found(agency, city, district, level, year, published, title);
    }

    // ---------------------------------------------------------------------------------------------- places

    private static String province(List<Gazetteer.Mention> mentions, List<Gazetteer.Mention> strong) {
        Map<String, Integer> score = new HashMap<>();
        for (Gazetteer.Mention m : mentions) {
            Gazetteer.Place p = m.place();
            int w = switch (p.kind()) {
                case "P" -> m.full() ? 3 : 2;
                case "C" -> m.full() ? 2 : 1;
                case "Z" -> 3;
                default -> 1;
            };
            if (p.province() != null) {
                score.merge(p.province(), w, Integer::sum);
            }
        }
        for (Gazetteer.Mention m : strong) {
            if (m.place().province() != null) {
                score.merge(m.place().province(), 20, Integer::sum);
            }
        }
        return argmax(score);
    }

    private static void addCity(Map<String, Integer> score, Gazetteer.Mention m, String province, int weight) {
        Gazetteer.Place p = m.place();
        if (p.city() == null || (province != null && !province.equals(p.province()))) {
            return;
        }
        int w = switch (p.kind()) {
            case "C", "Z" -> weight;
            case "D" -> Math.max(1, weight / 2);
            default -> 0;
        };
        score.merge(p.city(), w, Integer::sum);
    }

    private static String argmax(Map<String, Integer> score) {
        String best = null;
        int bestScore = 0;
        for (Map.Entry<String, Integer> e : score.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return best;
    }

    private static String district(
            List<Gazetteer.Mention> mentions, String agency, String strongText, String city, boolean countyLevelSelf) {
        if (city == null) {
            return null;
        }
        String named = (agency == null ? "" : agency) + "\n" + strongText;
        Map<String, Integer> count = new LinkedHashMap<>();
        for (Gazetteer.Mention m : mentions) {
            Gazetteer.Place p = m.place();
            if ((p.kind().equals("D") || p.kind().equals("Z"))
                    && city.equals(p.city())
                    && !p.name().equals(city)) {
                if (named.contains(p.name())) {
                    return p.name();
                }
                count.merge(p.name(), 1, Integer::sum);
            }
        }
        if (!countyLevelSelf) {
            return null;
        }
        return argmax(count);
    }

    private static String level(String agency, String district, String selfRef) {
        if (agency != null) {
            if (agency.endsWith("管委会") || agency.endsWith("管理委员会")) {
                return "zone";
            }
            if (agency.endsWith("人民政府") || agency.endsWith("政府")) {
                if (agency.contains("镇") || agency.contains("乡") || agency.contains("街道")) {
                    return "town";
                }
                return district != null ? "district" : "city";
            }
            if (agency.endsWith("办事处")) {
                return "town";
            }
            return "bureau";
        }
        if (selfRef == null) {
            return null;
        }
        switch (selfRef.substring(1)) {
            case "局", "委", "办", "厅" -> {
                return "bureau";
            }
            case "区", "县" -> {
                return district != null
                                && (district.endsWith("开发区")
                                        || district.endsWith("试验区")
                                        || district.endsWith("新区")
                                        || district.endsWith("园区")
                                        || district.endsWith("合作区"))
                        ? "zone"
                        : "district";
            }
            case "市" -> {
                return "city";
            }
            default -> {
                return "town";
            }
        }
    }

    /** True when the text speaks of itself as a county-level body (我区, 本县 …) at least once. */
    static boolean countyLevelSelf(String text) {
        int lim = Math.min(text.length(), HEAD);
        for (String s : new String[] {"我区", "本区", "我县", "本县"}) {
            int at = text.indexOf(s);
            if (at >= 0 && at < lim) {
                return true;
            }
        }
        return false;
    }

    /** The most frequent self-reference (我局, 我区 …), normalised to 我X, or null. */
    static String selfReference(String text) {
        int lim = Math.min(text.length(), HEAD);
        Map<String, Integer> count = new HashMap<>();
        int i = text.indexOf('我');
        int j = text.indexOf('本');
        while ((i >= 0 && i < lim) || (j >= 0 && j < lim)) {
            int at = (i >= 0 && i < lim) && (j < 0 || j >= lim || i < j) ? i : j;
            for (String s : SELF_REFS) {
                if (text.startsWith(s, at)) {
                    count.merge("我" + s.substring(1), 1, Integer::sum);
                    break;
                }
            }
            if (at == i) {
                i = text.indexOf('我', i + 1);
            } else {
                j = text.indexOf('本', j + 1);
            }
        }
        // a county-level body also says 我市 about its city; prefer its own level when it says it
        String best = argmax(count);
        if (best != null && best.equals("我市")) {
            for (String own : new String[] {"我局", "我区", "我县", "我委", "我办"}) {
                if (count.getOrDefault(own, 0) >= 2) {
                    return own;
                }
            }
        }
        return best;
    }

    /** The organisation the text names with its place, matching the kind of body it calls itself (我局 -> …局). */
    private String namedSelf(String text, String selfRef, String city) {
        if (selfRef == null) {
            return null;
        }
        String[] suffixes = switch (selfRef.substring(1)) {
            case "局" -> new String[] {"局"};
            case "委" -> new String[] {"委员会", "委"};
            case "办" -> new String[] {"办公室", "办"};
            case "厅" -> new String[] {"厅"};
            case "区", "县", "市" -> new String[] {"管委会", "管理委员会", "人民政府"};
            default -> new String[] {"人民政府", "办事处"};
        };
        int lim = Math.min(text.length(), HEAD);
        Map<String, Integer> count = new LinkedHashMap<>();
        for (String suffix : suffixes) {
            int at = text.indexOf(suffix);
            int found = 0;
            while (at >= 0 && at < lim && found < 2_000) {
                found++;
                String name = orgEndingAt(text, at + suffix.length(), city);
                if (name != null) {
                    count.merge(name, 1, Integer::sum);
                }
                at = text.indexOf(suffix, at + suffix.length());
            }
        }
        return argmax(count);
    }

    /** The organisation name ending at {@code end}: starts at a place name within 20 characters, Han characters only. */
    private String orgEndingAt(String text, int end, String city) {
        int start = end - 1;
        int lo = Math.max(0, end - 20);
        while (start - 1 >= lo && Han.isHan(text.charAt(start - 1))) {
            start--;
        }
        for (int k = start; k < end - 1; k++) {
            Gazetteer.Mention m = gazetteer.at(text, k);
            if (m != null && m.end() < end - 1) {
                if (city == null
                        || city.equals(m.place().city())
                        || m.place().kind().equals("P")) {
                    return text.substring(k, end);
                }
                return null;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- agency

    private static List<String> lastLines(String text, int count) {
        List<String> out = new ArrayList<>();
        int end = text.length();
        int lo = Math.max(0, text.length() - TAIL);
        while (end > lo && out.size() < count) {
            int start = text.lastIndexOf('\n', end - 1);
            String line = text.substring(Math.max(start + 1, lo), end).strip();
            if (!line.isEmpty()) {
                out.add(0, line);
            }
            if (start < lo) {
                break;
            }
            end = start;
        }
        return out;
    }

    /** The signing body: one of the last lines that is only an organisation's name. */
    private static String signature(List<String> lastLines) {
        for (int k = lastLines.size() - 1; k >= 0 && k >= lastLines.size() - 4; k--) {
            String line = lastLines.get(k);
            if (line.length() > 40 || line.length() < 3) {
                continue;
            }
            if (!allHan(line)) {
                continue;
            }
            for (String suffix : ORG_SUFFIXES) {
                if (line.endsWith(suffix)) {
                    return line;
                }
            }
        }
        return null;
    }

    private static boolean allHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Han.isHan(c) && c != '(' && c != ')') {
                return false;
            }
        }
        return true;
    }

    /** A short line before the first heading naming the report (…年度报告, …工作报告, 法治政府建设…). */
    private static String title(String text, int preambleEnd) {
        int i = 0;
        int lines = 0;
        while (i < preambleEnd && lines < 8) {
            int e = text.indexOf('\n', i);
            if (e < 0 || e > preambleEnd) {
                e = preambleEnd;
            }
            String line = text.substring(i, e).strip();
            if (!line.isEmpty()) {
                lines++;
                if (line.length() <= 60
                        && !line.endsWith("。")
                        && !line.startsWith("根据")
                        && !line.startsWith("《")
                        && (line.contains("报告") || line.contains("法治政府建设") || line.contains("工作总结"))) {
                    return line;
                }
            }
            i = e + 1;
        }
        return null;
    }

    /** 江门市工业和信息化局2019年法治政府建设年度报告 -> 江门市工业和信息化局. */
    private static String titleAgency(String title) {
        int cut = title.length();
        for (int k = 0; k < title.length(); k++) {
            char c = title.charAt(k);
            if (Character.isDigit(c)
                    || title.startsWith("关于", k)
                    || title.startsWith("法治政府", k)
                    || title.startsWith("年度", k)) {
                cut = k;
                break;
            }
        }
        String prefix = title.substring(0, cut).strip();
        for (String suffix : ORG_SUFFIXES) {
            if (prefix.length() > suffix.length() + 1 && prefix.endsWith(suffix) && allHan(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- dates

    private static String published(List<String> chrome, String text, List<String> lastLines) {
        for (String line : chrome) {
            String d = labelledDate(line);
            if (d != null) {
                return d;
            }
        }
        int headEnd = Math.min(text.length(), 600);
        String head = text.substring(0, headEnd);
        String d = labelledDate(head);
        if (d != null) {
            return d;
        }
        for (int k = lastLines.size() - 1; k >= 0 && k >= lastLines.size() - 3; k--) {
            String line = lastLines.get(k);
            if (line.length() <= 20) {
                String date = date(line, 0);
                if (date != null && dateOnly(line)) {
                    return date;
                }
            }
        }
        return null;
    }

    private static boolean dateOnly(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!(Character.isDigit(c)
                    || Numerals.digit(c) >= 0
                    || c == '十'
                    || c == '年'
                    || c == '月'
                    || c == '日'
                    || c == '-'
                    || c == '/'
                    || c == '.'
                    || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static String labelledDate(String s) {
        for (String label : new String[] {"发布日期", "发布时间", "成文日期", "日期", "时间"}) {
            int at = s.indexOf(label);
            if (at >= 0) {
                int k = at + label.length();
                while (k < s.length()
                        && k < at + label.length() + 3
                        && (s.charAt(k) == ':' || s.charAt(k) == ' ' || s.charAt(k) == ':')) {
                    k++;
                }
                String d = date(s, k);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** A date starting at {@code at} (YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, 二〇二〇年十二月一日) as YYYY-MM-DD. */
    static String date(String s, int at) {
        int n = s.length();
        int[] parts = new int[3];
        int k = at;
        for (int part = 0; part < 3; part++) {
            int start = k;
            int value;
            if (k < n && Character.isDigit(s.charAt(k))) {
                while (k < n && k - start < 4 && Character.isDigit(s.charAt(k))) {
                    k++;
                }
                value = Integer.parseInt(s.substring(start, k));
            } else if (part == 0) {
                while (k < n && k - start < 4 && Numerals.digit(s.charAt(k)) >= 0) {
                    k++;
                }
                if (k - start != 4) {
                    return null;
                }
                value = 0;
                for (int q = start; q < k; q++) {
                    value = value * 10 + Numerals.digit(s.charAt(q));
                }
            } else {
                while (k < n && k - start < 3 && (Numerals.digit(s.charAt(k)) >= 0 || s.charAt(k) == '十')) {
                    k++;
                }
                long v = k > start ? Numerals.chineseValue(s, start, k) : -1;
                if (v < 0) {
                    return null;
                }
                value = (int) v;
            }
            parts[part] = value;
            if (k >= n) {
                if (part < 2) {
                    return null;
                }
                break;
            }
            char sep = s.charAt(k);
            if (part == 0 && (sep == '-' || sep == '/' || sep == '.' || sep == '年')) {
                k++;
            } else if (part == 1 && (sep == '-' || sep == '/' || sep == '.' || sep == '月')) {
                k++;
            } else if (part < 2) {
                return null;
            }
        }
        int y = parts[0];
        int m = parts[1];
        int d = parts[2];
        if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) {
            return null;
        }
        return String.format("%04d-%02d-%02d", y, m, d);
    }

    /**
     * The year covered: the title's year, else the first year in the preamble, else the publishing year when the
     * text speaks of 今年, else the most frequent year in the text. Years inside 《titles》 and ranges do not count.
     */
    private static Integer year(String text, String title, int preambleEnd, String published) {
        if (title != null) {
            Integer y = firstYear(title, 0, title.length());
            if (y != null) {
                return y;
            }
        }
        Integer y = firstYear(text, 0, preambleEnd);
        if (y != null) {
            return y;
        }
        Integer pub = published == null ? null : Integer.valueOf(published.substring(0, 4));
        Map<Integer, Integer> count = new HashMap<>();
        int lim = Math.min(text.length(), HEAD);
        for (int i = 0; i + 5 <= lim; i++) {
            Integer at = yearAt(text, i);
            if (at != null && (pub == null || at <= pub)) {
                count.merge(at, 1, Integer::sum);
            }
        }
        Integer best = null;
        for (Map.Entry<Integer, Integer> e : count.entrySet()) {
            if (best == null
                    || e.getValue() > count.get(best)
                    || (e.getValue().equals(count.get(best)) && e.getKey() > best)) {
                best = e.getKey();
            }
        }
        if (best != null) {
            return best;
        }
        if (pub != null) {
            int month = Integer.parseInt(published.substring(5, 7));
            return month <= 4 ? pub - 1 : pub;
        }
        return null;
    }

    private static Integer firstYear(String s, int from, int to) {
        for (int i = from; i + 5 <= to; i++) {
            Integer y = yearAt(s, i);
            if (y != null) {
                return y;
            }
        }
        return null;
    }

    /** A year written as 4 digits + 年 at {@code i}, not inside 《》/<> and not part of a range. */
    private static Integer yearAt(String s, int i) {
        if (!Character.isDigit(s.charAt(i))
                || (i > 0
                        && (Character.isDigit(s.charAt(i - 1))
                                || s.charAt(i - 1) == '-'
                                || s.charAt(i - 1) == '~'
                                || s.charAt(i - 1) == '至'))) {
            return null;
        }
        for (int k = 1; k < 4; k++) {
            if (!Character.isDigit(s.charAt(i + k))) {
                return null;
            }
        }
        if (s.charAt(i + 4) != '年') {
            return null;
        }
        int y = Integer.parseInt(s.substring(i, i + 4));
        if (y < 1990 || y > 2100 || Titles.inside(s, i, i + 5)) {
            return null;
        }
        return y;
    }
}
