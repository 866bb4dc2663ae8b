package uz.qaror.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.SpecVersion;

import uz.qaror.internal.json.Json;

/**
 * Each keyword the quick test understands, on values networknt accepts and rejects: the quick test agrees with
 * networknt, or (for readings that could differ) leaves the question to it, but never accepts what it rejects.
 */
class QuickSchemaCheckTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final ObjectMapper PLAIN = new ObjectMapper();

    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // schema | document | quick and networknt agree (true) or quick leaves it to networknt (false)
        "{\"type\":\"string\"}                                   | \"a\"            | true",
        "{\"type\":\"string\"}                                   | 1                | true",
        "{\"type\":[\"string\",\"null\"]}                        | null             | true",
        "{\"type\":[\"string\",\"null\"]}                        | false            | true",
        "{\"type\":\"integer\"}                                  | 7                | true",
        "{\"type\":\"integer\"}                                  | 12345678901234567890123 | true",
        "{\"type\":\"integer\"}                                  | 7.5              | true",
        "{\"type\":\"integer\"}                                  | 7.0              | false",
        "{\"type\":\"number\"}                                   | 7.5              | true",
        "{\"type\":\"number\"}                                   | \"7\"            | true",
        "{\"type\":\"boolean\"}                                  | true             | true",
        "{\"type\":\"array\"}                                    | []               | true",
        "{\"type\":\"object\"}                                   | []               | true",
        "{\"enum\":[1,2,3,null]}                                 | 2                | true",
        "{\"enum\":[1,2,3,null]}                                 | null             | true",
        "{\"enum\":[1,2,3,null]}                                 | 4                | true",
        "{\"enum\":[1,2,3,null]}                                 | \"1\"            | true",
        "{\"enum\":[\"M\",\"F\"]}                                | \"F\"            | true",
        "{\"enum\":[\"M\",\"F\"]}                                | \"f\"            | true",
        "{\"minLength\":2,\"maxLength\":2}                       | \"UZ\"           | true",
        "{\"minLength\":2,\"maxLength\":2}                       | \"U\"            | true",
        "{\"minLength\":2,\"maxLength\":2}                       | \"UZB\"          | true",
        "{\"minLength\":2,\"maxLength\":2}                       | 1                | true",
        "{\"maxLength\":1}                                       | \"\uD83D\uDE00\" | false",
        "{\"pattern\":\"^[A-Z][A-Z]\"}                           | \"UZ\"           | true",
        "{\"pattern\":\"^[A-Z][A-Z]\"}                           | \"uz\"           | true",
        "{\"pattern\":\"^[A-Z][A-Z]\"}                           | \"xUZ\"          | true",
        "{\"minimum\":0,\"maximum\":80}                          | 0                | true",
        "{\"minimum\":0,\"maximum\":80}                          | 80               | true",
        "{\"minimum\":0,\"maximum\":80}                          | 80.0001          | true",
        "{\"minimum\":0,\"maximum\":80}                          | -0.01            | true",
        "{\"minimum\":0}                                         | -1e400           | true",
        // whole numbers against whole bounds are compared as longs; other bounds as decimals
        "{\"minimum\":0,\"maximum\":80}                          | 81               | true",
        "{\"minimum\":0,\"maximum\":80}                          | -1               | true",
        "{\"minimum\":0,\"maximum\":80}                          | 9223372036854775807 | true",
        "{\"minimum\":0.5}                                       | 0                | true",
        "{\"minimum\":0.5}                                       | 1                | true",
        "{\"maximum\":1e30}                                      | 9223372036854775807 | true",
        "{\"maximum\":1e30}                                      | 12345678901234567890123 | true",
        "{\"minimum\":-9223372036854775808}                      | -9223372036854775808 | true",
        "{\"maximum\":80.0}                                      | 80               | true",
        "{\"maximum\":80.0}                                      | 81               | true",
        // a string is allowed by the text of the enum's strings, anything else by equality
        "{\"enum\":[\"M\",1,null]}                             | \"M\"            | true",
        "{\"enum\":[\"M\",1,null]}                             | \"1\"            | true",
        "{\"enum\":[\"M\",1,null]}                             | 1                | true",
        "{\"enum\":[\"M\",1,null]}                             | \"m\"            | true",
        "{\"required\":[\"a\"]}                                  | {\"a\":null}     | true",
        "{\"required\":[\"a\"]}                                  | {\"b\":1}        | true",
        // required properties that are declared are counted as the fields go by; the others looked up
        "{\"required\":[\"a\",\"b\"],\"properties\":{\"a\":{\"minimum\":0},\"b\":{}}} | {\"a\":1,\"b\":2} | true",
        "{\"required\":[\"a\",\"b\"],\"properties\":{\"a\":{\"minimum\":0},\"b\":{}}} | {\"a\":1}        | true",
        "{\"required\":[\"a\",\"b\"],\"properties\":{\"a\":{\"minimum\":0},\"b\":{}}} | {\"b\":1,\"c\":2} | true",
        "{\"required\":[\"a\",\"b\"],\"properties\":{\"a\":{\"minimum\":0},\"b\":{}}} | {\"a\":1,\"b\":null} | true",
        "{\"required\":[\"a\",\"a\"],\"properties\":{\"a\":{}}}  | {\"a\":1}        | true",
        "{\"required\":[\"a\",\"z\"],\"properties\":{\"a\":{}}}  | {\"a\":1,\"z\":2} | true",
        "{\"required\":[\"a\",\"z\"],\"properties\":{\"a\":{}}}  | {\"a\":1}        | true",
        "{\"required\":[\"a\",\"z\"],\"properties\":{\"a\":{}}}  | {\"z\":1}        | true",
        "{\"additionalProperties\":false,\"properties\":{\"a\":{\"type\":\"integer\"}}} | {\"a\":1}        | true",
        "{\"additionalProperties\":false,\"properties\":{\"a\":{\"type\":\"integer\"}}} | {\"a\":\"x\"}    | true",
        "{\"additionalProperties\":false,\"properties\":{\"a\":{\"type\":\"integer\"}}} | {\"b\":1}        | true",
        "{\"additionalProperties\":false}                        | {}               | true",
        "{\"additionalProperties\":false}                        | {\"b\":1}        | true",
        "{\"properties\":{\"a\":{\"type\":\"integer\"}}}         | {\"b\":\"x\"}    | true",
        "{\"items\":{\"$ref\":\"#/$defs/d\"},\"$defs\":{\"d\":{\"type\":\"object\",\"required\":[\"k\"]}}} | [{\"k\":1}]        | true",
        "{\"items\":{\"$ref\":\"#/$defs/d\"},\"$defs\":{\"d\":{\"type\":\"object\",\"required\":[\"k\"]}}} | [{\"k\":1},{}]     | true",
        "{\"items\":{\"$ref\":\"#/$defs/d\"},\"$defs\":{\"d\":{\"type\":\"object\",\"required\":[\"k\"]}}} | [{\"k\":1},7]      | true",
    })
    void agreesWithNetworkntOrLeavesTheQuestionToIt(String schemaText, String documentText, boolean agrees)
            throws Exception {
        JsonNode schema = Json.JSON.readTree(schemaText);
        QuickSchemaCheck quick = QuickSchemaCheck.of(schema).orElseThrow();
        for (JsonNode document : new JsonNode[] {Json.JSON.readTree(documentText), PLAIN.readTree(documentText)}) {
            boolean full = FACTORY.getSchema(schema).validate(document, OutputFormat.BOOLEAN);
            boolean quickly = quick.certainlyValid(document);
            if (quickly) {
                assertThat(full).as("networknt accepts what the quick test vouches for").isTrue();
            }
            if (agrees) {
                assertThat(quickly).as("the quick test agrees with networknt (%s)", full).isEqualTo(full);
            } else {
                assertThat(full).as("networknt accepts it").isTrue();
                assertThat(quickly).as("the quick test leaves it to networknt").isFalse();
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"string\",\"format\":\"date\"}",
        "{\"oneOf\":[{\"type\":\"string\"}]}",
        "{\"additionalProperties\":{\"type\":\"string\"}}",
        "{\"items\":{\"$ref\":\"other.json#/x\"}}",
        "{\"items\":{\"$ref\":\"#/$defs/d\"},\"$defs\":{\"d\":{\"items\":{\"$ref\":\"#/$defs/d\"}}}}",
        "{\"type\":\"date\"}",
    })
    void aSchemaWithAKeywordItDoesNotKnowGetsNoQuickTest(String schemaText) throws Exception {
        assertThat(QuickSchemaCheck.of(Json.JSON.readTree(schemaText))).isEmpty();
    }

    @Test
    void theApplicationSchemaAsksNetworkntOnlyWhenTheQuickTestCannotVouch() throws Exception {
        ApplicationSchema envelope = ApplicationSchema.envelope();
        JsonNode valid = Json.JSON.readTree("{\"id\":\"a-1\",\"service\":\"s\","
                + "\"submittedAt\":\"2026-03-02T10:00:00+05:00\","
                + "\"applicant\":{\"pinfl\":null,\"serviceYears\":3}}");
        JsonNode fractionOfAYear = Json.JSON.readTree("{\"id\":\"a-1\",\"service\":\"s\","
                + "\"submittedAt\":\"2026-03-02T10:00:00+05:00\",\"applicant\":{\"serviceYears\":3.0}}");
        assertThat(envelope.quicklyValid(valid)).isTrue();
        assertThat(envelope.isValid(valid)).isTrue();
        assertThat(envelope.quicklyValid(fractionOfAYear)).isFalse();
        assertThat(envelope.isValid(fractionOfAYear)).isEqualTo(envelope.fullyValid(fractionOfAYear));
        assertThat(envelope.messages(valid)).isEmpty();
    }
}
