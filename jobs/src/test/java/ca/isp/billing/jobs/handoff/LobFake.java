package ca.isp.billing.jobs.handoff;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * A strict stand-in for Lob's letters API on a loopback port, checking what Lob checks (Lob's
 * API reference, shared/LOB-API-NOTES.md) and answering in Lob's shapes, so the real SDK can be
 * tested on the wire:
 *
 * <ul>
 *   <li>HTTP basic auth with a {@code test_} key and an empty password (401 {@code invalid_api_key});</li>
 *   <li>required {@code to}, {@code from}, {@code file}, {@code color}, {@code use_type} (422,
 *       {@code mail_use_type_can_not_be_null} for a missing use type); {@code from} in the US
 *       ({@code foreign_return_address}); address lines 1 and 2 at most 50 characters together
 *       ({@code address_length_exceeds_limit}); names at most 40; metadata as Lob limits it;</li>
 *   <li>the PDF: readable, every page 8.5x11in ({@code invalid_file_dimensions}), 60 sheets at most
 *       in the US and 6 abroad ({@code file_pages_exceed_max}), and with {@code top_first_page} the
 *       area of page 1 that shows through the envelope's windows blank (Lob prints the addresses
 *       there);</li>
 *   <li>{@code Idempotency-Key} (or the query {@code idempotency_key}, not both): the same key gives
 *       the same letter, never a second one, until the key expires (after 24 hours at Lob; here
 *       when a test says so, {@link #expireKeys});</li>
 *   <li>{@code GET /v1/letters?metadata[k]=v}: the letters whose metadata has that value.</li>
 * </ul>
 *
 * Tests script outages and refusals ({@link #failNext}: 429 {@code rate_limit_exceeded}, 500, 503, 422) and count
 * what arrived: requests, and letters created ({@link #letters()}), the count that says "exactly once".
 */
public final class LobFake implements AutoCloseable {

    /** A letter Lob made: its id, the key it was made with, the fields as sent, the PDF. */
    public record Letter(String id, String idempotencyKey, Map<String, String> fields, byte[] pdf) {
    }

    /** A request as it arrived, with the status the fake answered. */
    public record Request(String method, String idempotencyKey, Map<String, String> fields, int status, String code) {
    }

    /** Lob's address area on page 1 for top_first_page, in inches from the top left. */
    static final double AREA_LEFT = 0.5;
    static final double AREA_TOP = 0.4;
    static final double AREA_RIGHT = 4.75;
    static final double AREA_BOTTOM = 3.2;

    private static final Gson GSON = new Gson();
    private static final Set<String> USE_TYPES = Set.of("marketing", "operational");
    private static final Set<String> PLACEMENTS = Set.of("top_first_page", "insert_blank_page",
            "bottom_first_page_center", "bottom_first_page");
    private static final Set<String> MAIL_TYPES = Set.of("usps_first_class", "usps_standard");
    private static final Map<String, String> COUNTRY_NAMES = Map.of("US", "UNITED STATES", "CA", "CANADA");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, JsonObject> byKey = new LinkedHashMap<>();
    private final List<JsonObject> made = new ArrayList<>();
    private final List<Letter> letters = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Scripted> failures = new ArrayDeque<>();

    public LobFake() {
        this(0);
    }

    /** On a given port (0: any free one); a second fake on the same port takes over after a restart. */
    public LobFake(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Lob fake", e);
        }
        server.createContext("/v1/letters", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The next {@code times} letter requests get {@code status} (429, 500, 503) in Lob's error shape. */
    public synchronized void failNext(int status, int times) {
        for (int i = 0; i < times; i++) {
            failures.add(new Scripted(status, null));
        }
    }

    /** The next letter request gets {@code status} (429, 503) with {@code Retry-After: seconds}, as Lob may send it. */
    public synchronized void failNextAskingToWait(int status, int seconds) {
        failures.add(new Scripted(status, Integer.toString(seconds)));
    }

    private record Scripted(int status, String retryAfter) {
    }

    /** A day has passed: Lob no longer knows the keys it was given (the letters stay). */
    public synchronized void expireKeys() {
        byKey.clear();
    }

    /** As new: no letters, no requests, no keys, no scripted answers (a test that starts over). */
    public synchronized void reset() {
        letters.clear();
        requests.clear();
        byKey.clear();
        failures.clear();
    }

    /** The outage is over: scripted answers not given yet are dropped. */
    public synchronized void clearFailures() {
        failures.clear();
    }

    public synchronized List<Letter> letters() {
        return List.copyOf(letters);
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Answer answer;
            try {
                answer = answer(exchange, body);
            } catch (Refusal refusal) {
                answer = refusal.answer;
            }
            byte[] out = answer.body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("ratelimit-limit", "150");
            if (answer.retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter);
            }
            exchange.sendResponseHeaders(answer.status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    private record Answer(int status, JsonObject body, String retryAfter) {

        Answer(int status, JsonObject body) {
            this(status, body, null);
        }
    }

    /** A request Lob refuses: the answer it gets. */
    private static final class Refusal extends Exception {
        final Answer answer;

        Refusal(int status, String code, String message) {
            this(status, code, message, null);
        }

        Refusal(int status, String code, String message, String retryAfter) {
            super(code, null, false, false);
            JsonObject error = new JsonObject();
            error.addProperty("message", message);
            error.addProperty("status_code", status);
            error.addProperty("code", code);
            JsonObject body = new JsonObject();
            body.add("error", error);
            this.answer = new Answer(status, body, retryAfter);
        }
    }

    private synchronized Answer answer(HttpExchange exchange, byte[] body) throws Refusal {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Map<String, String> fields = new LinkedHashMap<>();
        Answer answer;
        try {
            authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!failures.isEmpty()) {
                throw scripted(failures.poll());
            }
            if ("GET".equals(exchange.getRequestMethod()) && "/v1/letters".equals(exchange.getRequestURI().getPath())) {
                answer = list(query(exchange.getRequestURI().getRawQuery()));
                requests.add(new Request("GET", null, Map.of(), 200, null));
                return answer;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                throw new Refusal(404, "unrecognized_endpoint", "This fake serves POST and GET /v1/letters only");
            }
            String queryKey = query(exchange.getRequestURI().getRawQuery()).get("idempotency_key");
            if (key != null && queryKey != null) {
                throw new Refusal(422, "bad_request", "Idempotency key may not be given as both header and query");
            }
            key = key != null ? key : queryKey;
            if (key != null && key.length() > 256) {
                throw new Refusal(422, "invalid", "idempotency key must be at most 256 characters");
            }
            if (key != null && byKey.containsKey(key)) {
                answer = new Answer(200, byKey.get(key));
            } else {
                byte[] pdf = parse(exchange.getRequestHeaders().getFirst("Content-Type"), body, fields);
                validate(fields, pdf);
                JsonObject letter = letter(fields);
                letters.add(new Letter(letter.get("id").getAsString(), key, Map.copyOf(fields), pdf));
                made.add(letter);
                if (key != null) {
                    byKey.put(key, letter);
                }
                answer = new Answer(200, letter);
            }
        } catch (Refusal refusal) {
            requests.add(new Request(exchange.getRequestMethod(), key, Map.copyOf(fields), refusal.answer.status,
                    refusal.answer.body.getAsJsonObject("error").get("code").getAsString()));
            throw refusal;
        }
        requests.add(new Request(exchange.getRequestMethod(), key, Map.copyOf(fields), 200, null));
        return answer;
    }

    /** A scripted answer in Lob's error shape: 429, 500, 503, or a refusal (any 4xx). */
    private static Refusal scripted(Scripted scripted) {
        int status = scripted.status();
        return switch (status) {
            case 429 -> new Refusal(429, "rate_limit_exceeded",
                    "Rate limit exceeded. Please wait 5 seconds and try your request again.", scripted.retryAfter());
            case 503 -> new Refusal(503, "service_unavailable", "Service unavailable, please try again.",
                    scripted.retryAfter());
            case 500 -> new Refusal(500, "internal_server_error", "An internal server error occurred, please try again.");
            default -> new Refusal(status, "invalid", "to.address_zip does not match the state (scripted refusal)");
        };
    }

    /** The letters whose metadata matches every {@code metadata[k]=v} of the query, newest first. */
    private Answer list(Map<String, String> query) {
        com.google.gson.JsonArray data = new com.google.gson.JsonArray();
        for (int i = made.size() - 1; i >= 0; i--) {
            JsonObject metadata = made.get(i).getAsJsonObject("metadata");
            boolean matches = query.entrySet().stream().filter(q -> q.getKey().startsWith("metadata["))
                    .allMatch(q -> {
                        JsonElement value = metadata.get(q.getKey().substring(9, q.getKey().length() - 1));
                        return value != null && value.getAsString().equals(q.getValue());
                    });
            if (matches) {
                data.add(made.get(i));
            }
        }
        JsonObject list = new JsonObject();
        list.addProperty("object", "list");
        list.add("data", data);
        list.addProperty("count", data.size());
        return new Answer(200, list);
    }

    private static void authenticate(String authorization) throws Refusal {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            throw new Refusal(401, "unauthorized", "Missing authentication");
        }
        String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                StandardCharsets.UTF_8);
        int colon = credentials.indexOf(':');
        String user = colon < 0 ? credentials : credentials.substring(0, colon);
        String password = colon < 0 ? "" : credentials.substring(colon + 1);
        if (!user.startsWith("test_") || !password.isEmpty()) {
            throw new Refusal(401, "invalid_api_key",
                    "Your API key is not valid. Please sign up on lob.com to get a valid api key.");
        }
    }

    /** The body as flat form fields ({@code to[name]}); returns the uploaded file, if any. */
    private static byte[] parse(String contentType, byte[] body, Map<String, String> fields) throws Refusal {
        String type = contentType == null ? "" : contentType.toLowerCase();
        byte[] file = null;
        if (type.startsWith("multipart/form-data")) {
            try {
                MimeMultipart parts = new MimeMultipart(new ByteArrayDataSource(body, contentType));
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    ContentDisposition disposition = new ContentDisposition(part.getHeader("Content-Disposition")[0]);
                    String name = disposition.getParameter("name");
                    byte[] content;
                    try (InputStream in = part.getInputStream()) {
                        content = in.readAllBytes();
                    }
                    if ("file".equals(name) && disposition.getParameter("filename") != null) {
                        file = content;
                    } else {
                        fields.put(name, new String(content, StandardCharsets.UTF_8));
                    }
                }
            } catch (MessagingException | IOException e) {
                throw new Refusal(422, "bad_request", "malformed multipart body: " + e.getMessage());
            }
        } else if (type.startsWith("application/json")) {
            JsonObject json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
            json.entrySet().forEach(e -> flatten(e.getKey(), e.getValue(), fields));
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            fields.putAll(query(new String(body, StandardCharsets.UTF_8)));
        } else {
            throw new Refusal(415, "bad_request", "unsupported content type " + contentType);
        }
        return file;
    }

    /** JSON as form fields; an object held in a string (what lob-java 13.1.0 sends for to/from) counts as the object. */
    private static void flatten(String name, JsonElement value, Map<String, String> fields) {
        if (value.isJsonNull()) {
            return;
        }
        if (value.isJsonPrimitive() && value.getAsString().strip().startsWith("{")) {
            value = JsonParser.parseString(value.getAsString());
        }
        if (value.isJsonObject()) {
            value.getAsJsonObject().entrySet().forEach(e -> flatten(name + "[" + e.getKey() + "]", e.getValue(), fields));
        } else {
            fields.put(name, value.isJsonPrimitive() ? value.getAsString() : value.toString());
        }
    }

    private static void validate(Map<String, String> fields, byte[] pdf) throws Refusal {
        String useType = fields.get("use_type");
        if (useType == null || useType.isEmpty()) {
            throw new Refusal(422, "mail_use_type_can_not_be_null",
                    "use_type is required (this account has no default use type)");
        }
        if (!USE_TYPES.contains(useType)) {
            throw new Refusal(422, "invalid", "use_type must be one of [marketing, operational]");
        }
        if (!Set.of("true", "false").contains(String.valueOf(fields.get("color")))) {
            throw new Refusal(422, "invalid", "color is required and must be a boolean");
        }
        for (String flag : List.of("double_sided")) {
            if (fields.containsKey(flag) && !Set.of("true", "false").contains(fields.get(flag))) {
                throw new Refusal(422, "invalid", flag + " must be a boolean");
            }
        }
        String placement = fields.getOrDefault("address_placement", "top_first_page");
        if (!PLACEMENTS.contains(placement)) {
            throw new Refusal(422, "invalid", "address_placement must be one of " + PLACEMENTS);
        }
        if (fields.containsKey("mail_type") && !MAIL_TYPES.contains(fields.get("mail_type"))) {
            throw new Refusal(422, "invalid", "mail_type must be one of " + MAIL_TYPES);
        }
        metadata(fields);
        boolean domestic = address("to", fields);
        address("from", fields);
        if (!"US".equals(fields.getOrDefault("from[address_country]", "US"))) {
            throw new Refusal(422, "foreign_return_address", "The from address must be a US address");
        }
        if (pdf == null) {
            throw new Refusal(422, "invalid", fields.containsKey("file")
                    ? "this fake takes an uploaded PDF file only" : "file is required");
        }
        pdf(pdf, domestic, !"false".equals(fields.get("double_sided")), "top_first_page".equals(placement));
    }

    /** An inline address's fields (or an adr_ id); true when it is in the US. */
    private static boolean address(String which, Map<String, String> fields) throws Refusal {
        if (fields.containsKey(which)) {
            if (fields.get(which).matches("adr_[a-zA-Z0-9]+")) {
                return true;
            }
            throw new Refusal(422, "invalid", which + " must be an address id or an inline address");
        }
        String prefix = which + "[";
        if (fields.keySet().stream().noneMatch(k -> k.startsWith(prefix))) {
            throw new Refusal(422, "invalid", which + " is required");
        }
        String country = fields.getOrDefault(prefix + "address_country]", "US");
        String name = fields.getOrDefault(prefix + "name]", "");
        String company = fields.getOrDefault(prefix + "company]", "");
        String line1 = fields.getOrDefault(prefix + "address_line1]", "");
        String line2 = fields.getOrDefault(prefix + "address_line2]", "");
        if (name.isEmpty() && company.isEmpty()) {
            throw new Refusal(422, "invalid", which + ".name or " + which + ".company is required");
        }
        if (name.length() > 40 || company.length() > 40) {
            throw new Refusal(422, "invalid", which + ".name and " + which + ".company must be at most 40 characters");
        }
        if (line1.isEmpty()) {
            throw new Refusal(422, "invalid", which + ".address_line1 is required");
        }
        if (line1.length() + line2.length() > 50) {
            throw new Refusal(422, "address_length_exceeds_limit",
                    which + ": address_line1 and address_line2 must be at most 50 characters together");
        }
        if ("US".equals(country)) {
            if (!fields.getOrDefault(prefix + "address_state]", "").matches("[A-Za-z]{2}")
                    || !fields.getOrDefault(prefix + "address_zip]", "").matches("\\d{5}(-\\d{4})?")
                    || fields.getOrDefault(prefix + "address_city]", "").isEmpty()) {
                throw new Refusal(422, "invalid", which + ": a US address needs address_city, a two-letter"
                        + " address_state and a 5 or 9 digit address_zip");
            }
            return true;
        }
        return false;
    }

    private static void metadata(Map<String, String> fields) throws Refusal {
        List<String> keys = fields.keySet().stream().filter(k -> k.startsWith("metadata[")).toList();
        if (keys.size() > 20) {
            throw new Refusal(422, "invalid", "metadata must have at most 20 keys");
        }
        for (String key : keys) {
            String name = key.substring("metadata[".length(), key.length() - 1);
            String value = fields.get(key);
            if (name.length() > 40 || value.length() > 500 || (name + value).contains("\"")
                    || (name + value).contains("\\")) {
                throw new Refusal(422, "invalid", "metadata keys are at most 40 characters, values at most 500,"
                        + " without \" or \\");
            }
        }
    }

    private static void pdf(byte[] pdf, boolean domestic, boolean doubleSided, boolean addressOnFirstPage)
            throws Refusal {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                boolean turned = page.getRotation() % 180 != 0;
                float width = turned ? page.getMediaBox().getHeight() : page.getMediaBox().getWidth();
                float height = turned ? page.getMediaBox().getWidth() : page.getMediaBox().getHeight();
                if (Math.abs(width - 612) > 1 || Math.abs(height - 792) > 1) {
                    throw new Refusal(422, "invalid_file_dimensions", String.format(
                            "page %d is %.2fx%.2fin; letters must be 8.5x11in", i + 1, width / 72, height / 72));
                }
            }
            int sheets = doubleSided ? (pages + 1) / 2 : pages;
            if (sheets > (domestic ? 60 : 6)) {
                throw new Refusal(422, "file_pages_exceed_max", "the letter has " + sheets + " sheets, at most "
                        + (domestic ? 60 : 6) + (domestic ? "" : " for international mail"));
            }
            if (addressOnFirstPage && !addressAreaBlank(document)) {
                throw new Refusal(422, "invalid_file",
                        "the address area of the first page must be blank (address_placement top_first_page)");
            }
        } catch (IOException e) {
            throw new Refusal(422, "invalid_file", "the file is not a readable PDF");
        }
    }

    /** Page 1 rendered: no ink inside the area (a pixel in from its edges). */
    private static boolean addressAreaBlank(PDDocument document) throws IOException {
        int dpi = 36;
        BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi);
        for (int y = (int) Math.ceil(AREA_TOP * dpi) + 1; y < (int) (AREA_BOTTOM * dpi) - 1; y++) {
            for (int x = (int) Math.ceil(AREA_LEFT * dpi) + 1; x < (int) (AREA_RIGHT * dpi) - 1; x++) {
                int rgb = page.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) < 0xF0 || ((rgb >> 8) & 0xFF) < 0xF0 || (rgb & 0xFF) < 0xF0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The letter object Lob answers with (the fields the SDK reads, and some it ignores). */
    private static JsonObject letter(Map<String, String> fields) {
        String id = "ltr_" + HexFormat.of().formatHex(randomBytes(8));
        String now = Instant.now().toString();
        JsonObject letter = new JsonObject();
        letter.addProperty("id", id);
        letter.addProperty("object", "letter");
        letter.addProperty("description", fields.get("description"));
        JsonObject metadata = new JsonObject();
        fields.forEach((k, v) -> {
            if (k.startsWith("metadata[")) {
                metadata.addProperty(k.substring(9, k.length() - 1), v);
            }
        });
        letter.add("metadata", metadata);
        letter.add("to", addressObject("to", fields));
        letter.add("from", addressObject("from", fields));
        letter.addProperty("color", Boolean.parseBoolean(fields.get("color")));
        letter.addProperty("double_sided", !"false".equals(fields.get("double_sided")));
        letter.addProperty("address_placement", fields.getOrDefault("address_placement", "top_first_page"));
        letter.addProperty("return_envelope", false);
        letter.addProperty("mail_type", fields.getOrDefault("mail_type", "usps_first_class"));
        letter.addProperty("use_type", fields.get("use_type"));
        letter.addProperty("url", "https://lob-assets.com/letters/" + id + ".pdf?expires=1893456000&signature=fake");
        letter.addProperty("carrier", "USPS");
        letter.add("tracking_events", GSON.toJsonTree(List.of()));
        letter.add("thumbnails", GSON.toJsonTree(List.of()));
        letter.addProperty("expected_delivery_date", LocalDate.now().plusDays(5).toString());
        letter.addProperty("date_created", now);
        letter.addProperty("date_modified", now);
        letter.addProperty("send_date", now);
        letter.addProperty("status", "processed");
        return letter;
    }

    private static JsonObject addressObject(String which, Map<String, String> fields) {
        JsonObject address = new JsonObject();
        address.addProperty("id", "adr_" + HexFormat.of().formatHex(randomBytes(8)));
        address.addProperty("object", "address");
        String prefix = which + "[";
        fields.forEach((k, v) -> {
            if (k.startsWith(prefix) && !k.endsWith("[address_country]")) {
                address.addProperty(k.substring(prefix.length(), k.length() - 1), v.toUpperCase());
            }
        });
        String country = COUNTRY_NAMES.get(fields.getOrDefault(prefix + "address_country]", "US"));
        if (country != null) {
            address.addProperty("address_country", country);
        }
        return address;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
