package uz.qaror.tools.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.internal.json.Json;

/**
 * The simulation report as one self-contained HTML page: the data embedded as JSON, drawn by a small script into
 * tables and bar charts, with no file or network fetched, so the page can be mailed or archived as it is.
 */
public final class HtmlReport {

    private static final String TEMPLATE = load();

    private HtmlReport() {
    }

    public static String render(ObjectNode report) {
        try {
            // "</" would end the script element early; JSON allows the escaped form.
            String data = Json.JSON.writeValueAsString(report).replace("</", "<\\/");
            return TEMPLATE.replace("/*REPORT_DATA*/null", data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String load() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("/uz/qaror/tools/simulation-report.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
