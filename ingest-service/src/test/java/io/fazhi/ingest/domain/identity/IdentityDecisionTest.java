package io.fazhi.ingest.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.ingest.domain.identity.IdentityDecision.Existing;
import io.fazhi.ingest.domain.identity.IdentityDecision.Found;
import io.fazhi.ingest.domain.identity.IdentityDecision.Known;
import io.fazhi.ingest.domain.identity.IdentityDecision.Near;
import io.fazhi.ingest.domain.identity.IdentityDecision.NewReport;
import io.fazhi.ingest.domain.identity.IdentityDecision.NewRevision;
import io.fazhi.ingest.fixtures.SampleReports;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of the identity rules, without a database. */
class IdentityDecisionTest {
    private static final String TEXT = SampleReports.all().get(1).text();
    private static final SimilaritySketch SKETCH = SimilaritySketch.of(TEXT);
    private static final SimilaritySketch CORRECTED = SimilaritySketch.of(TEXT.replace("168件", "186件"));
    // the corrected text is a near duplicate of the first
    private static final SimilaritySketch OTHER = SimilaritySketch.of("二、存在的不足。执法人员法治培训仍需加强,行政执法队伍建设有待提高,基层法治宣传力量薄弱。");

    private static final String XINHUI = AgencyNames.key("新会区科工商务局", "江门市");
    private static final Identity UPLOAD = new Identity(XINHUI, "江门市新会区科工商务局", "江门市", "新会区", 2019);
    private static final Known REPORT = new Known("r1", XINHUI, 2019);
    private static final Known OTHER_AGENCY = new Known("r2", AgencyNames.key("江门市司法局", "江门市"), 2019);

    private static IdentityDecision.Decision decide(Identity upload, Found found) {
        return IdentityDecision.decide(upload, CORRECTED, "fp", found);
    }

    @Test
    void theSameKeyAnswersItsReportAndAnotherRequestWithItIsRefused() {
        Found found = new Found("fp", REPORT, null, null, List.of());
        assertEquals(new Existing(REPORT, false), decide(UPLOAD, found));
        assertInstanceOf(
                IdentityDecision.KeyReused.class, decide(UPLOAD, new Found("other", REPORT, null, null, List.of())));
    }

    @Test
    void theSameTextIsADuplicateWhoeverUploadsIt() {
        Found found = new Found(null, null, OTHER_AGENCY, REPORT, List.of(new Near(REPORT, SKETCH)));
        assertEquals(new Existing(OTHER_AGENCY, true), decide(UPLOAD, found), "the exact text wins over all else");
    }

    @Test
    void aNearDuplicateOfTheSameAgencyAndYearIsARevisionOfAnyoneElseADuplicate() {
        Found near = new Found(null, null, null, null, List.of(new Near(REPORT, SKETCH)));
        assertEquals(new NewRevision(REPORT), decide(UPLOAD, near));
        Identity mirror = new Identity(AgencyNames.key("某镜像网站", null), "某镜像网站", null, null, 2019);
        assertEquals(new Existing(REPORT, true), decide(mirror, near));
        assertEquals(new Existing(REPORT, true), decide(Identity.UNKNOWN, near), "an unknown uploader is someone else");
    }

    @Test
    void aNearDuplicateOfAnotherYearIsNotTheSameDocument() {
        Found near = new Found(null, null, null, null, List.of(new Near(new Known("r0", XINHUI, 2018), SKETCH)));
        assertInstanceOf(NewReport.class, decide(UPLOAD, near));
    }

    @Test
    void belowTheThresholdOnlyTheIdentityCounts() {
        Found found = new Found(null, null, null, REPORT, List.of(new Near(OTHER_AGENCY, OTHER)));
        assertTrue(SKETCH.similarity(OTHER) < SimilaritySketch.SAME_REPORT);
        assertEquals(new NewRevision(REPORT), decide(UPLOAD, found), "another text of the same agency and year");
        assertInstanceOf(
                NewReport.class,
                decide(UPLOAD, new Found(null, null, null, null, List.of(new Near(OTHER_AGENCY, OTHER)))));
    }

    @Test
    void theMostSimilarCandidateWins() {
        Known older = new Known("old", XINHUI, 2019);
        Found found = new Found(
                null,
                null,
                null,
                null,
                List.of(new Near(older, OTHER), new Near(REPORT, SKETCH), new Near(OTHER_AGENCY, null)));
        assertEquals(new NewRevision(REPORT), decide(UPLOAD, found));
        assertInstanceOf(
                NewReport.class, IdentityDecision.decide(UPLOAD, null, "fp", found), "no sketch, no near match");
    }
}
