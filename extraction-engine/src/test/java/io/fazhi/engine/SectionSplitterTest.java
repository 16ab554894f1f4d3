package io.fazhi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionSplitterTest {
    private static final SectionSplitter SPLITTER = new SectionSplitter();

    private static List<SectionSplitter.Heading> split(String raw) {
        return SPLITTER.split(new Normaliser().normalise(raw).text());
    }

    @Test
    void fourLevelsAndTheirPaths() {
        List<SectionSplitter.Heading> hs = split("""
                前言。
                一、基本情况
                (一)依法全面履行政府职能
                1.简政放权。
                (1)以案促管
                (2)协管服务
                2.数字政府。
                (二)完善依法行政制度体系
                二、存在的问题
                """);
        assertEquals(
                List.of(
                        "一、基本情况",
                        "(一)依法全面履行政府职能",
                        "1.简政放权。",
                        "(1)以案促管",
                        "(2)协管服务",
                        "2.数字政府。",
                        "(二)完善依法行政制度体系",
                        "二、存在的问题"),
                hs.stream().map(SectionSplitter.Heading::text).toList());
        assertEquals(
                List.of(1, 2, 3, 4, 4, 3, 2, 1),
                hs.stream().map(SectionSplitter.Heading::level).toList());
        assertEquals(
                List.of("1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.2", "1.1.2", "1.2", "2"),
                hs.stream().map(SectionSplitter.Heading::path).toList());
    }

    @Test
    void fullWidthMarkersAndLeadingSpaces() {
        List<SectionSplitter.Heading> hs = split("一、工作\n（一）全角括号\n\u00a0１．全角数字\n\u3000（１）全角\n");
        assertEquals(
                List.of("一、工作", "(一)全角括号", "1.全角数字", "(1)全角"),
                hs.stream().map(SectionSplitter.Heading::text).toList());
    }

    @Test
    void aHeadingThatRunsOnIntoItsParagraphEndsAtTheFirstFullStop() {
        List<SectionSplitter.Heading> hs = split("(一)健全组织领导,不断夯实法治政府基础。我局坚持把推进依法行政摆上重要议事日程。\n");
        assertEquals("(一)健全组织领导,不断夯实法治政府基础。", hs.get(0).text());
    }

    @Test
    void falseHeadings() {
        List<SectionSplitter.Heading> hs = split("""
                法治政府建设工作报告
                1-10月,共承接项目39个。
                1.5万元用于培训。
                12.4国家宪法日活动。
                (2016-2020年)规划
                2019年11月21日
                一是明确职责。1.通过梳理清单。2.深化便利化。
                第一,加强领导。
                25.不连续的编号
                """);
        assertEquals(List.of(), hs);
    }

    @Test
    void numberingMustContinue() {
        List<SectionSplitter.Heading> hs = split("一、甲\n1.乙\n2.丙\n9.跳号的不是标题\n3.丁\n二、戊\n1.己\n");
        assertEquals(
                List.of("一、甲", "1.乙", "2.丙", "3.丁", "二、戊", "1.己"),
                hs.stream().map(SectionSplitter.Heading::text).toList());
    }

    @Test
    void levelThreeDirectlyUnderLevelOne() {
        List<SectionSplitter.Heading> hs = split("三、第一责任人职责\n1.履行职责。\n2.学习。\n");
        assertEquals(3, hs.get(1).level());
        assertEquals("3.1", hs.get(1).path());
        assertEquals(0, hs.get(1).parent());
    }
}
