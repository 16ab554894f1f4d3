package io.fazhi.aggregate.domain.export;

import io.fazhi.aggregate.domain.read.Comparison;
import io.fazhi.aggregate.model.CitySummary;
import io.fazhi.aggregate.model.MetricFactView;
import io.fazhi.aggregate.model.ReportFacts;
import io.fazhi.aggregate.model.RollupCell;
import java.util.List;

/** The tables the API exports, with their column ids (the JSON field names) and Chinese headers. */
public final class ExportTables {
    private ExportTables() {}

    public static final ExportTable<RollupCell> ROLLUPS = new ExportTable<>(
            "rollups",
            "汇总",
            List.of(
                    new ExportColumn<>("city", "城市", RollupCell::city),
                    new ExportColumn<>("year", "年度", RollupCell::year),
                    new ExportColumn<>("district", "区县", RollupCell::district),
                    new ExportColumn<>("indicator", "指标代码", RollupCell::indicator),
                    new ExportColumn<>("indicatorName", "指标", RollupCell::indicatorName),
                    new ExportColumn<>("unit", "单位", RollupCell::unit),
                    new ExportColumn<>("observations", "数据条数", RollupCell::observations),
                    new ExportColumn<>("reports", "报告数", RollupCell::reports),
                    new ExportColumn<>("agencies", "机构数", RollupCell::agencies),
                    new ExportColumn<>("sum", "合计", RollupCell::sum),
                    new ExportColumn<>("min", "最小值", RollupCell::min),
                    new ExportColumn<>("max", "最大值", RollupCell::max),
                    new ExportColumn<>("mean", "平均值", RollupCell::mean),
                    new ExportColumn<>("lowerBound", "含下限值", RollupCell::lowerBound)));

    public static final ExportTable<MetricFactView> FACTS = new ExportTable<>(
            "facts",
            "指标明细",
            List.of(
                    new ExportColumn<>("reportId", "报告编号", MetricFactView::reportId),
                    new ExportColumn<>("revision", "版本", MetricFactView::revision),
                    new ExportColumn<>("extractorVersion", "提取版本", MetricFactView::extractorVersion),
                    new ExportColumn<>("agency", "机构", MetricFactView::agency),
                    new ExportColumn<>("city", "城市", MetricFactView::city),
                    new ExportColumn<>("district", "区县", MetricFactView::district),
                    new ExportColumn<>("level", "层级", MetricFactView::level),
                    new ExportColumn<>("year", "年度", MetricFactView::year),
                    new ExportColumn<>("category", "领域", MetricFactView::category),
                    new ExportColumn<>("sectionHeading", "章节", MetricFactView::sectionHeading),
                    new ExportColumn<>("sectionPath", "章节编号", MetricFactView::sectionPath),
                    new ExportColumn<>("indicator", "指标代码", MetricFactView::indicator),
                    new ExportColumn<>("indicatorName", "指标", MetricFactView::indicatorName),
                    new ExportColumn<>("label", "原文名称", MetricFactView::label),
                    new ExportColumn<>("value", "数值", MetricFactView::value),
                    new ExportColumn<>("unit", "原文单位", MetricFactView::unit),
                    new ExportColumn<>("rollupUnit", "单位", MetricFactView::rollupUnit),
                    new ExportColumn<>("unitKind", "单位类型", MetricFactView::unitKind),
                    new ExportColumn<>("approx", "约数", MetricFactView::approx),
                    new ExportColumn<>("surface", "原文数字", MetricFactView::surface),
                    new ExportColumn<>("sentence", "原文句子", MetricFactView::sentence),
                    new ExportColumn<>("offset", "位置", MetricFactView::offset)));

    /** One year of one city. */
    public record CityYear(String city, CitySummary.Year year) {}

