package descent.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

import descent.display.Display;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Descent's Jupyter kernel: Java cells run by JShell inside this JVM, on jjava-jupyter's protocol
 * classes, with the connection hardened by {@link SecureConnection}.
 *
 * <p>Start: {@code java descent.kernel.Kernel <connection-file>} (the kernelspec written by
 * {@link Install} does this). The kernel refuses a connection file without an HMAC key.
 */
public final class Kernel extends BaseKernel implements Display.Sink {

    /** The kernel's own log: the JVM's standard error before cells' output was routed. */
    private static final PrintStream LOG = System.err;

    /** How often output a cell printed without a line end is sent. */
    private static final long FLUSH_MS = 50;

    private final CellStream out = new CellStream(System.out);
    private final CellStream err = new CellStream(System.err);
    private final CompletableFuture<Cells> cells;
    private final Map<String, Boolean> displayIds = new ConcurrentHashMap<>();
    private volatile ShellReplyEnvironment env;
    /** When the client sent its last interrupt request; a cell requested before it is stopped. */
    private volatile Instant lastInterruptSent = Instant.MIN;
    /** When the client sent the cell that runs now (or ran last). */
    private volatile Instant runningCellSent;

    private Kernel() {
        super("Descent", "1.0", new LanguageInfo.Builder("java")
                        .version(Runtime.version().toString())
                        .mimetype("text/x-java-source")
                        .fileExtension(".jshell")
                        .pygments("java")
                        .codemirror("java")
                        .build(),
                List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", new MagicTranspiler()), new MagicsRegistry(),
                false, new StringStyler.Builder().build());
        System.setOut(out.printStream());
        System.setErr(err.printStream());
        cells = CompletableFuture.supplyAsync(() -> new Cells(this));
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "output-flusher");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(() -> {
            out.flushPending();
            err.flushPending();
        }, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts the kernel on a Jupyter connection file. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            LOG.println("usage: java descent.kernel.Kernel <connection-file.json>");
            System.exit(2);
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        if (props.getKey() == null || props.getKey().isEmpty()) {
            LOG.println("descent kernel: the connection file has no HMAC key; refusing to run without"
                    + " message authentication (any local process could run code as you)");
            System.exit(2);
        }
        exitWithParent();
        Kernel kernel = new Kernel();
        SecureConnection connection = new SecureConnection(props);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.onStartup();
        Display.install(kernel);
        connection.waitUntilClose();
        System.exit(0);
    }

    /** Ends the kernel when the Jupyter process that started it (JPY_PARENT_PID) is gone. */
    private static void exitWithParent() {
        String parent = System.getenv("JPY_PARENT_PID");
        if (parent != null && parent.matches("\\d+")) {
            ProcessHandle.of(Long.parseLong(parent)).ifPresent(p -> p.onExit().thenRun(() -> {
                log("the Jupyter process " + parent + " ended; exiting");
                System.exit(0);
            }));
        }
    }

    static void log(String line) {
        LOG.println("descent kernel: " + line);
    }

    /** The running kernel's cells, waiting for start-up to finish. */
    Cells cells() {
        return cells.join();
    }

    /** The cells for cell {@code count}, once started; an interrupt meanwhile stops the cell. */
    private Cells startedCells(int count) throws CellException, InterruptedException {
        while (true) {
            try {
                return cells.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (CellGuard.stopRequested()) {
                    throw Cells.interrupted(count, 0);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("the kernel's JShell did not start", e.getCause());
            }
        }
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        Instant sent = sentAt(message);
        runningCellSent = sent;
        CellGuard.cellStarts();
        if (sent != null && !sent.isAfter(lastInterruptSent)) {
            CellGuard.requestStop();                    // interrupted before it reached this thread
        }
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        this.env = env;
        out.attach(text -> env.publish(new PublishStream(PublishStream.StreamType.OUT, text)));
        err.attach(text -> env.publish(new PublishStream(PublishStream.StreamType.ERR, text)));
        try {
            Cells.Result result = startedCells(count).run(request.getCode(), count);
            stopOutput();
            if (result.hasValue() && !isDisplayId(result.value())) {
                env.publish(new PublishExecuteResult(count, displayData(result.value(), List.of())));
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (CellException e) {
            stopOutput();
            reportError(env, count, e.name(), e.getMessage(), e.traceback());
        } catch (Throwable e) {
            stopOutput();
            reportError(env, count, e.getClass().getName(), String.valueOf(e.getMessage()),
                    List.of(e.getClass().getName() + ": " + e.getMessage()));
        } finally {
            CellGuard.cellEnds();
        }
    }

    /** jjava's reply with the "status" field that the protocol asks of every reply. */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfo(getLanguageInfo(), getBanner()));
    }

    private static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused")                      // read by Gson, which writes the reply
        private final String status = "ok";

        KernelInfo(LanguageInfo language, String banner) {
            super("5.3", "Descent", "1.0", language, banner, List.of());
        }
    }

