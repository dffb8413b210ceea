package ca.isp.billing.jobs.handoff;

import java.io.IOException;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Turns the letter the Lob SDK 13.1.0 sends into the one Lob needs, on the SDK's own HTTP
 * client: 13.1.0 can only send JSON (no file upload) and its model has no {@code use_type},
 * which Lob requires. The JSON body becomes a {@code multipart/form-data} body with the same
 * fields (nested ones, including {@code to} and {@code from}, which the SDK sends as JSON held
 * in a string, as {@code to[address_line1]}, as Lob's form encoding has them), plus
 * {@code use_type=operational} (an invoice is operational mail, not marketing) and the PDF as
 * the {@code file} part. Headers (authorization, Idempotency-Key) are left as they are.
 *
 * <p>One instance per letter: it carries that letter's PDF.
 */
final class LobLetterUpload implements Interceptor {

    static final String USE_TYPE = "operational";
    private static final MediaType PDF = MediaType.get("application/pdf");

    private final byte[] pdf;
    private final String fileName;

    LobLetterUpload(byte[] pdf, String fileName) {
        this.pdf = pdf;
        this.fileName = fileName;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!"POST".equals(request.method()) || !request.url().encodedPath().endsWith("/letters")
                || request.body() == null) {
            return chain.proceed(request);
        }
        Buffer json = new Buffer();
        request.body().writeTo(json);
        JsonObject letter = JsonParser.parseString(json.readUtf8()).getAsJsonObject();
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (Map.Entry<String, JsonElement> field : letter.entrySet()) {
            if (!field.getKey().equals("file") && !field.getKey().equals("use_type")) {
                addField(form, field.getKey(), field.getValue());
            }
        }
        form.addFormDataPart("use_type", USE_TYPE);
        form.addFormDataPart("file", fileName, RequestBody.create(pdf, PDF));
        return chain.proceed(request.newBuilder().removeHeader("Content-Type").post(form.build()).build());
    }

    /** A JSON value as form fields: objects (and JSON objects held in strings) by {@code name[key]}. */
    private static void addField(MultipartBody.Builder form, String name, JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return;
        }
        JsonObject object = value.isJsonObject() ? value.getAsJsonObject() : objectInString(value);
        if (object != null) {
            for (Map.Entry<String, JsonElement> field : object.entrySet()) {
                addField(form, name + "[" + field.getKey() + "]", field.getValue());
            }
        } else if (value.isJsonPrimitive()) {
            form.addFormDataPart(name, value.getAsString());
        } else {
            throw new IllegalArgumentException("Lob letter field " + name + ": a list cannot be sent as a form field");
        }
    }

    /** {@code "{\"address_line1\":...}"}: how 13.1.0 sends an inline address. */
    private static JsonObject objectInString(JsonElement value) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            return null;
        }
        String text = value.getAsString().strip();
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            return JsonParser.parseString(text).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }
}
