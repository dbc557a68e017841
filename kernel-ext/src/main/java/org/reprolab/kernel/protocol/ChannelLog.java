package org.reprolab.kernel.protocol;

import java.io.PrintStream;

/**
 * What goes wrong on one channel (dropped messages, failing handlers), logged on the kernel's own stderr
 * (Jupyter's log), rate-limited: the first event at once, then at most one line per {@value #INTERVAL_SECONDS} s,
 * which counts the events not shown. A flood of bad messages costs a few lines, not one per message.
 */
final class ChannelLog {

    static final long INTERVAL_SECONDS = 10;
    private static final int MAX_TEXT = 300;

    private final String channel;
    private final PrintStream out;
    private long last;
    private boolean logged;
    private int notShown;

    ChannelLog(String channel, PrintStream out) {
        this.channel = channel;
        this.out = out;
    }

    /** Logs {@code event}, unless a line went out less than the interval ago: then it is only counted. */
    synchronized void log(String event) {
        long now = System.nanoTime();
        if (logged && now - last < INTERVAL_SECONDS * 1_000_000_000L) {
            notShown++;
            return;
        }
        String e = event.length() > MAX_TEXT ? event.substring(0, MAX_TEXT) + "..." : event;
        out.println("reprolab kernel: " + channel + ": " + e
                + (notShown > 0 ? " (" + notShown + " more in the last " + INTERVAL_SECONDS + " s not shown)" : ""));
        logged = true;
        last = now;
        notShown = 0;
    }
}
