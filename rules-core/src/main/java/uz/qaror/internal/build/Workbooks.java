package uz.qaror.internal.build;

/**
 * Whether Excel workbook tables can be read: Drools reads them with Apache POI, which rules-core leaves out (17 MB
 * that an embedder with CSV tables only does not need) and the optional rules-spreadsheet module brings.
 */
final class Workbooks {

    private static final boolean READABLE = loadable("org.apache.poi.ss.usermodel.WorkbookFactory");

    private Workbooks() {
    }

    static boolean readable() {
        return READABLE;
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, Workbooks.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
