package descent.kernel;

import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Keeps a cell from ending the kernel, and lets an interrupt stop it, by rewriting the classes
 * JShell compiles from cells before they are loaded ({@link SnippetLoader}).
 *
 * <ul>
 * <li>A call of {@code System.exit(n)}, {@code Runtime.exit(n)} or {@code Runtime.halt(n)} (also
 *     as a method reference) becomes a call of {@link #exit(int)}, {@link #exit(Runtime, int)} or
 *     {@link #halt(Runtime, int)} here, which throw a {@link SecurityException} naming the call:
 *     the cell reports it and the kernel keeps its state. Code outside the cell (a library, or
 *     reflection) can still end the JVM.</li>
 * <li>Every method of a cell starts, and every jump (so every loop's turn) is preceded, by
 *     {@link #checkStop()}: a read of one volatile field, which throws once an interrupt asked the
 *     running cell to stop. Together with {@link Thread#interrupt()} (which ends sleeps and waits)
 *     this stops a cell on every JDK; {@code Thread.stop}, which did it before, throws on Java 20
 *     and later.</li>
 * </ul>
 *
 * <p>Why a rewrite and not a security manager: Java 24 and later refuse to start with one
 * ({@code -Djava.security.manager=allow}), and Java 17 prints a warning for it at every start.
 */
public final class CellGuard {

    private static final String SELF = "descent/kernel/CellGuard";

    /** JDK methods that end the JVM, by owner, name and descriptor; the value is the hook here. */
    private static final Map<String, String[]> EXITS = Map.of(
            "java/lang/System.exit(I)V", new String[] {"exit", "(I)V"},
            "java/lang/Runtime.exit(I)V", new String[] {"exit", "(Ljava/lang/Runtime;I)V"},
            "java/lang/Runtime.halt(I)V", new String[] {"halt", "(Ljava/lang/Runtime;I)V"});

    private static volatile boolean cellRunning;
    private static volatile boolean stopRequested;
    private static volatile boolean warned;

    private CellGuard() {
    }

    /** Called by cell code instead of {@code System.exit(status)}: refuses. */
    public static void exit(int status) {
        throw refused("System.exit(" + status + ")");
    }

    /** Called by cell code instead of {@code runtime.exit(status)}: refuses. */
    public static void exit(Runtime runtime, int status) {
        throw refused("Runtime.exit(" + status + ")");
    }

    /** Called by cell code instead of {@code runtime.halt(status)}: refuses. */
    public static void halt(Runtime runtime, int status) {
        throw refused("Runtime.halt(" + status + ")");
    }

    private static SecurityException refused(String call) {
        return new SecurityException(call + " was called in a cell; the kernel keeps running"
                + " (restart the kernel to start afresh)");
    }

    /** Called by cell code at each method start and jump: throws once the cell is asked to stop. */
    public static void checkStop() {
        if (stopRequested) {
            throw new Stopped();
        }
    }

    /** The error that unwinds a stopped cell. */
    static final class Stopped extends Error {
        Stopped() {
            super("the cell was stopped by an interrupt request", null, false, false);
        }
    }

    /** A cell begins: earlier stop requests are forgotten. */
    static void cellStarts() {
        stopRequested = false;
        cellRunning = true;
    }

    /** The cell has ended: cell code (e.g. a thread it started) runs on unhindered. */
    static void cellEnds() {
        cellRunning = false;
        stopRequested = false;
    }

    /** Asks the running cell to stop; false (and nothing asked) when no cell runs. */
    static boolean requestStop() {
        if (!cellRunning) {
            return false;
        }
        stopRequested = true;
        return true;
    }

    /** True once the running cell was asked to stop. */
    static boolean stopRequested() {
        return stopRequested;
    }

    /**
     * The class file with the calls above redirected and the stop checks added; unchanged (and
     * a line in the kernel's log, once) when its format is newer than this rewriter knows.
     */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (IllegalArgumentException e) {
            if (!warned) {
                warned = true;
                Kernel.log("cells run unguarded (System.exit ends the kernel, interrupts reach only"
                        + " sleeps and waits): " + e.getMessage());
            }
            return classFile;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new Guarded(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** One method's code, rewritten as described above. */
    private static final class Guarded extends MethodVisitor {

        Guarded(MethodVisitor target) {
            super(Opcodes.ASM9, target);
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, "checkStop", "()V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            check();
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String[] hook = EXITS.get(owner + "." + name + descriptor);
            if (hook == null) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            } else {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, hook[0], hook[1], false);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] redirected = arguments.clone();
            for (int i = 0; i < redirected.length; i++) {
                if (redirected[i] instanceof Handle h) {
                    String[] hook = EXITS.get(h.getOwner() + "." + h.getName() + h.getDesc());
                    if (hook != null) {
                        redirected[i] = new Handle(Opcodes.H_INVOKESTATIC, SELF, hook[0], hook[1], false);
                    }
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, redirected);
        }
    }
}
