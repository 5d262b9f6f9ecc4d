package descent.kernel;

import java.security.Permission;

/**
 * Keeps {@code System.exit} in a cell from ending the kernel: the call throws a
 * {@link SecurityException} that the cell reports, and the kernel keeps running. Everything else
 * is allowed. Only the kernel itself, when asked to shut down, may exit ({@link #exit}).
 *
 * <p>This needs a security manager, which Java 17 still allows (printing a deprecation warning
 * to the kernel's log) and Java 18+ allows with {@code -Djava.security.manager=allow}, which the
 * kernelspec sets. Where it cannot be installed, the kernel says so in its log and
 * {@code System.exit} ends it as in plain Java.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {

    private static volatile boolean exiting;

    private ExitGuard() {
    }

    /** Installs the guard; returns false (and logs why) where the JVM refuses security managers. */
    static boolean install() {
        try {
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            Kernel.log("System.exit in a cell will end the kernel: " + e.getMessage());
            return false;
        }
    }

    /** Ends the JVM on the kernel's own behalf. */
    static void exit(int status) {
        exiting = true;
        System.exit(status);
    }

    @Override
    public void checkExit(int status) {
        if (!exiting) {
            throw new SecurityException("System.exit(" + status + ") was called in a cell; the kernel"
                    + " keeps running (restart the kernel to start afresh)");
        }
    }

    @Override
    public void checkPermission(Permission perm) {
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
    }
}
