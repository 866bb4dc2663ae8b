package uz.qaror.tools.testing;

import java.io.OutputStream;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes test results in the JUnit XML format that CI servers (GitLab, Jenkins, GitHub actions) display: one
 * {@code testsuite} per service, one {@code testcase} per case, a {@code failure} carrying the differences.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    /**
     * Writes the reports as UTF-8 XML; the stream is not closed.
     *
     * @throws java.io.UncheckedIOException when the stream cannot be written
     */
    public static void write(List<TestRunner.ServiceReport> reports, OutputStream out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "qaror");
            xml.writeAttribute("tests", Integer.toString(reports.stream().mapToInt(r -> r.results().size()).sum()));
            xml.writeAttribute("failures", Long.toString(reports.stream().mapToLong(r -> r.failures()).sum()));
            for (TestRunner.ServiceReport report : reports) {
                writeSuite(xml, report);
            }
            newline(xml, 0);
            xml.writeEndElement();
            newline(xml, 0);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new java.io.UncheckedIOException(new java.io.IOException("cannot write JUnit XML: "
                    + e.getMessage(), e));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeSuite(XMLStreamWriter xml, TestRunner.ServiceReport report) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", report.service());
        xml.writeAttribute("tests", Integer.toString(report.results().size()));
        xml.writeAttribute("failures", Long.toString(report.failures()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        writeCoverage(xml, report);
        for (CaseResult result : report.results()) {
            TestCase testCase = result.testCase();
            newline(xml, 2);
            if (result.passed()) {
                xml.writeEmptyElement("testcase");
            } else {
                xml.writeStartElement("testcase");
            }
            xml.writeAttribute("classname", report.service());
            xml.writeAttribute("name", testCase.name());
            // file and line let CI servers link a failure to the case in the test file.
            xml.writeAttribute("file", testCase.file());
            xml.writeAttribute("line", Integer.toString(testCase.line()));
            if (!result.passed()) {
                newline(xml, 3);
                xml.writeStartElement("failure");
                xml.writeAttribute("message", result.differences().get(0));
                xml.writeAttribute("type", "mismatch");
                xml.writeCharacters(testCase.file() + ":" + testCase.line() + ": " + testCase.name() + "\n"
                        + String.join("\n", result.differences()));
                xml.writeEndElement();
                newline(xml, 2);
                xml.writeEndElement();
            }
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    /** Rule coverage as suite properties, so that CI can chart it next to the cases. */
    private static void writeCoverage(XMLStreamWriter xml, TestRunner.ServiceReport report) throws XMLStreamException {
        newline(xml, 2);
        xml.writeStartElement("properties");
        property(xml, "rules", Integer.toString(report.rules().size()));
        property(xml, "rulesFired", Integer.toString(report.rules().size() - report.unfiredRules().size()));
        property(xml, "rulesNotFired", String.join("; ", report.unfiredRules()));
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        newline(xml, 3);
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
