package ca.isp.billing.jobs.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ca.isp.billing.writers.LobAddressArea;

import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Lob fake is strict: a letter Lob would refuse, it refuses, with Lob's status and error code.
 * Each test sends by hand (plain HTTP, no SDK) one valid letter with one thing wrong.
 */
class LobFakeTest {

    private static final OkHttpClient HTTP = new OkHttpClient();
    private static LobFake lob;
    private static byte[] letterPdf;

    @BeforeAll
    static void start() {
        lob = new LobFake();
        letterPdf = LobAddressArea.blanked(Letters.pdf(Letters.letterToVermont("F-2026-000001")));
    }

    @AfterAll
    static void stop() {
        lob.close();
    }

    @Test
    void aValidLetterIsMadeAndTheSameKeyGivesTheSameLetter() throws IOException {
        JsonObject first = send("test_abc", "K-1", valid(), letterPdf, 200, null);
        JsonObject again = send("test_abc", "K-1", valid(), letterPdf, 200, null);
        assertThat(first.get("id").getAsString()).matches("ltr_[0-9a-f]{16}").isEqualTo(again.get("id").getAsString());
        assertThat(first.get("use_type").getAsString()).isEqualTo("operational");
        assertThat(lob.letters().stream().filter(l -> "K-1".equals(l.idempotencyKey()))).hasSize(1);
    }

    @Test
    void aLetterWithoutUseTypeIsRefused() throws IOException {
        Map<String, String> fields = valid();
        fields.remove("use_type");
        send("test_abc", "K-2", fields, letterPdf, 422, "mail_use_type_can_not_be_null");
    }

    @Test
    void aPageThatIsNotUsLetterIsRefused() throws IOException {
        send("test_abc", "K-3", valid(), blankPdf(PDRectangle.A4), 422, "invalid_file_dimensions");
    }

    @Test
    void aKeyThatIsNotATestKeyIsRefused() throws IOException {
        send("live_abc", "K-4", valid(), letterPdf, 401, "invalid_api_key");
        send("test_abc:secret", "K-4", valid(), letterPdf, 401, "invalid_api_key");
    }

    @Test
    void printOnTheAddressAreaIsRefused() throws IOException {
        send("test_abc", "K-5", valid(), Letters.pdf(Letters.letterToVermont("F-2026-000002")), 422, "invalid_file");
    }

    @Test
    void aForeignReturnAddressAndLongAddressLinesAreRefused() throws IOException {
        Map<String, String> foreign = valid();
        foreign.put("from[address_country]", "CA");
        send("test_abc", "K-6", foreign, letterPdf, 422, "foreign_return_address");
        Map<String, String> longLines = valid();
        longLines.put("to[address_line1]", "1234 Extraordinarily Long Named Boulevard");
        longLines.put("to[address_line2]", "Apartment 1200");
        send("test_abc", "K-7", longLines, letterPdf, 422, "address_length_exceeds_limit");
    }

    @Test
    void scriptedOutagesAnswerInLobsShape() throws IOException {
        lob.failNext(429, 1);
        lob.failNext(500, 1);
        send("test_abc", "K-8", valid(), letterPdf, 429, "rate_limit_exceeded");
        send("test_abc", "K-8", valid(), letterPdf, 500, "internal_server_error");
        send("test_abc", "K-8", valid(), letterPdf, 200, null);
    }

    /** A letter Lob takes, as form fields. */
    private static Map<String, String> valid() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("to[name]", "Ethan Allen");
        fields.put("to[address_line1]", "12 Church Street");
        fields.put("to[address_city]", "Burlington");
        fields.put("to[address_state]", "VT");
        fields.put("to[address_zip]", "05401");
        fields.put("to[address_country]", "US");
        fields.put("from[name]", "Northern Lights Internet");
        fields.put("from[address_line1]", "100 Main Street");
        fields.put("from[address_city]", "Derby Line");
        fields.put("from[address_state]", "VT");
        fields.put("from[address_zip]", "05830");
        fields.put("color", "false");
        fields.put("use_type", "operational");
        return fields;
    }

    private static JsonObject send(String key, String idempotencyKey, Map<String, String> fields, byte[] pdf,
                                   int status, String code) throws IOException {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        fields.forEach(form::addFormDataPart);
        form.addFormDataPart("file", "letter.pdf", RequestBody.create(pdf, MediaType.get("application/pdf")));
        Request request = new Request.Builder().url(lob.baseUrl() + "/letters").post(form.build())
                .header("Authorization", Credentials.basic(key, "")).header("Idempotency-Key", idempotencyKey).build();
        try (Response response = HTTP.newCall(request).execute()) {
            JsonObject body = JsonParser.parseString(response.body().string()).getAsJsonObject();
            assertThat(response.code()).as(body.toString()).isEqualTo(status);
            if (code != null) {
                assertThat(body.getAsJsonObject("error").get("code").getAsString()).isEqualTo(code);
                assertThat(body.getAsJsonObject("error").get("status_code").getAsInt()).isEqualTo(status);
            }
            return body;
        }
    }

    private static byte[] blankPdf(PDRectangle size) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(size));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
