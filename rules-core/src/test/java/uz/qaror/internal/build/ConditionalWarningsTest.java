package uz.qaror.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uz.qaror.Diagnostic;

/** A conditional in a rule's conditions is reported where its {@code ?} is written; nowhere else. */
class ConditionalWarningsTest {

    private static List<String> found(String drl) {
        return ConditionalWarnings.of(Map.of("rules.drl", drl), Map.of()).stream()
                .map(d -> d.line() + ":" + d.column() + " " + d.code()).toList();
    }

    @Test
    void aConditionalInAPatternOrAnEvalIsReportedAtItsQuestionMark() {
        String drl = """
                package p;
                rule "in a pattern"
                when
                    Applicant($t : livesInTashkentCity)
                    Household(income <= params.times("minimum-wage",
                              $t ? params.value("a")
                                 : params.value("b")))
                then
                end
                rule 'in an eval'
                when
                    eval(1 == 1 ? true : false)
                then
                end
                """;
        assertThat(found(drl)).containsExactly("6:18 " + ConditionalWarnings.CODE, "12:17 " + ConditionalWarnings.CODE);
        assertThat(ConditionalWarnings.of(Map.of("rules.drl", drl), Map.of()))
                .allSatisfy(d -> assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING));
    }

    @Test
    void conditionalsInConsequencesFunctionsStringsAndCommentsAndOtherQuestionMarksAreNot() {
        String drl = """
                package p;
                function int pensionAge(Applicant a) {
                    return a.isFemale() ? 55 : 60;
                }
                rule "consequence"
                    @legalBasis("Is it? Yes: art. 1")
                when
                    // a ? b : c in a comment
                    Applicant(name == "who? : nobody", address.?city == "x", $n : name)
                    java.util.List(this instanceof java.util.List<?>, $size : size)
                then
                    decision.approve("X", "group", $n == null ? "I" : "II");
                end
                """;
        assertThat(found(drl)).isEmpty();
    }
}
