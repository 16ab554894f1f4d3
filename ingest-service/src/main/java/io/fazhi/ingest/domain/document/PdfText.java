package io.fazhi.ingest.domain.document;

import io.fazhi.engine.text.LineJoiner;
import io.fazhi.ingest.domain.DomainException;
import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a PDF upload, read with Apache PDFBox. A PDF with more pages than the limit is refused before its text
 * is read. Page-number lines are dropped and the layout's line wraps re-joined (the engine's {@link LineJoiner}), so
 * that a number or a sentence split across lines stays whole.
 */
public final class PdfText {
    /** "3", "- 3 -", "第3页", "第 3 页 / 共 12 页", "3/12" */
    private static final Pattern PAGE_NUMBER =
            Pattern.compile("[\\s\\-—–]*(第\\s*)?\\d{1,4}(\\s*页)?([\\s/]*共?\\s*\\d{1,4}\\s*页?)?[\\s\\-—–]*");

    private PdfText() {}

    public static String read(byte[] bytes, Limits limits) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int pages = doc.getNumberOfPages();
            if (pages > limits.pages()) {
                throw new DomainException.TooLarge(
                        "the PDF has " + pages + " pages; at most " + limits.pages() + " are accepted");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            stripper.setPageEnd("\n");
            return LineJoiner.join(withoutPageNumbers(stripper.getText(doc)));
        } catch (InvalidPasswordException e) {
            throw new DomainException.UnusableContent("the PDF is encrypted; upload it unlocked");
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw new DomainException.UnusableContent("the PDF could not be read: it is damaged or not a PDF file");
        }
    }

    /** The lines, stripped, without those that are only a page number. */
    static String withoutPageNumbers(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty() || !PAGE_NUMBER.matcher(l).matches()) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(l);
            }
        }
        return out.toString();
    }
}
