package uz.qaror.tools.testing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.DecisionEngine;
import uz.qaror.Reason;
import uz.qaror.ScreeningAnswer;
import uz.qaror.ScreeningRequest;
import uz.qaror.ScreeningResult;
import uz.qaror.ScreeningStatus;
import uz.qaror.internal.input.ApplicationReader;

/**
 * The {@code screen:} part of a test case: the case's application, less what only an application has (its service,
 * submission time and language), is screened as a household for the services the case names, on the case's
 * {@code asOf} or else its submission date, and each status is compared with the one expected.
 */
final class ScreeningCases {

    /** What an application has that a household does not. */
    private static final List<String> APPLICATION_ONLY = List.of("service", "submittedAt", "language");

    private ScreeningCases() {
    }

    static List<String> compare(DecisionEngine engine, TestCase testCase) {
        ObjectNode household = testCase.application().deepCopy();
        APPLICATION_ONLY.forEach(household::remove);
        ScreeningResult result = engine.screen(ScreeningRequest.builder().household(household)
                .asOf(date(testCase)).services(testCase.screen().keySet()).build());
        List<String> differences = new ArrayList<>();
        if (!result.screened()) {
            differences.add("screen: the household cannot be screened: " + result.problems());
            return differences;
        }
        for (Map.Entry<String, ScreeningStatus> expected : testCase.screen().entrySet()) {
            ScreeningAnswer answer = result.answer(expected.getKey()).orElseThrow();
            if (answer.status() != expected.getValue()) {
                differences.add("screen " + expected.getKey() + ": expected " + expected.getValue() + ", got "
                        + answer.status() + " (reasons " + answer.reasons().stream().map(Reason::code).toList()
                        + (answer.needs().isEmpty() ? "" : ", needs " + answer.needs().stream()
                        .map(ScreeningAnswer.Needed::path).toList())
                        + (answer.problems().isEmpty() ? "" : ", problems " + answer.problems()) + ")");
            }
        }
        return differences;
    }

    private static LocalDate date(TestCase testCase) {
        if (testCase.asOf() != null) {
            return testCase.asOf();
        }
        JsonNode submitted = testCase.application().path("submittedAt");
        try {
            return ApplicationReader.dayInTashkent(OffsetDateTime.parse(submitted.asText()));
        } catch (DateTimeParseException e) {
            // No usable submission date: the screening date is today's, as for any household.
            return null;
        }
    }
}
