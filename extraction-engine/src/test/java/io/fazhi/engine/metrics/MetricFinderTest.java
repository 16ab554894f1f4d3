package io.fazhi.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.engine.Metric;
import io.fazhi.engine.Normaliser;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricFinderTest {
    private static final MetricFinder FINDER = new MetricFinder();
    private static final Normaliser NORMALISER = new Normaliser();

    private static List<Metric> find(String raw) {
        return FINDER.find(NORMALISER.normalise(raw).text());
    }

    private static Metric only(String raw) {
        List<Metric> ms = find(raw);
        assertEquals(1, ms.size(), () -> "one metric in " + raw + " but " + ms);
        return ms.get(0);
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "共完成外资备案手续168件,签发证书。|168件|168|件",
                "发现的两笔拖欠账款及时清偿|两笔|2|笔",
                "临床使用十余年的药品|十余年|10|年",
                "全年办理二十三宗案件|二十三宗|23|宗",
                "备案率达到百分之百。|百分之百|100|%",
                "合格率为百分之九十五。|百分之九十五|95|%",
                "参训人员1.5万人次。|1.5万人次|15000|人次",
                "兑现省级扶持资金1955.7万元,|1955.7万元|19557000|元",
                "投资总额20亿元。|20亿元|2000000000|元",
                "拨付资金3千元。|3千元|3000|元",
                "参与率达100%。|100%|100|%",
                "参与率达１００％。|100%|100|%",
                "审批时间不超过45个工作日。|45个工作日|45|个工作日",
                "为期两个月的集中行动|两个月|2|个月",
                "推送了3603 条“双公示”信息|3603 条|3603|条",
                "出动监测车125车次,|125车次|125|车次",
                "发现无证经营场所45间次,|45间次|45|间次",
                "受理案件1,234件。|1,234件|1234|件",
                "办结一百二十件信访事项。|一百二十件|120|件",
                "培训一万五千人次。|一万五千人次|15000|人次",
            })
    void numeralsUnitsAndMultipliers(String text, String surface, String value, String unit) {
        Metric m = only(text);
        assertEquals(surface, m.surface());
        assertEquals(0, new BigDecimal(value).compareTo(m.value()), "value of " + surface);
        assertEquals(unit, m.unit());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "参与活动工作人员共约170人次,|about",
                "派发资料近300份。|about",
                "组织培训30场左右。|about",
                "现场解答咨询共约1000余人次,|more_than",
                "参加企业代表2000多人。|more_than",
                "用户数超过15855人。|more_than",
                "培训逾200人次。|more_than",
                "安排4次以上法治专题学习|more_than",
                "每年召开会议不少于3次,|more_than",
                "审批时间不超过45个工作日。|null",
                "备案项目3天内办结。|null",
                "共受理案件22宗。|null",
            })
    void approximationBeforeAndAfter(String text, String approx) {
        assertEquals(approx, only(text).approx());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "共完成外资备案手续168件,签发证书。|外资备案手续",
                "共排查出39个风险点,制订了措施。|风险点",
                "今年以来已组织集中学习3次,先后学习了条例。|集中学习",
                "其中主动公开规范性文件1条。|规范性文件",
                "其中主动公开规范性文件1条,部门文件136条。|部门文件",
                "占比高达67%。|占比",
                "优秀率(90分以上)达85%。|优秀率",
                "项目审批时间由原来的100天缩短至现在的30天;|项目审批时间",
                "为厂企负责人带来宣传培训,共40多场。|宣传培训",
                "其中1宗在限期内未整改。|限期内未整改",
            })
    void labelsBeforeOrAfterTheNumber(String text, String expected) {
        List<Metric> ms = find(text);
        Metric last = ms.get(ms.size() - 1);
        assertTrue(
                last.label() != null && last.label().contains(expected),
                () -> "label " + last.label() + " for " + text);
    }

    @Test
    void unitsCarryTheirKindAndTheUnitTheyRollUpUnder() {
        Metric sessions = only("举办法治讲座12场。");
        assertEquals("count", sessions.unitKind());
        assertEquals("次", sessions.rollupUnit());
        Metric people = only("培训执法人员35名。");
        assertEquals("person", people.unitKind());
        assertEquals("人", people.rollupUnit());
        assertEquals("percent", only("满意率达98%。").unitKind());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "2019年,在区委的领导下。", // a year
                "2019年11月21日", // a date
                "截至11月15日,全部完成。", // a date
                "法治政府建设实施纲要(2015-2020年)", // a plan period
                "3-5个工作日", // a range is not a single quantity
                "(新府办〔2018〕19号)", // a document number
                "贯彻党的十九大和十九届四中全会精神", // a meeting
                "传达市纪委四次全会精神", // a meeting
                "积极推动“七五”普法工作", // a plan
                "根据12345投诉举报平台统计", // a hotline
                "兑现第一批市级奖励", // an ordinal
                "净增企业数量位居全省第四", // a rank
                "排第2名", // a rank
                "前30名进出口大户", // a rank
                "落实“三项制度”", // a slogan
                "牵头落实“民营经济十条”", // a slogan
                "深入贯彻三个代表重要思想", // a set phrase
                "严格执行八项规定精神", // a set phrase
                "学习《中华人民共和国国家安全法》和《关于印发十条措施的通知》", // numbers in titles
                "以五大万亩园区为支撑", // X大 sets
                "进一步优化流程,统一登记", // a bare 一
                "举一反三、一刀切", // idioms
                "减少了二次录入", // an idiom
                "新中国成立70周年", // an anniversary
                "落实201671日起施行的条例", // a garbled date
                "5G基站建设", // a model number
            })
    void notMetrics(String text) {
        assertEquals(List.of(), find(text), text);
    }

    @Test
    void sectionNumbersAreNotMetrics() {
        List<Metric> ms = find("1.简政放权。\n(2)以卫生监督协管服务助力执法\n(一)依法全面履行政府职能");
        assertEquals(List.of(), ms);
    }

    @Test
    void offsetsPointAtTheSurfaceAndSentencesHoldIt() {
        String text = NORMALISER.normalise("一、基本情况\n今年共受理案件２２宗,办结20宗。\n").text();
        List<Metric> ms = FINDER.find(text);
        assertEquals(2, ms.size());
        for (Metric m : ms) {
            assertEquals(
                    m.surface(),
                    text.substring(m.offset(), m.offset() + m.surface().length()));
            assertTrue(m.sentence().contains(m.surface()));
        }
        assertEquals("22宗", ms.get(0).surface());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "下拨专项经费12.5 万元。|12.5 万元|125000|元",
                "现场接受咨询300 余人次。|300 余人次|300|人次",
                "办理网上申请2.6 万件。|2.6 万件|26000|件",
                "全年审查合同48 份。|48 份|48|份",
                "审批时限压缩至3 个工作日。|3 个工作日|3|个工作日",
                "补助资金7.5　万元。|7.5　万元|75000|元",
                "受理申请650 件。|650 件|650|件",
                "满意率达96 %。|96 %|96|%",
            })
    void spacesBetweenNumberMultiplierAndUnitStayInTheSurface(String text, String surface, String value, String unit) {
        Metric m = FINDER.find(text).get(0); // the finder itself: the normaliser would turn the spaces into ASCII ones
        assertEquals(surface, m.surface());
        assertEquals(0, new BigDecimal(value).compareTo(m.value()), surface);
        assertEquals(unit, m.unit());
        assertEquals(
                m.surface(), text.substring(m.offset(), m.offset() + m.surface().length()));
    }

    @Test
    void fullWidthAndNoBreakSpacesNormaliseToOneSpaceInTheSurface() {
        assertEquals("5 万元", only("奖励资金5　万元。").surface());
        assertEquals("18 件", only("办结投诉18 件。").surface());
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "检查企业公示信息88件次。|件次|count",
                "回访纠纷当事人120户次。|户次|count",
                "抽查市场主体45家次。|家次|count",
                "复核信访积案9宗次。|宗次|count",
                "开展培训6期次。|期次|count",
                "抽检农产品300批次。|批次|count",
                "出动执法车辆72车次。|车次|count",
                "检定计量器具140台次。|台次|count",
                "审核出口货物报关单1200票。|票|count",
                "更新普法宣传栏16块。|块|count",
                "排查农村自建房88栋。|栋|count",
                "核查设备运行记录35个次。|个次|count",
                "政府信息公开答复时限为20个自然日。|个自然日|duration",
            })
    void compoundAndAddedMeasureWordsAreOneUnit(String text, String unit, String kind) {
        Metric m = only(text);
        assertEquals(unit, m.unit());
        assertEquals(kind, m.unitKind());
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "近百名律师参与公益法律服务。|100|about",
                "上千家企业完成合规承诺。|1000|more_than",
                "为数百户群众化解用地纠纷。|100|more_than",
                "动员数十家社会组织参与调解。|10|more_than",
                "培训网格员千余人次。|1000|more_than",
                "惠及群众万余人。|10000|more_than",
                "新增就业二十几万人。|200000|more_than",
                "开展宣讲十几场。|10|more_than",
                "约谈企业负责人二十来人。|20|about",
                "拨付资金三千多万元。|30000000|more_than",
            })
    void roundNumbersAndOpenDigitsCarryTheirApproximation(String text, String value, String approx) {
        Metric m = only(text);
        assertEquals(0, new BigDecimal(value).compareTo(m.value()), text);
        assertEquals(approx, m.approx(), text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "把法律服务送到千家万户。", // a bare multiplier in an idiom
                "开展百名法官进千企活动。", // a slogan of bare multipliers
                "共有三四百人参加。", // a range: no one value
                "两三个部门联合执法。", // a range
                "受理网上申请3万4件。", // 34000 or 30004: not guessed
                "二0二一年以来持续推进。", // a year digit by digit, mixed
                "九点三十分召开会议。", // a clock time
                "学习县委十二届五次、六次全会精神。", // plenary sessions
                "传达市十四届人大二次会议精神。", // a congress session
                "按照《关于印发〈镇街综合执法事项目录〉等两项清单的通知》执行。", // inside a nested title
                "本文已被阅读1234次", // page chrome
                "今日访问: 256 人次", // page chrome
                "加强执法队伍人员管理。", // 伍 of 队伍
            })
    void formsThatAreNoQuantityOrCannotBeReadExactlyAreDropped(String text) {
        assertEquals(List.of(), find(text), text);
    }

    @Test
    void aCountOfMeetingsIsNoSessionName() {
        assertEquals(3, only("区政府常务会议全年召开3次会议专题学法。").value().intValue());
        assertEquals(2, only("召开全体会议2次。").value().intValue());
    }
}
