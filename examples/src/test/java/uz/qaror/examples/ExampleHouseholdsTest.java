package uz.qaror.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uz.qaror.DecisionEngine;
import uz.qaror.ScreeningAnswer;
import uz.qaror.ScreeningResult;
import uz.qaror.ScreeningStatus;

/** The example households are screened as the README shows them. */
class ExampleHouseholdsTest {

    private static final DecisionEngine ENGINE = DecisionEngine.embedded();
    private static final LocalDate DATE = LocalDate.of(2025, 9, 15);

    private static ScreeningResult screen(String file) throws Exception {
        return ENGINE.screen(new ObjectMapper().readTree(Path.of("households", file).toFile()), DATE);
    }

    private static List<String> services(ScreeningResult result, ScreeningStatus status) {
        return result.withStatus(status).stream().map(ScreeningAnswer::service).toList();
    }

    @Test
    void everyExampleHouseholdIsScreenedForEveryService() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("households"))) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            ScreeningResult result = screen(file.getFileName().toString());
            assertThat(result.problems()).as(file.toString()).isEmpty();
            assertThat(result.answers()).as(file.toString()).hasSize(ENGINE.serviceIds().size());
            assertThat(result.withStatus(ScreeningStatus.ERROR)).as(file.toString()).isEmpty();
        }
    }

    @Test
    void theFamilyIsOfferedTheChildBenefitAndThePensionerHerPension() throws Exception {
        ScreeningResult family = screen("karimova-family.json");
        assertThat(services(family, ScreeningStatus.ELIGIBLE)).containsExactly("child-benefit", "travel-passport");
        assertThat(family.answer("child-benefit").orElseThrow().amounts().get(0).value()).isEqualByComparingTo("525000");

        ScreeningResult pensioner = screen("yusupova-pensioner.json");
        assertThat(services(pensioner, ScreeningStatus.ELIGIBLE))
                .contains("old-age-pension", "lonely-elderly-assistance", "material-assistance");
        assertThat(services(pensioner, ScreeningStatus.NOT_APPLICABLE)).contains("child-benefit", "kindergarten-place");
    }
}
