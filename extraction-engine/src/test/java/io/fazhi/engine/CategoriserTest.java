package io.fazhi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoriserTest {
    private static final Categoriser CATEGORISER = new Categoriser();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // 2015-2020 outline: seven tasks
                "(一)依法全面履行政府职能|government_functions",
                "(二)完善依法行政制度体系|institutional_system",
                "(三)推进行政决策科学化、民主化、法治化|decision_making",
                "(四)坚持严格规范公正文明执法|law_enforcement",
                "(五)强化对行政权力的制约和监督|power_oversight",
                "(六)依法有效化解社会矛盾纠纷|dispute_resolution",
                "(七)全面提高政府工作人员法治思维和依法行政能力|legal_capacity",
                // 2021-2025 outline: eight systems, and the party's leadership
                "(一)健全政府机构职能体系,推动更好发挥政府作用|government_functions",
                "(二)健全依法行政制度体系,加快推进政府治理规范化程序化法治化|institutional_system",
                "(三)健全行政决策制度体系,不断提升行政决策公信力和执行力|decision_making",
                "(四)健全行政执法工作体系,全面推进严格规范公正文明执法|law_enforcement",
                "(五)健全突发事件应对体系,依法预防处置重大突发事件|emergency_response",
                "(六)健全社会矛盾纠纷行政预防调处化解体系,不断促进社会公平正义|dispute_resolution",
                "(七)健全行政权力制约和监督体系,促进行政权力规范透明运行|power_oversight",
                "(八)健全法治政府建设科技保障体系,全面建设数字法治政府|digital_government",
                "(九)加强党的领导,完善法治政府建设推进机制|party_leadership",
                // variants towns and bureaus use
                "(一)强化思想引领,筑牢法治建设根基|party_leadership",
                "(二)健全法治建设统筹机制|party_leadership",
                "(三)深入推进“放管服”改革,持续优化营商环境|government_functions",
                "(四)全面推行“双随机、一公开”监管|law_enforcement",
                "(五)深入开展矛盾纠纷排查化解和人民调解|dispute_resolution",
                "(六)落实“谁执法谁普法”普法责任制|legal_capacity",
                "(七)培育法律明白人,创建民主法治示范村|legal_capacity",
                "(八)扎实做好安全生产和防汛工作|emergency_response",
                "(九)加强政务公开和政府信息公开|power_oversight",
                "(十)防范重大决策法律风险|decision_making",
                // parts of the report
                "二、存在的主要问题|problems",
                "三、推进法治政府建设存在的不足和原因|problems",
                "四、下一步工作设想|next_year_plans",
                "三、火炬开发区2020年法治政府建设工作计划|next_year_plans",
                "三、党政主要负责人履行推进法治建设第一责任人职责情况|party_leadership",
                "五、其他需要报告的情况|other",
                "一、基本情况|other",
                "一、推进法治政府建设的主要举措和成效|other",
            })
    void headingKeywords(String heading, String category) {
        assertEquals(category, CATEGORISER.headingCategory(heading));
    }

    private static List<String> categorise(String text) {
        String norm = new Normaliser().normalise(text).text();
        return CATEGORISER.categorise(norm, new SectionSplitter().split(norm));
    }

    @Test
    void subsectionsInheritOrTakeTheirOwnTopic() {
        List<String> cats = categorise("""
                一、主要举措和成效
                (一)依法全面履行政府职能
                1.以“三个到位”保障工作开展。
                2.全面推进数字政府建设。
                二、存在的不足和原因
                (一)普法宣传形式有待丰富。
                三、下一步工作安排
                (一)加强行政执法培训。
                """);
        assertEquals(
                List.of(
                        "other",
                        "government_functions",
                        "government_functions",
                        "digital_government",
                        "problems",
                        "problems",
                        "next_year_plans",
                        "next_year_plans"),
                cats);
    }

    @Test
    void aPartNameFarIntoALongHeadingDoesNotCount() {
        assertEquals(
                "law_enforcement", CATEGORISER.headingCategory("(1)以案促管依法打击违法违规行为,对全区公共场所开展日常监督检查和行政执法,对存在问题进行督导"));
    }

    @Test
    void aSubsectionWithoutKeywordsUnderAGenericParentFallsBackToItsContent() {
        List<String> cats = categorise("""
                二、主要工作成效
                (一)促进各项政策落实。
                落实民营企业扶持政策,对企业兑现扶持资金,民营经济发展,帮助民营企业减轻负担,企业满意。
                """);
        assertEquals(List.of("other", "government_functions"), cats);
    }

    @Test
    void theHeadingContextDecidesAgainstTheWordsOfTheSentences() {
        // a figure under a heading about the legal risks of decisions is decision_making though it speaks of lawsuits
        List<String> cats = categorise("""
                一、推进行政决策科学化民主化法治化
                (一)防范决策法律风险
                全年行政诉讼案件3宗,行政应诉12次,均胜诉,无败诉纠纷。
                (二)审查规范性文件和重大决策
                全年审查文件12件。
                """);
        assertEquals(List.of("decision_making", "decision_making", "decision_making"), cats);
    }

    @Test
    void theEnginesCategoriesAreTheContractsAndEveryOneHasKeywords() throws java.io.IOException {
        assertEquals(io.fazhi.contracts.Categories.ALL, Categoriser.CATEGORIES);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (String[] r : EngineData.rows("categories.tsv", 4)) {
            assertTrue(io.fazhi.contracts.Categories.ALL.contains(r[0]), "categories.tsv: unknown category " + r[0]);
            used.add(r[0]);
        }
        assertEquals(new java.util.HashSet<>(io.fazhi.contracts.Categories.ALL), used);
    }
}
