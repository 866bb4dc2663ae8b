package uz.qaror.prebuilt;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

import uz.qaror.Diagnostic;
import uz.qaror.RulesException;
import uz.qaror.internal.build.FormDeclaration;
import uz.qaror.internal.build.ServiceCompiler;
import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.catalog.ServiceFiles;
import uz.qaror.internal.catalog.ServiceFolder;

/**
 * Compiles every service of a catalog with Drools' executable model: the same DRL the engine compiles at run time
 * (the generated declarations, the DRL files, the decision tables turned into DRL; {@link ServiceCompiler#drlSources}),
 * each service checked first by the classic compiler so that a broken one is reported with its file:line
 * diagnostics. The embedded catalog's rules are generated this way when Qaror is built, a policy team's folder by
 * {@code qaror catalog prebuild}. Needs drools-model-codegen and drools-compiler on the class path (optional
 * dependencies of this module: loading what it wrote needs neither).
 */
public final class ModelGenerator {

    private ModelGenerator() {
    }

    /**
     * What was generated: the class files by their path, the JSON forms of the catalog's YAML files by their path
     * ({@link PrebuiltCatalog#PARSED}), and the index {@link PrebuiltCatalog} reads.
     */
    public record Generated(Map<String, byte[]> classes, Map<String, byte[]> parsed, String index, int services) {

        /** Writes the classes and the index into a classes folder (the build's). */
        public void writeInto(Path folder) throws IOException {
            for (Map.Entry<String, byte[]> file : files().entrySet()) {
                Path target = folder.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        }

        /** Writes the classes and the index as a jar to the stream (the caller makes the file whole or nothing). */
        public void writeJar(OutputStream out) throws IOException {
            JarOutputStream jar = new JarOutputStream(out);
            for (Map.Entry<String, byte[]> entry : files().entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
            jar.finish();
        }

        private Map<String, byte[]> files() {
            Map<String, byte[]> files = new TreeMap<>(classes);
            files.putAll(parsed);
            files.put(PrebuiltCatalog.INDEX, index.getBytes(StandardCharsets.UTF_8));
            return files;
        }
    }

    /**
     * Generates and compiles the executable model of every service of the source.
     *
     * @throws RulesException with the diagnostics of every service that does not compile
     */
    public static Generated generate(CatalogSource source) {
        return generate(source, GROUP);
    }

    /** The same, with {@code group} services compiled by each build of the generator. */
    static Generated generate(CatalogSource source, int group) {
        Map<String, String> versions = new TreeMap<>();
        Map<String, List<ServiceCompiler.DrlSource>> sources = new TreeMap<>();
        List<Diagnostic> broken = new ArrayList<>();
        ParsedForms parsed = new ParsedForms(source);
        for (String id : source.serviceIds()) {
            try {
                ServiceFiles files = source.files(id);
                ServiceFolder folder = source.readService(id, files);
                sources.put(id, ServiceCompiler.drlSources(folder));
                versions.put(id, folder.version());
                parsed.add(files);
            } catch (RulesException e) {
                broken.addAll(source.diagnosticsOf(id, e));
            }
        }
        if (!broken.isEmpty()) {
            throw new RulesException("the rules of " + source.displayRoot() + " do not compile", broken);
        }
        Map<String, String> models = new TreeMap<>();
        Map<String, byte[]> classes = new TreeMap<>();
        List<String> ids = new ArrayList<>(sources.keySet());
        // In groups: the generator holds every generated source of a build in memory (about 7 MB a service), so
        // 700 services in one build needed some 5 GB of heap. Each service's classes are in a package of its own.
        for (int from = 0; from < ids.size(); from += group) {
            Map<String, List<ServiceCompiler.DrlSource>> services = new TreeMap<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + group))) {
                services.put(id, sources.get(id));
            }
            build(source, services, models, classes);
        }
        StringBuilder index = new StringBuilder("# service = version of its files, model class (written by "
                + ModelGenerator.class.getSimpleName() + ")\n");
        for (Map.Entry<String, String> service : versions.entrySet()) {
            String model = models.get(FormDeclaration.packageOf(service.getKey()));
            if (model == null) {
                throw new RulesException("no executable model was generated for service " + service.getKey(),
                        List.of());
            }
            index.append(service.getKey()).append(" = ").append(service.getValue()).append(' ').append(model)
                    .append('\n');
        }
        return new Generated(Collections.unmodifiableMap(classes), parsed.forms(), index.toString(),
                versions.size());
    }

    /** Services compiled by one build of the executable model. */
    private static final int GROUP = 40;

    /** A package statement on a line of its own: {@code package qaror.service.x;}. */
    private static final Pattern PACKAGE = Pattern.compile("(?m)^[ \\t]*package[ \\t]+[\\w.]+[ \\t]*;?[ \\t]*$");

    /**
     * A service's DRL texts as one file, in their order. Rules of equal salience fire in the order they were
     * loaded; the classic compiler loads a service's texts in this order, the generator reads the files of a build
     * in the order of a hash of their paths (the service's name among them), so files of their own would order a
     * decision table's rules before or after the DRL's by the name. The later texts lose their package statement,
     * the same as the first's (the classic compiler checked each).
     */
    static byte[] oneFile(List<ServiceCompiler.DrlSource> drl) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < drl.size(); i++) {
            String source = new String(drl.get(i).drl(), StandardCharsets.UTF_8);
            text.append(i == 0 ? source : PACKAGE.matcher(source).replaceFirst("")).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Builds the executable model of a group of services, adding each one's model class and class files. */
    private static void build(CatalogSource source, Map<String, List<ServiceCompiler.DrlSource>> group,
                              Map<String, String> models, Map<String, byte[]> classes) {
        KieServices kie = KieServices.get();
        KieFileSystem files = kie.newKieFileSystem();
        for (Map.Entry<String, List<ServiceCompiler.DrlSource>> service : group.entrySet()) {
            String dir = "src/main/resources/" + FormDeclaration.packageOf(service.getKey()).replace('.', '/') + "/";
            files.write(dir + "rules.drl", oneFile(service.getValue()));
        }
        KieBuilder builder = kie.newKieBuilder(files, WithoutGeneratedRules.LOADER)
                .buildAll(ExecutableModelProject.class);
        List<Diagnostic> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> Diagnostic.error(source.displayRoot(), 0, 0,
                        "the executable model does not compile: " + m.getText()))
                .toList();
        if (!errors.isEmpty()) {
            throw new RulesException("the executable model of " + source.displayRoot() + " does not compile",
                    errors);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        for (String name : module.getFileNames()) {
            if (name.endsWith("/drools-model")) {
                for (String model : new String(module.getBytes(name), StandardCharsets.UTF_8).split("\\s+")) {
                    // The file also names the Drools version it was written by ("Drools-Model-Version:10.2.0")
                    if (!model.isBlank() && !model.contains(":")) {
                        models.put(model.substring(0, model.lastIndexOf('.')), model);
                    }
                }
            } else if (name.endsWith(".class") && name.startsWith(PrebuiltCatalog.CLASS_FOLDER)) {
                classes.put(name, module.getBytes(name));
            }
        }
        // The build registered its module under the default release id; the next group's replaces it, the last
        // one is let go here.
        kie.getRepository().removeKieModule(module.getReleaseId());
    }
}
