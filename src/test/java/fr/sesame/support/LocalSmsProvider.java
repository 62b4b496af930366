package fr.sesame.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An SMS provider's HTTP endpoint, played by the JDK's own HTTP server on a free loopback port: it records every
 * request as it arrived on the wire and answers with the status the test chose, after the delay it chose.
 */
public final class LocalSmsProvider implements AutoCloseable {

    /** One request as received: the query and body still encoded, headers by lower-case name. */
    public record Received(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile int status = 200;
    private volatile Duration delay = Duration.ZERO;

    public LocalSmsProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, List<String>> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), headers,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                Thread.sleep(delay.toMillis());
                byte[] answer = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    /** The address of {@code path} on this server, e.g. {@code /send}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** From now on, answers with this HTTP status. */
    public LocalSmsProvider answering(int httpStatus) {
        this.status = httpStatus;
        return this;
    }

    /** From now on, waits this long before answering. */
    public LocalSmsProvider answeringAfter(Duration wait) {
        this.delay = wait;
        return this;
    }

    /** The next request received, waiting up to 5 s for it. */
    public Received next() {
        try {
            Received next = received.poll(5, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("The SMS provider received no request");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many requests arrived and were not taken with {@link #next()} yet. */
    public int waiting() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
