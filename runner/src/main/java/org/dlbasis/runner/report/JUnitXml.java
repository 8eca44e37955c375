package org.dlbasis.runner.report;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.dlbasis.tck.suite.Status;

/**
 * A conformance report as JUnit XML (the Ant/Surefire format every CI server reads): one
 * {@code <testcase>} per clause, named by its ID and title, in a {@code <testsuite>} named after
 * the implementation. FAIL is a {@code <failure>}, ERROR an {@code <error>}; NOT_IMPLEMENTED,
 * NOT_VERIFIED and a failing SHOULD clause (a warning, as on the terminal) are {@code <skipped>}
 * with the reason, so CI and {@code ./dlbasis conform} agree on what breaks conformance.
 */
public final class JUnitXml {
    private JUnitXml() {}

    /**
     * The document. Everything the implementation supplied is escaped, control characters included.
     *
     * @param r the report
     * @return the JUnit XML text
     */
    public static String of(ConformanceReport r) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "dlbasis conformance: " + text(r.implementation()));
            x.writeAttribute("tests", Integer.toString(r.clauses().size()));
            x.writeAttribute("failures", Long.toString(count(r, Status.FAIL)));
            x.writeAttribute("errors", Long.toString(count(r, Status.ERROR)));
            x.writeAttribute(
                    "skipped",
                    Long.toString(r.clauses().stream().filter(JUnitXml::skipped).count()));
            x.writeAttribute("time", seconds(r.millis()));
            x.writeAttribute("timestamp", r.started());
            x.writeCharacters("\n  ");
            properties(x, r);
            for (ClauseResult c : r.clauses()) {
                x.writeCharacters("\n  ");
                testcase(x, c);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.toString();
    }

    private static void properties(XMLStreamWriter x, ConformanceReport r) throws XMLStreamException {
        x.writeStartElement("properties");
        property(x, "verdict", r.verdict().name());
        property(x, "extent", r.extent());
        property(x, "seed", Long.toString(r.seed()));
        property(x, "examples", Integer.toString(r.examples()));
        property(x, "complete", Boolean.toString(r.complete()));
        x.writeEndElement();
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", value);
    }

    private static void testcase(XMLStreamWriter x, ClauseResult c) throws XMLStreamException {
        long millis = c.properties().stream().mapToLong(o -> o.millis()).sum();
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "dlbasis." + c.id().substring(0, c.id().lastIndexOf('-')));
        x.writeAttribute("name", c.id() + " " + c.title());
        x.writeAttribute("time", seconds(millis));
        String reason = text(c.reason());
        if (skipped(c)) {
            String why = c.status() == Status.FAIL || c.status() == Status.ERROR
                    ? "SHOULD clause not met (a warning, not a failure): " + c.status()
                    : c.status().name();
            x.writeStartElement("skipped");
            x.writeAttribute("message", why);
            x.writeCharacters(reason);
            x.writeEndElement();
        } else if (c.status() == Status.FAIL || c.status() == Status.ERROR) {
            x.writeStartElement(c.status() == Status.FAIL ? "failure" : "error");
            x.writeAttribute("message", firstLine(reason));
            x.writeAttribute("type", c.status().name());
            x.writeCharacters(reason);
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    /** Not run, or a SHOULD clause that failed: a warning, not a failure. */
    private static boolean skipped(ClauseResult c) {
        return c.status() == Status.NOT_IMPLEMENTED
                || c.status() == Status.NOT_VERIFIED
                || ((c.status() == Status.FAIL || c.status() == Status.ERROR) && !c.breaksConformance());
    }

    private static long count(ConformanceReport r, Status s) {
        return r.clauses().stream()
                .filter(c -> c.status() == s && c.breaksConformance())
                .count();
    }

    /** XML 1.0 cannot carry most control characters: they are shown as visible escapes. */
    private static String text(String s) {
        return Untrusted.terminal(s).replace("\t", "    ");
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
