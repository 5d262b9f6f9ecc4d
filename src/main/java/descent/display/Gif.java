package descent.display;

import java.util.Objects;

/**
 * An encoded (usually animated) GIF image; a notebook shows it as {@code image/gif}.
 */
public record Gif(byte[] bytes) {

    public Gif {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < 6 || bytes[0] != 'G' || bytes[1] != 'I' || bytes[2] != 'F') {
            throw new IllegalArgumentException("bytes must start with the GIF signature, got "
                    + bytes.length + " bytes");
        }
    }

    @Override
    public String toString() {
        return "GIF image, " + bytes.length + " bytes";
    }
}
