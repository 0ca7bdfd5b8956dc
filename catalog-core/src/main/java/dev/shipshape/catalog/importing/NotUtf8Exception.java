package dev.shipshape.catalog.importing;

import java.io.IOException;

/** The bytes at a position are not UTF-8; thrown by {@link StrictUtf8Reader} instead of mangling them. */
class NotUtf8Exception extends IOException {

	private final int line;

	private final int column;

	private final long byteOffset;

	NotUtf8Exception(int line, int column, long byteOffset) {
		super("not UTF-8: invalid byte sequence at line " + line + ", column " + column + " (byte " + byteOffset + ")");
		this.line = line;
		this.column = column;
		this.byteOffset = byteOffset;
	}

	int line() {
		return this.line;
	}

	int column() {
		return this.column;
	}

	long byteOffset() {
		return this.byteOffset;
	}
}