    /** An empty history: cells are not recorded (the notebook holds them). */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new EmptyHistory());
    }

    private static final class EmptyHistory extends HistoryReply {
        @SuppressWarnings("unused")                      // read by Gson, which writes the reply
        private final String status = "ok";

        EmptyHistory() {
            super(List.of());
        }
    }

    private void stopOutput() {
        System.out.flush();
        System.err.flush();
        out.detach();
        err.detach();
    }

    private static void reportError(ShellReplyEnvironment env, int count, String name, String message,
            List<String> traceback) {
        env.publish(new PublishError(name, message, traceback));
        ErrorReply reply = new ErrorReply(name, message, traceback);
        reply.setExecutionCount(count);
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }

    /** Jupyter display data for a value, as the MIME types asked for (all it has when none). */
    static DisplayData displayData(Object value, List<String> mimeTypes) {
        if (value instanceof DisplayData rendered) {            // made by render(...) in a cell
            return new DisplayData(rendered);
        }
        DisplayData data = new DisplayData();
        Renderers.renderAs(value, mimeTypes).forEach(data::putData);
        return data;
    }

    /**
     * Runs {@code code} (magics included) inside the running cell, as IJava's {@code eval}; its
     * value or null. A failure is thrown as an {@link IllegalStateException} with its name and message.
     */
    @Override
    public Object evalRaw(String code) {
        try {
            return cells().eval(code);
        } catch (CellException e) {
            throw new IllegalStateException(e.name() + ": " + e.getMessage());
        }
    }

    @Override
    public String display(Object value) {
        return display(value, List.of());
    }

    /** Shows {@code value} below the running cell as {@code mimeTypes} (all when empty); returns its display id. */
    String display(Object value, List<String> mimeTypes) {
        String id = UUID.randomUUID().toString();
        DisplayData data = displayData(value, mimeTypes);
        data.setDisplayId(id);
        ShellReplyEnvironment current = env;
        if (current == null) {
            System.out.println(value);
            return null;
        }
        displayIds.put(id, Boolean.TRUE);
        current.publish(new PublishDisplayData(data));
        return id;
    }

    /** Clears the running cell's output so far. */
    void clearOutput() {
        ShellReplyEnvironment current = env;
        if (current != null) {
            System.out.flush();
            System.err.flush();
            out.flushPending();
            err.flushPending();
            current.publish(PublishClearOutput.NOW);
        }
    }

    /** True for an id just returned by display(...), which a cell ending in display(x) should not show. */
    private boolean isDisplayId(Object value) {
        return value instanceof String s && displayIds.containsKey(s);
    }

    @Override
    public void update(String id, Object value) {
        updateDisplay(id, value, List.of());
    }

    /** Replaces what was shown under {@code id}, as {@code mimeTypes} (all when empty). */
    void updateDisplay(String id, Object value, List<String> mimeTypes) {
        if (id == null || !displayIds.containsKey(id)) {
            throw new IllegalArgumentException("id must be a display id returned by display(...), got " + id);
        }
        DisplayData data = displayData(value, mimeTypes);
        data.setDisplayId(id);
        ShellReplyEnvironment current = env;
        if (current != null) {
            current.publish(new PublishUpdateDisplayData(data));
        }
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        SourceCodeAnalysis analysis = cells().analysis();
        int[] anchor = new int[1];
        LinkedHashSet<String> options = new LinkedHashSet<>();
        analysis.completionSuggestions(code, at, anchor).forEach(s -> options.add(s.continuation()));
        return new ReplacementOptions(new ArrayList<>(options), anchor[0], at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String text = cells().documentation(code, at);
        return text == null ? null : new DisplayData(text);
    }

    @Override
    public String isComplete(String code) {
        return cells().isComplete(code);
    }

    /**
     * Stops the running cell unless it was requested after the interrupt (which then came late,
     * meant for a cell already done), and records when the interrupt was sent: the client may have
     * sent the cell it means a moment earlier, and that cell may not have started yet.
     */
    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        Instant sent = sentAt(message);
        lastInterruptSent = sent == null ? lastInterruptSent : sent;
        env.setBusyDeferIdle();
        env.defer().reply(new InterruptReply());
        Instant cell = runningCellSent;
        if (sent == null || cell == null || !sent.isBefore(cell)) {
            interrupt();                                // not when it was meant for an earlier cell
        }
    }

    /** The time in the message's header (the client's clock), or null when it has none with a zone. */
    private static Instant sentAt(Message<?> message) {
        KernelTimestamp sent = message.getHeader().getTimestamp();
        try {
            return sent == null ? null : OffsetDateTime.parse(sent.getDateString()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Stops the running cell, if any: see {@link CellGuard} and {@link InProcessExecution#stop()}. */
    @Override
    public void interrupt() {
        if (CellGuard.requestStop() && cells.isDone()) {  // else it stops when JShell is ready
            cells().stop();
        }
    }

    @Override
    public void onShutdown(boolean restart) {
        cells().close();
    }

    @Override
    public String getBanner() {
        return "Descent Java kernel (JShell, Java " + Runtime.version() + ")";
    }

}
