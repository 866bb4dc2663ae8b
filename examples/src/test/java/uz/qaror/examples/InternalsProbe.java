package uz.qaror.examples;

/**
 * Run by {@link ModulePathIT} in a JVM where rules-core is on the module path: what an embedder's code (here in the
 * unnamed module) sees of the engine's internals. Prints {@code closed} or {@code open}.
 */
public final class InternalsProbe {

    private InternalsProbe() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> internal = Class.forName("uz.qaror.internal.json.Json");
        try {
            internal.getField("JSON").get(null);
            System.out.println("open");
        } catch (IllegalAccessException e) {
            System.out.println("closed");
        }
    }
}
