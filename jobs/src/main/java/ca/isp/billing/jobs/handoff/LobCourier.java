package ca.isp.billing.jobs.handoff;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

import com.lob.api.ApiClient;
import com.lob.api.ApiException;
import com.lob.api.client.LettersApi;
import com.lob.model.AddressEditable;
import com.lob.model.CountryExtended;
import com.lob.model.Letter;
import com.lob.model.LetterEditable;
import com.lob.model.MailType;

import ca.isp.billing.domain.Address;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.writers.LobAddressArea;
import ca.isp.billing.writers.PdfPages;

import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Letters through Lob's print-and-mail API with its Java SDK (lob-java 13.1.0): the recipient
 * inline from the account's billing address, the ISP's US return address, the invoice PDF with
 * Lob's address area left blank ({@link LobAddressArea}: Lob prints both addresses there, for
 * its double-window envelope), black and white, double-sided, first class, the account and
 * invoice numbers as metadata, and the delivery's idempotency key as {@code Idempotency-Key}:
 * Lob answers a repeat of the same key with the letter it made the first time, so a crash
 * between Lob's answer and our commit never mails a second letter (within Lob's 24 hours).
 *
 * <p>A letter Lob would refuse is not sent ({@link LobLetterRules}). Lob's refusals (4xx) need a
 * person; a rate limit (429), a server error (5xx) or no answer is tried again a few times with a
 * growing, jittered wait ({@link Backoff}), or as long as Lob's {@code Retry-After} asks (up to
 * {@code billing.lob.max-retry-after}), then left for the next run. The letter's
 * {@code ltr_...} id becomes the delivery's provider reference.
 *
 * <p>Lob forgets an idempotency key after 24 hours. A delivery whose PDF is older than that may
 * have been tried more than 24 hours ago (a run that died before its commit): before sending it,
 * Lob is asked for a letter with its key in the metadata, and that letter is taken if there is
 * one. (13.1.0's {@code LettersApi.list} sends a metadata filter as {@code metadata={k=v}}, which
 * Lob does not read: the question is a plain GET on the same HTTP client.)
 */
public class LobCourier implements Courier {

    public static final String NAME = "lob";
    /** How long Lob remembers an idempotency key. */
    static final Duration KEY_LIFETIME = Duration.ofHours(24);
    /** The metadata key under which every letter carries its delivery's idempotency key. */
    static final String DELIVERY_METADATA = "delivery";

    private final BillingProperties.Lob settings;
    private final AddressEditable from;
    private final OkHttpClient http;
    private final Backoff backoff;

