package io.fazhi.engine;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import io.fazhi.engine.text.Han;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The label of a metric: the noun phrase of its clause that names what is counted ({@code 外资备案手续} for {@code
 * 168件}). Taken after the unit when a noun phrase follows it, else from the clause before the number, trimmed of
 * function words, light verbs and time phrases ({@code engine/label-words.tsv}). A label never starts or ends inside
 * a word: where the length limit cuts a phrase, the cut moves to a word boundary of HanLP's core dictionary (its
 * dictionary only: no models, no name or place recognition).
 *
 * <p>Cost: every look-around is bounded (the clause before the number, a short reach after the unit); the word lists
 * are indexed by their edge characters and the dictionary is walked as a trie from the few candidate boundaries of a
 * phrase, so a label costs a small constant, whatever the length of the text.
 */
public final class Labeller {
    static final Rule AFTER_UNIT = RuleCatalogue.define(
            "label.after-unit", "a noun phrase right after the unit names what is counted (300本宣传读本)");
    static final Rule BEFORE_NUMBER = RuleCatalogue.define(
            "label.before-number", "else the clause before the number names it, trimmed of function words");
    static final Rule PREVIOUS_CLAUSE = RuleCatalogue.define(
            "label.previous-clause", "a bare count (共40多场) is labelled by the end of the clause before it");
    static final Rule CHANGE = RuleCatalogue.define(
            "label.change-of-previous", "a new value (缩短至30天) keeps the label of the quantity it changes");
    static final Rule TIME_PHRASE = RuleCatalogue.define(
            "label.time-phrase", "a time phrase before the number (之日起, 为期) is no label; the phrase after the unit is");
    static final Rule LIGHT_VERB = RuleCatalogue.define(
            "label.light-verb", "a leading light verb (开展, 组织, 举办) is dropped: its object is what is counted");
    static final Rule TITLE_TAIL = RuleCatalogue.define(
            "label.after-title", "after a 《title》 the label is the noun that follows it (《民法典》宣传读本 -> 宣传读本)");
    static final Rule HONOUR = RuleCatalogue.define(
            "label.honour", "units counted by an honour they received (7个社区获评“民主法治社区”) are labelled by the honour");
    static final Rule LIST_FIRST = RuleCatalogue.define(
            "label.list-first",
            "a count after a 、-list of things (设置展板、横幅、标语等30处) is labelled by the list's first item");
    static final Rule AFTER_MODIFIERS = RuleCatalogue.define(
            "label.after-modifiers",
            "after the unit, a 、-list of qualities ending in 的 (12项具体、可行的改进措施) is passed over for the noun after"
                    + " 的");
    static final Rule VERB_IS_NO_LABEL = RuleCatalogue.define(
            "label.verb-is-no-label",
            "a verb (HanLP's part of speech) is no label: after the unit it opens a predicate (80人次参加, 20万元建成),"
                    + " before the number alone it names no thing (累计开展30次): the counted thing is looked for"
                    + " elsewhere");
    static final Rule WORD_BOUNDARY = RuleCatalogue.define(
            "label.word-boundary",
            "where the length limit cuts a phrase, the label starts and ends on word boundaries");

    private static final int LABEL_MAX = 10;
    private static final int AFTER_REACH = 24;
    private static final int CLAUSE_LOOKBACK = 30;

    /** HanLP's core dictionary (a double-array trie), walked character by character: no substring per lookup. */
    private static final DoubleArrayTrie<CoreDictionary.Attribute> DICTIONARY = CoreDictionary.trie;

    private static final int[] DICTIONARY_BASE = DICTIONARY.getBase();
    private static final int[] DICTIONARY_CHECK = DICTIONARY.getCheck();

    private final WordList lead;
    private final WordList trail;
    private final WordList afterStop;
    private final WordList changes;
    private final WordList timeWords;
    private final WordList timePhrases;
    private final WordList timeEnds;
    private final WordList afterEnds;
    private final WordList lightVerbs;
    private final WordList objectVerbs;
    /** A change at a label's end, its value after it (细化为, 缩短至, 减到): the label is what changed. */
    private final WordList changeEnds;

