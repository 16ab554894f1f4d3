package io.fazhi.engine;

import io.fazhi.contracts.Indicators;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import io.fazhi.engine.text.Sentences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which canonical indicator (contracts {@code indicators.tsv}) a metric measures, or none: decided from the cue words
 * of the metric's clause, its sentence and its section's headings ({@code engine/indicator-rules.tsv}), never from
 * the label alone. The indicator's kind must fit the metric's unit (a rate only goes to a percent indicator, people
 * to a person indicator); a figure no cue names is a one-off of its report and gets none.
 *
 * <p>Order of the rules: the strongest cue of the metric's own clause (the text from the clause start or the
 * previous metric to the number, and after the unit to the clause end); for rates named together, the first named;
 * a part counted after 其中 takes the indicator of its total unless its own clause names it; a clause without a cue
 * takes the nearest cue of its sentence; a generic cue (案件, 事项, 企业) is refined by a specific cue of the sentence
 * or of the headings, innermost first; a decisive cue of a heading names a figure whose sentence names nothing.
 *
 * <p>Cost: the cue words are a trie ({@link WordTrie}); the sentences of a section's metrics are scanned once, and a
 * sentence's cues are shared by all its metrics, so the work per metric is bounded by its sentence, never by the
 * text.
 */
public final class IndicatorAssigner {
    static final Rule CLAUSE_CUE = RuleCatalogue.define(
            "indicator.cue.clause",
            "the strongest cue word of the metric's own clause (a decisive name before a generic word, then the"
                    + " nearest) decides its indicator");
    static final Rule FIRST_NAMED_RATE = RuleCatalogue.define(
            "indicator.rate.first-named",
            "a figure shared by rates named together (A率、B率均为100%) measures the first named");
    static final Rule PART_OF_TOTAL = RuleCatalogue.define(
            "indicator.part-of-total",
            "a part counted after 其中 measures what its total measures unless its own clause names something else");
    static final Rule LIST_ITEM = RuleCatalogue.define(
            "indicator.list-item",
            "an item of a 、-list of counts measures what the item before it measures unless its own clause names"
                    + " something else; the first item, what the predicate the list shares names");
    static final Rule NEW_VALUE = RuleCatalogue.define(
            "indicator.new-value",
            "a new value of the figure before it (由494项减到304项, 缩短至5天) measures what that figure measures");
    static final Rule OWN_RATE = RuleCatalogue.define(
            "indicator.own-rate",
            "a rate named in its own clause (持证率保持95%) that no cue names is a one-off: it never takes the cue of"
                    + " another clause");
    static final Rule SENTENCE_CUE = RuleCatalogue.define(
            "indicator.cue.sentence", "a clause without a cue takes the nearest specific cue of its sentence");
    static final Rule HEADING_CUE = RuleCatalogue.define(
            "indicator.cue.heading",
            "a generic cue (案件, 事项) is refined by a specific cue of the sentence or the headings; a heading's"
                    + " decisive cue names a figure its sentence leaves unnamed");
    static final Rule KIND_MISMATCH = RuleCatalogue.define(
            "indicator.kind-mismatch",
            "a cue whose indicator is of another kind than the metric's unit (a rate, people, money, a duration) is"
                    + " passed over");
    static final Rule NOT_COUNTED = RuleCatalogue.define(
            "indicator.not-counted",
            "a cue that marks the figure as no indicator (rent relief, policy talks, a count of lists or rules)"
                    + " leaves it without one");
    static final Rule ONE_OFF = RuleCatalogue.define(
            "indicator.one-off", "a figure that no cue names is a one-off of its report: no indicator");

    private static final int SENTENCE_REACH = 150;
    private static final int HEAD_REACH = 4;
    private static final String HEAD_FILLERS = "共计约达有为近超过逾余多了";
    private static final String JOINT_MARKS = "均都";

    /**
     * Where a metric stands.
     *
     * @param text     the normalised report text (offsets refer to it)
     * @param category the category of the metric's section
     * @param headings the headings from the outermost section down to the metric's own; empty in the preamble
     */
    public record Context(String text, String category, List<String> headings) {}

    /**
     * One row of the rule data, with its indicator resolved.
     *
     * @param kindId the indicator's unit kind id (null for a blocker)
     * @param units  the units the indicator lists, as written and as rolled up (empty for a blocker)
     */
    private record Cue(
            String text,
            boolean unitCue,
            String indicator,
            int priority,
            String[] needs,
            boolean head,
            Set<String> kinds,
            int order,
            String kindId,
            Set<String> units) {}

