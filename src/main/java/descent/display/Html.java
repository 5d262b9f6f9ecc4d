package descent.display;

import java.util.Objects;

/**
 * A piece of HTML for a notebook, with the plain text shown where HTML cannot be (a terminal, a
 * plain-text export). The training loop's progress bar is one.
 */
public record Html(String html, String text) {

    public Html {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text;
    }
}
