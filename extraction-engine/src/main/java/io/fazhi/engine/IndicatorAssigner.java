package io.fazhi.engine;

import io.fazhi.contracts.Indicators;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
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
                    + " something else");
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
    private static final String CLAUSE_BREAKS = ",，;；。!！?？\n";
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

    /** One row of the rule data. */
    private record Cue(
            String text,
            boolean unitCue,
            String indicator,
            int priority,
            String[] needs,
            boolean head,
            Set<String> kinds,
            int order) {}

    /** A cue found in the text: where, how strong once the unit is weighed, how far from the number. */
    private record Hit(Cue cue, int start, int end, int strength, boolean unitFits, int distance) {
        boolean blocks() {
            return cue.indicator() == null;
        }
    }

    private static final Comparator<Hit> STRONGEST = Comparator.comparingInt(Hit::strength)
            .thenComparing(Hit::unitFits)
            .thenComparingInt(h -> -h.distance())
            .thenComparingInt(h -> h.end() - h.start())
            .thenComparingInt(h -> -h.cue().order());

    private final Map<Character, List<Cue>> cuesByFirst = new HashMap<>();
    private final List<Cue> unitCues = new ArrayList<>();
    /** Per indicator: the units it lists (as written and as rolled up). */
    private final Map<String, Set<String>> unitsOf = new HashMap<>();

    public IndicatorAssigner() {
        List<String[]> rows = EngineData.rows("indicator-rules.tsv", 6);
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
                    i);
            if (unitCue) {
                unitCues.add(cue);
            } else {
                cuesByFirst
                        .computeIfAbsent(cue.text().charAt(0), c -> new ArrayList<>())
                        .add(cue);
            }
        }
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
    }

    /** The indicator id of the metric, or null. */
    public String assign(Metric metric, Context context, Trace trace) {
        return assignAll(List.of(metric), context, trace).get(0);
    }

    /** The indicator ids (or nulls) of a section's metrics, in the order given (document order). */
    public List<String> assignAll(List<Metric> metrics, Context context, Trace trace) {
        List<String> out = new ArrayList<>(metrics.size());
        List<List<Hit>> headingHits = new ArrayList<>();
        for (int h = context.headings().size() - 1; h >= 0; h--) {
            String heading = context.headings().get(h);
            headingHits.add(find(heading, 0, heading.length(), heading, null, -1, -1));
        }
        for (int k = 0; k < metrics.size(); k++) {
            String id;
            try {
                id = decide(metrics, out, k, context, headingHits, trace);
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
            List<List<Hit>> headingHits,
            Trace trace) {
        String text = context.text();
        Metric m = metrics.get(k);
        int number = m.offset();
        int unitEnd = number + m.surface().length();
        int sentenceStart = MetricFinder.sentenceStart(text, number);
        int sentenceEnd = sentenceEnd(text, unitEnd);
        String sentence = text.substring(sentenceStart, sentenceEnd);
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
        int listMark = text.indexOf('、', unitEnd);
        if (listMark >= 0 && listMark < tailEnd) {
            tailEnd = listMark; // "…28项、“网上办”262项": the next item of a list
        }

        List<Hit> passed = new ArrayList<>();
        List<Hit> own = new ArrayList<>();
        for (Hit h : find(text, clauseStart, number, sentence, m, number, -1)) {
            keep(h, m, own, passed);
        }
        for (Hit h : find(text, unitEnd, tailEnd, sentence, m, -1, unitEnd)) {
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
        own.removeIf(h -> own.stream().anyMatch(o -> o != h && contains(o, h) && outweighs(o, h)));
        Hit best = own.stream().max(STRONGEST).orElse(null);

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
        // the rest of the sentence: earlier clauses nearest first, then the clauses after the number
        Hit near = sentenceVote(text, sentenceStart, clauseStart, sentence, m);
        if (near == null) {
            near = nextClausesCue(text, tailEnd, sentenceEnd, sentence, m);
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
        Set<String> units = unitsOf.getOrDefault(c.indicator(), Set.of());
        boolean unitFits = units.contains(m.unit()) || units.contains(m.rollupUnit());
        Indicators.Indicator ind = Indicators.byId(c.indicator());
        if (!ind.kind().id().equals(m.unitKind()) && !unitFits) {
            return null;
        }
        int strength = c.priority() - (unitFits ? 0 : 1);
        return strength < 1 ? null : new Hit(c, h.start(), h.end(), strength, unitFits, h.distance());
    }

    /**
     * Every cue in {@code [from, to)} of {@code s} whose needed words the sentence holds; distances are measured to
     * {@code before} (for text before the number) or from {@code after} (text after the unit), else 0.
     */
    private List<Hit> find(String s, int from, int to, String sentence, Metric m, int before, int after) {
        List<Hit> hits = new ArrayList<>();
        for (int i = from; i < to; i++) {
            List<Cue> cues = cuesByFirst.get(s.charAt(i));
            if (cues == null) {
                continue;
            }
            for (Cue c : cues) {
                int end = i + c.text().length();
                if (end > to || !s.startsWith(c.text(), i) || !hasNeeded(sentence, c)) {
                    continue;
                }
                if (m != null && (MetricFinder.insideTitle(s, i, end) || insideAside(s, i, end, m.offset()))) {
                    continue; // a word of a 《title》 or of a (parenthesised aside) away from the number names no figure
                }
                int distance = before >= 0 ? before - end : after >= 0 ? i - after : 0;
                hits.add(new Hit(c, i, end, c.priority(), true, distance));
            }
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

    /**
     * The cue of the indicator the earlier clauses of the sentence support most: each specific cue votes with its
     * strength divided by how many clauses lie between it and the metric; the strongest hit of the winner is returned.
     */
    private Hit sentenceVote(String text, int from, int to, String sentence, Metric m) {
        Map<String, Double> votes = new HashMap<>();
        Map<String, Hit> bestOf = new HashMap<>();
        for (Hit h : find(text, from, to, sentence, m, -1, -1)) {
            Hit w = weigh(h, m);
            if (w == null
                    || w.strength() < 2
                    || w.cue().head()
                    || w.blocks() && w.cue().priority() < 3) {
                continue;
            }
            String key = w.blocks() ? "-" : w.cue().indicator();
            int clauses = Math.max(1, breaksBetween(text, w.end(), to));
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

    /** A decisive cue of the clauses after the number, up to the sentence end (…其中1宗, 已交由公安机关处理). */
    private Hit nextClausesCue(String text, int from, int to, String sentence, Metric m) {
        for (Hit h : find(text, from, to, sentence, m, -1, -1)) {
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
    private Hit headingCue(List<List<Hit>> headingHits, Metric m, int minStrength) {
        for (List<Hit> hits : headingHits) {
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
        int reach = q <= sentenceStart + 1
                ? MetricFinder.sentenceStart(text, Math.max(0, sentenceStart - 1))
                : sentenceStart;
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

    /** Whether {@code [from, to)} sits inside parentheses that do not also hold the number at {@code number}. */
    private static boolean insideAside(String s, int from, int to, int number) {
        int lo = Math.max(0, from - SENTENCE_REACH);
        int open = -1;
        for (int i = from - 1; i >= lo; i--) {
            char c = s.charAt(i);
            if (c == ')' || c == '）' || c == '\n') {
                return false;
            }
            if (c == '(' || c == '（') {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return false;
        }
        int hi = Math.min(s.length(), to + SENTENCE_REACH);
        for (int i = to; i < hi; i++) {
            char c = s.charAt(i);
            if (c == ')' || c == '）') {
                return number < open || number > i;
            }
            if (c == '(' || c == '（' || c == '\n') {
                return false;
            }
        }
        return false;
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
            if (CLAUSE_BREAKS.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return from - 1;
    }

    private static int nextBreak(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (CLAUSE_BREAKS.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return to;
    }

    private static int breaksBetween(String text, int from, int to) {
        int n = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            if (CLAUSE_BREAKS.indexOf(text.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
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
