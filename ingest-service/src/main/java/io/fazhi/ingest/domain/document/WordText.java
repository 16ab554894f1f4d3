package io.fazhi.ingest.domain.document;

import io.fazhi.ingest.domain.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The text of a Word (.docx) upload, read with Apache POI. POI refuses zip bombs: an entry larger than the limit,
 * or compressed more than 100:1.
 */
public final class WordText {
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0};

    private WordText() {}

    public static String read(byte[] bytes, Limits limits) {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(limits.docxEntrySize().asLongValue());
        ZipSecureFile.setMaxTextSize(Math.max(limits.textChars() * 4L, 1_000_000L));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("Zip bomb") || why.contains("exceeds the max") || why.contains("ratio")) {
                throw new DomainException.UnusableContent(
                        "the Word document expands beyond the limits (a zip bomb?); refused");
            }
            throw new DomainException.UnusableContent(
                    "the Word document could not be read: it is damaged or not a .docx file");
        }
    }

    /** Whether the bytes start like an OLE2 container: a legacy .doc, or an encrypted Office file. */
    static boolean isOle2(byte[] b) {
        return b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 4), OLE2);
    }
}
