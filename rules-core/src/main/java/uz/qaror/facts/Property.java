package uz.qaror.facts;

/** Real estate owned in the household. */
public final class Property {

    private final String kind;

    public Property(String kind) {
        this.kind = kind;
    }

    /** {@code dwelling}, {@code non-residential} or {@code land}. */
    public String getKind() {
        return kind;
    }

    public boolean isDwelling() {
        return "dwelling".equals(kind);
    }
}
