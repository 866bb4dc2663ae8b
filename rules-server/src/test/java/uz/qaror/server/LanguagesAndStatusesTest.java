package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import uz.qaror.Failure;
import uz.qaror.Language;

class LanguagesAndStatusesTest {

    @Test
    void langWinsThenTheBestAcceptLanguageQarorSpeaksThenUzbek() {
        assertThat(Languages.of("en", "ru")).isEqualTo(Language.EN);
        assertThat(Languages.of(null, "ru-RU,ru;q=0.9,en;q=0.8")).isEqualTo(Language.RU);
        assertThat(Languages.of(null, "de, en;q=0.5, ru;q=0.7")).isEqualTo(Language.RU);
        assertThat(Languages.of(null, "uz-Cyrl-UZ")).isEqualTo(Language.UZ_CYRL);
        assertThat(Languages.of(null, "uz-UZ")).isEqualTo(Language.UZ);
        assertThat(Languages.of(null, "uz-Latn")).isEqualTo(Language.UZ);
        assertThat(Languages.of(null, "ru;q=0, en")).isEqualTo(Language.EN);
        assertThat(Languages.of(null, "fr, *")).isEqualTo(Language.UZ);
        assertThat(Languages.of(null, "ru;q=abc")).isEqualTo(Language.UZ);
        assertThat(Languages.of(null, null)).isEqualTo(Language.UZ);
        assertThatThrownBy(() -> Languages.of("fr", null)).isInstanceOf(ApiError.class)
                .hasMessageContaining("unknown language 'fr'");
    }

    @Test
    void aCallersMistakeIsNeverA500() {
        for (Failure.Kind kind : Failure.Kind.values()) {
            int status = FailureStatus.of(kind);
            if (kind.isInputProblem()) {
                assertThat(status).as(kind.name()).isBetween(400, 499);
            } else {
                assertThat(status).as(kind.name()).isBetween(500, 599);
            }
        }
        assertThat(FailureStatus.of(Failure.Kind.MALFORMED_JSON)).isEqualTo(400);
        assertThat(FailureStatus.of(Failure.Kind.INVALID_FIELD)).isEqualTo(422);
        assertThat(FailureStatus.of(Failure.Kind.UNKNOWN_SERVICE)).isEqualTo(404);
        assertThat(FailureStatus.of(Failure.Kind.RULES_BROKEN)).isEqualTo(503);
        assertThat(FailureStatus.of(Failure.Kind.RULE_FAILED)).isEqualTo(500);
        assertThat(FailureStatus.of(Failure.Kind.LIMIT_EXCEEDED)).isEqualTo(413);
        assertThat(FailureStatus.of(Failure.Kind.TIMEOUT)).isEqualTo(503);
        assertThat(FailureStatus.headers(Failure.Kind.TIMEOUT)).containsEntry("Retry-After", "1");
        assertThat(FailureStatus.of(Failure.Kind.INTERNAL_ERROR)).isEqualTo(500);
        assertThat(FailureStatus.headers(Failure.Kind.INTERNAL_ERROR)).isEmpty();
    }

    @Test
    void sizesInBytesKilobytesOrMegabytes() {
        assertThat(ServerOptions.parseSize("1MB")).isEqualTo(1 << 20);
        assertThat(ServerOptions.parseSize("512kb")).isEqualTo(512 * 1024);
        assertThat(ServerOptions.parseSize("1048576")).isEqualTo(1 << 20);
        assertThatThrownBy(() -> ServerOptions.parseSize("lots")).hasMessageContaining("1MB");
        assertThatThrownBy(() -> ServerOptions.parseSize("0")).hasMessageContaining("not a number of bytes");
    }

    @Test
    void aDecisionIdGoesFirstIntoALine() {
        assertThat(JsonLines.withDecisionId("{\"a\":1}", "x\"y")).isEqualTo("{\"decisionId\":\"x\\\"y\",\"a\":1}");
        assertThat(JsonLines.withDecisionId("{}", "x")).isEqualTo("{\"decisionId\":\"x\"}");
    }

    @Test
    void aDecisionIdGoesFirstIntoALineOfUtf8AsIntoItsText() {
        for (String line : List.of("{\"a\":1}", "{}", "{ }", "{ \"a\" : \"\u0410\u0440\u0438\u0437\u0430\"}",
                "{\"message\":\"\uD83D\uDE00 x\"}", "{\n\t\"a\":[]}")) {
            for (String id : List.of("b-1", "x\"y", "\u0418\u0414-7")) {
                byte[] utf8 = JsonLines.withDecisionId(line.getBytes(StandardCharsets.UTF_8), id);
                assertThat(new String(utf8, StandardCharsets.UTF_8)).as(line + " " + id)
                        .isEqualTo(JsonLines.withDecisionId(line, id));
            }
        }
        assertThatThrownBy(() -> JsonLines.withDecisionId("[1]".getBytes(StandardCharsets.UTF_8), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonLines.withDecisionId(new byte[0], "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
