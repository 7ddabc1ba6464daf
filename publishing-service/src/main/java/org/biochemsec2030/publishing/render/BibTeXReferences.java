package org.biochemsec2030.publishing.render;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.undercouch.citeproc.bibtex.BibTeXConverter;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.helper.json.StringJsonBuilderFactory;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.biochemsec2030.publishing.support.InvalidInput;

/**
 * References written as BibTeX, read by the CSL processor's own BibTeX reader (jbibtex
 * underneath) into CSL-JSON items, the one form papers keep their references in: the same
 * processor formats them, so a reference reads alike whichever way it came in.
 */
public final class BibTeXReferences {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, Object>> ITEM = new TypeReference<>() {
	};

	private BibTeXReferences() {
	}

	/**
	 * The entries as CSL-JSON items in the order written, each with its citation key as
	 * id; what cannot be read is explained for {@code field}.
	 */
	public static List<Map<String, Object>> cslJson(String field, String bibtex) {
		BibTeXDatabase database;
		try {
			database = new BibTeXConverter()
				.loadDatabase(new ByteArrayInputStream(bibtex.getBytes(StandardCharsets.UTF_8)));
		}
		catch (ParseException | TokenMgrException ex) {
			throw InvalidInput.of(field, "write the references as BibTeX entries such as @article{key, title = {...}}"
					+ " (" + firstLine(ex.getMessage()) + ")");
		}
		if (database.getEntries().isEmpty()) {
			throw InvalidInput.of(field, "no BibTeX entry found: start each one with @article{key, ...} or similar");
		}
		Map<String, CSLItemData> items = new BibTeXConverter().toItemData(database);
		List<Map<String, Object>> json = new ArrayList<>();
		for (CSLItemData item : items.values()) {
			// Through the processor's own JSON text: its map form holds enums (the type),
			// which would not be stored as CSL-JSON writes them.
			String text = (String) item.toJson(new StringJsonBuilderFactory().createJsonBuilder());
			json.add(JSON.readValue(text, ITEM));
		}
		return json;
	}

	private static String firstLine(String message) {
		String text = (message != null) ? message.strip() : "unreadable";
		int end = text.indexOf('\n');
		return (end > 0) ? text.substring(0, end) : text;
	}

}
