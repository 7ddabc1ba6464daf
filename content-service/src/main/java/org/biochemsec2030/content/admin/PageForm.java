package org.biochemsec2030.content.admin;

import java.util.List;

import org.biochemsec2030.content.page.PageInput;
import org.biochemsec2030.content.page.PageView;
import org.biochemsec2030.content.support.InvalidInput.FieldProblem;

/**
 * The standing-page form as the browser sends it: an empty slug is made from the title,
 * the navigation position is text until it is read as a number (so "second" comes back
 * with a message instead of a failed request).
 */
record PageForm(String slug, String title, String body, String navOrder) implements AdminForms.Form<PageInput> {

	static PageForm empty() {
		return new PageForm("", "", "", "");
	}

	static PageForm of(PageView page) {
		return new PageForm(page.slug(), page.title(), page.body(),
				(page.navOrder() != null) ? page.navOrder().toString() : "");
	}

	@Override
	public PageInput input() {
		return new PageInput(blankToNull(this.slug), this.title, this.body, position());
	}

	@Override
	public List<FieldProblem> problems() {
		if (this.navOrder != null && !this.navOrder.isBlank() && position() == null) {
			return List.of(new FieldProblem("navOrder",
					"give the position in the navigation as a whole number such as 1, or leave it empty"));
		}
		return List.of();
	}

	private Integer position() {
		if (this.navOrder == null || this.navOrder.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(this.navOrder.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
