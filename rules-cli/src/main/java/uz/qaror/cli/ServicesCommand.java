package uz.qaror.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.json.Json;

/** {@code qaror services}: lists the catalog. */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = "Lists the services of the catalog: id, portal number, agency, automatic or not, name.")
final class ServicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    LanguageOption language;

    @Option(names = "--json", description = "Print the descriptors as a JSON array.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<ServiceDescriptor> services = rules.engine().services();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(services));
        } else {
            out.println(Table.render(List.of("ID", "PORTAL", "AGENCY", "AUTO", "CHANNELS", "NAME"),
                    services.stream().map(s -> List.of(s.id(),
                            s.portalId() == null ? "-" : s.portalId().toString(),
                            s.agency() == null ? "-" : s.agency().id(),
                            s.automatic() ? "yes" : "no",
                            String.join(",", s.channels()),
                            s.name(language.language))).toList()));
            out.println(services.size() + " services");
        }
        out.flush();
        return Qaror.DONE;
    }
}
