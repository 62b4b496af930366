package fr.sesame.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.conn.HttpHostConnectException;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * The simplest balancer, for tests: forwards each request to the next of its portal nodes in turn, and to the one
 * after when a node refuses connections (stopped). Pages (Faces views, shown or posted) and everything else (the
 * CSS, scripts and images they load, the browser's favicon) take turns apart, so that the pages of a flow strictly
 * alternate between nodes whatever a page loads. Requests leave
 * from a chosen loopback address, which is the client address the portal sees (127.0.0.1 unless told). It knows
 * nothing of sessions: no stickiness, no cookie rewriting; redirects are rewritten to its own address.
 */
public final class HttpForwarder implements AutoCloseable {

    /** Headers about one hop, which a forwarder must not pass on (RFC 9110, section 7.6.1), and those recomputed. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
            "content-length", "host", "date");

    private final HttpServer server;
    private final ExecutorService threads;
    private final CloseableHttpClient client;
    private final List<String> nodes;
    private final AtomicInteger nextPage = new AtomicInteger();
    private final AtomicInteger nextResource = new AtomicInteger();
    private final Map<String, AtomicInteger> pagesServed = new ConcurrentHashMap<>();

    private HttpForwarder(List<String> nodes, String clientAddress) throws IOException {
        this.nodes = List.copyOf(nodes);
        nodes.forEach(node -> pagesServed.put(node, new AtomicInteger()));
        this.client = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setLocalAddress(InetAddress.getByName(clientAddress))
                        .setConnectTimeout(2_000)
                        .setSocketTimeout(60_000)
                        .setRedirectsEnabled(false)
                        .build())
                .disableCookieManagement()
                .disableContentCompression()
                .disableAutomaticRetries()
                .setMaxConnTotal(32)
                .setMaxConnPerRoute(16)
                .build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        this.threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** A forwarder to these nodes ({@code http://127.0.0.1:port}), whose requests come from 127.0.0.1. */
    public static HttpForwarder to(List<String> nodes) {
        return to(nodes, "127.0.0.1");
    }

    /** A forwarder to these nodes whose requests come from {@code clientAddress} (any 127.x.y.z). */
    public static HttpForwarder to(List<String> nodes, String clientAddress) {
        try {
            return new HttpForwarder(nodes, clientAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The forwarder's address, without a trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many pages (Faces views, shown or posted) this node has answered so far. */
    public int pagesServedBy(String node) {
        return pagesServed.get(node).get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String path = exchange.getRequestURI().getRawPath();
            boolean page = path.endsWith(".xhtml") && !path.contains("/jakarta.faces.resource/");
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int first = Math.floorMod((page ? nextPage : nextResource).getAndIncrement(), nodes.size());
            for (int attempt = 0; attempt < nodes.size(); attempt++) {
                String node = nodes.get((first + attempt) % nodes.size());
                RequestBuilder request = RequestBuilder.create(exchange.getRequestMethod()).setUri(node + pathAndQuery);
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                        values.forEach(value -> request.addHeader(name, value));
                    }
                });
                if (body.length > 0) {
                    request.setEntity(new ByteArrayEntity(body));
                }
                try (CloseableHttpResponse response = client.execute(request.build())) {
                    if (page) {
                        pagesServed.get(node).incrementAndGet();
                    }
                    answer(exchange, response, node);
                    return;
                } catch (HttpHostConnectException stopped) {
                    // Nothing listens there: the next node takes the request, as any balancer would.
                }
            }
            exchange.sendResponseHeaders(502, -1);
        }
    }

    private void answer(HttpExchange exchange, HttpResponse response, String node) throws IOException {
        for (Header header : response.getAllHeaders()) {
            String name = header.getName();
            if (NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String value = name.equalsIgnoreCase("Location") && header.getValue().startsWith(node)
                    ? url() + header.getValue().substring(node.length())
                    : header.getValue();
            exchange.getResponseHeaders().add(name, value);
        }
        byte[] content = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        int status = response.getStatusLine().getStatusCode();
        boolean bodyless = exchange.getRequestMethod().equals("HEAD") || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, bodyless || content.length == 0 ? -1 : content.length);
        if (!bodyless && content.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