    public Labeller() {
        Map<String, List<String>> words = new HashMap<>();
        for (String kind : List.of(
                "lead",
                "trail",
                "after-stop",
                "change",
                "time-word",
                "time-phrase",
                "time-end",
                "after-end",
                "light-verb",
                "object-verb")) {
            words.put(kind, new ArrayList<>());
        }
        for (String[] r : EngineData.rows("label-words.tsv", 2)) {
            List<String> list = words.get(r[0]);
            if (list == null) {
                throw new IllegalStateException("label-words.tsv: unknown kind " + r[0]);
            }
            list.add(r[1]);
        }
        lead = new WordList(words.get("lead"));
        trail = new WordList(words.get("trail"));
        afterStop = new WordList(words.get("after-stop"));
        changes = new WordList(words.get("change"));
        timeWords = new WordList(words.get("time-word"));
        timePhrases = new WordList(words.get("time-phrase"));
        timeEnds = new WordList(words.get("time-end"));
        afterEnds = new WordList(words.get("after-end"));
        lightVerbs = new WordList(words.get("light-verb"));
        objectVerbs = new WordList(words.get("object-verb"));
        List<String> ends = new ArrayList<>();
        for (String c : words.get("change")) {
            if (c.endsWith("至") || c.endsWith("到") || c.endsWith("为")) {
                ends.add(c);
            } else {
                ends.addAll(List.of(c + "至", c + "到", c + "为"));
            }
        }
        changeEnds = new WordList(ends);
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
        return label(
                text, start, beforeLen, unitEnd, afterLen, kind, lowerBound, prevLabel, sameSentenceAsPrev, Trace.NONE);
    }

    /** As {@link #label(String, int, int, int, int, String, int, String, boolean)}, reporting the rules to a trace. */
    public String label(
            String text,
            int start,
            int beforeLen,
            int unitEnd,
            int afterLen,
            String kind,
            int lowerBound,
            String prevLabel,
            boolean sameSentenceAsPrev,
            Trace trace) {
        int ns = start;
        int ue = unitEnd;
        List<Rule> fired = new ArrayList<>(3);
        boolean counted = kind.equals("count") || kind.equals("person");
        String beforeLabel = beforeLabel(text, ns - beforeLen, lowerBound, counted, fired);
        Rule how = BEFORE_NUMBER;
        if (prevLabel != null && sameSentenceAsPrev && startsWithChange(beforeLabel)) {
            beforeLabel = prevLabel; // "审批时间由100天缩短至30天": both are 审批时间
            how = CHANGE;
        }
        if (endsWithTime(beforeLabel)) {
            fired.add(TIME_PHRASE); // "在决定作出之日起7个工作日内公开信息": the time is no label
            beforeLabel = "";
        }
        String[] afterLabel = afterLabel(text, ue + afterLen, fired);
        boolean preferBefore = kind.equals("percent") || kind.equals("duration");
        String label;
        if (preferBefore) {
            label = !beforeLabel.isEmpty() ? beforeLabel : afterLabel[1];
            how = !beforeLabel.isEmpty() ? how : AFTER_UNIT;
        } else if (!afterLabel[0].isEmpty()) {
            label = afterLabel[0];
            how = AFTER_UNIT;
        } else {
            label = !beforeLabel.isEmpty() ? beforeLabel : afterLabel[1];
            how = !beforeLabel.isEmpty() ? how : AFTER_UNIT;
        }
        if (label.isEmpty()) {
            // "…宣传培训,共40多场": the counted thing ends the previous clause
            String previousClause = previousClauseLabel(text, ns - beforeLen, lowerBound);
            if (!previousClause.isEmpty()) {
                label = previousClause;
                how = PREVIOUS_CLAUSE;
            } else if (prevLabel != null && sameSentenceAsPrev) {
                label = prevLabel;
                how = CHANGE;
            }
        }
        if (label.isEmpty()) {
            return null;
        }
        String honour = label.length() <= 2 ? honour(text, ue) : null;
        if (honour != null) {
            label = honour;
            how = HONOUR;
        }
        if (trace.enabled()) {
            trace.fired(how, ns, ue, "label " + label);
            for (Rule r : fired) {
                trace.fired(r, ns, ue, "label " + label);
            }
        }
        return label;
    }

