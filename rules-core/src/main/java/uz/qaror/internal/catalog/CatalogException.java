package uz.qaror.internal.catalog;

import java.util.List;

import uz.qaror.Diagnostic;
import uz.qaror.RulesException;

/** A catalog file that cannot be read, with the diagnostic that says where. */
final class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    CatalogException(Diagnostic diagnostic) {
        super(diagnostic.toString());
        this.diagnostic = diagnostic;
    }

    Diagnostic diagnostic() {
        return diagnostic;
    }

    RulesException toRulesException(String summary) {
        return new RulesException(summary, List.of(diagnostic));
    }
}
