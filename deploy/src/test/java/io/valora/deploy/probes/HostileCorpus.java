package io.valora.deploy.probes;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds the hostile requests: a fixed corpus (every poison in every role of every endpoint's event, plus header
 * abuse) and a seeded random mix of the same poisons with byte-level damage on top. Every event carries a unique
 * marker in its id and in its data, so whichever of the two survives the poisoning can be found on the topic.
 */
final class HostileCorpus {

    /**
     * Luhn-valid test card numbers, unbroken and grouped the ways the gateway's detector must see through: spaces,
     * dashes, no-break spaces (U+00A0, what a copy from a web page or a spreadsheet gives) and dots.
     */
    static final List<String> CARDS = List.of("4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111",
            "5500-0055-5555-5559", "3782 822463 10005", "4111\u00a01111\u00a01111\u00a01111", "4111.1111.1111.1111");
    /** A card number written as a JSON number: with a fraction and in exponent notation (issue 17 item 9). */
    static final List<String> FLOAT_CARDS = List.of("4111111111111111.0", "4.111111111111111e15");
    /** A millisecond timestamp: an ordinary 13-digit number that must never be taken for a card. */
    static final String MILLIS = "1764547200123";

    /** Stands for bytes that are not UTF-8; swapped in when the body is encoded. */
    private static final String BAD_UTF8 = "\u0001BADUTF8\u0001";
    private static final byte[] BAD_UTF8_BYTES = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
    private static final String KEY = "valora-dev-key";
    /**
     * Poisons that are fine as a value inside data (any finite JSON value is), unlike in an attribute. The overflow
     * values are among them: the gateway cannot know which property a meter reads, so rating refuses them
     * ({@code value-invalid}, {@code amount-overflow}; see {@link BlastRadius}).
     */
    private static final java.util.Set<String> VALID_DATA_VALUES = java.util.Set.of("string 300", "number", "bool",
            "array", "nul", "millis number", "millis text", "overflow 1e19", "overflow long+1", "overflow -1e18");
    /** Poisons that are numbers in a Stripe form's {@code payload[value]}, which takes numbers only. */
    private static final java.util.Set<String> STRIPE_NUMBERS = java.util.Set.of("number", "millis number",
            "millis text", "overflow 1e19", "overflow long+1", "overflow -1e18");

    private final String run;
    private final Instant now;
    private int next;

    HostileCorpus(String run, Instant now) {
        this.run = run;
        this.now = now;
    }

    /** The prefix every hostile marker of this run starts with. */
    String hostilePrefix() {
        return "hx" + run + "r";
    }

    /** Where a poison goes: an attribute, or inside data (as a value, a key, or deep down). */
    enum Role { ID, SUBJECT, SOURCE, TYPE, TIME, DATA, DATA_KEY, DATA_NESTED }

    /**
     * A poison: its JSON text and, for the form-encoded Stripe endpoint, its raw text; {@code benign} ones are
     * ordinary values that look suspicious (a millisecond timestamp) and must be accepted where their type fits.
     */
    record Poison(String name, String json, String form, boolean card, boolean benign) {
        static Poison text(String name, String value, boolean card) {
            return new Poison(name, "\"" + value + "\"", value, card, false);
        }

        static Poison raw(String name, String json) {
            return new Poison(name, json, json, false, false);
        }

        static Poison rawCard(String name, String json) {
            return new Poison(name, json, json, true, false);
        }

        static Poison benign(Poison poison) {
            return new Poison(poison.name, poison.json, poison.form, false, true);
        }

        /** Whether it is a JSON string (then any string attribute takes it). */
        boolean isText() {
            return json.startsWith("\"");
        }
    }

