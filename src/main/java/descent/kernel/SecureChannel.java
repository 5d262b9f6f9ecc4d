package descent.kernel;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that reads each ZeroMQ message whole and drops, with a line in the
 * kernel's log, any message that is not a well-formed, correctly signed, first-seen Jupyter
 * message. It closes the holes of jjava-jupyter 1.0-a6's reader:
 * <ul>
 * <li>a bad signature threw out of the channel's loop and left the channel dead;</li>
 * <li>a message without the {@code <IDS|MSG>} delimiter made the reader swallow the next
 *     message's frames, so the next reply went to the wrong peer;</li>
 * <li>signatures were compared with {@code String.equals}; here in constant time
 *     ({@link MessageDigest#isEqual});</li>
 * <li>a captured message could be replayed; here a signature seen before is refused, as
 *     jupyter_client's {@code Session} does (the last {@value Guard#HISTORY} signatures).</li>
 * </ul>
 * It blocks in {@code poll} instead of sleeping 50 ms between polls, so replies go out at once.
 */
final class SecureChannel extends ShellChannel {

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final long POLL_MS = 100;
    private static final Type JSON_MAP = new TypeToken<Map<String, Object>>() { }.getType();
    private static final Gson GSON;

    static {
        Gson replyGson = new GsonBuilder()
                .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
                .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
                .create();
        GSON = new GsonBuilder()
                .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
                .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
                .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
                .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
                .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
                .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(replyGson))
                .create();
    }

    /** Signature check and replay memory, shared by the shell and control channels. */
    static final class Guard {
        static final int HISTORY = 1 << 16;

        private final HMACGenerator hmac;
        private final SignatureMemory seen = new SignatureMemory(HISTORY);
        private final AtomicLong refused = new AtomicLong();

        Guard(HMACGenerator hmac) {
            this.hmac = hmac;
        }

        /** Why the frames must be refused, or null if they are a valid first-seen message. */
        synchronized String refusal(byte[] signature, byte[] header, byte[] parent, byte[] metadata, byte[] content) {
            String expected = hmac.calculateSignature(header, parent, metadata, content);
            if (expected == null) {
                return "no key to check the signature";
            }
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature)) {
                return "bad signature";
            }
            if (!seen.add(signature)) {
                return "replayed signature";
            }
            return null;
        }
    }

    private final Guard guard;
    private final boolean control;
    private final JupyterConnection connection;
    private volatile Thread loop;
    private volatile boolean running;

    SecureChannel(ZMQ.Context context, HMACGenerator hmac, Guard guard, boolean control, JupyterConnection connection) {
        super(context, hmac, control, connection);
        this.guard = guard;
        this.control = control;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        int port = control ? props.getControlPort() : props.getShellPort();
        bind(formatAddress(props.getTransport(), props.getIp(), port));
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        loop = new Thread(() -> {
            while (running) {
                try {
                    if (poller.poll(POLL_MS) > 0) {
                        handle(receive());
                    }
                } catch (RuntimeException e) {
                    if (running) {
                        Kernel.log((control ? "control" : "shell") + " channel: " + e);
                    }
                }
            }
        }, control ? "control" : "shell");
        loop.start();
    }

    /** All frames of the next ZeroMQ message. */
    private synchronized List<byte[]> receive() {
        List<byte[]> frames = new ArrayList<>();
        frames.add(recv());
        while (hasReceiveMore()) {
            frames.add(recv());
        }
        return frames;
    }

    private void handle(List<byte[]> frames) {
        Message<?> message = parse(frames);
        if (message == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        ShellHandler<Object> handler = (ShellHandler<Object>) connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            Kernel.log("no handler for " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            @SuppressWarnings("unchecked")
            Message<Object> m = (Message<Object>) message;
            handler.handle(env, m);
        } catch (Exception e) {
            Kernel.log("failed to handle " + message.getHeader().getType().getName() + ": " + e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            running = false;
            connection.close();
        }
    }

    /** The message, or null (logged) if it is malformed, badly signed or replayed. */
    private Message<?> parse(List<byte[]> frames) {
        int d = 0;
        while (d < frames.size() && !Arrays.equals(DELIMITER, frames.get(d))) {
            d++;
        }
        if (frames.size() - d < 6) {
            return refuse("malformed (" + frames.size() + " frames, delimiter "
                    + (d < frames.size() ? "at " + d : "missing") + ")");
        }
        byte[] header = frames.get(d + 2);
        byte[] parent = frames.get(d + 3);
        byte[] metadata = frames.get(d + 4);
        byte[] content = frames.get(d + 5);
        String refusal = guard.refusal(frames.get(d + 1), header, parent, metadata, content);
        if (refusal != null) {
            return refuse(refusal);
        }
        try {
            Header<?> h = GSON.fromJson(new String(header, StandardCharsets.UTF_8), Header.class);
            JsonElement p = JsonParser.parseString(new String(parent, StandardCharsets.UTF_8));
            Header<?> parentHeader = p.isJsonObject() && !p.getAsJsonObject().isEmpty()
                    ? GSON.fromJson(p, Header.class) : null;
            Map<String, Object> meta = GSON.fromJson(new String(metadata, StandardCharsets.UTF_8), JSON_MAP);
            Object body = GSON.fromJson(new String(content, StandardCharsets.UTF_8), h.getType().getContentType());
            @SuppressWarnings({"rawtypes", "unchecked"})
            Message<?> message = new Message(new ArrayList<>(frames.subList(0, d)), h, parentHeader, meta, body,
                    new ArrayList<>(frames.subList(d + 6, frames.size())));
            return message;
        } catch (RuntimeException e) {
            return refuse("unreadable (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Logs the first few refusals, then every hundredth, so a flood cannot flood the log. */
    private Message<?> refuse(String why) {
        long n = guard.refused.incrementAndGet();
        if (n <= 10 || n % 100 == 0) {
            Kernel.log("dropped a message on the " + (control ? "control" : "shell") + " channel: " + why
                    + " (" + n + " dropped so far)");
        }
        return null;
    }

    @Override
    public void close() {
        running = false;
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2 * POLL_MS + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        while (t != null && t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