    /** A cue found in the text: where, how strong once the unit is weighed, how far from the number. */
    private record Hit(Cue cue, int start, int end, int strength, boolean unitFits, int distance) {
        boolean blocks() {
            return cue.indicator() == null;
        }
    }

    /**
     * Every cue word of a section's text, found in one pass of the automaton, with the section's bracket pairs.
     *
     * @param hits   in text order (by start, then row order); their needed words not yet checked
     * @param titles the (open, close) offsets of the innermost 《title》 pairs, in pairs
     * @param asides the (open, close) offsets of the innermost (parenthesised asides), in pairs
     */
    private record TextCues(List<Hit> hits, int[] titles, int[] asides) {}

    /**
     * The cues of one sentence, shared by all its metrics.
     *
     * @param hits   in text order; those whose needed words the sentence lacks, and words of a 《title》, left out
     * @param asides the (open, close) offsets of the parenthesised asides of the sentence, in pairs
     * @param breaks {@code breaks[i]}: how many clause breaks {@code [from, from + i)} holds; filled on first use
     */
    private record SentenceCues(String text, int from, int to, List<Hit> hits, int[] asides, int[] breaks) {
        /** How many clause breaks {@code [a, b)} (inside the sentence) holds. */
        int breaksBetween(int a, int b) {
            if (breaks[0] < 0) {
                breaks[0] = 0;
                for (int i = from; i < to; i++) {
                    breaks[i - from + 1] = breaks[i - from] + (isClauseBreak(text.charAt(i)) ? 1 : 0);
                }
            }
            int lo = Math.min(Math.max(a, from), to) - from;
            int hi = Math.min(Math.max(b, from), to) - from;
            return hi > lo ? breaks[hi] - breaks[lo] : 0;
        }
    }

    private static final Comparator<Hit> STRONGEST = Comparator.comparingInt(Hit::strength)
            .thenComparing(Hit::unitFits)
            .thenComparingInt(h -> -h.distance())
            .thenComparingInt(h -> h.end() - h.start())
            .thenComparingInt(h -> -h.cue().order());

    /** The cue words (not the unit cues), each with its rows in file order. */
    private final WordTrie<Cue[]> cueWords;

    private final List<Cue> unitCues = new ArrayList<>();
    /** Per indicator: the units it lists (as written and as rolled up). */
    private final Map<String, Set<String>> unitsOf = new HashMap<>();

