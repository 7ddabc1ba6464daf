package org.biochemsec2030.content.support;

/**
 * A requested page of a list, checked: pages from 0, sizes from 1 to {@link #MAX_SIZE}.
 */
public record Paging(int page, int size) {

	public static final int MAX_SIZE = 50;

	public Paging {
		if (page < 0) {
			throw InvalidInput.of("page", "use a page number of 0 or more (0 is the first page)");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw InvalidInput.of("size", "use a page size from 1 to " + MAX_SIZE);
		}
	}

	public int offset() {
		return this.page * this.size;
	}

}