    public static final ExportTable<CityYear> CITIES = new ExportTable<>(
            "cities",
            "城市概况",
            List.of(
                    new ExportColumn<>("city", "城市", CityYear::city),
                    new ExportColumn<>("year", "年度", r -> r.year().year()),
                    new ExportColumn<>("reports", "报告数", r -> r.year().reports()),
                    new ExportColumn<>("agencies", "机构数", r -> r.year().agencies()),
                    new ExportColumn<>("districts", "区县数", r -> r.year().districts()),
                    new ExportColumn<>("metrics", "指标条数", r -> r.year().metrics()),
                    new ExportColumn<>(
                            "complete", "五部分齐全", r -> r.year().compliance().complete()),
                    new ExportColumn<>(
                            "measuresAndResults",
                            "主要举措和成效",
                            r -> r.year().compliance().measuresAndResults()),
                    new ExportColumn<>(
                            "shortcomings",
                            "存在的不足和原因",
                            r -> r.year().compliance().shortcomings()),
                    new ExportColumn<>(
                            "leadersDuties",
                            "第一责任人履职",
                            r -> r.year().compliance().leadersDuties()),
                    new ExportColumn<>(
                            "nextYearPlans",
                            "下一年度主要安排",
                            r -> r.year().compliance().nextYearPlans()),
                    new ExportColumn<>(
                            "otherMatters",
                            "其他需要报告的情况",
                            r -> r.year().compliance().otherMatters()),
                    new ExportColumn<>(
                            "publishedKnown",
                            "注明公开日期",
                            r -> r.year().compliance().publishedKnown()),
                    new ExportColumn<>(
                            "publishedOnTime",
                            "次年4月1日前公开",
                            r -> r.year().compliance().publishedOnTime())));

    /** One row of a comparison, with what was compared. */
    public record ComparisonRow(Comparison comparison, Comparison.Row row) {}

    public static final ExportTable<ComparisonRow> COMPARISON = new ExportTable<>(
            "comparison",
            "单位对比",
            List.of(
                    new ExportColumn<>("city", "城市", r -> r.comparison().city()),
                    new ExportColumn<>("year", "年度", r -> r.comparison().year()),
                    new ExportColumn<>("indicator", "指标代码", r -> r.comparison().indicator()),
                    new ExportColumn<>(
                            "indicatorName", "指标", r -> r.comparison().indicatorName()),
                    new ExportColumn<>("unit", "单位", r -> r.comparison().unit()),
                    new ExportColumn<>("rank", "排名", r -> r.row().rank()),
                    new ExportColumn<>("name", "机构或区县", r -> r.row().name()),
                    new ExportColumn<>("district", "所在区县", r -> r.row().district()),
                    new ExportColumn<>("reports", "报告数", r -> r.row().reports()),
                    new ExportColumn<>("observations", "数据条数", r -> r.row().observations()),
                    new ExportColumn<>("value", "本年", r -> r.row().value()),
                    new ExportColumn<>("previous", "上年", r -> r.row().previous()),
                    new ExportColumn<>("change", "增减", r -> r.row().change()),
                    new ExportColumn<>("changeRatio", "增减比例", r -> r.row().changeRatio()),
                    new ExportColumn<>("lowerBound", "含下限值", r -> r.row().lowerBound())));

    /** One metric of a report, with its section. */
    public record ReportMetric(ReportFacts report, ReportFacts.Section section, ReportFacts.Metric metric) {}

    public static final ExportTable<ReportMetric> REPORT_METRICS = new ExportTable<>(
            "report",
            "报告指标",
            List.of(
                    new ExportColumn<>("reportId", "报告编号", r -> r.report().reportId()),
                    new ExportColumn<>("revision", "版本", r -> r.report().revision()),
                    new ExportColumn<>(
                            "extractorVersion", "提取版本", r -> r.report().extractorVersion()),
                    new ExportColumn<>("agency", "机构", r -> r.report().agency()),
                    new ExportColumn<>("city", "城市", r -> r.report().city()),
                    new ExportColumn<>("district", "区县", r -> r.report().district()),
                    new ExportColumn<>("year", "年度", r -> r.report().year()),
                    new ExportColumn<>("category", "领域", r -> r.section().category()),
                    new ExportColumn<>("sectionHeading", "章节", r -> r.section().heading()),
                    new ExportColumn<>("sectionPath", "章节编号", r -> r.section().path()),
                    new ExportColumn<>("indicator", "指标代码", r -> r.metric().indicator()),
                    new ExportColumn<>("indicatorName", "指标", r -> r.metric().indicatorName()),
                    new ExportColumn<>("label", "原文名称", r -> r.metric().label()),
                    new ExportColumn<>("value", "数值", r -> r.metric().value()),
                    new ExportColumn<>("unit", "原文单位", r -> r.metric().unit()),
                    new ExportColumn<>("rollupUnit", "单位", r -> r.metric().rollupUnit()),
                    new ExportColumn<>("approx", "约数", r -> r.metric().approx()),
                    new ExportColumn<>("surface", "原文数字", r -> r.metric().surface()),
                    new ExportColumn<>("sentence", "原文句子", r -> r.metric().sentence()),
                    new ExportColumn<>("offset", "位置", r -> r.metric().offset())));
}