    /**
     * @param returnAddress the ISP's US return address (Lob mails from the US only), named {@code companyName}
     * @param http          shared by every letter: its connections and threads are reused
     */
    public LobCourier(BillingProperties.Lob settings, String companyName, Address returnAddress, OkHttpClient http,
                      Backoff backoff) {
        if (returnAddress == null || !"US".equals(returnAddress.country())) {
            throw new IllegalStateException("Lob mails letters from the US only and needs a US return address: set"
                    + " lob_from_line_1, lob_from_city, lob_from_state and lob_from_zip in templates/company.properties");
        }
        this.settings = settings;
        this.from = address(companyName, returnAddress);
        this.http = http;
        this.backoff = backoff;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Handover handOver(DeliveryToSend delivery, byte[] pdf) {
        return sendLetter(delivery.idempotencyKey(), "Invoice " + delivery.document().invoiceNumber(),
                delivery.document().customerName(), delivery.billingAddress(),
                ordered("account", delivery.document().accountNumber(), "invoice", delivery.document().invoiceNumber()),
                pdf, delivery.renderedAt());
    }

    /**
     * Any letter of ours (an invoice, a notice) to {@code name} at {@code to}, keyed by
     * {@code key} (Lob's Idempotency-Key and the {@code delivery} metadata), with more metadata
     * beside it; {@code madeAt}: when its PDF was made (a key older than Lob remembers is looked up first).
     */
    public Handover sendLetter(String key, String description, String name, Address to, Map<String, String> metadata,
                               byte[] pdf, LocalDateTime madeAt) {
        List<PdfPages.Size> pages = PdfPages.sizes(pdf);
        Optional<String> refusal = LobLetterRules.refusal(name, to, pages, settings.doubleSided());
        if (refusal.isPresent()) {
            return new Handover.NeedsAttention(refusal.get());
        }
        if (madeAt != null && madeAt.isBefore(LocalDateTime.now().minus(KEY_LIFETIME))) {
            Optional<Handover> known = existingLetter(key);
            if (known.isPresent()) {
                return known.get();
            }
        }
        LetterEditable letter = letter(key, description, name, to, metadata);
        LobRetryAfter retryAfter = new LobRetryAfter();
        LettersApi letters = new LettersApi(client(LobAddressArea.blanked(pdf), key + ".pdf", retryAfter));
        for (int attempt = 1; ; attempt++) {
            try {
                Letter sent = letters.create(letter, key);
                return new Handover.Sent(sent.getId());
            } catch (ApiException e) {
                int code = e.getCode();
                boolean worthRetrying = code == 0 || code == 429 || code >= 500;
                if (worthRetrying && attempt < settings.maxAttempts()) {
                    backoff.pause(attempt, retryAfter.lastAsked());
                    continue;
                }
                String answer = describe(e);
                if (worthRetrying) {
                    return new Handover.TryLater("Lob did not take the letter after " + attempt + " attempts: " + answer);
                }
                if (code == 401 || code == 403) {
                    // the key (never shown) or the account, not this letter: every letter would fail the same way
                    return new Handover.TryLater("Lob refused the API key (LOB_API_KEY): " + answer);
                }
                return new Handover.NeedsAttention("Lob refused the letter: " + answer);
            }
        }
    }

    /**
     * The letter Lob already has for this key (Sent), none (empty), or no way to know now
     * (TryLater: sending blind could mail it twice).
     */
    private Optional<Handover> existingLetter(String key) {
        HttpUrl url = HttpUrl.get(settings.baseUrl() + "/letters").newBuilder()
                .addQueryParameter("metadata[" + DELIVERY_METADATA + "]", key).addQueryParameter("limit", "2").build();
        Request request = new Request.Builder().url(url).get().header("Accept", "application/json")
                .header("Authorization", Credentials.basic(settings.apiKey(), "")).build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                return Optional.of(new Handover.TryLater("Lob did not say whether it already has this letter (its key"
                        + " is older than 24 hours): " + response.code() + " " + body));
            }
            JsonArray letters = JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("data");
            return letters == null || letters.isEmpty() ? Optional.empty()
                    : Optional.of(new Handover.Sent(letters.get(0).getAsJsonObject().get("id").getAsString()));
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Handover.TryLater("Lob did not say whether it already has this letter (its key is"
                    + " older than 24 hours): " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** One SDK client per letter (the SDK's client is not thread-safe), over the shared HTTP client. */
    private ApiClient client(byte[] pdf, String fileName, LobRetryAfter retryAfter) {
        ApiClient client = new ApiClient(http.newBuilder().addInterceptor(retryAfter)
                .addInterceptor(new LobLetterUpload(pdf, fileName)).build());
        client.setBasePath(settings.baseUrl());
        client.setUsername(settings.apiKey());
        client.setPassword("");
        return client;
    }

    private LetterEditable letter(String key, String description, String name, Address to,
                                  Map<String, String> metadata) {
        LetterEditable letter = new LetterEditable();
        letter.setDescription(description);
        letter.setTo(address(name, to));
        letter.setFrom(from);
        letter.setColor(settings.color());
        letter.setDoubleSided(settings.doubleSided());
        letter.setAddressPlacement(LetterEditable.AddressPlacementEnum.TOP_FIRST_PAGE);
        letter.setMailType(MailType.FIRST_CLASS);
        metadata.forEach(letter::putMetadataItem);
        letter.putMetadataItem(DELIVERY_METADATA, key);
        return letter;
    }

    /** Metadata in the order given (the form Lob receives keeps it). */
    public static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static AddressEditable address(String name, Address address) {
        AddressEditable lob = new AddressEditable();
        lob.setName(name);
        lob.setAddressLine1(address.line1());
        if (address.line2() != null && !address.line2().isBlank()) {
            lob.setAddressLine2(address.line2());
        }
        lob.setAddressCity(address.city());
        lob.setAddressState(address.region());
        lob.setAddressZip(address.postalCode());
        lob.setAddressCountry(CountryExtended.fromValue(address.country()));
        return lob;
    }

    /** Lob's status and message (the SDK keeps no more of a JSON error); never a header, so never the key. */
    private static String describe(ApiException e) {
        if (e.getCode() == 0) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "no answer (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return e.getCode() + " " + e.getMessage();
    }
}
