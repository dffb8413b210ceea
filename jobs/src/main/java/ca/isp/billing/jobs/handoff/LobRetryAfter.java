package ca.isp.billing.jobs.handoff;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * How long Lob's last answer asked us to wait: its {@code Retry-After} header in seconds (Lob
 * sends it with a 429, and a 503 may carry it). lob-java 13.1.0 drops the headers of an answer
 * with a JSON error (its {@code ApiException} then has none), so the header is read here, on the
 * SDK's HTTP client, as the answer passes. One per letter, like the SDK client it sits on.
 */
class LobRetryAfter implements Interceptor {

    private volatile Duration asked;

    @Override
    public Response intercept(Chain chain) throws IOException {
        asked = null;
        Response response = chain.proceed(chain.request());
        asked = seconds(response.header("Retry-After")).orElse(null);
        return response;
    }

    /** What the last answer asked for; none for no answer, no header, or an HTTP date (read as not asking). */
    Optional<Duration> lastAsked() {
        return Optional.ofNullable(asked);
    }

    static Optional<Duration> seconds(String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
    }
}
