package org.biochemsec2030.publishing.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;

import static org.assertj.core.api.Assertions.assertThat;

/** PDFBox's own PDF/A-1b validator (preflight) on a file the service made. */
public final class PdfAConformance {

	private PdfAConformance() {
	}

	public static void assertPdfA1b(byte[] pdf) throws IOException {
		Path file = Files.createTempFile("bcs-paper", ".pdf");
		try {
			Files.write(file, pdf);
			ValidationResult result = PreflightParser.validate(file.toFile());
			assertThat(result.getErrorsList())
				.as("PDF/A-1b errors: %s",
						result.getErrorsList()
							.stream()
							.map(error -> error.getErrorCode() + " " + error.getDetails())
							.toList())
				.isEmpty();
			assertThat(result.isValid()).isTrue();
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
