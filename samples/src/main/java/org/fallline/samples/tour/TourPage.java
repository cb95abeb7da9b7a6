package org.fallline.samples.tour;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The report page {@code index.html}: one self-contained HTML5 document with its style sheet inline and no
 * script, font or image from the network, so that it reads the same offline or mailed to a colleague.
 * Figures are {@code <img>} elements referring to the PNG files beside the page; data files are linked by
 * relative address. Every text from a section is escaped.
 */
final class TourPage {

    private static final String STYLE = """
            body { font: 16px/1.5 Georgia, 'DejaVu Serif', serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
                   color: #222; background: #fff; }
            h1 { font-size: 1.8em; margin-bottom: 0.2em; }
            h2 { font-size: 1.35em; margin-top: 2.2em; border-bottom: 1px solid #ccc; }
            .domain { color: #666; font-variant: small-caps; font-size: 0.85em; margin-right: 0.5em; }
            p.sentence { font-size: 1.05em; }
            figure { display: inline-block; margin: 0.5em 1.5em 1em 0; vertical-align: top; max-width: 100%; }
            figure img { width: 100%; max-width: 28em; height: auto; border: 1px solid #ddd; }
            figcaption { font-size: 0.9em; color: #444; max-width: 28em; }
            table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.92em; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.8em 0.25em 0; text-align: left; vertical-align: top; }
            td.value { font-family: 'DejaVu Sans Mono', monospace; overflow-wrap: anywhere; }
            td:first-child { min-width: 14em; }
            pre { background: #f5f5f5; padding: 0.6em 0.8em; overflow-x: auto; font-size: 0.88em; }
            nav ul { columns: 2; }
            """;

    private TourPage() {
    }

    /** Writes the page for the given sections. */
    static void write(Writer out, List<SectionReport> sections, String version, boolean quick) throws IOException {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>fallline tour</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>fallline: the gradient is a compass</h1>\n");
        h.append("<p>A fall line is the path of steepest descent. This page was written by <code>fallline tour")
                .append(quick ? " --quick" : "").append("</code> (fallline ").append(escape(version))
                .append("): one representative case of every part of the toolkit, computed on bundled data. "
                        + "Each section says what it shows, gives its key numbers beside the reference they are "
                        + "checked against, and the command that reproduces it.")
                .append(quick ? " This is the quick tour: smaller grids and fewer resamples." : "")
                .append("</p>\n");
        h.append("<nav><ul>\n");
        for (SectionReport s : sections) {
            h.append("<li><a href=\"#").append(escape(s.id())).append("\">").append(escape(s.title()))
                    .append("</a> <span class=\"domain\">").append(escape(s.domain())).append("</span></li>\n");
        }
        h.append("</ul></nav>\n");
        for (SectionReport s : sections) {
            section(h, s);
        }
        h.append("</body>\n</html>\n");
        out.write(h.toString());
    }

    private static void section(StringBuilder h, SectionReport s) {
        h.append("<section id=\"").append(escape(s.id())).append("\">\n<h2><span class=\"domain\">")
                .append(escape(s.domain())).append("</span>").append(escape(s.title())).append("</h2>\n");
        h.append("<p class=\"sentence\">").append(escape(s.sentence())).append("</p>\n");
        for (SectionReport.Figure f : s.figures()) {
            h.append("<figure><a href=\"").append(escape(f.file())).append("\"><img src=\"").append(escape(f.file()))
                    .append("\" alt=\"").append(escape(f.caption())).append("\" width=\"").append(TourContext.FIGURE_WIDTH)
                    .append("\" height=\"").append(TourContext.FIGURE_HEIGHT).append("\"></a><figcaption>")
                    .append(escape(f.caption())).append("</figcaption></figure>\n");
        }
        if (!s.numbers().isEmpty()) {
            h.append("<table>\n<thead><tr><th>quantity</th><th>value</th><th>reference</th></tr></thead>\n<tbody>\n");
            for (SectionReport.KeyNumber k : s.numbers()) {
                h.append("<tr><td>").append(escape(k.quantity())).append("</td><td class=\"value\">")
                        .append(escape(k.value())).append("</td><td>").append(escape(k.reference()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        if (!s.files().isEmpty()) {
            h.append("<p>Data: ");
            for (int i = 0; i < s.files().size(); i++) {
                SectionReport.DataFile f = s.files().get(i);
                h.append(i == 0 ? "" : "; ").append("<a href=\"").append(escape(f.file())).append("\">")
                        .append(escape(f.file())).append("</a> (").append(escape(f.description())).append(')');
            }
            h.append(".</p>\n");
        }
        if (!s.commands().isEmpty()) {
            h.append("<p>Reproduce:</p>\n<pre><code>");
            for (String c : s.commands()) {
                h.append(escape(c)).append('\n');
            }
            h.append("</code></pre>\n");
        }
        h.append("</section>\n");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
