package uz.qaror.facts;

import java.time.LocalDate;

/**
 * A document attached to the application, by its type in the service's vocabulary. A service whose rules read
 * one declares the input {@code documents.<type>}; where that input is required, an application without such a
 * document is incomplete. Immutable.
 */
public final class Document {

    private final String type;
    private final String number;
    private final LocalDate issuedOn;

    /**
     * Creates a document; the engine makes them from the application, and tests may make their own.
     *
     * @param type     see {@link #getType()}
     * @param number   see {@link #getNumber()}
     * @param issuedOn see {@link #getIssuedOn()}
     */
    public Document(String type, String number, LocalDate issuedOn) {
        this.type = type;
        this.number = number;
        this.issuedOn = issuedOn;
    }

    /** {@return the document's type, such as {@code medical-certificate}; never {@code null}} */
    public String getType() {
        return type;
    }

    /** {@return the document's number as written on it, or {@code null} when not given} */
    public String getNumber() {
        return number;
    }

    /** {@return the day the document was issued, or {@code null} when not given} */
    public LocalDate getIssuedOn() {
        return issuedOn;
    }
}
