package uz.qaror.internal.input;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The identifier types a descriptor may give a {@code form.*} input ({@code type: pinfl}, ...). A form answer of
 * such a type is checked by the same {@link Identifiers} check as the applicant's own identifier of that kind,
 * so a represented person's PINFL or a company's STIR is validated once, by the engine, and never in DRL.
 */
public enum IdentifierType {

    PINFL("pinfl", value -> Identifiers.Checked.of(value, Identifiers.pinflProblem(value))),
    STIR("stir", value -> Identifiers.Checked.of(value, Identifiers.stirProblem(value))),
    PASSPORT("passport", value -> Identifiers.Checked.of(value, Identifiers.passportProblem(value))),
    PHONE("phone", Identifiers::phone),
    SOATO("soato", value -> Identifiers.Checked.of(value, Identifiers.soatoProblem(value)));

    private final String typeName;
    private final Function<String, Identifiers.Checked> check;

    IdentifierType(String typeName, Function<String, Identifiers.Checked> check) {
        this.typeName = typeName;
        this.check = check;
    }

    /** The type's name in service.yaml. */
    public String typeName() {
        return typeName;
    }

    /**
     * The value checked by the applicant's own check: its problem in those words, or the value as rules see it (a
     * phone in E.164 form; others as given).
     */
    public Identifiers.Checked check(String value) {
        return check.apply(value);
    }

    /** The identifier type of a declared input type, or empty for {@code string}, {@code integer}, ... */
    public static Optional<IdentifierType> of(String typeName) {
        // asked for every identifier answer of every application: a lookup, not a stream over the values
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    private static final Map<String, IdentifierType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(IdentifierType::typeName, type -> type));
}
