package io.fazhi.ingest.domain;

import io.fazhi.problems.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Text of Word (.docx, Apache POI) and PDF (Apache PDFBox) uploads. POI refuses zip bombs (an entry larger than the
 * limit, or compressed more than 100:1); a PDF with more pages than the limit is refused before its text is read.
 * PDF line wraps are re-joined, so that a number or a sentence split across lines stays whole.
 */
public final class DocumentText {
    private static final Pattern PAGE_NUMBER =
            Pattern.compile("^[\\s\\-—–]*(第\\s*)?\\d{1,4}(\\s*页)?([\\s/]*共?\\s*\\d{1,4}\\s*页)?[\\s\\-—–]*$");
    private static final Pattern HEADING_START =
            Pattern.compile("^\\s*([一二三四五六七八九十]+、|[(（][一二三四五六七八九十\\d]+[)）]|\\d+[.．、]\\D|第[一二三四五六七八九十]+[章节部分])");
    private static final String SENTENCE_END = "。！？；：!?;:」』”）)";

    private DocumentText() {}

    public static String docx(byte[] bytes, Limits limits) {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(limits.docxEntrySize().asLongValue());
        ZipSecureFile.setMaxTextSize(Math.max(limits.textChars() * 4L, 1_000_000L));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("Zip bomb") || why.contains("exceeds the max") || why.contains("ratio")) {
                throw new ProblemException(
                        ProblemException.UNPROCESSABLE,
                        "the Word document expands beyond the limits (a zip bomb?); refused");
            }
            throw new ProblemException(
                    ProblemException.UNPROCESSABLE,
                    "the Word document could not be read: it is damaged or not a .docx file");
        }
    }

    public static String pdf(byte[] bytes, Limits limits) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int pages = doc.getNumberOfPages();
            if (pages > limits.pages()) {
                throw new ProblemException(
                        413, "the PDF has " + pages + " pages; at most " + limits.pages() + " are accepted");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            stripper.setPageEnd("\n");
            String text = stripper.getText(doc);
            return rejoinLines(text);
        } catch (InvalidPasswordException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the PDF is encrypted; upload it unlocked");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw new ProblemException(
                    ProblemException.UNPROCESSABLE, "the PDF could not be read: it is damaged or not a PDF file");
        }
    }

    /**
     * Re-joins lines that the PDF's layout wrapped: a line as wide as the text block that does not end a sentence
     * continues on the next line, unless that one starts a heading. Page numbers are dropped.
     */
    static String rejoinLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            if (!PAGE_NUMBER.matcher(l).matches()) {
                lines.add(l);
            }
        }
        double[] widths = lines.stream()
                .filter(l -> !l.isEmpty())
                .mapToDouble(DocumentText::width)
                .sorted()
                .toArray();
        if (widths.length == 0) {
            return "";
        }
        double full = widths[(int) Math.floor((widths.length - 1) * 0.9)] * 0.85;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            out.append(l);
            String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
            boolean wrapped = !l.isEmpty()
                    && !next.isEmpty()
                    && width(l) >= full
                    && SENTENCE_END.indexOf(l.charAt(l.length() - 1)) < 0
                    && !HEADING_START.matcher(next).find();
            if (wrapped) {
                if (isAsciiLetter(l.charAt(l.length() - 1)) && isAsciiLetter(next.charAt(0))) {
                    out.append(' ');
                }
            } else {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Display width: a Chinese character is as wide as two Latin ones. */
    private static double width(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) < 0x2e80 ? 0.5 : 1;
        }
        return w;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether the bytes start like an OLE2 container: a legacy .doc, or an encrypted Office file. */
    static boolean isOle2(byte[] b) {
        return b.length >= 8
                && Arrays.equals(Arrays.copyOf(b, 4), new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0});
    }
}
