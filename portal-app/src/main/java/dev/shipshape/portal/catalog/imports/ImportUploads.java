package dev.shipshape.portal.catalog.imports;

import java.util.ArrayList;
import java.util.List;

import dev.shipshape.catalog.importing.DescriptorFile;

import org.springframework.web.multipart.MultipartFile;

/** Turns uploaded files and pasted text into the files of one import. */
final class ImportUploads {

	/** The name pasted YAML goes by in problems and plans. */
	static final String PASTED = "pasted.yaml";

	private ImportUploads() {
	}

	/** Every chosen file by its name (browsers send no folders), then the pasted YAML if any. */
	static List<DescriptorFile> files(List<MultipartFile> uploads, String pasted) {
		List<DescriptorFile> files = new ArrayList<>();
		if (uploads != null) {
			for (MultipartFile upload : uploads) {
				String name = upload.getOriginalFilename();
				if (name != null && !name.isBlank()) {
					files.add(new DescriptorFile(name, upload));
				}
			}
		}
		if (pasted != null && !pasted.isBlank()) {
			files.add(DescriptorFile.of(PASTED, pasted));
		}
		return files;
	}
}
