package uz.qaror.facts;

import java.time.LocalDate;

/**
 * A person as the portal knows them: the applicant or a member of the household. Every field the application
 * leaves out is {@code null}; where a valid PINFL is given, the birth date and sex it encodes fill in those left
 * out (and those given must agree with it). Immutable.
 */
public class Person {

    private final String pinfl;
    private final LocalDate birthDate;
    private final Integer age;
    private final String sex;
    private final String citizenship;
    private final Integer disabilityGroup;

    /**
     * Creates a person; the engine makes them from the application, and tests may make their own.
     *
     * @param pinfl           the personal identification number (14 digits), or {@code null}
     * @param birthDate       the birth date, or {@code null}
     * @param age             completed years on the decision date, or {@code null}
     * @param sex             {@code M}, {@code F} or {@code null}
     * @param citizenship     an ISO 3166 alpha-2 code, or {@code null}
     * @param disabilityGroup 1, 2 or 3, or {@code null} for none
     */
    public Person(String pinfl, LocalDate birthDate, Integer age, String sex, String citizenship,
                  Integer disabilityGroup) {
        this.pinfl = pinfl;
        this.birthDate = birthDate;
        this.age = age;
        this.sex = sex;
        this.citizenship = citizenship;
        this.disabilityGroup = disabilityGroup;
    }

    /**
     * {@return the PINFL (JSHSHIR), 14 digits with a valid check digit, or {@code null} when not given}
     */
    public String getPinfl() {
        return pinfl;
    }

    /** {@return the birth date as given or as the PINFL encodes it; {@code null} when neither is known} */
    public LocalDate getBirthDate() {
        return birthDate;
    }

    /** {@return completed years on the decision date, or {@code null} where the birth date is unknown} */
    public Integer getAge() {
        return age;
    }

    /** {@return {@code M} or {@code F}, as given or as the PINFL encodes it; {@code null} when neither is known} */
    public String getSex() {
        return sex;
    }

    /** {@return whether the sex is known to be male; {@code false} when it is unknown} */
    public boolean isMale() {
        return "M".equals(sex);
    }

    /** {@return whether the sex is known to be female; {@code false} when it is unknown} */
    public boolean isFemale() {
        return "F".equals(sex);
    }

    /**
     * {@return the ISO 3166 alpha-2 code of the citizenship, {@code UZ} for Uzbekistan; {@code null} when not
     * given}
     */
    public String getCitizenship() {
        return citizenship;
    }

    /** {@return whether the person is a citizen of Uzbekistan; {@code false} when the citizenship is not given} */
    public boolean isCitizen() {
        return "UZ".equals(citizenship);
    }

    /** {@return the disability group, 1, 2 or 3, or {@code null} when the person has none or it is not given} */
    public Integer getDisabilityGroup() {
        return disabilityGroup;
    }
}
