package uz.qaror.cli;

import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import uz.qaror.internal.run.NearestIds;

/** The services a command is given: those named on the command line, or all; an unknown name is a usage error. */
final class ServiceSelection {

    private ServiceSelection() {
    }

    /**
     * @throws ParameterException naming the nearest known services of a name that is none
     */
    static List<String> of(CommandSpec spec, List<String> named, List<String> known) {
        if (named.isEmpty()) {
            return known;
        }
        for (String service : named) {
            if (!known.contains(service)) {
                throw new ParameterException(spec.commandLine(), "unknown service '" + service + "'; nearest: "
                        + String.join(", ", NearestIds.nearest(service, known, 3)));
            }
        }
        return named.stream().distinct().toList();
    }
}
