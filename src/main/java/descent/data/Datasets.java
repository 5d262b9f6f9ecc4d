package descent.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The data sets shipped in the project's {@code datasets/} folder, ready for a lesson:
 *
 * <pre>{@code
 * Split mnist = Datasets.mnist();              // 8,000 train / 2,000 test digits, 28 × 28, FLOAT in [0, 1]
 * Split fashion = Datasets.fashionMnist();     // 60,000 / 10,000 clothes
 * DataSet digits = Datasets.digits();          // 1,797 8 × 8 digits, pixel counts 0 … 16
 * Table table = Datasets.digitsTable();        // the same as a Tablesaw table
 * }</pre>
 *
 * <p>The folder is found, in this order, at the system property {@code descent.datasets}, at the
 * environment variable {@code DESCENT_DATASETS}, or as {@code datasets/} in the working directory
 * or one of its parents (a notebook runs in {@code notebooks/}, a test in the project root). See
 * {@code datasets/README.md} for provenance, licences and how to put the full MNIST in place.
 */
public final class Datasets {

    /** The Fashion-MNIST class names, by label (Xiao, Rasul, Vollgraf 2017). */
    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private Datasets() {
    }

    /** MNIST handwritten digits (the 10,000 shipped, or the full 70,000 when dropped in), FLOAT. */
    public static Split mnist() {
        return idxPair(folder("mnist"), DataType.FLOAT);
    }

    /** Fashion-MNIST, 60,000 training and 10,000 test images of 10 kinds of clothes, FLOAT. */
    public static Split fashionMnist() {
        Split split = idxPair(folder("fashion-mnist"), DataType.FLOAT);
        return new Split(split.train().withClassNames(FASHION_CLASSES), split.test().withClassNames(FASHION_CLASSES));
    }

    /** scikit-learn's 1,797 8 × 8 digits: features p00 … p77 (0 … 16), label "digit", FLOAT. */
    public static DataSet digits() {
        return DataSet.fromTable(digitsTable(), "digit", DataType.FLOAT).withImageShape(8, 8);
    }

    /** {@code datasets/digits/digits.csv} as a Tablesaw table: 64 pixel columns p00 … p77 and "digit". */
    public static Table digitsTable() {
        return csv(folder("digits").resolve("digits.csv"));
    }

    /**
     * A CSV file with a header row, read by Tablesaw; the table is named after the file. An empty
     * file, or a row with fewer or more cells than the header, is an error naming the file.
     */
    public static Table csv(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("data file missing: " + file.toAbsolutePath());
        }
        if (file.toFile().length() == 0) {
            throw new IllegalArgumentException(file + ": empty file, expected a CSV file with a header row");
        }
        try {
            return Table.read().csv(CsvReadOptions.builder(file.toFile()).tableName(file.getFileName().toString()).build());
        } catch (RuntimeException e) {                  // Tablesaw's messages do not name the file
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The four IDX files of an MNIST-like folder, by their standard names:
     * {@code train-images-idx3-ubyte.gz}, {@code train-labels-idx1-ubyte.gz},
     * {@code t10k-images-idx3-ubyte.gz}, {@code t10k-labels-idx1-ubyte.gz} (also without {@code .gz}).
     */
    public static Split idxPair(Path folder, DataType type) {
        return new Split(idx(folder, "train", type), idx(folder, "t10k", type));
    }

    private static DataSet idx(Path folder, String prefix, DataType type) {
        Idx images = Idx.read(file(folder, prefix + "-images-idx3-ubyte"), 3);
        Idx labels = Idx.read(file(folder, prefix + "-labels-idx1-ubyte"), 1);
        return DataSet.fromIdx(images, labels, type);
    }

    private static Path file(Path folder, String name) {
        Path gz = folder.resolve(name + ".gz");
        Path raw = folder.resolve(name);
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        throw new IllegalArgumentException("data file missing: neither " + gz + " nor " + raw + " exists");
    }

    /** {@code datasets/<name>}, found as described in the class comment. */
    public static Path folder(String name) {
        List<Path> tried = new ArrayList<>();
        for (Path root : candidateRoots()) {
            Path folder = root.resolve(name);
            if (Files.isDirectory(folder)) {
                return folder;
            }
            tried.add(folder);
        }
        throw new IllegalStateException("data set folder '" + name + "' not found; looked in " + tried
                + ". Run from the project (or a folder below it), or set -Ddescent.datasets=/path/to/datasets"
                + " or the environment variable DESCENT_DATASETS.");
    }

    private static List<Path> candidateRoots() {
        List<Path> roots = new ArrayList<>();
        String property = System.getProperty("descent.datasets");
        String environment = System.getenv("DESCENT_DATASETS");
        if (property != null && !property.isBlank()) {
            roots.add(Path.of(property));
        } else if (environment != null && !environment.isBlank()) {
            roots.add(Path.of(environment));
        } else {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                roots.add(dir.resolve("datasets"));
                if (Files.exists(dir.resolve("pom.xml")) || Files.exists(dir.resolve(".git"))) {
                    break;
                }
            }
        }
        return roots;
    }
}
