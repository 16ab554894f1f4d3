package io.fazhi.deploy.load;

import io.fazhi.deploy.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Distinct reports made from the five sample reports: the n-th variant is sample {@code n mod 5} with its title
 * line kept, a line of its own naming the variant (so every text differs) and a sentence with a count that differs
 * between variants (so rollup sums are not a multiple of one report), under a city and year of the run's slices.
 */
public final class ReportVariants {
    /** The prefecture-level cities of Guangdong: the cities of generated slices. */
    public static final List<String> CITIES = List.of(
            "广州市", "深圳市", "珠海市", "汕头市", "佛山市", "韶关市", "湛江市", "肇庆市", "江门市", "茂名市", "惠州市", "梅州市", "汕尾市", "河源市", "阳江市",
            "清远市", "东莞市", "中山市", "潮州市", "揭阳市", "云浮市");

    /** The years of generated slices. */
    public static final int FIRST_YEAR = 2019;

    public static final int YEARS = 6;

    private final List<String> samples;
    private final String run;

    /**
     * @param run a word naming the run (in each variant's text and Idempotency-Key), so two runs on one database
     *     never collide
     */
    public ReportVariants(Path repo, String run) {
        this.run = run;
        List<String> texts = new ArrayList<>();
        for (LocalStack.Sample s : LocalStack.samples(repo)) {
            try {
                texts.add(Files.readString(repo.resolve("deploy/samples").resolve(s.file()), StandardCharsets.UTF_8)
                        .strip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.samples = List.copyOf(texts);
    }

    /** The slice {@code i} of {@code count} slices spread over the cities and years: (city, year). */
    public static Slice slice(int i) {
        return new Slice(CITIES.get(i % CITIES.size()), FIRST_YEAR + (i / CITIES.size()) % YEARS);
    }

    /** A (city, year) slice of the rollups. */
    public record Slice(String city, int year) {}

    /** The n-th distinct report, counted in the given slice. */
    public GeneratedReport variant(int n, Slice slice) {
        String sample = samples.get(n % samples.size());
        int lineEnd = sample.indexOf('\n');
        String title = lineEnd < 0 ? sample : sample.substring(0, lineEnd);
        String body = lineEnd < 0 ? "" : sample.substring(lineEnd + 1);
        String text = title + "\n本报告为第" + n + "号测试报告（" + run + "）。全年受理行政复议申请" + (1 + n % 97) + "件。\n" + body;
        return new GeneratedReport(run + "-" + n, text, slice.city(), null, slice.year());
    }
}
