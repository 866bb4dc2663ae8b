package uz.qaror.internal.build;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.io.Resource;

import uz.qaror.Diagnostic;

/**
 * Parses one DRL file on its own before the service is compiled. A syntax error in one file otherwise makes
 * Drools drop the whole package and report every rule of every other file as broken; parsing first lets the
 * author see exactly the syntax errors, in every file.
 */
final class DrlSyntax {

    private DrlSyntax() {
    }

    static List<Diagnostic> check(String drl, Resource resource) {
        DrlParser parser = new DrlParser();
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            parser.parse(resource, new StringReader(drl));
        } catch (DroolsParserException e) {
            diagnostics.add(Diagnostic.error(resource.getSourcePath(), e.getLineNumber(), e.getColumn() + 1,
                    DroolsMessages.plain(e.getMessage())));
        }
        for (DroolsError error : parser.getErrors()) {
            if (error.getMessage() != null && error.getMessage().contains("Parser returned a null Package")) {
                continue;
            }
            diagnostics.add(DroolsMessages.toDiagnostic(error, resource.getSourcePath(), Diagnostic.Severity.ERROR));
        }
        return diagnostics;
    }
}