    /** Every poison the probes know; each one alone makes an event invalid wherever a string belongs. */
    static List<Poison> poisons() {
        List<Poison> list = new ArrayList<>();
        for (String card : CARDS) {
            list.add(Poison.text("card " + separatorName(card.charAt(4)), "ord " + card, true));
        }
        for (String card : FLOAT_CARDS) {
            list.add(Poison.rawCard("card float " + card, card));
        }
        list.add(Poison.raw("1e400", "1e400"));
        list.add(Poison.raw("-1e400", "-1e400"));
        list.add(Poison.raw("NaN", "NaN"));
        list.add(Poison.raw("Infinity", "Infinity"));
        list.add(Poison.raw("-Infinity", "-Infinity"));
        list.add(Poison.raw("deep 10000", "[".repeat(10_000) + "]".repeat(10_000)));
        list.add(Poison.raw("deep object 10000", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        list.add(Poison.text("string 300", "x".repeat(300), false));
        list.add(Poison.text("string 100k", "y".repeat(100_000), false));
        list.add(Poison.raw("number", "12345"));
        list.add(Poison.raw("bool", "true"));
        list.add(Poison.raw("array", "[1,2]"));
        list.add(Poison.text("invalid utf-8", "a" + BAD_UTF8 + "b", false));
        list.add(Poison.text("lone surrogate", "a\\ud800b", false));
        list.add(Poison.text("nul", "a\\u0000b", false));
        list.add(Poison.text("year 0", "0000-01-01T00:00:00Z", false));
        list.add(Poison.text("year 9999", "9999-12-31T23:59:59Z", false));
        list.add(Poison.text("before epoch", "1969-12-31T23:59:59Z", false));
        list.add(Poison.raw("epoch -1", "-1"));
        list.add(Poison.raw("epoch year 0", "-62167219200"));
        list.add(Poison.raw("epoch year 9999", "253402300799"));
        list.add(Poison.benign(Poison.raw("millis number", MILLIS)));
        list.add(Poison.benign(Poison.text("millis text", MILLIS, false)));
        list.add(Poison.raw("overflow 1e19", "10000000000000000000"));
        list.add(Poison.raw("overflow long+1", "9223372036854775808"));
        list.add(Poison.raw("overflow -1e18", "-1000000000000000000"));
        return list;
    }

    /** How many of {@link #poisons()} carry a card number; they come first. */
    static int cardPoisons() {
        return CARDS.size() + FLOAT_CARDS.size();
    }

    private static String separatorName(char separator) {
        return switch (separator) {
            case ' ' -> "space";
            case '-' -> "dash";
            case '.' -> "dot";
            case '\u00a0' -> "nbsp";
            default -> Character.isDigit(separator) ? "unbroken" : "U+" + Integer.toHexString(separator);
        };
    }

    /** The fixed corpus: every card in every role of every endpoint, every other poison in an attribute and data. */
    List<ProbeRequest> fixed() {
        List<ProbeRequest> requests = new ArrayList<>();
        List<Poison> poisons = poisons();
        for (IngestEndpoint endpoint : IngestEndpoint.values()) {
            // each endpoint starts the card rotation elsewhere, so every card meets several roles and endpoints
            int c = endpoint.ordinal() * Role.values().length;
            for (Role role : Role.values()) {
                Poison card = poisons.get(c++ % cardPoisons());
                requests.add(event(endpoint, role, card, endpoint.contentType, null));
            }
            for (Poison poison : poisons) {
                if (poison.card()) {
                    continue;
                }
                Role attribute = poison.name().startsWith("year") || poison.name().startsWith("epoch")
                        || poison.name().startsWith("before") ? Role.TIME : Role.ID;
                requests.add(event(endpoint, attribute, poison, endpoint.contentType, null));
                if (attribute == Role.ID) {
                    requests.add(event(endpoint, Role.DATA, poison, endpoint.contentType, null));
                }
                if (poison.name().equals("millis number")) {
                    // milliseconds where seconds (Lago, Stripe) or RFC 3339 text (CloudEvents) belong: refused
                    requests.add(event(endpoint, Role.TIME, poison, endpoint.contentType, null));
                }
            }
            requests.add(truncated(endpoint));
            if (endpoint == IngestEndpoint.CLOUDEVENTS_BATCH || endpoint == IngestEndpoint.STRIPE) {
                requests.add(tenMegabytes(endpoint));
            }
        }
        requests.addAll(headerAbuse());
        return requests;
    }

    /** {@code count} random poisonings, a third of them with a byte flipped or the body cut short as well. */
    List<ProbeRequest> random(long seed, int count) {
        Random random = new Random(seed);
        List<Poison> poisons = poisons();
        IngestEndpoint[] endpoints = IngestEndpoint.values();
        Role[] roles = Role.values();
        List<ProbeRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            IngestEndpoint endpoint = endpoints[random.nextInt(endpoints.length)];
            Poison poison = poisons.get(random.nextInt(poisons.size()));
            String contentType = random.nextInt(10) == 0
                    ? endpoints[random.nextInt(endpoints.length)].contentType : endpoint.contentType;
            ProbeRequest request = event(endpoint, roles[random.nextInt(roles.length)], poison, contentType, null);
            request = request.refusable(request.carriesCard())
                    .acceptable(false); // the mix asserts refusals of cards only
            if (random.nextInt(3) == 0) {
                request = damaged(request, random);
            }
            requests.add(request);
        }
        return requests;
    }

    /** A valid event for an endpoint, sent with the development key; it must reach the topic. */
    ProbeRequest control(IngestEndpoint endpoint, String marker) {
        return build(endpoint, "control", marker, fields(endpoint, marker), endpoint.contentType, headers(endpoint.contentType),
                false);
    }

    /** A valid CloudEvent for any subject, as the JSON text the gateway expects. */
    String cloudEvent(String id, String subject, String type) {
        return """
            {"specversion":"1.0","id":"%s","source":"probe","type":"%s","subject":"%s","time":"%s","data":{"value":1}}"""
                .formatted(id, type, subject, now);
    }

    private ProbeRequest event(IngestEndpoint endpoint, Role role, Poison poison, String contentType,
            List<Map.Entry<String, String>> headers) {
        String marker = hostilePrefix() + next++;
        Map<String, String> fields = fields(endpoint, marker);
        poison(endpoint, fields, role, poison);
        boolean stripe = endpoint == IngestEndpoint.STRIPE;
        boolean dataValue = role == Role.DATA || role == Role.DATA_NESTED;
        // a card in exponent notation is a card where it is read as a number (a data value), plain text elsewhere
        boolean card = poison.card() && (dataValue || !poison.name().startsWith("card float") || !poison.json()
                .contains("e"));
        boolean textLookAlike = poison.card() && !card;
        boolean accept = poison.benign() && (role == Role.DATA || role == Role.ID && (stripe || poison.isText()));
        boolean refuse = !accept && (card || (textLookAlike ? !stripe && role != Role.DATA_KEY : stripe
                ? role == Role.TIME || role == Role.DATA && !STRIPE_NUMBERS.contains(poison.name())
                : !(role == Role.DATA && VALID_DATA_VALUES.contains(poison.name()))));
        return build(endpoint, endpoint + " " + role + " " + poison.name() + " as " + contentType
                + (headers == null ? "" : " " + headers.stream().map(h -> h.getKey() + ":" + abbreviate(h.getValue()))
                        .toList()), marker, fields, contentType, headers == null ? headers(contentType) : headers,
                card).refusable(refuse).acceptable(accept);
    }

    /** The attributes of a valid event in the endpoint's own field names, values as JSON (form text for Stripe). */
    private Map<String, String> fields(IngestEndpoint endpoint, String marker) {
        Map<String, String> f = new LinkedHashMap<>();
        long epoch = now.getEpochSecond();
        if (endpoint == IngestEndpoint.STRIPE) {
            f.put("event_name", "api_call");
            f.put("payload[stripe_customer_id]", "probe-cust");
            f.put("payload[value]", "1");
            f.put("payload[probe]", marker);
            f.put("identifier", marker);
            f.put("timestamp", Long.toString(epoch));
        } else if (endpoint.lago()) {
            f.put("transaction_id", q(marker));
            f.put("external_customer_id", q("probe-cust"));
            f.put("code", q("api_call"));
            f.put("timestamp", Long.toString(epoch));
            f.put("properties", "{\"value\":1,\"probe\":" + q(marker) + "}");
        } else {
            f.put("specversion", q("1.0"));
            f.put("id", q(marker));
            f.put("source", q("probe"));
            f.put("type", q("api_call"));
            f.put("subject", q("probe-cust"));
            f.put("time", q(now.toString()));
            f.put("data", "{\"value\":1,\"probe\":" + q(marker) + "}");
        }
        return f;
    }

    private static void poison(IngestEndpoint endpoint, Map<String, String> f, Role role, Poison poison) {
        boolean stripe = endpoint == IngestEndpoint.STRIPE;
        boolean lago = endpoint.lago();
        String value = stripe ? poison.form() : poison.json();
        String name = switch (role) {
            case ID -> stripe ? "identifier" : lago ? "transaction_id" : "id";
            case SUBJECT -> stripe ? "payload[stripe_customer_id]" : lago ? "external_customer_id" : "subject";
            case SOURCE -> stripe ? "payload[source]" : lago ? "precise_total_amount_cents" : "source";
            case TYPE -> stripe ? "event_name" : lago ? "code" : "type";
            case TIME -> stripe || lago ? "timestamp" : "time";
            case DATA, DATA_KEY, DATA_NESTED -> stripe ? "payload[value]" : lago ? "properties" : "data";
        };
        if (stripe) {
            f.put(role == Role.DATA_KEY ? "payload[" + poison.form() + "]" : name, role == Role.DATA_KEY ? "1" : value);
            return;
        }
        String marker = f.getOrDefault("id", f.get("transaction_id"));
        switch (role) {
            case DATA -> f.put(name, "{\"value\":" + value + ",\"probe\":" + marker + "}");
            case DATA_KEY -> f.put(name, "{\"value\":1,\"probe\":" + marker + "," + keyOf(poison) + ":1}");
            case DATA_NESTED -> f.put(name, "{\"value\":1,\"probe\":" + marker + ",\"a\":{\"b\":[1,{\"c\":" + value
                    + "}]}}");
            default -> f.put(name, value);
        }
    }

    private static String keyOf(Poison poison) {
        return poison.json().startsWith("\"") ? poison.json() : q(poison.json().length() > 1000
                ? poison.json().substring(0, 1000) : poison.json());
    }

    private ProbeRequest build(IngestEndpoint endpoint, String label, String marker, Map<String, String> f,
            String contentType, List<Map.Entry<String, String>> headers, boolean card) {
        String body;
        if (endpoint == IngestEndpoint.STRIPE) {
            StringBuilder form = new StringBuilder();
            f.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
            body = form.toString();
        } else {
            StringBuilder json = new StringBuilder("{");
            f.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append(q(k)).append(':').append(v));
            String sibling = endpoint.lago() ? """
                {"transaction_id":"%s-sib","external_customer_id":"probe-cust","code":"api_call","timestamp":%d}"""
                    .formatted(marker, now.getEpochSecond()) : cloudEvent(marker + "-sib", "probe-cust", "api_call");
            body = endpoint.wrap(json.append('}').toString(), sibling);
        }
        return new ProbeRequest(label, marker, endpoint.path, headers, encode(body), card, card);
    }

