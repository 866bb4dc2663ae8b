package uz.qaror.prebuilt.codegen;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

import uz.qaror.RulesException;
import uz.qaror.internal.build.FormDeclaration;
import uz.qaror.internal.build.ServiceCompiler;
import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.catalog.ServiceFolder;
import uz.qaror.prebuilt.PrebuiltCatalog;

/**
 * Compiles the embedded catalog with Drools' executable model during the build (run by Maven after this module's
 * own classes): the same DRL the engine compiles at run time (the generated declarations, the DRL files, the
 * decision tables turned into DRL; {@link ServiceCompiler#drlSources}), every service checked first by the classic
 * compiler so that a broken service fails the build with its file:line diagnostics. Writes the generated classes
 * and the index ({@link PrebuiltCatalog#INDEX}: each service's version and model class) into the classes folder.
 * Never part of the artifact.
 */
public final class CatalogCodegen {

    private CatalogCodegen() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CatalogCodegen CLASSES_FOLDER");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        // The classes of an earlier build go first: they are on this program's class path, and a declared type
        // (Form) found there is taken as given and not generated again, so deleting it afterwards would lose it.
        deleteTree(out.resolve("qaror/service"));
        CatalogSource source = CatalogSource.embedded(CatalogCodegen.class.getClassLoader());
        KieServices kie = KieServices.get();
        KieFileSystem files = kie.newKieFileSystem();
        Map<String, String> versions = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        for (String id : source.serviceIds()) {
            try {
                ServiceFolder folder = source.readService(id);
                List<ServiceCompiler.DrlSource> drl = ServiceCompiler.drlSources(folder);
                String dir = "src/main/resources/" + FormDeclaration.packageOf(id).replace('.', '/') + "/";
                for (int i = 0; i < drl.size(); i++) {
                    files.write(dir + "rules" + i + ".drl", drl.get(i).drl());
                }
                versions.put(id, folder.version());
            } catch (RulesException e) {
                source.diagnosticsOf(id, e).forEach(d -> broken.add(d.toString()));
            }
        }
        if (!broken.isEmpty()) {
            fail("the embedded catalog does not compile:", broken);
        }
        KieBuilder builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        List<String> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(Message::toString).toList();
        if (!errors.isEmpty()) {
            fail("the executable model of the embedded catalog does not compile:", errors);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Map<String, String> models = new TreeMap<>();
        int classes = 0;
        for (String name : module.getFileNames()) {
            if (name.endsWith("/drools-model")) {
                for (String model : new String(module.getBytes(name), StandardCharsets.UTF_8).split("\\s+")) {
                    if (!model.isBlank()) {
                        models.put(model.substring(0, model.lastIndexOf('.')), model);
                    }
                }
            } else if (name.endsWith(".class") && name.startsWith("qaror/service/")) {
                Path file = out.resolve(name);
                Files.createDirectories(file.getParent());
                Files.write(file, module.getBytes(name));
                classes++;
            }
        }
        StringBuilder index = new StringBuilder("# service = version of its files, model class (written by "
                + CatalogCodegen.class.getSimpleName() + ")\n");
        for (Map.Entry<String, String> service : versions.entrySet()) {
            String model = models.get(FormDeclaration.packageOf(service.getKey()));
            if (model == null) {
                fail("no executable model was generated for service " + service.getKey(), List.of());
            }
            index.append(service.getKey()).append(" = ").append(service.getValue()).append(' ').append(model)
                    .append('\n');
        }
        Path indexFile = out.resolve(PrebuiltCatalog.INDEX);
        Files.createDirectories(indexFile.getParent());
        try (OutputStream stream = Files.newOutputStream(indexFile)) {
            stream.write(index.toString().getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("prebuilt " + versions.size() + " services of the embedded catalog: " + classes
                + " classes");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void fail(String what, List<String> details) {
        System.err.println(what);
        details.forEach(d -> System.err.println("  " + d));
        System.exit(1);
    }
}
