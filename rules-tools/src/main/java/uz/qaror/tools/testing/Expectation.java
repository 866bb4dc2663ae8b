package uz.qaror.tools.testing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a test case expects. Only what is given is checked: {@code reasons} and {@code missing} as sets of codes
 * and paths, {@code amounts} by code, {@code fee} in BCA and soum (and its components' codes), {@code messages} as text each reason message
 * in that language must contain one of; {@code error} for input that must fail (its kind, e.g. INVALID_FIELD).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Expectation(String outcome, List<String> reasons, List<String> missing,
                          Map<String, BigDecimal> amounts, FeeExpectation fee, Map<String, String> messages,
                          String error, String errorPath) {

    /** The fee expected: total in BCA and/or in soum, and/or the codes of its components in order. */
    public record FeeExpectation(BigDecimal bca, BigDecimal soum, List<String> components) {
    }
}
