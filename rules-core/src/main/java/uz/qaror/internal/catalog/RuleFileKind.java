package uz.qaror.internal.catalog;

/**
 * The rule file formats a service folder may hold. Drools itself ignores a decision table whose name does not
 * end in {@code .drl.csv} or {@code .drl.xls(x)}; the catalog recognises exactly the names Drools loads.
 */
public enum RuleFileKind {
    DRL,
    DECISION_TABLE_CSV,
    DECISION_TABLE_XLS,
    DECISION_TABLE_XLSX;

    /** The kind of a file by its name, or {@code null} when it is no rule file. */
    public static RuleFileKind of(String fileName) {
        if (fileName.endsWith(".drl")) {
            return DRL;
        }
        if (fileName.endsWith(".drl.csv")) {
            return DECISION_TABLE_CSV;
        }
        if (fileName.endsWith(".drl.xls")) {
            return DECISION_TABLE_XLS;
        }
        if (fileName.endsWith(".drl.xlsx")) {
            return DECISION_TABLE_XLSX;
        }
        return null;
    }
}
