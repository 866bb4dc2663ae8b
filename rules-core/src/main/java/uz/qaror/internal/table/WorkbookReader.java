package uz.qaror.internal.table;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Reads a workbook table ({@code .drl.xls}, {@code .drl.xlsx}) into cells. Drools reads workbooks with Apache
 * POI, which rules-core leaves out (17 MB an embedder with CSV tables does not need); the optional
 * rules-spreadsheet module brings POI and registers its reader here through {@link ServiceLoader}.
 */
public interface WorkbookReader {

    /**
     * The first sheet of a workbook, the one Drools reads, with each cell's text as Drools reads it.
     *
     * @param display the file as diagnostics name it
     * @throws TableException when the content is not a workbook
     */
    TableGrid read(byte[] content, String display);

    /** The reader the rules-spreadsheet module registers, if it is on the classpath. */
    static Optional<WorkbookReader> installed() {
        return Holder.READER;
    }

    /** Looks the reader up once. */
    final class Holder {
        private static final Optional<WorkbookReader> READER =
                ServiceLoader.load(WorkbookReader.class, WorkbookReader.class.getClassLoader()).findFirst();

        private Holder() {
        }
    }
}
