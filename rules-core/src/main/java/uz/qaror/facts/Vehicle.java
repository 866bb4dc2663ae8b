package uz.qaror.facts;

/** A vehicle owned in the household. Immutable. */
public final class Vehicle {

    private final String kind;
    private final Integer year;
    private final Integer ageYears;

    /**
     * Creates a vehicle; the engine makes them from the application, and tests may make their own.
     *
     * @param kind     see {@link #getKind()}
     * @param year     see {@link #getYear()}
     * @param ageYears see {@link #getAgeYears()}
     */
    public Vehicle(String kind, Integer year, Integer ageYears) {
        this.kind = kind;
        this.year = year;
        this.ageYears = ageYears;
    }

    /** {@return {@code car}, {@code motorcycle}, {@code truck}, {@code bus} or {@code other}; never {@code null}} */
    public String getKind() {
        return kind;
    }

    /** {@return whether the vehicle is a car} */
    public boolean isCar() {
        return "car".equals(kind);
    }

    /** {@return the model year, or {@code null} when not given} */
    public Integer getYear() {
        return year;
    }

    /**
     * {@return the year of the decision date minus the model year, or {@code null} when the model year is not
     * given}
     */
    public Integer getAgeYears() {
        return ageYears;
    }
}