    public IndicatorAssigner() {
        Map<String, String> rollup = new HashMap<>();
        for (String[] u : EngineData.rows("units.tsv", 5)) {
            String reported = u[2].isEmpty() ? u[0] : u[2];
            rollup.put(u[0], u[4].isEmpty() ? reported : u[4]);
        }
        for (Indicators.Indicator ind : Indicators.ALL) {
            Set<String> units = new HashSet<>();
            String covers = ind.covers();
            int open = covers.lastIndexOf('(');
            int close = covers.lastIndexOf(')');
            if (open >= 0 && close > open) {
                for (String u : covers.substring(open + 1, close).split(",")) {
                    String unit = u.strip();
                    if (!unit.isEmpty()) {
                        units.add(unit);
                        units.add(rollup.getOrDefault(unit, unit));
                    }
                }
            }
            unitsOf.put(ind.id(), units);
        }
        List<String[]> rows = EngineData.rows("indicator-rules.tsv", 6);
        Map<String, List<Cue>> words = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String indicator = r[1].equals("-") ? null : r[1];
            if (indicator != null && Indicators.byId(indicator) == null) {
                throw new IllegalStateException("indicator-rules.tsv: unknown indicator " + indicator);
            }
            Set<String> kinds = r[5].isEmpty() ? Set.of() : Set.of(r[5].split(","));
            boolean unitCue = r[0].startsWith("unit:");
            Cue cue = new Cue(
                    unitCue ? r[0].substring(5) : r[0],
                    unitCue,
                    indicator,
                    Integer.parseInt(r[2]),
                    r[3].isEmpty() ? new String[0] : r[3].split("\\|"),
                    r[4].equals("head"),
                    kinds,
                    i,
                    indicator == null ? null : Indicators.byId(indicator).kind().id(),
                    indicator == null ? Set.of() : unitsOf.getOrDefault(indicator, Set.of()));
            if (unitCue) {
                unitCues.add(cue);
            } else {
                words.computeIfAbsent(cue.text(), t -> new ArrayList<>()).add(cue);
            }
        }
        Map<String, Cue[]> byText = new HashMap<>();
        words.forEach((t, cues) -> byText.put(t, cues.toArray(new Cue[0])));
        cueWords = WordTrie.of(byText);
    }

    /** The indicator id of the metric, or null. */
    public String assign(Metric metric, Context context, Trace trace) {
        return assignAll(List.of(metric), context, trace).get(0);
    }

    /** The indicator ids (or nulls) of a section's metrics, in the order given (document order). */
    public List<String> assignAll(List<Metric> metrics, Context context, Trace trace) {
        List<String> out = new ArrayList<>(metrics.size());
        if (metrics.isEmpty()) {
            return out;
        }
        HeadingCues headingHits = new HeadingCues(context.headings());
        String text = context.text();
        int n = metrics.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        IntList spans = new IntList(); // the sentences of the metrics, overlapping ones merged
        for (int k = 0; k < n; k++) {
            Metric m = metrics.get(k);
            starts[k] = Sentences.start(text, m.offset());
            ends[k] = Math.max(
                    starts[k], sentenceEnd(text, m.offset() + m.surface().length()));
            spans.addSpan(starts[k], ends[k]);
        }
        TextCues section = scan(text, spans.toArray()); // one pass over each stretch of the section holding metrics
        SentenceCues cues = null;
        for (int k = 0; k < n; k++) {
            String id;
            try {
                if (cues == null || cues.from() != starts[k] || cues.to() != ends[k]) {
                    cues = sentence(section, text, starts[k], ends[k]); // once per sentence, not per metric
                }
                id = decide(metrics, out, k, context, headingHits, cues, trace);
            } catch (RuntimeException e) {
                id = null;
            }
            out.add(id);
        }
        return out;
    }

    private String decide(
            List<Metric> metrics,
            List<String> decided,
            int k,
            Context context,
            HeadingCues headingHits,
            SentenceCues cues,
            Trace trace) {
        String text = context.text();
        Metric m = metrics.get(k);
        int number = m.offset();
        int unitEnd = number + m.surface().length();
        int sentenceStart = cues.from();
        int sentenceEnd = cues.to();
        int prevEnd = sentenceStart;
        if (k > 0) {
            Metric p = metrics.get(k - 1);
            int end = p.offset() + p.surface().length();
            if (end > sentenceStart && end <= number) {
                prevEnd = end;
            }
        }
        int nextStart = sentenceEnd;
        if (k + 1 < metrics.size() && metrics.get(k + 1).offset() < sentenceEnd) {
            nextStart = Math.max(unitEnd, metrics.get(k + 1).offset());
        }
        int clauseStart = Math.max(prevEnd, lastBreak(text, sentenceStart, number) + 1);
        int tailEnd = Math.min(nextStart, nextBreak(text, unitEnd, sentenceEnd));
        for (int i = unitEnd; i < tailEnd; i++) {
            if (text.charAt(i) == '、') {
                tailEnd = i; // "…28项、“网上办”262项": the next item of a list
                break;
            }
        }

        List<Hit> passed = new ArrayList<>();
        List<Hit> own = new ArrayList<>();
        for (Hit h : find(cues, clauseStart, number, number, number, -1)) {
            keep(h, m, own, passed);
        }
        for (Hit h : find(cues, unitEnd, tailEnd, number, -1, unitEnd)) {
            keep(h, m, own, passed);
        }
        for (Cue c : unitCues) {
            if (c.text().equals(m.unit())) {
                keep(new Hit(c, number, unitEnd, c.priority(), true, 0), m, own, passed);
            }
        }
        own.removeIf(h -> h.cue().head() && !endsAtNumber(text, h.end(), number) && h.start() - unitEnd > HEAD_REACH
                || h.cue().head() && h.end() <= number && !endsAtNumber(text, h.end(), number));
        if (trace.enabled()) {
            for (Hit h : passed) {
                trace.fired(
                        KIND_MISMATCH,
                        number,
                        unitEnd,
                        "passed over " + h.cue().text() + " (" + h.cue().indicator() + " is not of kind " + m.unitKind()
                                + ")");
            }
        }
        removeCovered(own);
        Hit best = null;
        for (Hit h : own) {
            if (best == null || STRONGEST.compare(h, best) > 0) {
                best = h;
            }
        }

        if (m.unitKind().equals("percent") && joint(text, clauseStart, number)) {
            return firstNamedRate(text, clauseStart, number, own, trace, m);
        }
        if (best != null && best.blocks()) {
            return fired(NOT_COUNTED, best, null, trace, m);
        }
        boolean strong = best != null && (best.cue().priority() >= 3 || best.strength() >= 2 && best.unitFits());
        if (!strong) {
            String whole = partOfTotal(text, metrics, decided, k, sentenceStart, m);
            if (whole != null) {
                if (trace.enabled()) {
                    trace.fired(PART_OF_TOTAL, number, unitEnd, "indicator " + whole + " of the total before 其中");
                }
                return whole;
            }
        }
        if (!strong && k > 0 && prevEnd > sentenceStart && newValue(text, prevEnd, number)) {
            String previous = decided.get(k - 1);
            if (previous != null && fits(previous, m)) {
                if (trace.enabled()) {
                    trace.fired(NEW_VALUE, number, unitEnd, "indicator " + previous + " of the value it replaces");
                }
                return previous;
            }
        }
        if (!strong && k > 0 && prevEnd > sentenceStart && listItem(text, prevEnd, number)) {
            String previous = decided.get(k - 1);
            if (previous != null && fits(previous, m)) {
                if (trace.enabled()) {
                    trace.fired(LIST_ITEM, number, unitEnd, "indicator " + previous + " of the list item before");
                }
                return previous;
            }
        }
        if (best != null && best.strength() >= 2) {
            return fired(CLAUSE_CUE, best, best.cue().indicator(), trace, m);
        }
        if (best == null && m.unitKind().equals("percent") && namesRate(text, clauseStart, number)) {
            if (trace.enabled()) {
                trace.fired(OWN_RATE, number, unitEnd, "a rate of its own that no cue names: no indicator");
            }
            return null;
        }
        if (best == null && tailEnd < sentenceEnd && text.charAt(tailEnd) == '、') {
            Hit shared = listPredicate(cues, tailEnd, nextBreak(text, tailEnd, sentenceEnd), m);
            if (shared != null) {
                return fired(LIST_ITEM, shared, shared.cue().indicator(), trace, m); // "7个集体、9名个人获表彰"
            }
        }
        // the rest of the sentence: earlier clauses nearest first, then the clauses after the number
        Hit near = sentenceVote(text, cues, sentenceStart, clauseStart, m);
        if (near == null) {
            near = nextClausesCue(cues, tailEnd, sentenceEnd, m);
        }
        if (best != null) {
            // a generic cue, refined by a specific one of the sentence or the headings
            Hit refined = near != null && near.unitFits() ? near : headingCue(headingHits, m, 2);
            if (refined != null && !refined.blocks()) {
                return fired(
                        refined == near ? SENTENCE_CUE : HEADING_CUE,
                        refined,
                        refined.cue().indicator(),
                        trace,
                        m);
            }
            return fired(CLAUSE_CUE, best, best.cue().indicator(), trace, m);
        }
        if (near != null) {
            return fired(
                    near.blocks() ? NOT_COUNTED : SENTENCE_CUE, near, near.cue().indicator(), trace, m);
        }
        Hit heading = headingCue(headingHits, m, 3);
        if (heading != null && !heading.blocks()) {
            if (trace.enabled()) {
                trace.fired(
                        HEADING_CUE,
                        number,
                        unitEnd,
                        "indicator " + heading.cue().indicator() + " from the heading word "
                                + heading.cue().text());
            }
            return heading.cue().indicator();
        }
        if (trace.enabled()) {
            trace.fired(ONE_OFF, number, unitEnd, "no cue names this figure: no indicator");
        }
        return null;
    }

    private static String fired(Rule rule, Hit hit, String id, Trace trace, Metric m) {
        if (trace.enabled()) {
            trace.fired(
                    rule,
                    m.offset(),
                    m.offset() + m.surface().length(),
                    (id == null ? "no indicator" : "indicator " + id) + " from the cue "
                            + hit.cue().text());
        }
        return id;
    }

    /** Sorts a hit into the candidates or, when its indicator's kind does not fit the metric, the passed-over. */
    private void keep(Hit h, Metric m, List<Hit> own, List<Hit> passed) {
        Hit weighed = weigh(h, m);
        if (weighed == null) {
            if (h.cue().indicator() != null && h.cue().kinds().isEmpty()) {
                passed.add(h);
            }
        } else {
            own.add(weighed);
        }
    }

    /** The hit with its strength for this metric, or null when its indicator (or blocker) does not apply to it. */
    private Hit weigh(Hit h, Metric m) {
        Cue c = h.cue();
        if (c.indicator() == null) {
            return c.kinds().isEmpty() || c.kinds().contains(m.unitKind()) ? h : null;
        }
        boolean unitFits = c.units().contains(m.unit()) || c.units().contains(m.rollupUnit());
        if (!c.kindId().equals(m.unitKind()) && !unitFits) {
            return null;
        }
        int strength = c.priority() - (unitFits ? 0 : 1);
        return strength < 1 ? null : new Hit(c, h.start(), h.end(), strength, unitFits, h.distance());
    }

    /**
     * Every cue word of the stretches {@code spans} (start, end pairs, ascending, disjoint) of {@code s}, in one pass
     * over each, with the innermost bracket pairs of those stretches: a pair is an opening mark followed by its
     * closing one with no other bracket of its kind and no line break between.
     */
    private TextCues scan(String s, int[] spans) {
        List<Hit> hits = new ArrayList<>();
        IntList titles = new IntList();
        IntList asides = new IntList();
        for (int p = 0; p < spans.length; p += 2) {
            int from = spans[p];
            int to = spans[p + 1];
            for (int i = from; i < to; i++) {
                if (!cueWords.mayStartAt(s, i, to)) {
                    continue;
                }
                int first = hits.size();
                int state = cueWords.root();
                for (int j = i; j < to; j++) {
                    char ch = s.charAt(j);
                    if (j > i && isQuote(ch)) {
                        continue; // a cue quoted in the text: “一网通办”率 is 一网通办率
                    }
                    state = cueWords.next(state, ch);
                    if (state < 0) {
                        break;
                    }
                    Cue[] cues = cueWords.valueAt(state);
                    if (cues != null) {
                        for (Cue c : cues) {
                            hits.add(new Hit(c, i, j + 1, c.priority(), true, 0));
                        }
                    }
                }
                for (int a = first + 1; a < hits.size(); a++) { // by start, then file order: a few hits at most
                    for (int b = a;
                            b > first
                                    && hits.get(b - 1).cue().order()
                                            > hits.get(b).cue().order();
                            b--) {
                        hits.set(b, hits.set(b - 1, hits.get(b)));
                    }
                }
            }
            brackets(s, from, to, titles, asides);
        }
        return new TextCues(hits, titles.toArray(), asides.toArray());
    }

    /** Adds the innermost 《title》 and (aside) pairs of {@code [from, to)} of {@code s}. */
    private static void brackets(String s, int from, int to, IntList titles, IntList asides) {
        int title = -1;
        int aside = -1;
        for (int i = from; i < to; i++) {
            switch (s.charAt(i)) {
                case '《', '<', '〈' -> title = i;
                case '》', '>', '〉' -> {
                    if (title >= 0) {
                        titles.add(title, i);
                    }
                    title = -1;
                }
                case '(', '（' -> aside = i;
                case ')', '）' -> {
                    if (aside >= 0) {
                        asides.add(aside, i);
                    }
                    aside = -1;
                }
                case '\n' -> {
                    title = -1;
                    aside = -1;
                }
                default -> {}
            }
        }
    }

    /**
     * The cues of the sentence {@code [from, to)}: the section's hits in it whose needed words the sentence holds,
     * without the words of a 《title》 of the sentence (they name a law or a plan, not a figure).
     */
    private static SentenceCues sentence(TextCues all, String text, int from, int to) {
        int[] titles = pairsInside(all.titles(), from, to);
        List<Hit> hits = new ArrayList<>();
        String sentence = null;
        for (int i = firstStartingAt(all.hits(), from); i < all.hits().size(); i++) {
            Hit h = all.hits().get(i);
            if (h.start() >= to) {
                break;
            }
            if (h.end() > to || within(titles, h.start(), h.end()) >= 0) {
                continue;
            }
            if (h.cue().needs().length > 0) {
                sentence = sentence == null ? text.substring(from, to) : sentence;
                if (!hasNeeded(sentence, h.cue())) {
                    continue;
                }
            }
            hits.add(h);
        }
        int[] breaks = new int[to - from + 1];
        breaks[0] = -1; // not counted yet
        return new SentenceCues(text, from, to, hits, pairsInside(all.asides(), from, to), breaks);
    }

    /** The pairs of {@code pairs} (sorted, not nested) that lie inside {@code [from, to)}: a binary search. */
    private static int[] pairsInside(int[] pairs, int from, int to) {
        int a = 0;
        int b = pairs.length / 2;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (pairs[2 * mid] < from) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        int z = a;
        while (z < pairs.length / 2 && pairs[2 * z + 1] < to) {
            z++;
        }
        return java.util.Arrays.copyOfRange(pairs, 2 * a, 2 * z);
    }

    /** The index of the first hit of {@code hits} (sorted by start) that starts at or after {@code from}. */
    private static int firstStartingAt(List<Hit> hits, int from) {
        int a = 0;
        int b = hits.size();
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (hits.get(mid).start() < from) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }

    /** The cues of each heading, innermost first, found on the first metric that asks for them. */
    private final class HeadingCues {
        private final List<String> headings;
        private List<List<Hit>> hits;

        HeadingCues(List<String> headings) {
            this.headings = headings;
        }

        List<List<Hit>> hits() {
            if (hits == null) {
                hits = new ArrayList<>();
                for (int h = headings.size() - 1; h >= 0; h--) {
                    String heading = headings.get(h);
                    List<Hit> own = new ArrayList<>(
                            scan(heading, new int[] {0, heading.length()}).hits());
                    own.removeIf(hit -> !hasNeeded(heading, hit.cue()));
                    hits.add(own);
                }
            }
            return hits;
        }
    }

    /** A growing list of int pairs. */
    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        /** Adds the span {@code [a, b)}, merged into the last one when they overlap or touch. */
        void addSpan(int a, int b) {
            if (size > 0 && a <= values[size - 1]) {
                values[size - 2] = Math.min(values[size - 2], a);
                values[size - 1] = Math.max(values[size - 1], b);
            } else {
                add(a, b);
            }
        }

        void add(int a, int b) {
            if (size + 2 > values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = a;
            values[size++] = b;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /**
     * The cues of the sentence in {@code [from, to)}, minus those of a parenthesised aside that does not also hold
     * the number at {@code number}; distances are measured to {@code before} (for text before the number) or from
     * {@code after} (text after the unit), else 0.
     */
    private static List<Hit> find(SentenceCues cues, int from, int to, int number, int before, int after) {
        List<Hit> hits = new ArrayList<>();
        for (Hit h : cues.hits()) {
            if (h.start() < from || h.end() > to) {
                continue;
            }
            int aside = within(cues.asides(), h.start(), h.end());
            if (aside >= 0 && (number < cues.asides()[aside] || number > cues.asides()[aside + 1])) {
                continue; // a word of a (parenthesised aside) away from the number names no figure
            }
            int distance = before >= 0 ? before - h.end() : after >= 0 ? h.start() - after : 0;
            hits.add(new Hit(h.cue(), h.start(), h.end(), h.strength(), true, distance));
        }
        return hits;
    }

    private static boolean hasNeeded(String sentence, Cue c) {
        if (c.needs().length == 0) {
            return true;
        }
        for (String w : c.needs()) {
            if (sentence.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the pair of {@code pairs} whose brackets enclose {@code [from, to)}, or -1. */
    private static int within(int[] pairs, int from, int to) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] < from && to <= pairs[i + 1]) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The cue of the indicator the earlier clauses of the sentence support most: each specific cue votes with its
     * strength divided by how many clauses lie between it and the metric; the strongest hit of the winner is returned.
     */
    private Hit sentenceVote(String text, SentenceCues cues, int from, int to, Metric m) {
        Map<String, Double> votes = new HashMap<>();
        Map<String, Hit> bestOf = new HashMap<>();
        for (Hit h : find(cues, from, to, m.offset(), -1, -1)) {
            Hit w = weigh(h, m);
            if (w == null
                    || w.strength() < 2
                    || w.cue().head()
                    || w.blocks() && w.cue().priority() < 3) {
                continue;
            }
            String key = w.blocks() ? "-" : w.cue().indicator();
            int clauses = Math.max(1, cues.breaksBetween(w.end(), to));
            votes.merge(key, (double) w.strength() / clauses, Double::sum);
            Hit held = bestOf.get(key);
            if (held == null || STRONGEST.compare(w, held) > 0) {
                bestOf.put(key, w);
            }
        }
        String winner = null;
        for (Map.Entry<String, Double> e : votes.entrySet()) {
            if (winner == null || e.getValue() > votes.get(winner)) {
                winner = e.getKey();
            }
        }
        return winner == null ? null : bestOf.get(winner);
    }

    /** The strongest specific cue of the predicate a 、-list of counts shares (7个集体、9名个人获得表彰), or null. */
    private Hit listPredicate(SentenceCues cues, int from, int to, Metric m) {
        Hit best = null;
        for (Hit h : find(cues, from, to, m.offset(), -1, from)) {
            Hit w = weigh(h, m);
            if (w != null
                    && !w.blocks()
                    && w.unitFits()
                    && w.strength() >= 2
                    && !w.cue().head()) {
                if (best == null || STRONGEST.compare(w, best) > 0) {
                    best = w;
                }
            }
        }
        return best;
    }

    /** A decisive cue of the clauses after the number, up to the sentence end (…其中1宗, 已交由公安机关处理). */
    private Hit nextClausesCue(SentenceCues cues, int from, int to, Metric m) {
        for (Hit h : find(cues, from, to, m.offset(), -1, -1)) {
            Hit w = weigh(h, m);
            if (w != null
                    && !w.blocks()
                    && w.cue().priority() >= 3
                    && w.unitFits()
                    && !w.cue().head()) {
                return w;
            }
        }
        return null;
    }

    /** The strongest cue of at least {@code minStrength} that fits the metric's unit, innermost heading first. */
    private Hit headingCue(HeadingCues headingHits, Metric m, int minStrength) {
        for (List<Hit> hits : headingHits.hits()) {
            Hit best = null;
            for (Hit h : hits) {
                Hit w = weigh(h, m);
                if (w != null
                        && !w.blocks()
                        && w.unitFits()
                        && w.strength() >= minStrength
                        && !w.cue().head()) {
                    if (best == null || STRONGEST.compare(w, best) > 0) {
                        best = w;
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /** For "A率和B率均为100%": the indicator of the first-named rate, or null when that rate has none. */
    private static String firstNamedRate(
            String text, int clauseStart, int number, List<Hit> own, Trace trace, Metric m) {
        int firstRate = -1;
        for (int i = clauseStart; i < number; i++) {
            char c = text.charAt(i);
            if (c == '率' || c == '度' && i > clauseStart && text.charAt(i - 1) == '意') {
                firstRate = i;
                break;
            }
        }
        Hit first = null;
        for (Hit h : own) {
            if (!h.blocks() && h.end() <= number && (first == null || h.start() < first.start())) {
                first = h;
            }
        }
        if (first == null || firstRate >= 0 && first.start() > firstRate) {
            if (trace.enabled()) {
                trace.fired(
                        FIRST_NAMED_RATE,
                        m.offset(),
                        m.offset() + m.surface().length(),
                        "the first-named rate has no indicator");
            }
            return null;
        }
        return fired(FIRST_NAMED_RATE, first, first.cue().indicator(), trace, m);
    }

    /** Whether the clause names several rates sharing one figure (…均为, …都达到). */
    private static boolean joint(String text, int clauseStart, int number) {
        int rates = 0;
        boolean mark = false;
        for (int i = clauseStart; i < number; i++) {
            char c = text.charAt(i);
            if (c == '率' || c == '度' && i > clauseStart && text.charAt(i - 1) == '意') {
                rates++;
            } else if (JOINT_MARKS.indexOf(c) >= 0) {
                mark = true;
            }
        }
        return rates >= 2 && mark;
    }

    /** The indicator of the total a part after 其中 belongs to, when it fits this metric; else null. */
    private String partOfTotal(
            String text, List<Metric> metrics, List<String> decided, int k, int sentenceStart, Metric m) {
        int q = -1;
        for (int i = m.offset() - 2; i >= Math.max(0, sentenceStart - 2); i--) {
            if (text.startsWith("其中", i)) {
                q = i; // bounded to the sentence: never a scan of the whole text
                break;
            }
        }
        if (q < 0 || q > m.offset()) {
            return null;
        }
        int reach = q <= sentenceStart + 1 ? Sentences.start(text, Math.max(0, sentenceStart - 1)) : sentenceStart;
        for (int j = k - 1; j >= 0; j--) {
            Metric t = metrics.get(j);
            if (t.offset() + t.surface().length() > q) {
                continue;
            }
            if (t.offset() < reach) {
                return null;
            }
            String id = decided.get(j);
            return id != null && fits(id, m) ? id : null;
        }
        return null;
    }

    /** Drops each hit that a longer, at least as strong hit covers (行政许可事项 covers 行政许可 and 事项). */
    private static void removeCovered(List<Hit> own) {
        List<Hit> kept = new ArrayList<>(own.size());
        for (Hit h : own) {
            boolean covered = false;
            for (Hit o : own) {
                if (o != h && contains(o, h) && outweighs(o, h)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                kept.add(h);
            }
        }
        own.clear();
        own.addAll(kept);
    }

    /** Whether hit {@code o} covers hit {@code h} (行政许可事项 covers 行政许可 and 事项). */
    private static boolean contains(Hit o, Hit h) {
        return o.start() <= h.start() && h.end() <= o.end() && o.end() - o.start() > h.end() - h.start();
    }

    /** Whether a covering hit is at least as strong as the covered one (and fits the unit where they tie). */
    private static boolean outweighs(Hit o, Hit h) {
        return o.strength() > h.strength() || o.strength() == h.strength() && (o.unitFits() || !h.unitFits());
    }

    /** Whether an indicator's kind fits the metric (its kind, or a unit the indicator lists). */
    private boolean fits(String id, Metric m) {
        Indicators.Indicator ind = Indicators.byId(id);
        Set<String> units = unitsOf.getOrDefault(id, Set.of());
        return ind.kind().id().equals(m.unitKind()) || units.contains(m.unit()) || units.contains(m.rollupUnit());
    }

    /** Whether the text between the previous metric and this number opens the next item of a 、-list. */
    private static boolean listItem(String text, int prevEnd, int number) {
        int i = prevEnd;
        while (i < number
                && (text.charAt(i) == ' '
                        || HEAD_FILLERS.indexOf(text.charAt(i)) >= 0
                        || text.startsWith("以上", i)
                        || text.startsWith("左右", i))) {
            i += text.startsWith("以上", i) || text.startsWith("左右", i) ? 2 : 1;
        }
        return i < number && text.charAt(i) == '、';
    }

    /** Whether the text between the previous figure and this one is a short change to a new value (减到, 缩短至). */
    private static boolean newValue(String text, int prevEnd, int number) {
        if (number - prevEnd < 1 || number - prevEnd > 8) {
            return false;
        }
        for (int i = prevEnd; i < number; i++) {
            if (isClauseBreak(text.charAt(i)) || text.charAt(i) == '、' || Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        char last = text.charAt(number - 1);
        return last == '至' || last == '到' || last == '为';
    }

    /** Whether the clause before the number names a rate (…率, 满意度) of its own. */
    private static boolean namesRate(String text, int clauseStart, int number) {
        for (int i = clauseStart; i < number; i++) {
            char c = text.charAt(i);
            if (c == '率' || c == '度' && i > clauseStart && text.charAt(i - 1) == '意') {
                return true;
            }
        }
        return false;
    }

    private static boolean endsAtNumber(String text, int end, int number) {
        for (int i = end; i < number; i++) {
            if (HEAD_FILLERS.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int lastBreak(String text, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (isClauseBreak(text.charAt(i))) {
                return i;
            }
        }
        return from - 1;
    }

    private static int nextBreak(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isClauseBreak(text.charAt(i))) {
                return i;
            }
        }
        return to;
    }

    private static boolean isQuote(char c) {
        return c == '“' || c == '”' || c == '‘' || c == '’' || c == '"';
    }

    private static boolean isClauseBreak(char c) {
        return switch (c) {
            case ',', '，', ';', '；', '。', '!', '！', '?', '？', '\n' -> true;
            default -> false;
        };
    }

    private static int sentenceEnd(String text, int from) {
        int hi = Math.min(text.length(), from + SENTENCE_REACH);
        for (int i = from; i < hi; i++) {
            char c = text.charAt(i);
            if (c == '。' || c == ';' || c == '；' || c == '\n' || c == '!' || c == '！' || c == '?' || c == '？') {
                return i;
            }
        }
        return hi;
    }
}
