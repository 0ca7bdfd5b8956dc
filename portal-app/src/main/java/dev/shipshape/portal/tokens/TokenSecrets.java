package dev.shipshape.portal.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Token secrets: {@code shp_}, 40 random letters and digits (about 238 bits), and a 6-character
 * checksum of them, so that a typo or a truncated secret is recognised without a database lookup
 * and a leaked secret is recognisable by scanners. Only the SHA-256 of a secret is stored.
 */
final class TokenSecrets {

	static final String PREFIX = "shp_";

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final int RANDOM_LENGTH = 40;

	private static final int CHECKSUM_LENGTH = 6;

	private static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

	private static final int HINT_LENGTH = PREFIX.length() + 4;

	private TokenSecrets() {
	}

	static String generate(SecureRandom random) {
		StringBuilder secret = new StringBuilder(LENGTH).append(PREFIX);
		for (int i = 0; i < RANDOM_LENGTH; i++) {
			secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return secret.append(checksum(secret.substring(PREFIX.length()))).toString();
	}

	static boolean isWellFormed(String secret) {
		if (secret == null || secret.length() != LENGTH || !secret.startsWith(PREFIX)) {
			return false;
		}
		for (int i = PREFIX.length(); i < LENGTH; i++) {
			if (ALPHABET.indexOf(secret.charAt(i)) < 0) {
				return false;
			}
		}
		String random = secret.substring(PREFIX.length(), PREFIX.length() + RANDOM_LENGTH);
		return checksum(random).equals(secret.substring(PREFIX.length() + RANDOM_LENGTH));
	}

	/** The lowercase hex SHA-256 of the whole secret: what the database keeps. */
	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** The start of a secret, shown in lists so that people recognise their tokens. */
	static String hint(String secret) {
		return secret.substring(0, HINT_LENGTH);
	}

	private static String checksum(String random) {
		CRC32 crc = new CRC32();
		crc.update(random.getBytes(StandardCharsets.US_ASCII));
		long value = crc.getValue();
		char[] digits = new char[CHECKSUM_LENGTH];
		for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
			digits[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
			value /= ALPHABET.length();
		}
		return new String(digits);
	}
}
