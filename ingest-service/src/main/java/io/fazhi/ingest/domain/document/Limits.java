package io.fazhi.ingest.domain.document;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What an upload may weigh (fazhi.ingest.limits.*). Beyond them the upload is refused as too large. */
@ConfigMapping(prefix = "fazhi.ingest.limits")
public interface Limits {
    /** the bytes of one upload (body or file part) */
    @WithDefault("20M")
    MemorySize uploadSize();

    /** characters of text extracted from an upload */
    @WithDefault("2000000")
    int textChars();

    /** pages of a PDF */
    @WithDefault("1000")
    int pages();

    /** largest uncompressed entry of a .docx (against zip bombs; POI also refuses a compression ratio under 1%) */
    @WithDefault("100M")
    MemorySize docxEntrySize();
}
