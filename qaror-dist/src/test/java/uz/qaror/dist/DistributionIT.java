package uz.qaror.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user installs it: unpacked into a folder of its own, its launcher linked from a folder on a
 * PATH that holds no Maven (only the few shell tools the launcher uses), run from elsewhere with Java found through
 * JAVA_HOME.
 */
class DistributionIT {

    /**
     * The commands the launcher script runs besides shell built-ins: no others are on the test's PATH (dirname,
     * basename, sed and cut, which it once ran, are not: it cuts paths with the shell's own expansions).
     */
    private static final List<String> SHELL_TOOLS = List.of("sh", "readlink", "cksum", "mkdir", "mv", "rm", "wc");

    private static final String VERSION = System.getProperty("qaror.version");
    private static final Path TAR = Path.of(System.getProperty("qaror.distribution"));
    private static final Path ZIP = Path.of(System.getProperty("qaror.distribution.zip"));
    private static final Path CHECKOUT = Path.of(System.getProperty("qaror.checkout"));

    @TempDir
    static Path work;

    private static Path install;
    private static Path path;
    private static Path home;

    @BeforeAll
    static void installLikeAUser() throws Exception {
        Path opt = Files.createDirectories(work.resolve("opt"));
        Result untar = run(List.of("tar", "xzf", TAR.toString(), "-C", opt.toString()), opt, Map.of());
        assertThat(untar.exit()).as(untar.err()).isZero();
        install = opt.resolve("qaror-" + VERSION);

        path = Files.createDirectories(work.resolve("path"));
        for (String tool : SHELL_TOOLS) {
            Files.createSymbolicLink(path.resolve(tool), which(tool));
        }
        Files.createSymbolicLink(path.resolve("qaror"), install.resolve("bin/qaror"));
        home = Files.createDirectories(work.resolve("home"));
    }

    @Test
    void theArchiveHoldsLauncherJarExamplesAndLegalFiles() throws Exception {
        assertThat(install.resolve("lib/qaror.jar")).isRegularFile();
        assertThat(install.resolve("lib/rules-catalog.jar")).isRegularFile();
        assertThat(install.resolve("bin/qaror.cmd")).isRegularFile();
        assertThat(install.resolve("LICENSE")).content().contains("Apache License");
        assertThat(install.resolve("NOTICE")).isRegularFile();
        assertThat(install.resolve("README.md")).isRegularFile();
        assertThat(install.resolve("examples/applications/marriage-registration.json")).isRegularFile();
        assertThat(install.resolve("examples/households/karimova-family.json")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(install.resolve("bin/qaror")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

        Set<String> inZip = new TreeSet<>();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> inZip.add(e.getName()));
        }
        assertThat(inZip).isEqualTo(filesUnder(install.getParent(), install));
    }