    /** The quoted honour after 获评/评为/命名为 in the clause after the unit, or null. */
    private static String honour(String text, int from) {
        int end = Math.min(text.length(), from + CLAUSE_LOOKBACK);
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (isBoundary(c)) {
                return null;
            }
            if (text.startsWith("获评", i) || text.startsWith("评为", i) || text.startsWith("命名为", i)) {
                int open = indexIn(text, '“', i, i + 7);
                int close = open < 0 ? -1 : indexIn(text, '”', open, open + LABEL_MAX + 2);
                if (open > 0 && open - i <= 6 && close > open + 2 && close - open - 1 <= LABEL_MAX) {
                    return text.substring(open + 1, close);
                }
                return null;
            }
        }
        return null;
    }

    /** The first {@code c} in {@code [from, to)} of {@code text}, or -1: a bounded look-ahead. */
    private static int indexIn(String text, char c, int from, int to) {
        for (int i = from; i < Math.min(to, text.length()); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a label ends in a time phrase (之日起, 结束后) that is not the end of a longer word (先后). */
    private boolean endsWithTime(String label) {
        int n = timeEnds.longestSuffix(label);
        return n > 0 && !insideWord(label, label.length() - n);
    }

    private static boolean isBoundary(char c) {
        return c == ',' || c == ';' || c == ':' || c == '。' || c == '!' || c == '?' || c == '、' || c == '\n' || c == '，'
                || c == '；' || c == '：' || c == '！' || c == '？' || c == '【' || c == '[' || c == '】' || c == ']'
                || c == '…';
    }

    /** The clause text before a number (parenthesised asides left out), trimmed of function words. */
    private String beforeLabel(String text, int end, int lowerBound, boolean counted, List<Rule> fired) {
        StringBuilder clause = new StringBuilder();
        int stop = clauseBefore(text, end, lowerBound, clause);
        String raw = clause.toString();
        String first = counted ? listFirst(text, stop, lowerBound, raw) : null;
        if (first != null) {
            raw = first; // "设置展板、横幅、标语等30处": 展板
            fired.add(LIST_FIRST);
        }
        int title = raw.lastIndexOf('》');
        if (title >= 0 && raw.length() - title > 2) {
            raw = raw.substring(title + 1); // "发放《民法典》宣传读本": the noun after the title
            fired.add(TITLE_TAIL);
        }
        String s = cleanBefore(raw, fired);
        String verbless = objectOfInnerVerb(dropLightVerb(s));
        if (!verbless.equals(s)) {
            fired.add(LIGHT_VERB);
        }
        if (isOnlyVerb(verbless)) {
            fired.add(VERB_IS_NO_LABEL); // "全年累计开展20余次": the counted thing is elsewhere
            return "";
        }
        return verbless;
    }

    /**
     * For "设置展板、横幅、标语等30处", where the clause before the number is the last item of a 、-list of things with no
     * numbers: the first item of the list (at most six items back), or null. A last item that names the whole list
     * after 等 (行政确认、行政裁决等事项) is its own label.
     */
    private static String listFirst(String text, int stop, int lowerBound, String last) {
        int deng = last.lastIndexOf('等');
        if (stop < 0 || text.charAt(stop) != '、' || containsDigit(last) || deng >= 0 && deng < last.length() - 2) {
            return null;
        }
        String first = null;
        int k = stop;
        for (int items = 0; items < 6; items++) {
            StringBuilder item = new StringBuilder();
            k = clauseBefore(text, k, lowerBound, item);
            if (item.length() < 2 || containsDigit(item)) {
                return null;
            }
            first = item.toString();
            if (k < 0 || text.charAt(k) != '、') {
                return isVerb(first, 1) ? null : first; // "审查、备案政府合同": verbs sharing the last item's object
            }
        }
        return null; // a long list: no one item names the count
    }

    /** The object of the last verb inside a label (村开展靶向宣讲 -> 靶向宣讲), when two characters or more remain. */
    private String objectOfInnerVerb(String s) {
        int from = -1;
        for (int i = 1; i < s.length() - 2; i++) {
            int v = objectVerbs.longestAt(s, i);
            if (v > 0 && s.length() - i - v >= 2 && !insideWord(s, i) && !insideWord(s, i + v)) {
                from = i + v;
            }
        }
        if (from < 0) {
            return s;
        }
        String rest = s.startsWith("了", from) ? s.substring(from + 1) : s.substring(from);
        return rest.length() >= 2 ? rest : s;
    }

    /** Whether a label is nothing but a verb: a light verb (开展, 覆盖), or a word HanLP knows as a verb only (参加). */
    private boolean isOnlyVerb(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int v = lightVerbs.longestAt(s, 0);
        return v == s.length() || v == s.length() - 1 && s.endsWith("了") || isVerb(s, 10);
    }

    /**
     * Whether HanLP's core dictionary tags {@code word} first as a verb, used as a verb at least {@code ratio} times as
     * often as a verbal noun (参加 is, 培训 and 审批 are not: they also name things).
     */
    static boolean isVerb(String word, int ratio) {
        if (word.isEmpty() || word.length() > 4 || Han.count(word) != word.length()) {
            return false; // the words that matter here are short; the lookup is the costly part
        }
        CoreDictionary.Attribute a = CoreDictionary.get(word);
        if (a == null || a.nature.length == 0) {
            return false;
        }
        String first = a.nature[0].toString();
        if (!first.startsWith("v") || first.equals("vn")) {
            return false;
        }
        int verb = 0;
        int noun = 0;
        for (int i = 0; i < a.nature.length; i++) {
            if (a.nature[i].toString().equals("vn")) {
                noun += a.frequency[i];
            } else if (a.nature[i].toString().startsWith("v")) {
                verb += a.frequency[i];
            }
        }
        return verb >= ratio * Math.max(1, noun);
    }

    /** Whether a phrase opens with a verb: its first dictionary word (the longest, else its first character) is one. */
    private static boolean opensWithVerb(String phrase) {
        int lengths = wordsFrom(phrase, 0);
        int len = lengths == 0 ? 1 : 31 - Integer.numberOfLeadingZeros(lengths);
        return len <= phrase.length() && isVerb(phrase.substring(0, len), 4);
    }

    /**
     * Whether a phrase ends in a noun: its last dictionary word (the longest, else its last character) is tagged first
     * as a noun (防控措施, 拖欠账款: a verb and the noun it qualifies), not a verb or a verbal noun.
     */
    private static boolean endsWithNoun(String phrase) {
        int len = 1;
        for (int k = 4; k >= 2; k--) {
            if (phrase.length() >= k && (wordsFrom(phrase, phrase.length() - k) & (1 << k)) != 0) {
                len = k;
                break;
            }
        }
        String last = phrase.substring(phrase.length() - len);
        CoreDictionary.Attribute a = Han.count(last) == last.length() ? CoreDictionary.get(last) : null;
        return a != null && a.nature.length > 0 && a.nature[0].toString().startsWith("n");
    }

    /** The label without a leading light verb (开展法治培训 -> 法治培训), when a phrase of two or more characters remains. */
    private String dropLightVerb(String s) {
        String once = dropOneLightVerb(s);
        return once.equals(s) ? s : dropOneLightVerb(once); // 组织开展法治培训 -> 法治培训
    }

    private String dropOneLightVerb(String s) {
        if (s.isEmpty()) {
            return s;
        }
        for (String v : lightVerbs.startingWith(s.charAt(0))) {
            if (s.startsWith(v) && s.length() - v.length() >= 2) {
                String rest = s.substring(v.length());
                if (rest.startsWith("了")) {
                    rest = rest.substring(1);
                }
                return rest.length() >= 2 ? rest : s;
            }
        }
        return s;
    }

    /**
     * Whether {@code at} in {@code s} falls inside a word of HanLP's core dictionary: a word of two to four characters
     * starts before it and ends after it.
     */
    static boolean insideWord(String s, int at) {
        if (at <= 0 || at >= s.length() || wordsFrom(s, at) != 0 && wordEndsAt(s, at)) {
            return false; // a word ends here and another starts here
        }
        for (int k = 1; k <= 3 && at - k >= 0; k++) {
            if ((wordsFrom(s, at - k) & -(2 << k)) != 0) {
                return true; // a word from at - k of more than k characters
            }
        }
        return false;
    }

    /** Whether a dictionary word of two to four characters ends at {@code at}. */
    private static boolean wordEndsAt(String s, int at) {
        for (int len = 2; len <= 4 && at - len >= 0; len++) {
            if ((wordsFrom(s, at - len) & (1 << len)) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lengths of the dictionary words of two to four Chinese characters that start at {@code at}, as bits (bit
     * {@code n} set: a word of {@code n} characters): one walk of the dictionary trie.
     */
    static int wordsFrom(String s, int at) {
        int lengths = 0;
        int state = DICTIONARY_BASE[0];
        for (int len = 1; len <= 4 && at + len <= s.length(); len++) {
            char c = s.charAt(at + len - 1);
            int p = state + c + 1; // the double-array step: base[state] + c + 1, valid when check says so
            if (!Han.isHan(c) || p >= DICTIONARY_CHECK.length || DICTIONARY_CHECK[p] != state) {
                break;
            }
            state = DICTIONARY_BASE[p];
            if (len >= 2 && DICTIONARY.output(state) != null) {
                lengths |= 1 << len;
            }
        }
        return lengths;
    }

    /** A cut phrase from after its last joining word (十条”及相关政策宣传 -> 相关政策宣传), when two characters remain. */
    private static String afterLastJoin(String s) {
        int at = -1;
        for (int i = 0; i < s.length() - 2; i++) {
            if ("及和与、".indexOf(s.charAt(i)) >= 0 && !insideWord(s, i)) {
                at = i;
            }
        }
        return at < 0 ? s : s.substring(at + 1);
    }

    /** {@code s} from {@code from}, its start moved forward past a cut word (度重点工作 -> 重点工作). */
    private static String startOnWord(String s, int from) {
        int a = from;
        while (a < s.length() - 2 && insideWord(s, a)) {
            a++;
        }
        return s.substring(a);
    }

    private static String clauseBefore(String text, int end, int lowerBound) {
        StringBuilder out = new StringBuilder();
        clauseBefore(text, end, lowerBound, out);
        return out.toString();
    }

    /**
     * Appends to {@code out} the clause text before {@code end} (parenthesised asides left out, at most {@link
     * #CLAUSE_LOOKBACK} characters, never before {@code lowerBound}); returns the offset of the boundary that ended
     * it, or -1 when a limit did.
     */
    private static int clauseBefore(String text, int end, int lowerBound, StringBuilder out) {
        int lo = Math.max(Math.max(0, lowerBound), end - CLAUSE_LOOKBACK);
        StringBuilder rev = new StringBuilder();
        int k = end - 1;
        int stop = -1;
        while (k >= lo) {
            char c = text.charAt(k);
            if (isBoundary(c) || c == '(' || c == '（') {
                stop = k;
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
                stop = k;
                break;
            }
            if (c != ' ' && c != '\t') {
                rev.append(c);
            }
            k--;
        }
        out.append(rev.reverse());
        return stop;
    }

    /** True when a label is only a change ("缩短至现在的"), so the quantity is a new value of the previous one. */
    private boolean startsWithChange(String label) {
        return changes.longestAt(label, 0) > 0;
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
        String own = cleanBefore(text.substring(k + 1, end).strip(), new ArrayList<>());
        if (!own.isEmpty() && !isOnlyVerb(own)) {
            return ""; // "…宣传培训,覆盖500人次": a bare verb is no label of its own
        }
        String prevClause = dropLightVerb(cleanBefore(clauseBefore(text, k, lowerBound), new ArrayList<>()));
        return containsDigit(prevClause) ? "" : prevClause;
    }

    private static boolean containsDigit(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    String cleanBefore(String raw, List<Rule> fired) {
        String s = raw.strip();
        for (int round = 0; round < 4; round++) {
            String before = s;
            s = stripLeadingTime(s);
            int head = lead.longestAt(s, 0);
            if (head > 0 && !insideWord(s, head)) {
                s = s.substring(head); // never a cut word: 对外开放 keeps its 对
            }
            int change = changeEnds.longestSuffix(s);
            if (change > 0 && s.length() - change >= 2 && !insideWord(s, s.length() - change)) {
                s = s.substring(0, s.length() - change); // "32项审批事项精简为18项": 审批事项 as well
                fired.add(CHANGE);
            }
            int tail = trail.longestSuffix(s);
            if (tail > 0 && !insideWord(s, s.length() - tail)) {
                s = s.substring(0, s.length() - tail); // never a cut word: 行政行为 keeps its 为
            }
            s = s.strip();
            if (s.equals(before)) {
                break;
            }
        }
        s = trimPunctuation(s);
        if (s.length() > LABEL_MAX) {
            String cut = trimPunctuation(afterLastJoin(startOnWord(s, s.length() - LABEL_MAX)));
            if (!cut.equals(trimPunctuation(s.substring(s.length() - LABEL_MAX)))) {
                fired.add(WORD_BOUNDARY);
            }
            s = cut;
        }
        return s.length() < 2 ? "" : s;
    }

    private String stripLeadingTime(String s) {
        for (int round = 0; round < 6 && !s.isEmpty(); round++) {
            String before = s;
            int j = 0;
            while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '-')) {
                j++;
            }
            if (j > 0) {
                int w = timeWords.longestAt(s, j);
                if (w > 0) {
                    s = s.substring(j + w);
                }
            }
            s = s.substring(timePhrases.longestAt(s, 0));
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
    private String[] afterLabel(String text, int p, List<Rule> fired) {
        int n = text.length();
        while (p < n && text.charAt(p) == ' ') {
            p++;
        }
        if (p < n && text.charAt(p) == '的') {
            p++;
        }
        StringBuilder b = new StringBuilder();
        int j = p;
        boolean modifiersPassed = false;
        while (j < n && b.length() < AFTER_REACH) {
            char c = text.charAt(j);
            if (b.length() >= 1
                    && (afterEnds.longestAt(text, j) > 0 || b.length() >= 2 && changes.longestAt(text, j) > 0)
                    && !insideWord(text, j)) {
                break; // "社区全部获评", "具体措施细化为": a verb or adverb ends the noun phrase
            }
            if ((c == '(' || c == '（') && b.length() >= 1) {
                int close = asideEnd(text, j);
                if (close < 0) {
                    break;
                }
                b.append(text, j, close + 1); // "9个村(社区)": the aside belongs to the noun
                j = close + 1;
                continue;
            }
            boolean word = Han.isHan(c) || c == '“' || c == '”' || isAsciiLetter(c) || c == '‘' || c == '’';
            if (!word && !(c == '、' && b.length() >= 2)) {
                break;
            }
            if (c == '、' && !modifiersPassed && !opensWithVerb(b.toString())) {
                int head = headAfterModifiers(text, j);
                if (head > 0) {
                    b.setLength(0); // "12项具体、可行的改进措施": the noun after the qualities
                    j = head;
                    modifiersPassed = true;
                    fired.add(AFTER_MODIFIERS);
                    continue;
                }
            }
            boolean particle = b.length() >= 2 && "的已均并和与及等在于可、".indexOf(c) >= 0;
            boolean preposition = b.length() >= 1 && "对向把被给将".indexOf(c) >= 0 && wordsFrom(text, j) == 0;
            if ((particle || preposition) && !insideWord(text, j)) {
                break; // a particle or a preposition (许可, 对外 and 对象 are words, not breaks)
            }
            b.append(c);
            j++;
        }
        String raw = trimPunctuation(b.toString());
        if (raw.length() < 2) {
            return new String[] {"", ""};
        }
        boolean predicate = opensWithVerb(raw) && !endsWithNoun(raw);
        if (predicate) {
            fired.add(VERB_IS_NO_LABEL); // "累计80人次参加", "投资20万元建成…": a predicate, not a noun phrase
        }
        if (!predicate && afterStop.longestAt(raw, 0) == 0) {
            String head = headOf(raw, fired);
            return new String[] {head, head};
        }
        String fallback = raw;
        for (int round = 0; round < 3; round++) {
            boolean cut = false;
            for (String w : afterStop.startingWith(fallback.charAt(0))) {
                if (fallback.startsWith(w) && fallback.length() > w.length() && !insideWord(fallback, w.length())) {
                    fallback = fallback.substring(w.length());
                    cut = true;
                    break;
                }
            }
            if (!cut) {
                break;
            }
        }
        fallback = headOf(fallback, fired);
        boolean noun = fallback.length() >= 2
                && afterStop.longestAt(fallback, 0) < fallback.length()
                && !(opensWithVerb(fallback) && !endsWithNoun(fallback));
        return new String[] {"", noun ? fallback : ""};
    }

    /** The offset of the ) closing a short aside of Chinese characters opened at {@code open} (村(社区)), or -1. */
    private static int asideEnd(String text, int open) {
        for (int k = open + 1; k < Math.min(text.length(), open + 8); k++) {
            char c = text.charAt(k);
            if (c == ')' || c == '）') {
                return k > open + 1 ? k : -1;
            }
            if (!Han.isHan(c)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * For "12项具体、可行的改进措施", at the 、 after the first quality: the offset of the noun after the 的 that ends the
     * list of qualities, or -1 when no such 的 follows in the clause (15家单位、23家企业 is no list of qualities).
     */
    private static int headAfterModifiers(String text, int mark) {
        for (int k = mark + 1; k < Math.min(text.length(), mark + AFTER_REACH); k++) {
            char c = text.charAt(k);
            if (c == '的') {
                return k + 2 < text.length() && Han.isHan(text.charAt(k + 1)) && Han.isHan(text.charAt(k + 2))
                        ? k + 1
                        : -1;
            }
            if (isBoundary(c) && c != '、' || Character.isDigit(c)) {
                return -1;
            }
        }
        return -1;
    }

    /** A phrase longer than the limit keeps its head, its end, from a word boundary (省级无线电管理行政职权 -> 无线电管理行政职权). */
    private static String headOf(String phrase, List<Rule> fired) {
        if (phrase.length() <= LABEL_MAX) {
            return phrase;
        }
        fired.add(WORD_BOUNDARY);
        return trimPunctuation(startOnWord(phrase, phrase.length() - LABEL_MAX));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Whether {@code label} is a run of whole words of {@code sentence}: it occurs there, and neither its start nor its
     * end falls inside a word of the core dictionary.
     */
    static boolean isWholeWords(String label, String sentence) {
        for (int at = sentence.indexOf(label); at >= 0; at = sentence.indexOf(label, at + 1)) {
            if (!insideWord(sentence, at) && !insideWord(sentence, at + label.length())) {
                return true;
            }
        }
        return false;
    }
}
