package descent.kernel;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * A kernel session in miniature, run once by {@link Install} under
 * {@code -XX:ArchiveClassesAtExit}: the classes it loads (JShell's compiler, the renderers,
 * XChart, the connection's sockets, signatures and JSON) go into a class-data-sharing archive
 * that the kernel maps at start instead of loading them again, which roughly halves the time to
 * the first cell's result. ND4J is not touched.
 */
final class WarmUp {

    private WarmUp() {
    }

    public static void main(String[] args) throws Exception {
        Cells cells = new Cells(null);
        cells.run("int x = 1 + 1;", 1);
        cells.run("x * 2", 2);
        cells.analysis().completionSuggestions("Math.ma", 7, new int[1]);
        cells.isComplete("for (int i = 0; i < 3; i++) {");
        Object chart = cells.run("var c = new XYChartBuilder().width(200).height(100).build();\n"
                + "c.addSeries(\"s\", new double[] {1, 2}, new double[] {2, 1});\nc", 3).value();
        Renderers.render(chart, null);
        try {
            cells.run("1 / 0", 4);
        } catch (CellException expected) {
            // the error path is part of a session too
        }
        cells.close();
        connect();
    }

    /** Binds a connection on free loopback ports, publishes its signed "starting" status, closes. */
    private static void connect() throws Exception {
        int[] ports = new int[5];
        for (int i = 0; i < ports.length; i++) {
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                ports[i] = free.getLocalPort();
            }
        }
        SecureConnection connection = new SecureConnection(KernelConnectionProperties.parse(String.format(
                "{\"transport\": \"tcp\", \"ip\": \"127.0.0.1\", \"key\": \"%s\","
                        + " \"signature_scheme\": \"hmac-sha256\", \"shell_port\": %d, \"control_port\": %d,"
                        + " \"stdin_port\": %d, \"iopub_port\": %d, \"hb_port\": %d}",
                UUID.randomUUID(), ports[0], ports[1], ports[2], ports[3], ports[4])));
        connection.connect();
        connection.close();
    }
}
