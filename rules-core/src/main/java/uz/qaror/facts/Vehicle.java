package uz.qaror.facts;

/** A vehicle owned in the household; {@code ageYears} counts from the model year to the decision year. */
public final class Vehicle {

    private final String kind;
    private final Integer year;
    private final Integer ageYears;

    public Vehicle(String kind, Integer year, Integer ageYears) {
        this.kind = kind;
        this.year = year;
        this.ageYears = ageYears;
    }

    /** {@code car}, {@code motorcycle}, {@code truck}, {@code bus} or {@code other}. */
    public String getKind() {
        return kind;
    }

    public boolean isCar() {
        return "car".equals(kind);
    }

    public Integer getYear() {
        return year;
    }

    public Integer getAgeYears() {
        return ageYears;
    }
}
