package uz.qaror.internal.input;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The identifier types a descriptor may give a {@code form.*} input ({@code type: pinfl}, ...). A form answer of
 * such a type is checked by the same {@link Identifiers} check as the applicant's own identifier of that kind,
 * so a represented person's PINFL or a company's STIR is validated once, by the engine, and never in DRL.
 */
public enum IdentifierType {

    PINFL("pinfl", Identifiers::pinflProblem),
    STIR("stir", Identifiers::stirProblem),
    PASSPORT("passport", Identifiers::passportProblem),
    PHONE("phone", Identifiers::phoneProblem),
    SOATO("soato", Identifiers::soatoProblem);

    private final String typeName;
    private final Function<String, Optional<String>> check;

    IdentifierType(String typeName, Function<String, Optional<String>> check) {
        this.typeName = typeName;
        this.check = check;
    }

    /** The type's name in service.yaml. */
    public String typeName() {
        return typeName;
    }

    /** The problem with a value, in the words of the applicant's own check, or empty when it is valid. */
    public Optional<String> problem(String value) {
        return check.apply(value);
    }

    /** The value as rules see it: a phone in E.164 form; others as given. Call only for a valid value. */
    public String normalise(String value) {
        return this == PHONE ? Identifiers.normalisePhone(value) : value;
    }

    /** The identifier type of a declared input type, or empty for {@code string}, {@code integer}, ... */
    public static Optional<IdentifierType> of(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }
}
