package io.fazhi.extract.api;

import io.fazhi.contracts.ReportYears;
import io.fazhi.engine.ReportInput;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A text to explain, with the metadata an uploader would give (all optional): where the uploaded metadata and the
 * text disagree, the explanation's warnings say so, as they would for an upload.
 */
@Schema(description = "A report text (or a part of one) and optional metadata")
public record ExplainRequest(
        @Schema(description = "the report text, as uploaded", required = true, example = "全年共受理行政复议申请45件,办结42件。")
        @NotBlank(message = "a text is required")
        String text,

        @Size(max = 200) String agency,
        @Size(max = 100) String city,
        @Size(max = 100) String district,

        @Min(
                value = ReportYears.FIRST,
                message = "must be a year from " + ReportYears.FIRST + " to " + ReportYears.LAST)
        @Max(value = ReportYears.LAST, message = "must be a year from " + ReportYears.FIRST + " to " + ReportYears.LAST)
        Integer year,

        @Size(max = 300) String title,

        @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date as yyyy-MM-dd")
        String published) {

    ReportInput toInput() {
        return new ReportInput(text, agency, city, district, year, title, published);
    }
}
