package io.fazhi.engine;

import io.fazhi.contracts.Categories;
import io.fazhi.engine.rules.Rule;
import io.fazhi.engine.rules.RuleCatalogue;
import io.fazhi.engine.rules.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stage 3: a taxonomy category ({@link Categories}) for every heading, from the keyword rules in
 * {@code engine/categories.tsv}; the heading context decides before the words of a section's sentences do.
 * <ol>
 * <li>A heading under a problems or next-year section takes that category, whatever its topic.</li>
 * <li>Otherwise the heading's own keywords decide (longest keyword at each position, summed weights, ties to the
 * taxonomy's order), including the generic containers that are {@code other}; but under a topical parent, a
 * heading that also names the parent's topic, or names its own only weakly, keeps the parent's topic.</li>
 * <li>A heading with no keyword inherits its parent's category; under an {@code other} parent (or at the top) a
 * subsection falls back to its content (its own and its subsections' text), a top-level section stays
 * {@code other}.</li>
 * </ol>
 */
public final class Categoriser {
    /** The categories, in the taxonomy's order: the one list of {@link Categories}. */
    public static final List<String> CATEGORIES = Categories.ALL;

    static final Rule KEYWORD = RuleCatalogue.define(
            "section.category.keyword",
            "a heading's keywords decide its category (longest keyword at each position, summed weights)");
    static final Rule CONTAINER = RuleCatalogue.define(
            "section.category.container",
            "a generic container heading (基本情况, 主要举措和成效, 其他需要报告的情况) is other; its subsections carry their own"
                    + " categories");
    static final Rule PART = RuleCatalogue.define(
            "section.category.part",
            "every subsection of a problems or next-year section takes that category, whatever its topic");
    static final Rule PARENT_CONTEXT = RuleCatalogue.define(
            "section.category.parent-context",
            "under a topical heading, a subsection that also names its parent's topic, or names its own only weakly,"
                    + " keeps the parent's topic");
    static final Rule INHERIT = RuleCatalogue.define(
            "section.category.inherit", "a heading with no keyword inherits its parent's topical category");
    static final Rule CONTENT = RuleCatalogue.define(
            "section.category.content",
            "under a generic parent, a subsection with no keyword takes the category its text clearly speaks of");
    static final Rule TOP_OTHER =
            RuleCatalogue.define("section.category.top-other", "a top-level heading with no keyword is other");

    private static final int CONTENT_MIN_SCORE = 6;

    /** A heading's own category this strong or weaker defers to a topical parent's. */
    private static final int WEAK_HEADING = 1;

    /** Keywords naming a report part (problems, plans, generic containers) count only near a heading's start. */
    private static final int PART_NAME_REACH = 24;

    private static final int PROBLEMS = CATEGORIES.indexOf("problems");
    private static final int PLANS = CATEGORIES.indexOf("next_year_plans");
    private static final int OTHER = CATEGORIES.indexOf(Categories.OTHER);

    private record Keyword(String text, int category, int weight, boolean heading, boolean content, boolean partName) {}

    private final PairIndex<Keyword> index;

    public Categoriser() {
        List<Keyword> all = new ArrayList<>();
        for (String[] r : EngineData.rows("categories.tsv", 4)) {
            int cat = CATEGORIES.indexOf(r[0]);
            if (cat < 0 || r[1].isEmpty()) {
                throw new IllegalStateException("bad category rule " + String.join("\t", r));
            }
            int weight = r[2].isEmpty() ? r[1].length() : Integer.parseInt(r[2]);
            String scope = r[3];
            boolean partName = cat == PROBLEMS || cat == PLANS || cat == OTHER;
            all.add(new Keyword(r[1], cat, weight, !scope.equals("c"), !scope.equals("h"), partName));
        }
        all.sort(Comparator.comparingInt((Keyword k) -> k.text().length()).reversed());
        index = new PairIndex<>(all, Keyword::text);
    }

    /** Adds the scores of the keywords in {@code [from, to)} of {@code text} to {@code scores}. */
    void score(String text, int from, int to, boolean heading, int[] scores) {
        int i = from;
        while (i < to) {
            Object[] candidates = i + 1 < to ? index.candidates(text, i) : null;
            Keyword hit = null;
            if (candidates != null) {
                for (Object o : candidates) {
                    Keyword k = (Keyword) o;
                    if ((heading ? k.heading() : k.content())
                            && k.text().length() <= to - i
                            && !(heading && k.partName() && i - from > PART_NAME_REACH)
                            && text.startsWith(k.text(), i)) {
                        hit = k;
                        break;
                    }
                }
            }
            if (hit != null) {
                scores[hit.category()] += hit.weight();
                i += hit.text().length();
            } else {
                i++;
            }
        }
    }

    /** The best category index for these scores, or -1 when every score is 0. */
    static int best(int[] scores) {
        int best = -1;
        for (int c = 0; c < scores.length; c++) {
            if (scores[c] > 0 && (best < 0 || scores[c] > scores[best])) {
                best = c;
            }
        }
        return best;
    }

    /** The category of the heading text alone, or null when no keyword fits. */
    public String headingCategory(String heading) {
        int[] scores = new int[CATEGORIES.size()];
        String h = heading == null ? "" : heading;
        score(h, 0, h.length(), true, scores);
        int b = best(scores);
        return b < 0 ? null : CATEGORIES.get(b);
    }

    public List<String> categorise(String text, List<SectionSplitter.Heading> headings) {
        return categorise(text, headings, Trace.NONE);
    }

    /**
     * Categories for the headings, in order, reporting to {@code trace} which rule decided each.
     *
     * @param text     the normalised text
     * @param headings the heading tree
     */
    public List<String> categorise(String text, List<SectionSplitter.Heading> headings, Trace trace) {
        int count = headings.size();
        int[][] subtree = contentScores(text, headings);
        int[] cats = new int[count];
        boolean[] forcing = new boolean[count];
        for (int h = 0; h < count; h++) {
            SectionSplitter.Heading heading = headings.get(h);
            int parent = heading.parent();
            Rule rule;
            if (parent >= 0 && forcing[parent]) {
                cats[h] = cats[parent];
                forcing[h] = true;
                fired(trace, PART, heading, cats[h]);
                continue;
            }
            int[] scores = new int[CATEGORIES.size()];
            score(heading.text(), 0, heading.text().length(), true, scores);
            int b = best(scores);
            int parentCat = parent >= 0 ? cats[parent] : OTHER;
            boolean topicalParent = parent >= 0 && topical(parentCat);
            if (b >= 0 && topicalParent && b != parentCat && keepsParentTopic(scores, b, parentCat)) {
                cats[h] = parentCat;
                rule = PARENT_CONTEXT;
            } else if (b >= 0) {
                cats[h] = b;
                rule = b == OTHER ? CONTAINER : KEYWORD;
            } else if (topicalParent) {
                cats[h] = parentCat;
                rule = INHERIT;
            } else if (parent >= 0) {
                int[] s = subtree[h].clone();
                s[PROBLEMS] = 0;
                s[PLANS] = 0;
                s[OTHER] = 0;
                int cb = best(s);
                cats[h] = cb >= 0 && s[cb] >= CONTENT_MIN_SCORE ? cb : OTHER;
                rule = CONTENT;
            } else {
                cats[h] = OTHER;
                rule = TOP_OTHER;
            }
            fired(trace, rule, heading, cats[h]);
            forcing[h] = cats[h] == PROBLEMS || cats[h] == PLANS;
        }
        List<String> out = new ArrayList<>(count);
        for (int c : cats) {
            out.add(CATEGORIES.get(c));
        }
        return out;
    }

    /** Content scores of every heading's section: its own text, added up into its ancestors. */
    private int[][] contentScores(String text, List<SectionSplitter.Heading> headings) {
        int count = headings.size();
        int[][] subtree = new int[count][];
        for (int h = 0; h < count; h++) {
            int from = headings.get(h).offset();
            int to = h + 1 < count ? headings.get(h + 1).offset() : text.length();
            subtree[h] = new int[CATEGORIES.size()];
            score(text, from, to, false, subtree[h]);
        }
        for (int h = count - 1; h >= 0; h--) {
            int parent = headings.get(h).parent();
            if (parent >= 0) {
                for (int c = 0; c < CATEGORIES.size(); c++) {
                    subtree[parent][c] += subtree[h][c];
                }
            }
        }
        return subtree;
    }

    /**
     * Whether a heading whose keywords point to {@code own} keeps its topical parent's category: it names the parent's
     * topic about as strongly as its own (within a factor of two), or its own only weakly.
     */
    private static boolean keepsParentTopic(int[] scores, int own, int parent) {
        return (scores[parent] > 0 && 2 * scores[parent] >= scores[own]) || scores[own] <= WEAK_HEADING;
    }

    /** A topic of the outline or party leadership: not a report part and not a generic container. */
    private static boolean topical(int category) {
        return category != OTHER && category != PROBLEMS && category != PLANS;
    }

    private static void fired(Trace trace, Rule rule, SectionSplitter.Heading heading, int category) {
        if (trace.enabled()) {
            trace.fired(
                    rule, heading.offset(), heading.offset() + heading.text().length(), CATEGORIES.get(category));
        }
    }
}
