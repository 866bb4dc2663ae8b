package uz.qaror.prebuilt;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The class path the executable model's generator compiles against, without the embedded catalog's generated
 * classes. A declared type the generator finds on its class path (a service's Form) it takes as given and does not
 * generate: a folder holding a service of an embedded service's name would get the embedded Form, which lacks what
 * the folder's descriptor adds.
 */
final class WithoutGeneratedRules extends ClassLoader {

    static final ClassLoader LOADER = new WithoutGeneratedRules(WithoutGeneratedRules.class.getClassLoader());

    private WithoutGeneratedRules(ClassLoader parent) {
        super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(PrebuiltCatalog.GENERATED_PACKAGE)) {
            throw new ClassNotFoundException(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return hidden(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return hidden(name) ? null : super.getResourceAsStream(name);
    }

    private static boolean hidden(String resource) {
        return resource.startsWith(PrebuiltCatalog.CLASS_FOLDER);
    }
}
