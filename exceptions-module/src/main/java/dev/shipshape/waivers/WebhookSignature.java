package dev.shipshape.waivers;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook body: {@code sha256=} and the hex HMAC-SHA256 of the exact bytes of
 * the body, keyed with the configured secret, as GitHub signs its webhooks. Receivers compute the
 * same over the raw body and compare in constant time.
 */
public final class WebhookSignature {

	public static final String HEADER = "X-Shipshape-Signature";

	private static final String PREFIX = "sha256=";

	private WebhookSignature() {
	}

	public static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** Whether the header carries the signature of this body under this secret. */
	public static boolean verify(String secret, byte[] body, String header) {
		if (header == null) {
			return false;
		}
		return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
				header.getBytes(StandardCharsets.US_ASCII));
	}
}
