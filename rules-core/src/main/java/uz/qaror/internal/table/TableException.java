package uz.qaror.internal.table;

import java.util.List;

import uz.qaror.Diagnostic;
import uz.qaror.RulesException;

/** A decision table that cannot be read, with the diagnostic that says where and why. */
public final class TableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    public TableException(Diagnostic diagnostic) {
        super(diagnostic.toString());
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }

    public RulesException toRulesException() {
        return new RulesException("cannot read the decision table " + diagnostic.file(), List.of(diagnostic));
    }
}
