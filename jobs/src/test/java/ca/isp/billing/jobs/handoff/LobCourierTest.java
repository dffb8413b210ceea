package ca.isp.billing.jobs.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.Language;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.writers.PdfPages;

import okhttp3.OkHttpClient;

/** Lob letters through the real SDK (lob-java 13.1.0), on the wire to the strict Lob fake. */
class LobCourierTest {

    private static final String KEY = "test_5e1f0a9b8c7d";
    private static final OkHttpClient HTTP = new OkHttpClient();

    private LobFake lob;

    @BeforeEach
    void start() {
        lob = new LobFake();
    }

    @AfterEach
    void stop() {
        lob.close();
    }

    private LobCourier courier(String key, int maxAttempts) {
        BillingProperties.Lob settings = new BillingProperties.Lob(key, lob.baseUrl(), false, true, maxAttempts,
                Duration.ofMillis(5), Duration.ofSeconds(10), Duration.ofSeconds(60));
        return new LobCourier(settings, "Northern Lights Internet", Letters.RETURN, HTTP,
                new Backoff(settings.retryDelay(), Duration.ofMillis(50), settings.maxRetryAfter()));
    }

    @Test
    void aLetterArrivesAsLobWantsItAndItsIdIsTheProviderReference() {
        DeliveryToSend delivery = Letters.letterToVermont("F-2026-000010");

        Handover handover = courier(KEY, 3).handOver(delivery, Letters.pdf(delivery));

        assertThat(lob.letters()).hasSize(1);
        LobFake.Letter letter = lob.letters().get(0);
        assertThat(handover).isEqualTo(new Handover.Sent(letter.id()));
        assertThat(letter.id()).startsWith("ltr_");
        assertThat(letter.idempotencyKey()).isEqualTo("F-2026-000010-PRINT");
        assertThat(letter.fields()).containsEntry("use_type", "operational")
                .containsEntry("to[name]", "Ethan Allen").containsEntry("to[address_line1]", "12 Church Street")
                .containsEntry("to[address_city]", "Burlington").containsEntry("to[address_state]", "VT")
                .containsEntry("to[address_zip]", "05401").containsEntry("to[address_country]", "US")
                .containsEntry("from[name]", "Northern Lights Internet").containsEntry("from[address_country]", "US")
                .containsEntry("color", "false").containsEntry("double_sided", "true")
                .containsEntry("address_placement", "top_first_page").containsEntry("mail_type", "usps_first_class")
                .containsEntry("metadata[account]", "100001").containsEntry("metadata[invoice]", "F-2026-000010")
                .containsEntry("metadata[delivery]", "F-2026-000010-PRINT");
        // the uploaded PDF is the invoice with Lob's address area blank (the fake refuses anything else)
        assertThat(letter.pdf()).startsWith("%PDF".getBytes());
    }

    @Test
    void theSameDeliveryAgainMakesNoSecondLetter() {
        DeliveryToSend delivery = Letters.letterToVermont("F-2026-000011");
        LobCourier courier = courier(KEY, 3);

        Handover first = courier.handOver(delivery, Letters.pdf(delivery));
        Handover again = courier.handOver(delivery, Letters.pdf(delivery));

        assertThat(again).isEqualTo(first);
        assertThat(lob.letters()).hasSize(1);
        assertThat(lob.requests()).hasSize(2).allSatisfy(r -> assertThat(r.idempotencyKey()).isEqualTo("F-2026-000011-PRINT"));
    }

    @Test
    void aLetterOlderThanLobsMemoryOfItsKeyIsLookedUpBeforeItIsSentAgain() {
        DeliveryToSend delivery = Letters.renderedHoursAgo(Letters.letterToVermont("F-2026-000021"), 25);
        LobCourier courier = courier(KEY, 3);
        Handover first = courier.handOver(delivery, Letters.pdf(delivery));

        // a day later Lob has forgotten the key, but the letter carries it in its metadata
        lob.expireKeys();
        Handover again = courier.handOver(delivery, Letters.pdf(delivery));

        assertThat(again).isEqualTo(first);
        assertThat(lob.letters()).hasSize(1);
        assertThat(lob.requests()).extracting(LobFake.Request::method).containsExactly("GET", "POST", "GET");
    }

    @Test
    void aRecentLetterIsNotLookedUpItsKeyIsEnough() {
        DeliveryToSend delivery = Letters.letterToVermont("F-2026-000022");
        LobCourier courier = courier(KEY, 3);

        courier.handOver(delivery, Letters.pdf(delivery));
        courier.handOver(delivery, Letters.pdf(delivery));

        assertThat(lob.requests()).extracting(LobFake.Request::method).containsExactly("POST", "POST");
        assertThat(lob.letters()).hasSize(1);
    }

