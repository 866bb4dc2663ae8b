package uz.qaror.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Hostile applications for the engine's contract (a result for every input, never an exception, never a
 * decision on an invalid application, bounded time). Each is a valid seed (an example application, or the base
 * application of a service's test cases) damaged by one to three {@link Mutation}s, and knows whether one of
 * them certainly made it invalid. Shared by the property test in the build and the longer command-line run of
 * the bench module ({@code uz.qaror.bench.HostileRun}).
 */
public final class HostileApplications {

    /** One hostile record: the bytes to decide, the seed and mutations that made them, and whether invalid. */
    public record Sample(String seed, List<Mutation> mutations, byte[] bytes, boolean invalid) {

        /** Whether the record can be given as a parsed tree: none of its damage lives in the text alone. */
        public boolean asTree() {
            return mutations.stream().noneMatch(Mutation::textOnly);
        }

        /** What made this record, for a failure message. */
        public String describe() {
            return seed + " with " + mutations + (invalid ? " (invalid)" : " (may be valid)") + ", "
                    + bytes.length + " bytes";
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private final List<String> seedNames;
    private final List<JsonNode> seeds;
    private final List<String> serviceIds;
    private final Map<String, Map<String, String>> formFields;

    private HostileApplications(Map<String, JsonNode> seeds, List<String> serviceIds,
                                Map<String, Map<String, String>> formFields) {
        this.seedNames = List.copyOf(seeds.keySet());
        this.seeds = List.copyOf(seeds.values());
        this.serviceIds = List.copyOf(serviceIds);
        this.formFields = Map.copyOf(formFields);
    }

    /**
     * Seeds from a folder of example applications ({@code *.json}) and the base applications of a catalog's test
     * cases ({@code services/<id>/tests/*.yaml}); form field types from the catalog's descriptors.
     */
    public static HostileApplications load(Path examples, Path catalog) {
        Map<String, JsonNode> seeds = new LinkedHashMap<>();
        Map<String, Map<String, String>> formFields = new LinkedHashMap<>();
        try {
            for (Path file : list(examples, ".json")) {
                seeds.put(examples.relativize(file).toString(), JSON.readTree(file.toFile()));
            }
            List<String> ids = new ArrayList<>();
            for (Path service : list(catalog.resolve("services"), "")) {
                if (!Files.isRegularFile(service.resolve("service.yaml"))) {
                    continue;
                }
                String id = service.getFileName().toString();
                ids.add(id);
                Map<String, String> fields = new LinkedHashMap<>();
                for (JsonNode input : YAML.readTree(service.resolve("service.yaml").toFile()).path("inputs")) {
                    String path = input.path("path").asText();
                    if (path.startsWith("form.")) {
                        fields.put(path.substring(5), input.path("type").asText("string"));
                    }
                }
                formFields.put(id, fields);
                Path tests = service.resolve("tests");
                for (Path file : Files.isDirectory(tests) ? list(tests, ".yaml") : List.<Path>of()) {
                    JsonNode base = YAML.readTree(file.toFile()).path("base");
                    if (base.isObject()) {
                        seeds.put(catalog.relativize(file) + " base", JSON.readTree(JSON.writeValueAsBytes(base)));
                    }
                }
            }
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("no seed applications in " + examples + " or " + catalog);
            }
            return new HostileApplications(seeds, ids, formFields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int seedCount() {
        return seeds.size();
    }

    /** A record from a random seed with one to three random mutations. */
    public Sample sample(SplittableRandom random) {
        int count = 1 + random.nextInt(3);
        List<Mutation> mutations = new ArrayList<>();
        Mutation[] all = Mutation.values();
        for (int i = 0; i < count; i++) {
            mutations.add(all[random.nextInt(all.length)]);
        }
        return sample(random.nextInt(seeds.size()), mutations, random.nextLong());
    }

    /**
     * The record made from seed {@code seedIndex} by {@code mutations}, their random choices drawn from
     * {@code randomSeed}: the same arguments give the same bytes. Mutations that may leave the application valid
     * go first, then those that invalidate it, then those on the bytes, so that none undoes an invalidating one.
     */
    public Sample sample(int seedIndex, List<Mutation> mutations, long randomSeed) {
        SplittableRandom random = new SplittableRandom(randomSeed);
        Draft draft = new Draft(seeds.get(seedIndex), serviceIds, formFields);
        List<Mutation> ordered = mutations.stream()
                .sorted(Comparator.comparing((Mutation m) -> m.stage()).thenComparing(Mutation::invalidates))
                .toList();
        for (Mutation mutation : ordered) {
            if (mutation.stage() == Mutation.Stage.TREE) {
                mutation.apply(draft, random);
            }
        }
        for (Mutation mutation : ordered) {
            if (mutation.marker() != Mutation.Marker.NONE) {
                draft.placeMarker(random, mutation.marker());
            }
        }
        draft.serialise();
        for (Mutation mutation : ordered) {
            if (mutation.stage() == Mutation.Stage.BYTES) {
                mutation.apply(draft, random);
            }
        }
        return new Sample(seedNames.get(seedIndex), ordered, draft.bytes(),
                ordered.stream().anyMatch(Mutation::invalidates));
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted()
                    .collect(Collectors.toList());
        }
    }
}
