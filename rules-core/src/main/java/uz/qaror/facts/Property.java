package uz.qaror.facts;

/** Real estate owned in the household. Immutable. */
public final class Property {

    private final String kind;

    /**
     * Creates a property; the engine makes them from the application, and tests may make their own.
     *
     * @param kind see {@link #getKind()}
     */
    public Property(String kind) {
        this.kind = kind;
    }

    /** {@return {@code dwelling}, {@code non-residential} or {@code land}; never {@code null}} */
    public String getKind() {
        return kind;
    }

    /** {@return whether the property is a dwelling} */
    public boolean isDwelling() {
        return "dwelling".equals(kind);
    }
}
