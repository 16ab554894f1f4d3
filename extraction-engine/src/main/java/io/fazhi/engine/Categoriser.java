package io.fazhi.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stage 3: a taxonomy category for every heading, from the keyword rules in {@code engine/categories.tsv}.
 * <ol>
 * <li>A heading under a problems or next-year section takes that category, whatever its topic.</li>
 * <li>Otherwise the heading's own keywords decide (longest keyword at each position, summed weights, ties to the
 * taxonomy's order), including the generic containers that are {@code other}.</li>
 * <li>A heading with no keyword inherits its parent's category; under an {@code other} parent (or at the top) a
 * subsection falls back to its content (its own and its subsections' text), a top-level section stays
 * {@code other}.</li>
 * </ol>
 */
public final class Categoriser {
    public static final List<String> CATEGORIES = List.of(
            "government_functions",
            "institutional_system",
            "decision_making",
            "law_enforcement",
            "emergency_response",
            "dispute_resolution",
            "power_oversight",
            "legal_capacity",
            "digital_government",
            "party_leadership",
            "problems",
            "next_year_plans",
            "other");
    private static final int CONTENT_MIN_SCORE = 6;

    /** Keywords naming a report part (problems, plans, generic containers) count only near a heading's start. */
    private static final int PART_NAME_REACH = 24;

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
            boolean partName = r[0].equals("problems") || r[0].equals("next_year_plans") || r[0].equals("other");
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
                            && regionMatches(text, i, k.text())) {
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

    private static boolean regionMatches(String text, int at, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (text.charAt(at + k) != word.charAt(k)) {
                return false;
            }
        }
        return true;
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

    /**
     * Categories for the headings, in order.
     *
     * @param text     the normalised text
     * @param headings the heading tree
     */
    public List<String> categorise(String text, List<SectionSplitter.Heading> headings) {
        return categorise(text, headings, io.fazhi.engine.rules.Trace.NONE);
    }

    public List<String> categorise(
            String text, List<SectionSplitter.Heading> headings, io.fazhi.engine.rules.Trace trace) {
        int count = headings.size();
        int problems = CATEGORIES.indexOf("problems");
        int plans = CATEGORIES.indexOf("next_year_plans");
        int other = CATEGORIES.indexOf("other");
        // content scores: own text, then added up into the ancestors
        int[][] content = new int[count][];
        for (int h = 0; h < count; h++) {
            int from = headings.get(h).offset();
            int to = h + 1 < count ? headings.get(h + 1).offset() : text.length();
            content[h] = new int[CATEGORIES.size()];
            score(text, from, to, false, content[h]);
        }
        int[][] subtree = new int[count][];
        for (int h = count - 1; h >= 0; h--) {
            subtree[h] = subtree[h] == null ? new int[CATEGORIES.size()] : subtree[h];
            for (int c = 0; c < CATEGORIES.size(); c++) {
                subtree[h][c] += content[h][c];
            }
            int parent = headings.get(h).parent();
            if (parent >= 0) {
                if (subtree[parent] == null) {
                    subtree[parent] = new int[CATEGORIES.size()];
                }
                for (int c = 0; c < CATEGORIES.size(); c++) {
                    subtree[parent][c] += subtree[h][c];
                }
            }
        }
        int[] cats = new int[count];
        boolean[] forcing = new boolean[count];
        for (int h = 0; h < count; h++) {
            SectionSplitter.Heading heading = headings.get(h);
            int parent = heading.parent();
            if (parent >= 0 && forcing[parent]) {
                cats[h] = cats[parent];
                forcing[h] = true;
                continue;
            }
            int[] scores = new int[CATEGORIES.size()];
            score(heading.text(), 0, heading.text().length(), true, scores);
            int b = best(scores);
            if (b >= 0) {
                cats[h] = b;
            } else if (parent >= 0 && cats[parent] != other) {
                cats[h] = cats[parent];
            } else if (parent >= 0) {
                int[] s = subtree[h].clone();
                s[problems] = 0;
                s[plans] = 0;
                s[other] = 0;
                int cb = best(s);
                cats[h] = cb >= 0 && s[cb] >= CONTENT_MIN_SCORE ? cb : other;
            } else {
                cats[h] = other;
            }
            forcing[h] = cats[h] == problems || cats[h] == plans;
        }
        List<String> out = new ArrayList<>(count);
        for (int c : cats) {
            out.add(CATEGORIES.get(c));
        }
        return out;
    }
}
