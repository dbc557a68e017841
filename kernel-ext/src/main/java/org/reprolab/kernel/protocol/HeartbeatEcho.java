package org.reprolab.kernel.protocol;

import java.io.PrintStream;
import java.util.List;
import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

/**
 * The heartbeat: echoes every message, all its frames, as soon as it arrives. jjava's own reads only the first
 * frame and then fails to answer, which a multi-frame message turns into an exception that ends its thread for
 * good; this loop reads whole messages and survives any of them.
 */
final class HeartbeatEcho extends HeartbeatChannel {

    private static final int POLL_MS = 100;

    private final ChannelLoop loop;

    HeartbeatEcho(ZMQ.Context ctx, HMACGenerator hmac, PrintStream log) {
        super(ctx, hmac);
        this.loop = new ChannelLoop("Heartbeat", POLL_MS, new ChannelLog("heartbeat", log), () -> closed);
    }

    @Override
    public void bind(KernelConnectionProperties p) {
        bind(p.getTransport() + "://" + p.getIp() + ":" + p.getHbPort());
        loop.start(ctx, this, () -> {
            List<byte[]> frames = PollingShellChannel.receive(this);
            if (frames != null) {
                for (int i = 0; i < frames.size() - 1; i++) {
                    sendMore(frames.get(i));
                }
                send(frames.get(frames.size() - 1));
            }
        });
    }

    @Override
    public void close() {
        loop.stop();
        super.close();
    }

    @Override
    public void waitUntilClose() {
        loop.await();
    }
}
