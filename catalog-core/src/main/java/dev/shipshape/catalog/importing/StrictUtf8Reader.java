package dev.shipshape.catalog.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and fails with the line and column of the first byte that is not UTF-8, where an
 * {@code InputStreamReader} would silently put replacement characters into names. A leading byte
 * order mark is dropped.
 */
final class StrictUtf8Reader extends Reader {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();

	private final CharBuffer chars = CharBuffer.allocate(8192).flip();

	private boolean endOfInput;

	private boolean started;

	private long bytesDecoded;

	private int line = 1;

	private int column = 1;

	StrictUtf8Reader(InputStream in) {
		this.in = in;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (!this.chars.hasRemaining() && !decodeMore()) {
			return -1;
		}
		int count = Math.min(length, this.chars.remaining());
		this.chars.get(buffer, offset, count);
		return count;
	}

	private boolean decodeMore() throws IOException {
		this.chars.clear();
		try {
			while (this.chars.position() == 0) {
				if (!this.bytes.hasRemaining() && !this.endOfInput) {
					fill();
				}
				int before = this.bytes.position();
				CoderResult result = this.decoder.decode(this.bytes, this.chars, this.endOfInput);
				this.bytesDecoded += this.bytes.position() - before;
				if (result.isError()) {
					track(this.chars.position());
					throw new NotUtf8Exception(this.line, this.column, this.bytesDecoded);
				}
				if (this.endOfInput) {
					this.decoder.flush(this.chars);
					break;
				}
				if (result.isUnderflow() && this.chars.position() == 0) {
					fill();
				}
			}
		}
		finally {
			this.chars.flip();
		}
		if (!this.chars.hasRemaining()) {
			return false;
		}
		track(this.chars.limit());
		if (!this.started) {
			this.started = true;
			if (this.chars.get(0) == BYTE_ORDER_MARK) {
				this.chars.position(1);
				return this.chars.hasRemaining() || decodeMore();
			}
		}
		return true;
	}

	/** Counts lines and columns of the characters decoded so far, for the position of an error. */
	private void track(int upTo) {
		for (int i = 0; i < upTo; i++) {
			if (this.chars.get(i) == '\n') {
				this.line++;
				this.column = 1;
			}
			else {
				this.column++;
			}
		}
	}

	private void fill() throws IOException {
		this.bytes.compact();
		int read = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
		if (read < 0) {
			this.endOfInput = true;
		}
		else {
			this.bytes.position(this.bytes.position() + read);
		}
		this.bytes.flip();
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}
}