    @Test
    void theLinkedLauncherRunsWithoutMavenFromAnyFolder() throws Exception {
        Result noMaven = inShell("command -v mvn");
        assertThat(noMaven.exit()).as("the PATH of this test must hold no Maven").isNotZero();
        Set<String> before = filesUnder(install.getParent(), install);

        Result evaluate = inShell("qaror evaluate --lang en --compact "
                + install.resolve("examples/applications/marriage-registration-17.json"));
        assertThat(evaluate.exit()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("\"outcome\":\"REJECTED\"").contains("APPLICANT_UNDER_AGE");

        Result services = inShell("qaror services");
        assertThat(services.exit()).as(services.err()).isZero();
        assertThat(services.out()).contains("marriage-registration").contains("child-benefit");

        Result version = inShell("qaror --version");
        assertThat(version.out()).contains("qaror " + VERSION);

        // The class-data archive is made once, in the user's cache; nothing is written beside the installation.
        try (Stream<Path> cached = Files.list(home.resolve(".cache/qaror"))) {
            assertThat(cached.map(p -> p.getFileName().toString())).anyMatch(name -> name.endsWith(".jsa"));
        }
        assertThat(filesUnder(install.getParent(), install)).isEqualTo(before);
    }

    @Test
    void commandsThatMostlyCompileRulesRunWithTheQuickCompilerOnly() throws Exception {
        // The JVM itself prints the flags it was started with: what the launcher chose, not what it says it chose.
        Map<String, String> printFlags = Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintCommandLineFlags");
        for (String command : List.of("check", "test", "evaluate")) {
            Result help = inShell("qaror " + command + " --help", printFlags);
            assertThat(help.exit()).as(help.err()).isZero();
            assertThat(help.out()).as(command).contains("-XX:TieredStopAtLevel=1");
        }
        Result batch = inShell("qaror batch --help", printFlags);
        assertThat(batch.exit()).as(batch.err()).isZero();
        assertThat(batch.out()).contains("-XX:+UseParallelGC").doesNotContain("TieredStopAtLevel");
    }

    @Test
    void aSmallBatchRunsWithTheQuickCompilerOnlyALargeOneWithTheOptimisingOneToo() throws Exception {
        Map<String, String> printFlags = Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintCommandLineFlags");
        Path small = work.resolve("small.jsonl");
        Files.copy(install.resolve("examples/applications/marriage-registration-17.json"), small,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(small, Files.readString(small).replace("\n", "").replace("\r", "") + "\n");
        Result quick = inShell("qaror batch " + small + " -o " + work.resolve("small-out.jsonl"), printFlags);
        assertThat(quick.exit()).as(quick.err()).isZero();
        assertThat(quick.out() + quick.err()).contains("-XX:TieredStopAtLevel=1").contains("-XX:+UseParallelGC");

        // a sparse file: 64 MB by its size, nothing written (the batch is asked for its help only)
        Path large = work.resolve("large.jsonl");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(64L * 1024 * 1024 + 1);
        }
        Result optimising = inShell("qaror batch --help " + large, printFlags);
        assertThat(optimising.exit()).as(optimising.err()).isZero();
        assertThat(optimising.out() + optimising.err()).contains("-XX:+UseParallelGC")
                .doesNotContain("TieredStopAtLevel");
        // both ask the collector for 5% of the time, so that it does not grow the heap to gigabytes to spend 1%
        assertThat(quick.out() + quick.err()).contains("-XX:GCTimeRatio=19");
        assertThat(optimising.out() + optimising.err()).contains("-XX:GCTimeRatio=19");
    }

    @Test
    void screeningOneHouseholdRunsWithTheQuickCompilerOnlyARescreeningWithTheOptimisingOneToo() throws Exception {
        Map<String, String> printFlags = Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintCommandLineFlags");
        Result screen = inShell("qaror screen " + CHECKOUT.resolve("examples/households/karimova-family.json"),
                printFlags);
        assertThat(screen.exit()).as(screen.err()).isZero();
        assertThat(screen.out() + screen.err()).contains("-XX:TieredStopAtLevel=1").contains("ELIGIBLE");

        Result rescreen = inShell("qaror rescreen --help", printFlags);
        assertThat(rescreen.exit()).as(rescreen.err()).isZero();
        assertThat(rescreen.out() + rescreen.err()).contains("-XX:+UseParallelGC").doesNotContain("TieredStopAtLevel");
    }

    @Test
    void theClassDataArchiveHoldsEveryServicesPrebuiltRulesAndNoYamlParserIsLoaded() throws Exception {
        Result version = inShell("qaror --version");
        assertThat(version.exit()).as(version.err()).isZero();
        Path archive = cached("qaror-.*\\.jsa");
        // The training run decided one application of each service, so a batch over them all maps the prebuilt
        // rules of every service from the archive, not only those of the one service it once evaluated.
        Result batch = withClassLoadingLog(archive.toString(), "batch", "-o", work.resolve("training.jsonl").toString(),
                install.resolve("examples/applications").toString());
        assertThat(servicesWhoseRulesCameFrom(batch, true)).hasSize(30);
        assertThat(servicesWhoseRulesCameFrom(batch, false)).isEmpty();
        // picocli's class files are older than Java 6: a static archive holds them, a dynamic one would not.
        assertThat(batch.out()).containsPattern("picocli\\.CommandLine source: shared objects file\\s");
        // Nor is a YAML parser loaded: the services' YAML files are read from their JSON form in the prebuilt rules.
        assertThat(batch.out()).contains("uz.qaror.internal.catalog.YamlAsJson").doesNotContain("org.yaml.snakeyaml");
    }

    @Test
    void aCommandGivenAPrebuiltJarMapsTheJarsClassesFromAnArchiveMadeOncePerJar() throws Exception {
        Path folder = work.resolve("synthetic");
        Path jar = work.resolve("synthetic.jar");
        assertThat(inShell("qaror catalog synthesize --count 3 " + folder).exit()).isZero();
        Result prebuild = inShell("qaror catalog prebuild --rules " + folder + " -o " + jar);
        assertThat(prebuild.exit()).as(prebuild.err()).isZero();

        Result load = inShell("qaror catalog load --rules " + folder + " --prebuilt=" + jar);
        assertThat(load.exit()).as(load.err()).isZero();
        assertThat(load.out()).contains("3 from prebuilt rules, 0 compiled, 0 failed");
        assertThat(load.err()).isEmpty();
        Path base = cached("qaror-.*\\.jsa");
        Path archive = cached("prebuilt-.*\\.jsa");
        java.nio.file.attribute.FileTime made = Files.getLastModifiedTime(archive);

        // Both archives mapped, the jar's classes come from the archive, not from the jar.
        Result mapped = withClassLoadingLog(base + ":" + archive, "catalog", "load", "--rules", folder.toString(),
                "--prebuilt", jar.toString());
        assertThat(servicesWhoseRulesCameFrom(mapped, true)).hasSize(3);
        assertThat(servicesWhoseRulesCameFrom(mapped, false)).isEmpty();

        // Made once: a second command maps it as it is; a jar written again gets an archive made again.
        Result services = inShell("qaror services --rules " + folder + " --prebuilt " + jar);
        assertThat(services.exit()).as(services.err()).isZero();
        assertThat(services.err()).isEmpty();
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(made);
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(made.toMillis() + 60_000));
        assertThat(inShell("qaror catalog load --rules " + folder + " --prebuilt " + jar).exit()).isZero();
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(made);
    }

