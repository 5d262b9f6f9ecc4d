package descent.data;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Samples for classification: features {@code X} (n × d, one sample per row) and their labels
 * {@code y} (class indices 0 … k−1), as ND4J arrays in FLOAT (the default) or DOUBLE.
 *
 * <p>A data set is immutable in shape and labels; {@link #features()} returns the array itself
 * (not a copy), so a caller that writes into it changes the data set. Every method that makes a
 * different data set ({@link #take}, {@link #subset}, {@link #split}, {@link #as}) returns a new
 * one with its own feature array. Types change only on request: {@link #as(DataType)}.
 *
 * <p>Image data sets also know their image shape, so that {@link #image(int)} and
 * {@link #images(int)} can show samples; tabular ones know their column names, which
 * {@link #toTable(int)} shows.
 */
public final class DataSet {

    private final INDArray features;
    private final int[] y;
    private final INDArray labels;
    private final List<String> classNames;
    private final List<String> featureNames;
    private final int height;
    private final int width;

    private DataSet(INDArray features, int[] y, List<String> classNames, List<String> featureNames,
                    int height, int width) {
        this.features = features;
        this.y = y;
        this.classNames = classNames;
        this.featureNames = featureNames;
        this.height = height;
        this.width = width;
        this.labels = Nd4j.createUninitialized(features.dataType(), y.length, 1);
        ByteBuffer out = buffer(labels);
        for (int i = 0; i < y.length; i++) {
            put(out, labels.dataType(), i, y[i]);
        }
    }

    /**
     * A data set of {@code features} (n × d, FLOAT or DOUBLE, every value finite) and
     * {@code labels} (n class indices in {@code [0, numClasses)}). The features array is kept, not
     * copied, unless it is a view or in column-major order (then a row-major copy of the same type
     * is kept). A NaN or infinite feature is refused, naming its row and column: it is bad data,
     * and training on it would only look like a learning rate too large.
     */
    public static DataSet of(INDArray features, int[] labels, int numClasses) {
        if (features == null || features.rank() != 2) {
            throw new IllegalArgumentException("features must be a matrix (n × d), got "
                    + (features == null ? "null" : "shape " + Arrays.toString(features.shape())));
        }
        if (features.dataType() != DataType.FLOAT && features.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("features must be FLOAT or DOUBLE, got " + features.dataType());
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if (labels.length != features.rows()) {
            throw new IllegalArgumentException("labels must have one entry per row of features (" + features.rows()
                    + "), got " + labels.length);
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("labels[" + i + "] must be a class index in [0, " + numClasses
                        + "), got " + labels[i]);
            }
        }
        INDArray x = features.isView() || features.ordering() != 'c' ? features.dup('c') : features;
        List<String> names = IntStream.range(0, numClasses).mapToObj(Integer::toString).toList();
        DataSet data = new DataSet(x, labels.clone(), names, null, 0, 0);
        data.requireFinite("features");
        return data;
    }

    /**
     * Checks that every feature is a finite number, else names the first that is not, by row and
     * column (its name when the data set has them), e.g. "train holds NaN at row 17, column p03".
     * The trainer calls this before it changes anything, as {@link #features()} can be written to.
     */
    public void requireFinite(String name) {
        ByteBuffer x = buffer(features);
        boolean floats = dataType() == DataType.FLOAT;
        int n = (int) features.length();
        for (int i = 0; i < n; i++) {
            double v = floats ? x.getFloat(i * Float.BYTES) : x.getDouble(i * Double.BYTES);
            if (!Double.isFinite(v)) {
                int row = (int) (i / numFeatures()), column = (int) (i % numFeatures());
                throw new IllegalArgumentException(name + " holds " + v + " at row " + row + ", column "
                        + (featureNames != null ? "'" + featureNames.get(column) + "'" : column)
                        + ": every feature must be a finite number");
            }
        }
    }

    /**
     * The number of classes of {@code labels} (read from {@code source}) when the caller did not
     * give it: 1 + the largest label, provided every class below it occurs. A gap is refused, so a
     * stray label (200 among digits, 10⁹ in a CSV) is an error instead of 190 empty classes or an
     * exhausted memory; the caller who means it passes the class count explicitly.
     */
    static int inferClasses(int[] labels, String source) {
        if (labels.length == 0) {
            throw new IllegalArgumentException(source + " has no labels to count the classes from; give numClasses");
        }
        int largest = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException(source + ": label " + labels[i] + " at row " + i + " is negative");
            }
            if (labels[i] > labels[largest]) {
                largest = i;
            }
        }
        int k = labels[largest] + 1;
        boolean[] seen = new boolean[Math.min(k, labels.length + 1)];   // n labels cover at most n classes
        for (int label : labels) {
            if (label < seen.length) {
                seen[label] = true;
            }
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                throw new IllegalArgumentException(source + ": the largest label is " + labels[largest] + " (row " + largest
                        + "), but class " + c + " never occurs; if there really are " + k
                        + " classes, give numClasses = " + k);
            }
        }
        return k;
    }

    /**
     * Images and labels from two IDX files (see {@link Idx}): each image becomes one row of
     * {@code height · width} grey values, pixel byte b ↦ b / 255 in [0, 1]. The number of classes
     * is inferred: 1 + the largest label, every class below it occurring (else an error).
     */
    public static DataSet fromIdx(Idx images, Idx labels, DataType type) {
        return fromIdx(images, labels, type, 0);
    }

    /** As {@link #fromIdx(Idx, Idx, DataType)}, with labels in {@code [0, numClasses)}. */
    public static DataSet fromIdx(Idx images, Idx labels, DataType type, int numClasses) {
        requireFloatOrDouble(type);
        if (images.shape().length != 3) {
            throw new IllegalArgumentException(images.file() + ": images must have 3 dimensions (n, height, width), got "
                    + Arrays.toString(images.shape()));
        }
        if (labels.shape().length != 1 || labels.count() != images.count()) {
            throw new IllegalArgumentException(labels.file() + ": expected " + images.count() + " labels, one per image of "
                    + images.file() + ", got shape " + Arrays.toString(labels.shape()));
        }
        int n = images.count(), h = images.shape()[1], w = images.shape()[2];
        INDArray x = Nd4j.createUninitialized(type, n, (long) h * w);
        ByteBuffer out = buffer(x);
        byte[] pixels = images.values();
        for (int i = 0; i < pixels.length; i++) {
            put(out, type, i, (pixels[i] & 0xFF) / 255.0);
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.values()[i] & 0xFF;
        }
        return of(x, y, numClasses > 0 ? numClasses : inferClasses(y, labels.file().toString())).withImageShape(h, w);
    }

    /**
     * Features from {@code featureColumns} (every column but the label when none are given) and
     * labels from the integer column {@code labelColumn} of a Tablesaw table, in {@code type}. The
     * number of classes is inferred: 1 + the largest label, every class below it occurring.
     *
     * <p>Nothing is dropped or invented: a feature column that is not numeric (Tablesaw reads a
     * column with one word in it as text), an empty, NaN or infinite feature cell, or a label that
     * is not a class index is an error naming the table (for {@link Datasets#csv} its file), the
     * row (0 = the first row below the header) and the column.
     */
    public static DataSet fromTable(Table table, String labelColumn, DataType type, String... featureColumns) {
        return fromTable(table, labelColumn, type, 0, featureColumns);
    }

    /** As {@link #fromTable(Table, String, DataType, String...)}, with labels in {@code [0, numClasses)}. */
    public static DataSet fromTable(Table table, String labelColumn, DataType type, int numClasses,
                                    String... featureColumns) {
        requireFloatOrDouble(type);
        String source = "table '" + table.name() + "'";
        if (!table.columnNames().contains(labelColumn)) {
            throw new IllegalArgumentException(source + " has no label column '" + labelColumn + "', its columns are "
                    + table.columnNames());
        }
        List<String> names = featureColumns.length > 0 ? List.of(featureColumns)
                : table.columnNames().stream().filter(c -> !c.equals(labelColumn)).toList();
        Column<?> label = table.column(labelColumn);
        int n = table.rowCount();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double v = label instanceof NumericColumn<?> c && !c.isMissing(i) ? c.getDouble(i) : Double.NaN;
            if (v != Math.rint(v) || v < 0 || v >= (numClasses > 0 ? numClasses : Integer.MAX_VALUE)) {
                throw new IllegalArgumentException(source + ": label column '" + labelColumn + "' must hold class indices 0, 1, 2, …"
                        + (numClasses > 0 ? " below " + numClasses : "") + "; row " + i + " has '" + label.getString(i) + "'");
            }
            y[i] = (int) v;
        }
        int k = numClasses > 0 ? numClasses : inferClasses(y, source + ", label column '" + labelColumn + "'");
        INDArray x = Nd4j.createUninitialized(type, n, names.size());
        ByteBuffer out = buffer(x);
        for (int j = 0; j < names.size(); j++) {
            if (!table.columnNames().contains(names.get(j))) {
                throw new IllegalArgumentException(source + " has no column '" + names.get(j) + "', its columns are "
                        + table.columnNames());
            }
            Column<?> column = table.column(names.get(j));
            if (!(column instanceof NumericColumn<?>)) {
                throw new IllegalArgumentException(source + ": feature column '" + names.get(j) + "' is not numeric (Tablesaw"
                        + " read it as " + column.type() + (n > 0 ? ", row 0 holds '" + column.getString(0) + "'" : "")
                        + "); fix its cells, or name the feature columns to leave it out");
            }
            for (int i = 0; i < n; i++) {
                double v = column instanceof NumericColumn<?> c && !c.isMissing(i) ? c.getDouble(i) : Double.NaN;
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(source + ": feature column '" + names.get(j) + "' row " + i + " holds '"
                            + column.getString(i) + "'; every feature must be a finite number");
                }
                put(out, type, (long) i * names.size() + j, v);
            }
        }
        DataSet data = of(x, y, k);
        return new DataSet(data.features, data.y, data.classNames, names, 0, 0);
    }

    /** The same samples, with names for the classes (e.g. "Trouser" for class 1 of Fashion-MNIST). */
    public DataSet withClassNames(List<String> names) {
        if (names.size() < numClasses()) {
            throw new IllegalArgumentException("need a name for each of the " + numClasses() + " classes, got "
                    + names.size() + ": " + names);
        }
        return new DataSet(features, y, List.copyOf(names), featureNames, height, width);
    }

    /** The same labels with other features of the same number of rows (e.g. normalised ones). */
    public DataSet withFeatures(INDArray newFeatures) {
        if (newFeatures.rank() != 2 || newFeatures.rows() != size()) {
            throw new IllegalArgumentException("features must have " + size() + " rows, got shape "
                    + Arrays.toString(newFeatures.shape()));
        }
        DataSet data = of(newFeatures, y, numClasses());
        boolean sameColumns = newFeatures.columns() == numFeatures();
        return new DataSet(data.features, y, classNames, sameColumns ? featureNames : null,
                sameColumns ? height : 0, sameColumns ? width : 0);
    }

    /** The same samples, each row seen as a {@code height × width} image (row by row). */
    public DataSet withImageShape(int height, int width) {
        if (height < 1 || width < 1 || (long) height * width != numFeatures()) {
            throw new IllegalArgumentException("height × width must equal the " + numFeatures()
                    + " features, got " + height + " × " + width);
        }
        return new DataSet(features, y, classNames, featureNames, height, width);
    }

    /** n, the number of samples. */
    public int size() {
        return y.length;
    }

    /** d, the number of features per sample. */
    public int numFeatures() {
        return (int) features.columns();
    }

    /** k, the number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** FLOAT or DOUBLE: the type of {@link #features()}, {@link #labels()} and {@link #oneHot()}. */
    public DataType dataType() {
        return features.dataType();
    }

    /** X, n × d. The array itself, not a copy. */
    public INDArray features() {
        return features;
    }

    /** y, n × 1: the class index of each sample, in {@link #dataType()}. The array itself, not a copy. */
    public INDArray labels() {
        return labels;
    }

    /** The class index of sample {@code i}. */
    public int label(int i) {
        return y[i];
    }

    /** Y, n × k, a new array: Y[i][c] = 1 if sample i is of class c, else 0. */
    public INDArray oneHot() {
        INDArray oneHot = Nd4j.zeros(dataType(), size(), numClasses());
        ByteBuffer out = buffer(oneHot);
        for (int i = 0; i < y.length; i++) {
            put(out, dataType(), (long) i * numClasses() + y[i], 1);
        }
        return oneHot;
    }

    /** The name of class {@code c}: its digit for MNIST, e.g. "Sneaker" for Fashion-MNIST. */
    public String className(int c) {
        return classNames.get(c);
    }

    /** How many samples each class has: counts[c] for c = 0 … k−1. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : y) {
            counts[label]++;
        }
        return counts;
    }

    /** This data set in {@code type} (FLOAT or DOUBLE): itself if it already is, else a converted copy. */
    public DataSet as(DataType type) {
        requireFloatOrDouble(type);
        return type == dataType() ? this
                : new DataSet(features.castTo(type), y, classNames, featureNames, height, width);
    }

    /** The first {@code n} samples, as a new data set. */
    public DataSet take(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("n must be in [0, " + size() + "], got " + n);
        }
        return subset(IntStream.range(0, n).toArray());
    }

    /** The samples at {@code indices} (in that order, repeats allowed), as a new data set. */
    public DataSet subset(int[] indices) {
        INDArray x = Nd4j.createUninitialized(dataType(), indices.length, numFeatures());
        int[] labelsOut = new int[indices.length];
        ByteBuffer from = buffer(features), to = buffer(x);
        int rowBytes = numFeatures() * dataType().width();
        for (int j = 0; j < indices.length; j++) {
            if (indices[j] < 0 || indices[j] >= size()) {
                throw new IllegalArgumentException("indices[" + j + "] must be in [0, " + size() + "), got " + indices[j]);
            }
            to.put(j * rowBytes, from, indices[j] * rowBytes, rowBytes);
            labelsOut[j] = y[indices[j]];
        }
        return new DataSet(x, labelsOut, classNames, featureNames, height, width);
    }

    /**
     * Shuffles the samples with {@code seed} and cuts them in two: the first
     * round(fraction · n) go to {@code train}, the rest to {@code test}.
     */
    public Split split(double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
        }
        int[] order = Batches.permutation(size(), new SplittableRandom(seed));
        int cut = (int) Math.round(fraction * size());
        return new Split(subset(Arrays.copyOfRange(order, 0, cut)), subset(Arrays.copyOfRange(order, cut, size())));
    }

    /**
     * Mini-batches of {@code batchSize} samples in an order reshuffled every epoch by a random
     * generator seeded with {@code seed}. {@code batchSize} 1 is stochastic gradient descent,
     * {@code size()} is batch gradient descent. See {@link Batches}.
     */
    public Batches batches(int batchSize, long seed) {
        return new Batches(this, batchSize, new SplittableRandom(seed));
    }

    /** Mini-batches of {@code batchSize} samples in the stored order, the same every epoch. */
    public Batches batchesInOrder(int batchSize) {
        return new Batches(this, batchSize, null);
    }

    /**
     * The first {@code rows} samples as a table for inspection: index, label (and class name when
     * it is not just the number), then the feature columns of a tabular data set, or a summary
     * (mean, min, max) of the features of an image data set.
     */
    public Table toTable(int rows) {
        int n = Math.min(Math.max(rows, 0), size());
        Table table = Table.create("first " + n + " of " + size() + " samples",
                IntColumn.create("index", IntStream.range(0, n).toArray()),
                IntColumn.create("label", Arrays.copyOf(y, n)));
        if (!classNames.equals(IntStream.range(0, numClasses()).mapToObj(Integer::toString).toList())) {
            table.addColumns(StringColumn.create("class", IntStream.range(0, n).mapToObj(i -> className(y[i]))));
        }
        double[][] rowsOf = new double[n][];
        for (int i = 0; i < n; i++) {
            rowsOf[i] = features.getRow(i).toDoubleVector();
        }
        if (featureNames != null) {
            for (int j = 0; j < featureNames.size(); j++) {
                int column = j;
                table.addColumns(DoubleColumn.create(featureNames.get(j),
                        IntStream.range(0, n).mapToDouble(i -> rowsOf[i][column])));
            }
        } else {
            table.addColumns(
                    DoubleColumn.create("mean", Arrays.stream(rowsOf).mapToDouble(r -> Arrays.stream(r).average().orElse(0))),
                    DoubleColumn.create("min", Arrays.stream(rowsOf).mapToDouble(r -> Arrays.stream(r).min().orElse(0))),
                    DoubleColumn.create("max", Arrays.stream(rowsOf).mapToDouble(r -> Arrays.stream(r).max().orElse(0))));
        }
        return table;
    }

    /** Sample {@code i} as a picture about 112 pixels wide: dark ink on white, stretched from its min to its max. */
    public BufferedImage image(int i) {
        if (i < 0 || i >= size()) {
            throw new IllegalArgumentException("i must be in [0, " + size() + "), got " + i);
        }
        return images(new int[] {i}, 1, 112, false);
    }

    /** The first {@code count} samples as a grid of pictures, 10 per row, each about 56 pixels wide and captioned with its class. */
    public BufferedImage images(int count) {
        int n = Math.min(Math.max(count, 1), size());
        return images(IntStream.range(0, n).toArray(), Math.min(n, 10), 56, true);
    }

    private BufferedImage images(int[] indices, int columns, int cellPixels, boolean captions) {
        if (height == 0) {
            throw new IllegalStateException("this data set has no image shape; give it one with withImageShape(h, w)");
        }
        int scale = Math.max(1, cellPixels / Math.max(height, width)), gap = 2, caption = captions ? 13 : 0;
        int rows = (indices.length + columns - 1) / columns;
        int cellW = width * scale + gap, cellH = height * scale + caption + gap;
        BufferedImage picture = new BufferedImage(columns * cellW + gap, rows * cellH + gap, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(200, 200, 200));
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int k = 0; k < indices.length; k++) {
            int left = gap + (k % columns) * cellW, top = gap + (k / columns) * cellH;
            double[] pixels = features.getRow(indices[k]).toDoubleVector();
            double lo = Arrays.stream(pixels).min().orElse(0), hi = Arrays.stream(pixels).max().orElse(0);
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    double ink = hi > lo ? (pixels[r * width + c] - lo) / (hi - lo) : 0;
                    int grey = (int) Math.round(255 * (1 - ink));
                    g.setColor(new Color(grey, grey, grey));
                    g.fillRect(left + c * scale, top + r * scale, scale, scale);
                }
            }
            if (captions) {
                String name = className(y[indices[k]]);
                g.setColor(Color.WHITE);
                g.fillRect(left, top + height * scale, width * scale, caption);
                g.setColor(Color.BLACK);
                g.drawString(name, left + (width * scale - g.getFontMetrics().stringWidth(name)) / 2, top + height * scale + 10);
            }
        }
        g.dispose();
        return picture;
    }

    @Override
    public String toString() {
        return "DataSet " + size() + " × " + numFeatures() + " " + dataType() + ", " + numClasses() + " classes"
                + (height > 0 ? ", images " + height + " × " + width : "");
    }

    private static void requireFloatOrDouble(DataType type) {
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("type must be FLOAT or DOUBLE, got " + type);
        }
    }

    /** The bytes of a row-major array, in the machine's byte order, for copying whole rows. */
    static ByteBuffer buffer(INDArray a) {
        if (a.length() == 0) {
            return ByteBuffer.allocate(0);                          // ND4J gives an empty array no buffer
        }
        return a.data().asNio().order(ByteOrder.nativeOrder());
    }

    /** Reads element {@code index} of a FLOAT or DOUBLE buffer. */
    static double get(ByteBuffer buffer, DataType type, long index) {
        return type == DataType.FLOAT ? buffer.getFloat((int) (index * Float.BYTES))
                : buffer.getDouble((int) (index * Double.BYTES));
    }

    /** Writes {@code v} as element {@code index} of a FLOAT or DOUBLE buffer. */
    static void put(ByteBuffer buffer, DataType type, long index, double v) {
        if (type == DataType.FLOAT) {
            buffer.putFloat((int) (index * Float.BYTES), (float) v);
        } else {
            buffer.putDouble((int) (index * Double.BYTES), v);
        }
    }
}
