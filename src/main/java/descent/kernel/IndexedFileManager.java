package descent.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * JShell's file manager, made to keep javac's index of the class path from one compilation to
 * the next.
 *
 * <p>javac starts every compilation task by telling the file manager which release to read
 * multi-release jars for ({@code --multi-release 17}), and the standard file manager answers any
 * such option by dropping its index of the class path's directories. JShell runs four or five
 * tasks per cell, so each cell re-indexed every directory of every jar (measured: a third of a
 * trivial cell's time with the toolkit's 60 jars). This manager passes the option on only when
 * its value changes; every other option goes through as it is, but for the class path JShell
 * sets when a cell adds jars (the kernel's class path, then the added jars): the added jars go
 * first, so cells compile against the same classes they run with ({@link UserJars}).
 */
final class IndexedFileManager extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {

    private static final String MULTI_RELEASE = "--multi-release";
    private String multiRelease;

    IndexedFileManager(StandardJavaFileManager standard) {
        super(standard);
    }

    @Override
    public boolean handleOption(String option, Iterator<String> remaining) {
        if (option.equals("-classpath") && remaining.hasNext()) {
            String kernel = System.getProperty("java.class.path");
            String path = remaining.next();
            String reordered = path.startsWith(kernel + File.pathSeparator)
                    ? path.substring(kernel.length() + 1) + File.pathSeparator + kernel : path;
            return super.handleOption(option, List.of(reordered).iterator());
        }
        if (!option.equals(MULTI_RELEASE) || !remaining.hasNext()) {
            return super.handleOption(option, remaining);
        }
        String release = remaining.next();
        if (!release.equals(multiRelease)) {
            multiRelease = release;
            return super.handleOption(option, List.of(release).iterator());
        }
        return true;
    }

    // The rest only forwards what StandardJavaFileManager adds to JavaFileManager.

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String module, Collection<? extends Path> paths)
            throws IOException {
        fileManager.setLocationForModule(location, module, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory factory) {
        fileManager.setPathFactory(factory);
    }
}
