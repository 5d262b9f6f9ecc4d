package descent.kernel;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Loads the classes JShell compiles from cells, and the jars added with {@code %classpath}: for
 * every class but those shared with the kernel, a user's jar comes first ({@link UserJars}).
 *
 * <p>Each class is rewritten by {@link CellGuard} before it is defined. All snippet classes
 * share one class loader, as in JShell's own: they live in one package and may use each other's
 * package-private members, which needs one runtime package. Unlike
 * JShell's loader this one keeps no class file after defining its class, and it can
 * {@linkplain #forgetAllBut forget} the classes of a snippet that can never run again, so a long
 * session does not hold every cell's bytecode (see {@link Compactor}).
 */
final class SnippetLoader implements LoaderDelegate {

    private final Loader loader = new Loader(SnippetLoader.class.getClassLoader());
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    /** The loader of cell code, and so the context class loader a cell runs with. */
    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] batch) throws ClassInstallException {
        boolean[] loaded = new boolean[batch.length];
        try {
            for (ClassBytecodes bytecodes : batch) {
                loader.declare(bytecodes.name(), CellGuard.rewrite(bytecodes.bytecodes()));
            }
            for (int i = 0; i < batch.length; i++) {
                Class<?> type = loader.loadClass(batch[i].name());
                classes.put(batch[i].name(), type);
                loaded[i] = true;
                type.getDeclaredMethods();          // linked now, not in the middle of the cell
            }
        } catch (Throwable e) {
            throw new ClassInstallException("load: " + e.getMessage(), loaded);
        }
    }

    /** Never called: this engine cannot redefine classes, so JShell loads new ones instead. */
    @Override
    public void classesRedefined(ClassBytecodes[] batch) {
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        try {
            for (String entry : path.split(File.pathSeparator)) {
                loader.addURL(new File(entry).toURI().toURL());
            }
        } catch (MalformedURLException e) {
            throw new InternalException("bad class path entry in " + path + ": " + e.getMessage());
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> type = classes.get(name);
        if (type == null) {
            throw new ClassNotFoundException(name + " not found");
        }
        return type;
    }

    /** Forgets the classes whose names fail {@code keep}; objects of them go on working. */
    void forgetAllBut(Predicate<String> keep) {
        classes.keySet().removeIf(keep.negate());
    }

    /** Defines declared snippet classes (dropping their bytes); else the added jars first, except for shared classes. */
    private static final class Loader extends URLClassLoader {
        private final Map<String, byte[]> declared = new HashMap<>();

        Loader(ClassLoader parent) {
            super(new URL[0], parent);
        }

        synchronized void declare(String name, byte[] bytecodes) {
            declared.put(name, bytecodes);
        }

        /** A declared class is defined here at once: asking the parent first would make it keep a lock per name. */
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            byte[] bytecodes;
            synchronized (this) {
                bytecodes = declared.remove(name);
            }
            if (bytecodes != null) {
                return defineClass(name, bytecodes, 0, bytecodes.length);
            }
            if (UserJars.shared(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    try {
                        type = findClass(name);
                    } catch (ClassNotFoundException notInUserJars) {
                        return super.loadClass(name, resolve);
                    }
                }
                return type;
            }
        }

        /** Resources too come from the added jars first, so a user's library finds its own files. */
        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }

        @Override
        protected void addURL(URL url) {
            super.addURL(url);
        }
    }
}
