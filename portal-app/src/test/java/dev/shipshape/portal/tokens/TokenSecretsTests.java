package dev.shipshape.portal.tokens;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSecretsTests {

	private final SecureRandom random = new SecureRandom();

	@Test
	void aSecretIsRecognisableWellFormedAndUnique() {
		String secret = TokenSecrets.generate(this.random);

		assertThat(secret).startsWith("shp_").hasSize(50).matches("shp_[0-9A-Za-z]{46}");
		assertThat(TokenSecrets.isWellFormed(secret)).isTrue();
		assertThat(TokenSecrets.generate(this.random)).isNotEqualTo(secret);
		assertThat(TokenSecrets.hint(secret)).isEqualTo(secret.substring(0, 8));
	}

	@Test
	void aTypoOrATruncationBreaksTheChecksum() {
		String secret = TokenSecrets.generate(this.random);
		char changed = (secret.charAt(10) == 'a') ? 'b' : 'a';

		assertThat(TokenSecrets.isWellFormed(secret.substring(0, 10) + changed + secret.substring(11))).isFalse();
		assertThat(TokenSecrets.isWellFormed(secret.substring(0, 49))).isFalse();
		assertThat(TokenSecrets.isWellFormed("ghp_" + secret.substring(4))).isFalse();
		assertThat(TokenSecrets.isWellFormed(secret.replace(secret.charAt(20), '-'))).isFalse();
		assertThat(TokenSecrets.isWellFormed(null)).isFalse();
	}

	@Test
	void onlyTheSha256OfASecretIsKept() {
		// sha256sum of "shp_example"
		assertThat(TokenSecrets.hash("shp_example"))
			.isEqualTo("273f4ea90cedca56141a4cd84fba946ed9b2f75535cafa5d15296102505befcc");
	}
}
