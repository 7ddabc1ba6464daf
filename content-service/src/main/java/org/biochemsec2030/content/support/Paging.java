package org.biochemsec2030.content.support;

/**
 * A requested page of a list, checked: sizes from 1 to {@link #MAX_SIZE}, pages from 0
 * while the page starts within the first {@link #MAX_OFFSET} items. The bound keeps the
 * offset a sensible number: without it {@code page * size} overflowed an int (page
 * 2147483647 made a negative OFFSET, which the database refuses with a 500), and far
 * beyond any list's end a page is only work for nothing.
 */
public record Paging(int page, int size) {

	public static final int MAX_SIZE = 50;

	/** More items than any list of the suite will hold, and far below an int's range. */
	public static final int MAX_OFFSET = 1_000_000;

	public Paging {
		if (size < 1 || size > MAX_SIZE) {
			throw InvalidInput.of("size", "use a page size from 1 to " + MAX_SIZE);
		}
		if (page < 0 || (long) page * size > MAX_OFFSET) {
			throw InvalidInput.of("page",
					"use a page number from 0 to " + (MAX_OFFSET / size) + " (0 is the first page)");
		}
	}

	public int offset() {
		return this.page * this.size;
	}

}
