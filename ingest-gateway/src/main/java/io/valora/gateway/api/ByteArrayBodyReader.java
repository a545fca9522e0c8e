package io.valora.gateway.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Reads a request body into the {@code byte[]} every ingest endpoint takes, in one copy. The
 * built-in reader copies the (already fully buffered) body through a growing stream in 1 KiB
 * steps: about three times the body in garbage, a quarter of all the gateway allocated under
 * batched load, every byte of it for the young collector. {@code readAllBytes} on the buffered
 * body's stream copies it twice; filling an array of the declared {@code Content-Length} copies it once.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class ByteArrayBodyReader implements ServerMessageBodyReader<byte[]> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo lazyMethod, MediaType mediaType) {
        return type == byte[].class;
    }

    @Override
    public byte[] readFrom(Class<byte[]> type, Type genericType, MediaType mediaType, ServerRequestContext context) throws IOException {
        return read(context.getInputStream(), context.getRequestHeaders().getHeaderString(HttpHeaders.CONTENT_LENGTH));
    }

    /**
     * The body in an array of its declared length, filled in one pass; without a usable length
     * (chunked), whatever {@code readAllBytes} gives. The HTTP layer has already bounded the size
     * ({@code quarkus.http.limits.max-body-size}).
     */
    static byte[] read(InputStream in, String contentLength) throws IOException {
        long declared = parseLength(contentLength);
        if (declared < 0 || declared > Integer.MAX_VALUE - 8) {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        if (read < body.length) {
            return Arrays.copyOf(body, read);
        }
        // A stream longer than declared cannot come from HTTP/1.1 framing; read on rather than cut it.
        int next = in.read();
        if (next < 0) {
            return body;
        }
        byte[] rest = in.readAllBytes();
        byte[] all = Arrays.copyOf(body, body.length + 1 + rest.length);
        all[body.length] = (byte) next;
        System.arraycopy(rest, 0, all, body.length + 1, rest.length);
        return all;
    }

    private static long parseLength(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == byte[].class;
    }

    @Override
    public byte[] readFrom(Class<byte[]> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        return read(entityStream, httpHeaders.getFirst(HttpHeaders.CONTENT_LENGTH));
    }
}
