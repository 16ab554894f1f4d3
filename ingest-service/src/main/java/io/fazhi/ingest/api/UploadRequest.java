package io.fazhi.ingest.api;

import io.fazhi.contracts.ReportYears;
import io.fazhi.ingest.domain.UploadMetadata;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An upload as JSON. Only {@code text} is required; the rest is inferred from the text when missing. With an
 * agency token, agency, city and district come from the registry.
 */
@Schema(name = "UploadRequest", example = """
        {"text": "江门市新会区科工商务局2019年法治政府建设工作报告\\n一、基本情况\\n(一)优化行政审批制度流程。共完成外资备案手续168件。",
         "agency": "江门市新会区科工商务局", "city": "江门市", "district": "新会区", "year": 2019,
         "published": "2020-03-25", "sourceUrl": "http://www.xinhui.gov.cn/zwgk/fzzfjs/content/post_2034567.html"}""")
public record UploadRequest(
        @Schema(description = "the report's text (UTF-8); at most fazhi.ingest.limits.text-chars characters")
        @NotNull(message = "is required")
        String text,

        @Schema(description = "the uploading office; with an agency token it must be that agency or absent")
        @Size(max = 200)
        String agency,

        @Size(max = 100) String city,

        @Schema(description = "district, county or development zone") @Size(max = 100)
        String district,

        @Schema(description = "the year the report covers") @Min(ReportYears.FIRST) @Max(ReportYears.LAST)
        Integer year,

        @Size(max = 500) String title,

        @Schema(description = "publication date, yyyy-MM-dd") @Size(max = 10)
        String published,

        @Schema(description = "where the report was published (http or https)") @Size(max = 2000)
        String sourceUrl) {

    UploadMetadata metadata() {
        return new UploadMetadata(agency, city, district, year, title, published, sourceUrl);
    }
}