    @Test
    void theCacheKeepsTheThreeArchivesOfInstallationsMadeLast() throws Exception {
        // Every upgrade (another installation's jar) or another Java leaves an archive of about 40 MB; so did the
        // launcher's former dynamic archives (no -static in their names).
        Path cache = Files.createDirectories(work.resolve("upgraded-cache"));
        List<Path> earlier = new ArrayList<>();
        for (String name : List.of("qaror-11-17.0.1.jsa", "qaror-22-17.0.1-static.jsa", "qaror-33-17.0.1-static.jsa",
                "qaror-44-21.0.2-static.jsa")) {
            Path archive = Files.writeString(cache.resolve(name), "an earlier archive");
            Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(
                    System.currentTimeMillis() - 3_600_000L * (10 - earlier.size())));
            earlier.add(archive);
        }
        Result version = inShell("qaror --version", Map.of("QAROR_CACHE", cache.toString()));
        assertThat(version.exit()).as(version.err()).isZero();
        try (Stream<Path> archives = Files.list(cache)) {
            List<Path> kept = archives.toList();
            assertThat(kept).hasSize(3).contains(earlier.get(2), earlier.get(3));
            assertThat(kept).filteredOn(p -> !earlier.contains(p)).singleElement()
                    .satisfies(made -> assertThat(made.getFileName().toString()).endsWith("-static.jsa"));
        }
    }

    @Test
    void theCacheKeepsTheArchivesOfTheThreeJarsMadeLast() throws Exception {
        // A jar written under a new name every day would leave an archive a day (120 MB for 700 services).
        Path folder = work.resolve("dated");
        Path cache = work.resolve("dated-cache");
        Map<String, String> environment = Map.of("QAROR_CACHE", cache.toString());
        assertThat(inShell("qaror catalog synthesize --count 1 " + folder, environment).exit()).isZero();
        Path first = work.resolve("rules-1.jar");
        Result prebuild = inShell("qaror catalog prebuild --rules " + folder + " -o " + first, environment);
        assertThat(prebuild.exit()).as(prebuild.err()).isZero();
        List<Path> made = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            Path jar = work.resolve("rules-" + day + ".jar");
            if (day > 1) {
                Files.copy(first, jar);
            }
            Result load = inShell("qaror catalog load --rules " + folder + " --prebuilt " + jar, environment);
            assertThat(load.exit()).as(load.err()).isZero();
            try (Stream<Path> archives = Files.list(cache)) {
                List<Path> now = archives.filter(p -> p.getFileName().toString().startsWith("prebuilt-")).toList();
                made.addAll(now.stream().filter(p -> !made.contains(p)).toList());
                assertThat(now).as("day " + day).hasSize(Math.min(day, 3));
                // the newest three are kept: those of the last three days' jars
                assertThat(now).containsExactlyInAnyOrderElementsOf(made.subList(Math.max(0, day - 3), day));
            }
        }
        // A jar whose archive was dropped gets it again, and the oldest of the others goes.
        Result again = inShell("qaror catalog load --rules " + folder + " --prebuilt " + first, environment);
        assertThat(again.exit()).as(again.err()).isZero();
        try (Stream<Path> archives = Files.list(cache)) {
            assertThat(archives.filter(p -> p.getFileName().toString().startsWith("prebuilt-")))
                    .containsExactlyInAnyOrder(made.get(3), made.get(4), made.get(0));
        }
    }

    @Test
    void aLauncherStoppedWhileItMakesItsArchiveLeavesNoHalfWrittenFile() throws Exception {
        Path cache = work.resolve("stopped-cache");
        ProcessBuilder builder = new ProcessBuilder(path.resolve("sh").toString(), "-c", "exec qaror --version")
                .directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("stopped.txt").toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", path.toString(), "HOME", home.toString(),
                "JAVA_HOME", System.getProperty("java.home"), "QAROR_CACHE", cache.toString()));
        Process launcher = builder.start();
        Thread.sleep(1_500); // the training run takes seconds
        List<ProcessHandle> training = launcher.toHandle().descendants().toList();
        launcher.destroy(); // SIGTERM, as a service manager or `kill` stops it
        assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(143);
        // A training run the launcher left behind would write its file later: wait for it before looking.
        for (ProcessHandle run : training) {
            run.onExit().get(120, TimeUnit.SECONDS);
        }
        try (Stream<Path> left = Files.exists(cache) ? Files.list(cache) : Stream.empty()) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.matches(".*\\.\\d+.*"));
        }
    }

    /** A qaror command run with these class-data archives, the JVM's class-loading log on standard output. */
    private static Result withClassLoadingLog(String archives, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:SharedArchiveFile=" + archives, "-Xlog:class+load=info:stdout", "-jar",
                install.resolve("lib/qaror.jar").toString()));
        command.addAll(List.of(arguments));
        Result result = run(command, work, Map.of("HOME", home.toString()));
        assertThat(result.exit()).as(result.err()).isZero();
        return result;
    }

    /** The services (their rules' packages) whose classes the log shows loaded from an archive, or else from a jar. */
    private static Set<String> servicesWhoseRulesCameFrom(Result classLoadingLog, boolean anArchive) {
        java.util.regex.Pattern loaded = java.util.regex.Pattern
                .compile(" qaror\\.service\\.([a-z0-9_]+)\\.\\S+ source: (.*)");
        Set<String> services = new TreeSet<>();
        for (String line : classLoadingLog.out().split("\n")) {
            java.util.regex.Matcher rules = loaded.matcher(line);
            if (rules.find() && rules.group(2).startsWith("shared objects file") == anArchive) {
                services.add(rules.group(1));
            }
        }
        return services;
    }

    /** The one file of the user's cache folder whose name matches. */
    private static Path cached(String name) throws IOException {
        try (Stream<Path> cached = Files.list(home.resolve(".cache/qaror"))) {
            List<Path> matching = cached.filter(p -> p.getFileName().toString().matches(name)).toList();
            assertThat(matching).as(name).hasSize(1);
            return matching.get(0);
        }
    }

    @Test
    void theEmbeddedCatalogIsAJarOfItsOwnBesideQarorJar() throws Exception {
        // A zip file system over the catalog's own jar indexes some 500 entries, not the shaded jar's 27,000.
        try (ZipFile catalog = new ZipFile(install.resolve("lib/rules-catalog.jar").toFile());
             ZipFile qaror = new ZipFile(install.resolve("lib/qaror.jar").toFile())) {
            assertThat(catalog.getEntry("qaror/catalog/catalog.yaml")).isNotNull();
            assertThat(catalog.size()).isLessThan(2_000);
            assertThat(qaror.stream().map(ZipEntry::getName)).noneMatch(name -> name.startsWith("qaror/catalog/"));
            assertThat(new String(qaror.getInputStream(qaror.getEntry("META-INF/MANIFEST.MF")).readAllBytes(),
                    StandardCharsets.UTF_8)).contains("Class-Path: rules-catalog.jar");
        }

        // qaror.jar copied without it names what is missing, without a stack trace.
        Path alone = Files.createDirectories(work.resolve("alone"));
        Files.copy(install.resolve("lib/qaror.jar"), alone.resolve("qaror.jar"));
        Result services = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                alone.resolve("qaror.jar").toString(), "services"), work, Map.of("HOME", home.toString()));
        assertThat(services.exit()).isEqualTo(3);
        assertThat(services.err()).contains("embedded catalog is not on the classpath")
                .contains("rules-catalog.jar in qaror.jar's folder").doesNotContain("\tat ");
    }

    @Test
    void aBrokenJavaHomeIsNamedNotAStackTrace() throws Exception {
        Result result = run(List.of(path.resolve("qaror").toString(), "services"), work,
                Map.of("PATH", path.toString(), "HOME", home.toString(), "JAVA_HOME", work.resolve("nojava").toString()));
        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("Java 17 or later is needed");
    }

    @Test
    void theCheckoutsOwnLauncherWorksThroughALink() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Path link = elsewhere.resolve("qaror");
        Files.createSymbolicLink(link, CHECKOUT.resolve("qaror"));

        // Its archive in a cache of its own: the other tests look for the one archive of the installation's jar.
        Result services = run(List.of(link.toString(), "services"), work, Map.of("PATH", System.getenv("PATH"),
                "HOME", home.toString(), "QAROR_CACHE", work.resolve("checkout-cache").toString()));

        assertThat(services.exit()).as(services.err()).isZero();
        assertThat(services.out()).contains("marriage-registration");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).containsExactly(link);
        }
    }

    private static Result inShell(String command) throws Exception {
        return inShell(command, Map.of());
    }

    private static Result inShell(String command, Map<String, String> more) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(more);
        environment.putAll(Map.of("PATH", path.toString(), "HOME", home.toString(),
                "JAVA_HOME", System.getProperty("java.home")));
        return run(List.of(path.resolve("sh").toString(), "-c", command), work, environment);
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(List<String> command, Path directory, Map<String, String> environment)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path which(String tool) throws IOException {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toRealPath();
            }
        }
        throw new IOException(tool + " is not on the PATH");
    }

    private static Set<String> filesUnder(Path base, Path root) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> names.add(base.relativize(f).toString()));
        }
        return new TreeSet<>(names);
    }
}
