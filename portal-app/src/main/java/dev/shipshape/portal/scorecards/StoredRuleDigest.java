package dev.shipshape.portal.scorecards;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.shipshape.scorecard.FactValue;
import dev.shipshape.scorecard.RuleResult;
import dev.shipshape.scorecard.Waiver;

/**
 * A SHA-256 digest of the rules of a stored result ({@link StoredRule}), fed field by field: two
 * results with equal rules have equal digests, and most re-evaluations find the rules unchanged, so
 * they are compared without being written as JSON first. Every text goes in with its length and
 * every value with its kind, so that no two different lists of rules are fed alike.
 */
final class StoredRuleDigest {

	private static final Map<Class<?>, Character> KINDS = Map.of(String.class, 's', Long.class, 'i', Double.class, 'd',
			Boolean.class, 'b', Instant.class, 't');

	private byte[] buffer = new byte[2048];

	private int used;

	private StoredRuleDigest() {
	}

	/** The digest of the rules as {@link StoredRule#of} keeps them. */
	static byte[] of(List<RuleResult> rules) {
		StoredRuleDigest digest = new StoredRuleDigest();
		for (RuleResult rule : rules) {
			digest.rule(rule);
		}
		return digest.finish();
	}

	private void rule(RuleResult rule) {
		text(rule.ruleKey());
		tag((char) rule.outcome().ordinal());
		text(rule.reason());
		List<FactValue> facts = StoredRule.factsKept(rule);
		number((facts != null) ? facts.size() : -1);
		if (facts != null) {
			for (FactValue fact : facts) {
				text(fact.path());
				tag(fact.present() ? 'p' : 'm');
				value(fact.value());
			}
		}
		Waiver waiver = rule.waiver();
		tag((waiver != null) ? 'w' : '-');
		if (waiver != null) {
			text(waiver.id());
			text(waiver.ruleKey());
			text(String.valueOf(waiver.expiresAt()));
		}
	}

	private void value(Object value) {
		if (value instanceof Map<?, ?> map) {
			tag('m');
			number(map.size());
			map.forEach((key, entry) -> {
				text(String.valueOf(key));
				value(entry);
			});
		}
		else if (value instanceof List<?> list) {
			tag('l');
			number(list.size());
			list.forEach(this::value);
		}
		else if (value == null) {
			tag('n');
		}
		else {
			// The kind tells 1 from 1.0 and "1" from 1.
			Character kind = KINDS.get(value.getClass());
			if (kind != null) {
				tag(kind);
			}
			else {
				tag('o');
				text(value.getClass().getName());
			}
			text(value.toString());
		}
	}

	/** A text as its length in chars, then each char: ASCII in one byte, any other as 0xFF and two bytes. */
	private void text(String value) {
		if (value == null) {
			number(-1);
			return;
		}
		int length = value.length();
		number(length);
		ensure(length * 3);
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				this.buffer[this.used++] = (byte) c;
			}
			else {
				this.buffer[this.used++] = (byte) 0xFF;
				this.buffer[this.used++] = (byte) (c >> 8);
				this.buffer[this.used++] = (byte) c;
			}
		}
	}

	private void number(int value) {
		ensure(4);
		this.buffer[this.used++] = (byte) (value >> 24);
		this.buffer[this.used++] = (byte) (value >> 16);
		this.buffer[this.used++] = (byte) (value >> 8);
		this.buffer[this.used++] = (byte) value;
	}

	private void tag(char kind) {
		ensure(1);
		this.buffer[this.used++] = (byte) kind;
	}

	private void ensure(int more) {
		if (this.used + more > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.used + more));
		}
	}

	private byte[] finish() {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(this.buffer, 0, this.used);
			return sha256.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
