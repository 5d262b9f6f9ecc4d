package descent.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * jjava-jupyter's connection with its shell and control channels replaced by
 * {@link SecureChannel}s, which drop bad messages instead of dying on them, and answer at once
 * instead of polling every 50 ms. Heartbeat, stdin and IOPub are the library's.
 *
 * <p>All sockets bind to the connection file's IP only.
 */
final class SecureConnection extends JupyterConnection {

    private final ZMQ.Context context = ZMQ.context(1);
    private final SecureChannel secureShell;
    private final SecureChannel secureControl;
    private final KernelConnectionProperties props;

    SecureConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        HMACGenerator hmac = props.createHMACGenerator();
        SecureChannel.Guard guard = new SecureChannel.Guard(hmac);
        secureShell = new SecureChannel(context, hmac, guard, false, this);
        secureControl = new SecureChannel(context, hmac, guard, true, this);
    }

    @Override
    public void connect() {
        heartbeat.bind(props);
        secureShell.bind(props);
        secureControl.bind(props);
        stdin.bind(props);
        iopub.bind(props);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public void close() {
        secureShell.close();
        secureControl.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        secureShell.waitUntilClose();
        secureControl.waitUntilClose();
    }
}
