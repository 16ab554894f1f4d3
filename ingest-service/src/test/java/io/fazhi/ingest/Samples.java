package io.fazhi.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Report texts for the tests, each unique so that uploads do not collide across tests. */
final class Samples {
    private Samples() {}

    static String report(String agency, int year) {
        return agency + year + "年法治政府建设年度报告\n一、主要举措和成效\n(一)优化行政审批制度流程。共完成外资备案手续168件,"
                + "签发原产地证明书583份。\n(二)强化行政执法监督。全年开展执法检查45次,办理行政复议案件12件。\n"
                + "二、存在的不足\n执法人员法治培训仍需加强。\n编号 " + UUID.randomUUID();
    }

    /** Lines of at most {@code width} characters, as a PDF lays out a paragraph. */
    static List<String> wrap(String paragraph, int width) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < paragraph.length(); i += width) {
            lines.add(paragraph.substring(i, Math.min(paragraph.length(), i + width)));
        }
        return lines;
    }
}