    @Test
    void rateLimitsAndServerErrorsAreTriedAgainThenTheLetterIsMadeOnce() {
        lob.failNext(429, 1);
        lob.failNext(500, 1);
        DeliveryToSend delivery = Letters.letterToVermont("F-2026-000012");

        Handover handover = courier(KEY, 3).handOver(delivery, Letters.pdf(delivery));

        assertThat(handover).isInstanceOf(Handover.Sent.class);
        assertThat(lob.requests()).extracting(LobFake.Request::status).containsExactly(429, 500, 200);
        assertThat(lob.letters()).hasSize(1);
    }

    @Test
    void aRateLimitWithRetryAfterIsWaitedOutAsLobAsksThenTheLetterIsMadeOnce() {
        lob.failNextAskingToWait(429, 1);
        DeliveryToSend delivery = Letters.letterToVermont("F-2026-000021");
        BillingProperties.Lob settings = new BillingProperties.Lob(KEY, lob.baseUrl(), false, true, 3,
                Duration.ofMillis(5), Duration.ofSeconds(10), Duration.ofSeconds(60));
        // the backoff alone would wait 2.5 to 5 ms: the 1 s is Lob's Retry-After
        RecordingBackoff backoff = new RecordingBackoff(settings.retryDelay(), Duration.ofMillis(50),
                settings.maxRetryAfter());

        Handover handover = new LobCourier(settings, "Northern Lights Internet", Letters.RETURN, HTTP, backoff)
                .handOver(delivery, Letters.pdf(delivery));

        assertThat(handover).isInstanceOf(Handover.Sent.class);
        assertThat(backoff.waits).containsExactly(Duration.ofSeconds(1));
        assertThat(lob.requests()).extracting(LobFake.Request::status).containsExactly(429, 200);
        assertThat(lob.letters()).hasSize(1);
    }

    @Test
    void aRetryAfterLongerThanTheMaximumIsCutToIt() {
        lob.failNextAskingToWait(503, 3600);
        DeliveryToSend delivery = Letters.letterToVermont("F-2026-000022");
        BillingProperties.Lob settings = new BillingProperties.Lob(KEY, lob.baseUrl(), false, true, 3,
                Duration.ofMillis(5), Duration.ofSeconds(10), Duration.ofMillis(200));
        RecordingBackoff backoff = new RecordingBackoff(settings.retryDelay(), Duration.ofMillis(50),
                settings.maxRetryAfter());

        Handover handover = new LobCourier(settings, "Northern Lights Internet", Letters.RETURN, HTTP, backoff)
                .handOver(delivery, Letters.pdf(delivery));

        assertThat(handover).isInstanceOf(Handover.Sent.class);
        assertThat(backoff.waits).containsExactly(Duration.ofMillis(200));
        assertThat(lob.letters()).hasSize(1);
    }

