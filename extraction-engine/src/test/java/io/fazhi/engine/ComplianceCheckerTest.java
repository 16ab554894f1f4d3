package io.fazhi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ComplianceCheckerTest {
    @Test
    void allFiveParts() {
        Compliance c = new Extractor().extract(ReportInput.ofText("""
                一、推进法治政府建设的主要举措和成效
                (一)依法全面履行政府职能
                二、存在的不足和原因
                三、党政主要负责人履行推进法治建设第一责任人职责情况
                四、下一年度推进法治政府建设的主要安排
                五、其他需要报告的情况
                """)).compliance();
        assertEquals(new Compliance(true, true, true, true, true), c);
    }

    @Test
    void missingParts() {
        Compliance c = new Extractor().extract(ReportInput.ofText("""
                一、基本情况
                (一)坚持严格规范公正文明执法
                二、下一步打算
                """)).compliance();
        assertEquals(new Compliance(true, false, false, true, false), c);
    }
}
