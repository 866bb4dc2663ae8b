package uz.qaror.facts;

import java.time.LocalDate;

/** A person as the portal knows them; {@code age} is in completed years on the decision date. */
public class Person {

    private final String pinfl;
    private final LocalDate birthDate;
    private final Integer age;
    private final String sex;
    private final String citizenship;
    private final Integer disabilityGroup;

    public Person(String pinfl, LocalDate birthDate, Integer age, String sex, String citizenship,
                  Integer disabilityGroup) {
        this.pinfl = pinfl;
        this.birthDate = birthDate;
        this.age = age;
        this.sex = sex;
        this.citizenship = citizenship;
        this.disabilityGroup = disabilityGroup;
    }

    public String getPinfl() {
        return pinfl;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    /** Completed years on the decision date, or {@code null} where the birth date is unknown. */
    public Integer getAge() {
        return age;
    }

    /** {@code M} or {@code F}. */
    public String getSex() {
        return sex;
    }

    public boolean isMale() {
        return "M".equals(sex);
    }

    public boolean isFemale() {
        return "F".equals(sex);
    }

    /** ISO 3166 alpha-2 code, {@code UZ} for citizens of Uzbekistan. */
    public String getCitizenship() {
        return citizenship;
    }

    public boolean isCitizen() {
        return "UZ".equals(citizenship);
    }

    /** Disability group 1, 2 or 3, or {@code null}. */
    public Integer getDisabilityGroup() {
        return disabilityGroup;
    }
}
