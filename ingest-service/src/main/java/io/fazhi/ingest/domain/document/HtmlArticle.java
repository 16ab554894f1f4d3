package io.fazhi.ingest.domain.document;

import io.fazhi.engine.text.Han;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The report inside a web page. The charset is decided first (header, else the page's meta tag, else detected),
 * then the site chrome is dropped (scripts, navigation, headers, footers, link lists) and the article's block is
 * picked: the smallest element holding nearly all the page's Chinese text and every paragraph that reads like a
 * report sentence, so that no report paragraph is lost to a guess.
 */
public final class HtmlArticle {
    /** the page's text, and its title (h1 or the title element, without the site's suffix) */
    public record Page(String text, String title) {}

    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHROME = Pattern.compile(
            "(^|[\\s_-])(nav|navbar|menu|header|footer|foot|breadcrumb|crumbs?|sidebar|side|share|copyright|"
                    + "toolbar|login|search|topbar|bottom|links|friendlink|related|pager|pagination|weixin|qrcode)"
                    + "($|[\\s_-])",
            Pattern.CASE_INSENSITIVE);
    private static final String DROPPED_TAGS = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "form, button, select, input, textarea, nav, header, footer, aside, link, meta";
    private static final Pattern SENTENCE = Pattern.compile("[。；！？]");

    private HtmlArticle() {}

    public static Charset charset(byte[] bytes, String declared) {
        if (declared != null && !declared.isBlank()) {
            return CharsetDetection.named(declared);
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            try {
                return CharsetDetection.named(m.group(1));
            } catch (RuntimeException e) {
                // an unknown charset in the page itself: detect instead
            }
        }
        return CharsetDetection.detect(bytes);
    }

    public static Page extract(byte[] bytes, String declaredCharset) {
        Charset cs = charset(bytes, declaredCharset);
        return extract(new String(bytes, cs));
    }

    public static Page extract(String html) {
        Document doc = Jsoup.parse(html);
        String pageTitle = doc.title();
        Element body = doc.body();
        doc.select(DROPPED_TAGS).forEach(e -> dropUnlessArticle(e, body));
        for (Element e : new ArrayList<>(body.getAllElements())) {
            if (e != body && e.parent() != null && isChromeByName(e)) {
                dropUnlessArticle(e, body);
            }
        }
        for (Element e : new ArrayList<>(body.select("ul, ol, div, td, p, dl"))) {
            if (e.parent() != null && isLinkList(e)) {
                e.remove();
            }
        }
        String title = title(body, pageTitle);
        Element block = articleBlock(body);
        String text = text(block);
        String t = title == null ? null : title.strip();
        if (t != null && !t.isEmpty() && !text.contains(t)) {
            text = t + "\n" + text; // the heading names agency and year; the extractor needs it
        }
        return new Page(text, t);
    }

    private static String title(Element body, String t) {
        String first = null;
        for (Element h : body.select("h1, h2, h3, .title, #title")) {
            String s = h.text().strip();
            if (Han.count(s) >= 4 && s.length() <= 120) {
                if (s.contains("报告")) {
                    return s;
                }
                first = first == null ? s : first;
            }
        }
        if (first != null) {
            return first;
        }
        if (t == null || t.isBlank()) {
            return null;
        }
        // "江门市XX局2019年法治政府建设年度报告_江门市人民政府门户网站" -> the part before the site's name
        String[] parts = t.split("\\s*[_|｜—-]{1,2}\\s*");
        return parts.length == 0 ? t.strip() : parts[0].strip();
    }

    private static boolean isChromeByName(Element e) {
        String names = e.id() + " " + e.className();
        return !names.isBlank() && CHROME.matcher(names).find();
    }

    /** Removes site chrome, unless it holds report sentences (a page that wraps its article in a "main-side"). */
    private static void dropUnlessArticle(Element e, Element body) {
        if (e.parent() == null || e == body) {
            return;
        }
        if (sentences(e) >= 2 && Han.count(e.text()) * 3 >= Han.count(body.text())) {
            return;
        }
        e.remove();
    }

    /** A block whose text is mostly link text: navigation, "related articles", friend links. */
    private static boolean isLinkList(Element e) {
        int all = Han.count(e.text());
        if (all == 0) {
            return false;
        }
        int linked = 0;
        for (Element a : e.select("a")) {
            linked += Han.count(a.text());
        }
        return linked * 10 >= all * 7 && sentences(e) < 2;
    }

    /**
     * The deepest element that holds at least 90% of the page's Chinese text and every report paragraph (a text
     * block with a sentence end and at least 20 Chinese characters).
     */
    private static Element articleBlock(Element body) {
        int total = Han.count(body.text());
        List<Element> paragraphs = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e.children().isEmpty() || e.tagName().equals("p")) {
                String own = e.text();
                if (Han.count(own) >= 20 && SENTENCE.matcher(own).find()) {
                    paragraphs.add(e);
                }
            }
        }
        Element best = body;
        boolean descended = true;
        while (descended) {
            descended = false;
            for (Element child : best.children()) {
                if (Han.count(child.text()) * 10L >= total * 9L && containsAll(child, paragraphs)) {
                    best = child;
                    descended = true;
                    break;
                }
            }
        }
        return best;
    }

    private static boolean containsAll(Element block, List<Element> paragraphs) {
        for (Element p : paragraphs) {
            if (p != block && !p.parents().contains(block)) {
                return false;
            }
        }
        return true;
    }

    /** The text with a line break after every block element and br. */
    static String text(Element root) {
        StringBuilder out = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e && (e.tagName().equals("br") || isBlock(e))) {
                    newline(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && isBlock(e)) {
                    newline(out);
                } else if (node instanceof Element e
                        && (e.tagName().equals("td") || e.tagName().equals("th"))) {
                    out.append('\t');
                }
            }
        });
        return out.toString();
    }

    private static boolean isBlock(Element e) {
        return switch (e.tagName().toLowerCase(Locale.ROOT)) {
            case "p",
                    "div",
                    "li",
                    "tr",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "table",
                    "section",
                    "article",
                    "blockquote",
                    "pre",
                    "dd",
                    "dt",
                    "ul",
                    "ol",
                    "main",
                    "center" -> true;
            default -> false;
        };
    }

    private static void newline(StringBuilder out) {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) != '\n') {
            out.append('\n');
        }
    }

    private static int sentences(Element e) {
        Matcher m = SENTENCE.matcher(e.text());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
