package uz.qaror.tools.testing;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.ScreeningStatus;

/**
 * One test case of a service: an application, the date to judge at (optional), what to expect of its decision,
 * and what screening the applicant's household should answer per service ({@code screen:}); either may be absent,
 * not both.
 */
public record TestCase(String file, int line, String name, JsonNode application, LocalDate asOf,
                       Expectation expect, Map<String, ScreeningStatus> screen) {

    public TestCase {
        screen = screen == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(screen));
    }

    /** A case that only decides its application. */
    public TestCase(String file, int line, String name, JsonNode application, LocalDate asOf, Expectation expect) {
        this(file, line, name, application, asOf, expect, null);
    }
}
