package io.valora.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * Stands in for a Quarkus service in tests: listens on {@code QUARKUS_HTTP_PORT}, answers
 * {@code /q/health/ready} with 200 and {@code /env} with its {@code VALORA_*}, {@code KAFKA_*} and
 * {@code QUARKUS_*} variables. With {@code -Dfake.fail=<text>} it exits with status 3 instead when its
 * classpath (the jar it runs from) contains that text.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String fail = System.getProperty("fake.fail");
        if (fail != null && System.getProperty("java.class.path").contains(fail)) {
            System.out.println("failing on purpose: " + fail);
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/q/health/ready", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> {
            Map<String, String> env = new TreeMap<>();
            System.getenv().forEach((k, v) -> {
                if (k.startsWith("VALORA_") || k.startsWith("KAFKA_") || k.startsWith("QUARKUS_")) {
                    env.put(k, v);
                }
            });
            StringBuilder body = new StringBuilder();
            env.forEach((k, v) -> body.append(k).append('=').append(v).append('\n'));
            respond(exchange, body.toString());
        });
        server.start();
        System.out.println("fake service listening on " + port);
        new CountDownLatch(1).await();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
