package fr.sesame.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay on loopback in front of a test server, through which a test makes the server go away in the ways a
 * real one does, without the client being told in advance: {@link #cut()} (stopped: each connection breaks at its
 * next use, new ones close at once) and {@link #freeze()} (hung: connections open, nothing ever answers).
 */
final class TcpRelay implements AutoCloseable {

    private enum Mode { FORWARD, CUT, FROZEN }

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tcp-relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Mode mode = Mode.FORWARD;

    TcpRelay(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.submit(this::accept);
    }

    String url() {
        return "ldap://127.0.0.1:" + listener.getLocalPort();
    }

    /** The server is gone: whatever is sent on an open connection closes it unanswered; new ones close at once. */
    void cut() {
        mode = Mode.CUT;
    }

    /** The server hangs: connections open and stay open, nothing sent is ever answered. */
    void freeze() {
        mode = Mode.FROZEN;
    }

    /** The server is back, for new connections. */
    void restore() {
        mode = Mode.FORWARD;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        sockets.forEach(TcpRelay::quietlyClose);
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(client);
            switch (mode) {
                case CUT -> quietlyClose(client);
                case FROZEN -> threads.submit(() -> swallow(client));
                case FORWARD -> {
                    try {
                        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                        sockets.add(server);
                        threads.submit(() -> pump(client, server));
                        threads.submit(() -> pump(server, client));
                    } catch (IOException e) {
                        quietlyClose(client);
                    }
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (mode == Mode.CUT) {
                    break;
                }
                if (mode == Mode.FORWARD) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The other side closed: close both.
        } finally {
            quietlyClose(from);
            quietlyClose(to);
        }
    }

    private void swallow(Socket client) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = client.getInputStream();
            while (in.read(buffer) >= 0) {
                // A hung server reads nothing back.
            }
        } catch (IOException e) {
            // Closed by the client.
        } finally {
            quietlyClose(client);
        }
    }

    private static void quietlyClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
