package uz.qaror.cli;

import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import uz.qaror.internal.run.NearestIds;

/** Checks service ids given on the command line: an unknown one is a usage error naming the nearest. */
final class KnownServices {

    private KnownServices() {
    }

    static void check(CommandSpec spec, List<String> known, List<String> given) {
        for (String id : given) {
            if (!known.contains(id)) {
                throw new ParameterException(spec.commandLine(), "unknown service '" + id + "'; nearest: "
                        + String.join(", ", NearestIds.nearest(id, known, 3)));
            }
        }
    }
}