    @Test
    void withoutRetryAfterTheWaitIsTheBackoffs() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(60));
        for (int i = 0; i < 20; i++) {
            assertThat(backoff.after(2, Optional.empty()).toMillis()).isBetween(100L, 200L);
        }
        assertThat(backoff.after(2, Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
    }

    /** A Backoff that records the waits it computed instead of sleeping through them. */
    private static final class RecordingBackoff extends Backoff {
        final List<Duration> waits = new ArrayList<>();

        RecordingBackoff(Duration first, Duration longest, Duration longestAsked) {
            super(first, longest, longestAsked);
        }

        @Override
        void sleep(Duration wait) {
            waits.add(wait);
        }
    }

    @Test
    void anOutageLongerThanTheAttemptsLeavesTheLetterForTheNextRun() {
        lob.failNext(500, 3);
        DeliveryToSend delivery = Letters.letterToVermont("F-2026-000013");

        Handover handover = courier(KEY, 3).handOver(delivery, Letters.pdf(delivery));

        assertThat(handover).isInstanceOf(Handover.TryLater.class);
        assertThat(((Handover.TryLater) handover).reason()).contains("after 3 attempts").contains("500");
        assertThat(lob.requests()).hasSize(3);
        assertThat(lob.letters()).isEmpty();
    }

    @Test
    void noServerAtAllIsAnOutageToo() {
        DeliveryToSend delivery = Letters.letterToVermont("F-2026-000014");
        lob.close();

        Handover handover = courier(KEY, 2).handOver(delivery, Letters.pdf(delivery));

        assertThat(handover).isInstanceOf(Handover.TryLater.class);
        assertThat(((Handover.TryLater) handover).reason()).contains("no answer");
    }

    @Test
    void aRefusalNeedsAttentionWithLobsMessage() {
        lob.failNext(422, 1);
        DeliveryToSend delivery = Letters.letterToVermont("F-2026-000015");

        Handover handover = courier(KEY, 3).handOver(delivery, Letters.pdf(delivery));

        assertThat(handover).isInstanceOf(Handover.NeedsAttention.class);
        assertThat(((Handover.NeedsAttention) handover).reason()).startsWith("Lob refused the letter: 422");
        assertThat(lob.requests()).hasSize(1);
    }

    @Test
    void aKeyLobRefusesIsNeverShown() {
        DeliveryToSend delivery = Letters.letterToVermont("F-2026-000016");

        Handover handover = courier("live_9f8e7d6c5b4a", 3).handOver(delivery, Letters.pdf(delivery));

        assertThat(handover).isInstanceOf(Handover.TryLater.class);
        assertThat(((Handover.TryLater) handover).reason()).contains("LOB_API_KEY").doesNotContain("9f8e7d6c5b4a");
        assertThat(lob.letters()).isEmpty();
    }

    @Test
    void settingsNeverShowTheKey() {
        BillingProperties.Lob settings = new BillingProperties.Lob(KEY, "https://api.lob.com/v1", false, true, 4,
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60));
        assertThat(settings.toString()).doesNotContain(KEY).doesNotContain("5e1f0a9b8c7d").contains("key set");
    }

    @Test
    void lettersLobWouldRefuseAreNotSentButNeedAttention() {
        LobCourier courier = courier(KEY, 3);
        DeliveryToSend longLines = Letters.delivery("F-2026-000017", DeliveryChannel.PRINT, "Ethan Allen",
                new Address("1234 Extraordinarily Long Named Boulevard", "Apartment 1200", "Burlington", null, "VT",
                        "05401", "US"), null, Language.EN, 1);
        DeliveryToSend longName = Letters.delivery("F-2026-000018", DeliveryChannel.PRINT,
                "The Extraordinarily Long Named Company of Vermont Inc.", Letters.VERMONT, null, Language.EN, 1);
        DeliveryToSend badZip = Letters.delivery("F-2026-000019", DeliveryChannel.PRINT, "Ethan Allen",
                new Address("12 Church Street", null, "Burlington", null, "VT", "K1A 0A1", "US"), null, Language.EN, 1);
        // abroad Lob mails at most 6 sheets: 13 pages or more, double-sided, are 7 or more
        DeliveryToSend longAbroad = Letters.delivery("F-2026-000020", DeliveryChannel.PRINT, "Hélène Côté",
                Letters.QUEBEC, null, Language.FR, 800);
        byte[] longPdf = Letters.pdf(longAbroad);
        assertThat(PdfPages.sizes(longPdf).size()).isGreaterThanOrEqualTo(13);

        assertThat(reason(courier, longLines)).contains("50");
        assertThat(reason(courier, longName)).contains("at most 40");
        assertThat(reason(courier, badZip)).contains("ZIP");
        assertThat(reason(courier, longAbroad, longPdf)).contains("at most 6 sheets abroad");
        assertThat(lob.requests()).isEmpty();
    }

    @Test
    void withoutAUsReturnAddressLobIsNotUsed() {
        BillingProperties.Lob settings = new BillingProperties.Lob(KEY, lob.baseUrl(), false, true, 3,
                Duration.ofMillis(5), Duration.ofSeconds(10), Duration.ofSeconds(60));
        assertThatThrownBy(() -> new LobCourier(settings, "Northern Lights Internet", null, HTTP,
                new Backoff(Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(5))))
                .hasMessageContaining("US return address").hasMessageContaining("lob_from_line_1");
        assertThatThrownBy(() -> new LobCourier(settings, "Northern Lights Internet", Letters.QUEBEC, HTTP,
                new Backoff(Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(5))))
                .hasMessageContaining("US return address");
    }

    @Test
    void theWaitGrowsWithJitterAndStaysBounded() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(60));
        for (int i = 0; i < 50; i++) {
            assertThat(backoff.after(1).toMillis()).isBetween(50L, 100L);
            assertThat(backoff.after(3).toMillis()).isBetween(200L, 400L);
            assertThat(backoff.after(30).toMillis()).isBetween(500L, 1000L);
        }
        assertThat(List.of(backoff.after(5), backoff.after(5), backoff.after(5), backoff.after(5), backoff.after(5))
                .stream().distinct().count()).as("jitter").isGreaterThan(1);
    }

    private static String reason(LobCourier courier, DeliveryToSend delivery) {
        return reason(courier, delivery, Letters.pdf(delivery));
    }

    private static String reason(LobCourier courier, DeliveryToSend delivery, byte[] pdf) {
        Handover handover = courier.handOver(delivery, pdf);
        assertThat(handover).isInstanceOf(Handover.NeedsAttention.class);
        return ((Handover.NeedsAttention) handover).reason();
    }
}
