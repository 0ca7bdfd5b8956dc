package dev.shipshape.catalog.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.util.unit.DataSize;

/** Counts the bytes read from all files of one upload and stops reading beyond the limit. */
final class UploadBudget {

	private final DataSize limit;

	private long remaining;

	UploadBudget(DataSize limit) {
		this.limit = limit;
		this.remaining = limit.toBytes();
	}

	InputStream meter(InputStream in) {
		return new FilterInputStream(in) {

			@Override
			public int read() throws IOException {
				int read = super.read();
				if (read >= 0) {
					spend(1);
				}
				return read;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int read = super.read(buffer, offset, length);
				if (read > 0) {
					spend(read);
				}
				return read;
			}
		};
	}

	private void spend(int bytes) {
		this.remaining -= bytes;
		if (this.remaining < 0) {
			throw new ImportTooLargeException(this.limit);
		}
	}
}
