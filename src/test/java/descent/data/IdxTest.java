package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Good IDX files read back exactly, raw or gzip; every kind of bad file is refused naming the file. */
class IdxTest {

    @TempDir
    Path dir;

    /** A 3-D unsigned-byte IDX file: 2 images of 2 × 3 pixels, values 0 … 11. */
    private static byte[] images() {
        ByteBuffer b = ByteBuffer.allocate(16 + 12).put(new byte[] {0, 0, 8, 3}).putInt(2).putInt(2).putInt(3);
        for (int i = 0; i < 12; i++) {
            b.put((byte) (i * 20));
        }
        return b.array();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private void assertRefused(Path file, int dimensions, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Idx.read(file, dimensions));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void readsRawAndGzipAlike() throws IOException {
        for (Path file : new Path[] {write("raw-idx3", images()), write("packed-idx3.gz", gzip(images())),
                write("gzip-without-suffix", gzip(images()))}) {
            Idx idx = Idx.read(file, 3);
            assertArrayEquals(new int[] {2, 2, 3}, idx.shape());
            assertEquals(2, idx.count());
            assertEquals(12, idx.values().length);
            assertEquals(220, idx.values()[11] & 0xFF, "unsigned: byte 220 is not -36");
        }
    }

    @Test
    void truncatedValues() throws IOException {
        byte[] cut = Arrays.copyOf(images(), 20);
        assertRefused(write("cut", cut), 3, "expected 12 values after the header for shape [2, 2, 3], found 4 (truncated?)");
        assertRefused(write("cut.gz", gzip(cut)), 3, "found 4 (truncated?)");
    }

    @Test
    void truncatedHeaderAndGzipStream() throws IOException {
        assertRefused(write("header", Arrays.copyOf(images(), 10)), 3, "header ends inside the size of dimension 1");
        byte[] gz = gzip(images());
        assertRefused(write("broken.gz", Arrays.copyOf(gz, gz.length - 12)), 3, "broken gzip stream");
    }

    @Test
    void trailingBytes() throws IOException {
        assertRefused(write("long", Arrays.copyOf(images(), 30)), 3, "more bytes than the 12 values");
    }

    @Test
    void wrongMagic() throws IOException {
        byte[] foreign = images();
        foreign[0] = 'P';
        foreign[1] = 'K';
        assertRefused(write("zip", foreign), 3, "not an IDX file, it starts with 0x50 0x4b 0x08 0x03");
        assertRefused(write("text.gz", gzip("hello, world\n".getBytes())), 3, "not an IDX file");
        assertRefused(write("garbage", "#!/bin/sh\necho garbage\n".getBytes()), 3, "not an IDX file");
    }

    @Test
    void wrongTypeOrDimensions() throws IOException {
        byte[] floats = images();
        floats[2] = 0x0D;
        assertRefused(write("floats", floats), 3, "IDX data type 0x0d is not supported");
        assertRefused(write("images-as-labels", images()), 1, "expected 1 dimensions, the header says 3");
        byte[] negative = images();
        negative[4] = (byte) 0x80;
        assertRefused(write("negative", negative), 3, "dimension 0 has negative size");
    }

    @Test
    void missingFile() {
        assertRefused(dir.resolve("absent.gz"), 3, "no such file");
    }

    @Test
    void emptyFiles() throws IOException {
        assertRefused(write("empty", new byte[0]), 1, "empty file");
        assertRefused(write("empty.gz", gzip(new byte[0])), 1, "starts with nothing");
    }

    @Test
    void labelsThatDoNotMatchTheImages() throws IOException {
        Idx images = Idx.read(write("images", images()), 3);
        byte[] threeLabels = ByteBuffer.allocate(11).put(new byte[] {0, 0, 8, 1}).putInt(3).put(new byte[] {1, 2, 3}).array();
        Idx labels = Idx.read(write("labels", threeLabels), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSet.fromIdx(images, labels, org.nd4j.linalg.api.buffer.DataType.FLOAT));
        assertTrue(e.getMessage().contains("labels: expected 2 labels"), e.getMessage());
    }
}
