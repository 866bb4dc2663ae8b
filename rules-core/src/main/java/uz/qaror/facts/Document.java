package uz.qaror.facts;

import java.time.LocalDate;

/** A document attached to the application, by its type in the service's vocabulary. */
public final class Document {

    private final String type;
    private final String number;
    private final LocalDate issuedOn;

    public Document(String type, String number, LocalDate issuedOn) {
        this.type = type;
        this.number = number;
        this.issuedOn = issuedOn;
    }

    public String getType() {
        return type;
    }

    public String getNumber() {
        return number;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }
}
