package descent.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an IDX file, the format of MNIST and Fashion-MNIST, gzip-compressed or raw.
 *
 * <p>Layout (LeCun, Cortes, Burges, "The MNIST database of handwritten digits"): two zero bytes,
 * a type byte ({@code 0x08} = unsigned byte, the only type these data sets use), the number of
 * dimensions {@code k}, then {@code k} big-endian 32-bit sizes, then the values in row-major order.
 * A gzip file is recognised by its magic bytes {@code 0x1f 0x8b}, not by its name.
 *
 * <p>Every check names the file: an empty file, foreign magic bytes, another data type, the wrong
 * number of dimensions, a negative size, too few values (truncated) or too many (trailing bytes).
 *
 * @param file   where it was read from
 * @param shape  the sizes, e.g. {@code [60000, 28, 28]} for images, {@code [60000]} for labels
 * @param values the unsigned bytes (read them with {@code values[i] & 0xFF})
 */
public record Idx(Path file, int[] shape, byte[] values) {

    /** The IDX type code of unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;

    /** Reads {@code file} and checks that it has {@code dimensions} dimensions. */
    public static Idx read(Path file, int dimensions) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read(), b1 = raw.read();
            raw.reset();
            if (b0 < 0) {
                throw new IllegalArgumentException(file + ": empty file, expected an IDX file");
            }
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            return read(file, new DataInputStream(in), dimensions);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file", e);
        } catch (ZipException | EOFException e) {
            throw new IllegalArgumentException(file + ": broken gzip stream (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static Idx read(Path file, DataInputStream in, int dimensions) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4 || magic[0] != 0 || magic[1] != 0) {
            throw new IllegalArgumentException(file + ": not an IDX file, it starts with " + hex(magic)
                    + " where IDX has 0x00 0x00 <type> <dimensions>");
        }
        if (magic[2] != UNSIGNED_BYTE) {
            throw new IllegalArgumentException(file + ": IDX data type " + hex(magic[2])
                    + " is not supported, expected 0x08 (unsigned byte)");
        }
        if (magic[3] != dimensions) {
            throw new IllegalArgumentException(file + ": expected " + dimensions
                    + " dimensions, the header says " + magic[3]);
        }
        int[] shape = new int[dimensions];
        long count = 1;
        for (int i = 0; i < dimensions; i++) {
            byte[] size = in.readNBytes(4);
            if (size.length < 4) {
                throw new IllegalArgumentException(file + ": header ends inside the size of dimension " + i
                        + " (truncated?)");
            }
            shape[i] = (size[0] & 0xFF) << 24 | (size[1] & 0xFF) << 16 | (size[2] & 0xFF) << 8 | size[3] & 0xFF;
            if (shape[i] < 0) {
                throw new IllegalArgumentException(file + ": dimension " + i + " has negative size " + shape[i]);
            }
            count *= shape[i];
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(file + ": shape " + Arrays.toString(shape)
                    + " holds " + count + " values, more than a Java array can");
        }
        byte[] values = in.readNBytes((int) count);
        if (values.length < count) {
            throw new IllegalArgumentException(file + ": expected " + count + " values after the header for shape "
                    + Arrays.toString(shape) + ", found " + values.length + " (truncated?)");
        }
        if (in.read() >= 0) {
            throw new IllegalArgumentException(file + ": more bytes than the " + count + " values of shape "
                    + Arrays.toString(shape) + " (trailing data: not this IDX file's shape?)");
        }
        return new Idx(file, shape, values);
    }

    /** The number of items: the first dimension. */
    public int count() {
        return shape[0];
    }

    private static String hex(byte... bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("0x%02x", b & 0xFF));
        }
        return s.length() == 0 ? "nothing" : s.toString();
    }
}
