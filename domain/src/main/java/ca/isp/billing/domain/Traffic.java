package ca.isp.billing.domain;

import java.math.BigInteger;

/** Bytes uploaded (sent by the subscriber) and downloaded (received by it). */
public record Traffic(long uploadBytes, long downloadBytes) {

    public static final Traffic NONE = new Traffic(0, 0);

    public Traffic {
        if (uploadBytes < 0 || downloadBytes < 0) {
            throw new IllegalArgumentException("negative traffic: " + uploadBytes + ", " + downloadBytes);
        }
    }

    public Traffic plus(Traffic other) {
        return new Traffic(Math.addExact(uploadBytes, other.uploadBytes),
                Math.addExact(downloadBytes, other.downloadBytes));
    }

    /** Upload + download, what data is billed on; exact even past a long. */
    public BigInteger total() {
        return BigInteger.valueOf(uploadBytes).add(BigInteger.valueOf(downloadBytes));
    }
}
