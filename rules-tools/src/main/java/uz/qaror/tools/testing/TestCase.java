package uz.qaror.tools.testing;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

/** One test case of a service: an application, the date to judge at (optional), and what to expect. */
public record TestCase(String file, int line, String name, JsonNode application, LocalDate asOf,
                       Expectation expect) {
}
