package org.dlbasis.runner.report;

/**
 * Text that an implementation supplied (its name, error messages, stderr), made safe for the
 * place it is shown. An implementation must never be able to forge a report: a name such as
 * {@code "x\nverdict: conforms"}, raw HTML, a code fence, or a terminal escape sequence
 * ({@code ESC[8m} hides what follows, {@code ESC[2J} clears the screen) is shown as text.
 */
public final class Untrusted {
    private Untrusted() {}

    /**
     * For the terminal: every control character except newline and tab is shown as a visible
     * escape ({@code \x1b}), so no escape sequence reaches the terminal.
     *
     * @param s the text, or null
     * @return the text with control characters escaped; {@code "null"} for null
     */
    public static String terminal(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || !isControl(c)) {
                b.appendCodePoint(c);
            } else {
                b.append(String.format("\\x%02x", c));
            }
        });
        return b.toString();
    }

    /**
     * For one line of Markdown (a table cell, a list item): no line breaks, no markup, no HTML.
     *
     * @param s the text, or null
     * @return the text as one line of inert Markdown
     */
    public static String markdownLine(String s) {
        String flat = terminal(s).replace("\r", "").replace("\n", " ⏎ ").replace("\t", " ");
        StringBuilder b = new StringBuilder(flat.length() + 16);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~', '(', ')', '{', '}', '+', '-', '.', '"', '\'' ->
                    b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * For several lines of Markdown shown verbatim: an indented code block (every line starts with
     * four spaces, and a blank line precedes it). Unlike a fenced block, there is no fence that
     * the text could close, and no line of it can pass for a line of the report.
     *
     * @param s the text, or null
     * @return the text as an indented code block, preceded by a blank line
     */
    public static String markdownBlock(String s) {
        StringBuilder b = new StringBuilder("\n");
        terminal(s)
                .replace("\r", "")
                .lines()
                .forEach(l -> b.append("    ").append(l).append('\n'));
        return b.append('\n').toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20
                || c == 0x7f
                || (c >= 0x80 && c < 0xa0)
                || c == 0x2028
                || c == 0x2029
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
