package io.fazhi.ingest.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An upload as JSON. Only {@code text} is required; the rest is inferred from the text when missing. */
@Schema(name = "ReportRequest", example = """
        {"text": "江门市新会区科工商务局2019年法治政府建设工作报告\\n一、基本情况\\n(一)优化行政审批制度流程。共完成外资备案手续168件。",
         "agency": "江门市新会区科工商务局", "city": "江门市", "district": "新会区", "year": 2019}""")
public record ReportRequest(
        @NotNull(message = "is required") String text,
        @Size(max = 200) String agency,
        @Size(max = 100) String city,
        @Size(max = 100) String district,
        @Min(1990) @Max(2100) Integer year,
        @Size(max = 500) String title,
        @Size(max = 10) String published,
        @Size(max = 2000) String sourceUrl) {
}