    private ProbeRequest truncated(IngestEndpoint endpoint) {
        ProbeRequest whole = control(endpoint, hostilePrefix() + next++);
        byte[] cut = java.util.Arrays.copyOf(whole.body(), whole.body().length * 2 / 3);
        return new ProbeRequest(endpoint + " truncated body", whole.marker(), whole.path(), whole.headers(), cut, false,
                endpoint != IngestEndpoint.STRIPE);
    }

    private ProbeRequest tenMegabytes(IngestEndpoint endpoint) {
        String marker = hostilePrefix() + next++;
        Map<String, String> f = fields(endpoint, marker);
        String huge = "z".repeat(10 * 1024 * 1024);
        if (endpoint == IngestEndpoint.STRIPE) {
            f.put("payload[blob]", huge);
        } else {
            f.put(endpoint.lago() ? "properties" : "data", "{\"value\":1,\"probe\":" + q(marker) + ",\"blob\":" + q(huge)
                    + "}");
        }
        return build(endpoint, endpoint + " 10 MB body", marker, f, endpoint.contentType, headers(endpoint.contentType),
                false).refusable(true);
    }

    /** Header abuse, each on a body that also carries a card number, so an accepted one would show. */
    private List<ProbeRequest> headerAbuse() {
        List<ProbeRequest> list = new ArrayList<>();
        Poison card = poisons().get(0);
        String ce = "application/cloudevents+json";
        list.add(event(IngestEndpoint.CLOUDEVENT, Role.DATA, card, "text/plain", headers("text/plain")));
        list.add(event(IngestEndpoint.CLOUDEVENT, Role.DATA, card, "none", List.of(Map.entry("Authorization",
                "Bearer " + KEY))));
        list.add(event(IngestEndpoint.CLOUDEVENT, Role.DATA, card, ce, List.of(Map.entry("Content-Type", ce))));
        list.add(event(IngestEndpoint.CLOUDEVENT, Role.DATA, card, ce, List.of(Map.entry("Content-Type", ce),
                Map.entry("Authorization", "Bearer " + KEY), Map.entry("Authorization", "Bearer someone-else"))));
        list.add(event(IngestEndpoint.CLOUDEVENT, Role.DATA, card, ce, List.of(Map.entry("Content-Type", ce),
                Map.entry("Authorization", "Bearer " + "k".repeat(70_000)))));
        list.add(event(IngestEndpoint.CLOUDEVENT, Role.DATA, card, ce, List.of(Map.entry("Content-Type", ce),
                Map.entry("Authorization", "Bearer " + KEY), Map.entry("X-Junk", "j".repeat(100_000)))));
        list.add(event(IngestEndpoint.CLOUDEVENT, Role.DATA, card, ce, headers(ce + "; charset=x-bogus-9")));
        list.add(event(IngestEndpoint.PLAIN_JSON, Role.DATA, card, ce, headers("application/json; charset=UTF-16")));
        list.add(event(IngestEndpoint.LAGO, Role.DATA, card, ce, headers("application/xml")));
        list.add(event(IngestEndpoint.STRIPE, Role.DATA, card, ce, headers("application/json")));
        list.add(event(IngestEndpoint.CLOUDEVENT, Role.DATA, card, ce, List.of(Map.entry("Content-Type", ce),
                Map.entry("Authorization", "Basic " + KEY))));
        list.add(event(IngestEndpoint.CLOUDEVENT, Role.DATA, card, ce, List.of(Map.entry("Content-Type", ce),
                Map.entry("Authorization", "Bearer " + KEY + "\u00e9"))));
        return list;
    }

    private static ProbeRequest damaged(ProbeRequest request, Random random) {
        byte[] body = request.body().clone();
        if (body.length == 0) {
            return request;
        }
        if (random.nextBoolean()) {
            body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            return new ProbeRequest(request.label() + " + byte flip", request.marker(), request.path(),
                    request.headers(), body, false, false);
        }
        return new ProbeRequest(request.label() + " + cut", request.marker(), request.path(), request.headers(),
                java.util.Arrays.copyOf(body, random.nextInt(body.length)), false, false);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "...(" + value.length() + " chars)" : value;
    }

    private static List<Map.Entry<String, String>> headers(String contentType) {
        return List.of(Map.entry("Content-Type", contentType), Map.entry("Authorization", "Bearer " + KEY));
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace(enc0(BAD_UTF8), "%C3%28%FF%FE");
    }

    private static String enc0(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] encode(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() + 16);
        int from = 0;
        for (int at = body.indexOf(BAD_UTF8); at >= 0; at = body.indexOf(BAD_UTF8, from)) {
            out.writeBytes(body.substring(from, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(BAD_UTF8_BYTES);
            from = at + BAD_UTF8.length();
        }
        out.writeBytes(body.substring(from).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
