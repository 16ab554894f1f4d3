package io.fazhi.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the engine (jqwik): random text over a report-like alphabet, arbitrary Unicode, and the
 * samples mutated by random insertions, deletions and duplications of spans, random code points (surrogates
 * included), huge numbers and deep nesting. Bounded by the number of tries (about 1,200 extractions, a few seconds).
 * Every input must extract without an exception and satisfy {@link EngineInvariants}.
 */
class EngineFuzzTest {
    private static final Extractor EXTRACTOR = new Extractor();
    private static final List<String> SAMPLES = samples();
    private static final String ALPHABET = "0123456789.,%-~/ 　\n\t一二两三四五六七八九十百千万亿零〇余多约近超过以上左右内第每前"
            + "、。:;!?()（）《》“”\"'<>〔〕[]【】个件宗项份条人次名元家场天日年月周小时工作日批台间单期笔是的了和在局区市县省"
            + "我共计其中达到为规范性文件行政处罚许可审批执法监督复议调解培训宣传存在问题下一步计划发布日期来源";
    private static final String[] NASTY = {
        "99999999999999999999999999999",
        "1.0000000000001",
        "0.000000001万亿元",
        "((((((((((((((((((((",
        "《《《《《《《《《《《《",
        "““““““““““““",
        "一一一一一一一一一一一一一一一一一一一",
        "十十十十十十十十十",
        "百分之百分之百分之",
        "\n一、\n(一)\n1.\n(1)\n",
        "1.1.1.1.1.1.1.1.1",
        "12,345,678,901,234,567件",
        "\ud800",
        "\udc00x",
        "\ud83d\ude00",
        "\u0000\u0001\u007f",
        "\u00a0\u3000\ufeff\u200b",
        "発發发發",
        "２０１９年１２月",
        "①②③"
    };

    private static List<String> samples() {
        try (Stream<Path> files = Files.list(GoldScoreTest.SAMPLES)) {
            List<String> out = new ArrayList<>();
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                out.add(Files.readString(p, StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 400)
    void randomReportLikeText(@ForAll("reportLike") String text) {
        EngineInvariants.check(EXTRACTOR.extract(ReportInput.ofText(text)));
    }

    @Property(tries = 300)
    void arbitraryUnicode(@ForAll("unicode") String text) {
        EngineInvariants.check(EXTRACTOR.extract(ReportInput.ofText(text)));
    }

    @Property(tries = 500)
    void mutatedSamples(@ForAll("mutated") String text) {
        EngineInvariants.check(EXTRACTOR.extract(new ReportInput(text, "某局", "江门市", null, 2019, null, null)));
    }

    @Provide
    Arbitrary<String> reportLike() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(400);
    }

    @Provide
    Arbitrary<String> unicode() {
        return Arbitraries.strings().all().ofMaxLength(300);
    }

    @Provide
    Arbitrary<String> mutated() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, SAMPLES.size() - 1),
                        Arbitraries.longs(),
                        Arbitraries.integers().between(1, 40))
                .as((sample, seed, mutations) -> mutate(SAMPLES.get(sample), new Random(seed), mutations));
    }

    static String mutate(String text, Random r, int mutations) {
        StringBuilder b = new StringBuilder(text);
        for (int k = 0; k < mutations; k++) {
            int len = b.length();
            int at = len == 0 ? 0 : r.nextInt(len + 1);
            int span = len == 0 ? 0 : Math.min(len - Math.min(at, len), 1 + r.nextInt(200));
            switch (r.nextInt(7)) {
                case 0 -> b.delete(at, Math.min(len, at + span)); // delete a span
                case 1 -> b.insert(at, b.substring(at, Math.min(len, at + span))); // duplicate a span
                case 2 -> { // random code points, surrogates included
                    StringBuilder junk = new StringBuilder();
                    int count = 1 + r.nextInt(20);
                    for (int q = 0; q < count; q++) {
                        junk.append((char) r.nextInt(0x10000));
                    }
                    b.insert(at, junk);
                }
                case 3 -> b.insert(at, NASTY[r.nextInt(NASTY.length)]);
                case 4 -> { // report-alphabet noise
                    StringBuilder junk = new StringBuilder();
                    int count = 1 + r.nextInt(30);
                    for (int q = 0; q < count; q++) {
                        junk.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    }
                    b.insert(at, junk);
                }
                case 5 -> { // move a span elsewhere
                    String moved = b.substring(at, Math.min(len, at + span));
                    b.delete(at, Math.min(len, at + span));
                    b.insert(b.length() == 0 ? 0 : r.nextInt(b.length() + 1), moved);
                }
                default -> b.insert(at, "(".repeat(1 + r.nextInt(500)) + "一、" + "《".repeat(r.nextInt(300)));
            }
        }
        return b.toString();
    }
}
