package io.fazhi.deploy.load;

import io.fazhi.deploy.LocalStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Distinct reports made from the five sample reports, as different as the reports of different agencies are: the
 * n-th variant keeps the title line and the short lines (headings) of sample {@code n mod 5}, and each of its
 * paragraphs is, by a coin of its own, either kept or replaced by a paragraph drawn from any sample. Two variants thus
 * share about a quarter of their paragraphs, far below the similarity at which ingest-service takes two texts for
 * the same report (0.90). Each variant names its own agency (so no two are the same agency and year) and carries a
 * line naming the variant and a sentence with a count that differs between variants (so rollup sums are not a
 * multiple of one report).
 */
public final class ReportVariants {
    /** The prefecture-level cities of Guangdong: the cities of generated slices. */
    public static final List<String> CITIES = List.of(
            "广州市", "深圳市", "珠海市", "汕头市", "佛山市", "韶关市", "湛江市", "肇庆市", "江门市", "茂名市", "惠州市", "梅州市", "汕尾市", "河源市", "阳江市",
            "清远市", "东莞市", "中山市", "潮州市", "揭阳市", "云浮市");

    /** The years of generated slices. */
    public static final int FIRST_YEAR = 2019;

    public static final int YEARS = 6;

    /** Lines at least this long are paragraphs, which a variant may replace; shorter ones are headings it keeps. */
    static final int PARAGRAPH_CHARS = 40;

    private final List<String> samples;
    private final List<String> paragraphs;
    private final String run;

    /**
     * @param run a word naming the run (in each variant's text and Idempotency-Key), so two runs on one database
     *     never collide
     */
    public ReportVariants(Path repo, String run) {
        this.run = run;
        List<String> texts = new ArrayList<>();
        for (LocalStack.Sample s : LocalStack.samples(repo)) {
            texts.add(s.text(repo).strip());
        }
        this.samples = List.copyOf(texts);
        this.paragraphs = texts.stream()
                .flatMap(String::lines)
                .filter(l -> l.length() >= PARAGRAPH_CHARS)
                .distinct()
                .toList();
    }

    /** The slice {@code i} of {@code count} slices spread over the cities and years: (city, year). */
    public static Slice slice(int i) {
        return new Slice(CITIES.get(i % CITIES.size()), FIRST_YEAR + (i / CITIES.size()) % YEARS);
    }

    /** A (city, year) slice of the rollups. */
    public record Slice(String city, int year) {}

    /** The n-th distinct report, counted in the given slice. */
    public GeneratedReport variant(int n, Slice slice) {
        List<String> lines = samples.get(n % samples.size()).lines().toList();
        Random coin = new Random(31L * run.hashCode() + n);
        StringBuilder text = new StringBuilder(lines.get(0)).append('\n');
        text.append("本报告为第")
                .append(n)
                .append("号测试报告（")
                .append(run)
                .append("）。全年受理行政复议申请")
                .append(1 + n % 97)
                .append("件。\n");
        for (String line : lines.subList(1, lines.size())) {
            boolean replace = line.length() >= PARAGRAPH_CHARS && coin.nextBoolean();
            text.append(replace ? paragraphs.get(coin.nextInt(paragraphs.size())) : line)
                    .append('\n');
        }
        return new GeneratedReport(run + "-" + n, text.toString(), agency(n), slice.city(), null, slice.year());
    }

    /** The agency of the n-th variant: one of its own, so no two variants are one agency's report of a year. */
    static String agency(int n) {
        return "第" + n + "号测试单位";
    }
}
