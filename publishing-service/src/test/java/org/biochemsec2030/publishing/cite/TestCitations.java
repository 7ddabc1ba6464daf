package org.biochemsec2030.publishing.cite;

import org.biochemsec2030.publishing.support.PublishingProperties;

/** Citations made outside Spring, for tests of what prints them (the PDF). */
public final class TestCitations {

	private TestCitations() {
	}

	public static Citations with(PublishingProperties properties) {
		return new Citations(properties);
	}

}
