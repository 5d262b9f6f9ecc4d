package descent.display;

/**
 * An output that moves when a reader touches it, with a still picture for wherever scripts do not
 * run: a notebook shows {@link #html()} (a self-contained page fragment with its own small
 * script, which needs no network), and a viewer that runs no scripts — GitHub, a PDF export, a
 * plain-text console — shows {@link #png()} or {@link #text()}. The library's explorers are one.
 */
public interface Interactive {

    /** HTML with inline SVG and an inline script; it draws nothing from the network. */
    String html();

    /** A PNG of the default setting. */
    byte[] png();

    /** One line saying what it is, for plain-text front ends. */
    String text();
}
