package org.biochemsec2030.publishing.pdf;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tagged PDF read back from its dictionaries, the way assistive technology reads it:
 * the structure tree with each element's text (gathered from the marked content its MCIDs
 * name), the parent tree, and every content stream walked operator by operator.
 */
final class TaggedPdf {

	/** One structure element: its type, its text, and where its content lies. */
	record Element(String type, String text, COSDictionary dictionary, List<String> marks,
			List<COSDictionary> annotations, List<Element> kids) {

		String alt() {
			return this.dictionary.getString(COSName.ALT);
		}

		List<String> kidTypes() {
			return this.kids.stream().map(Element::type).toList();
		}

	}

	/** What one page's content streams hold. */
	private record Walk(Set<Integer> mcids, List<String> textOutsideMarkedContent) {

	}

	private final PDDocument pdf;

	private final Map<String, String> markedText = new HashMap<>();

	private final List<Element> elements = new ArrayList<>();

	private final Map<String, List<Element>> owners = new LinkedHashMap<>();

	private final Map<Integer, COSBase> parentTree = new HashMap<>();

	private final List<Element> roots = new ArrayList<>();

	private final List<String> artifactText = new ArrayList<>();

	TaggedPdf(PDDocument pdf) throws IOException {
		this.pdf = pdf;
		for (int i = 0; i < pdf.getNumberOfPages(); i++) {
			PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
			extractor.processPage(pdf.getPage(i));
			for (PDMarkedContent content : extractor.getMarkedContents()) {
				if (content.getMCID() >= 0) {
					this.markedText.put(i + ":" + content.getMCID(), text(content));
				}
				else if ("Artifact".equals(content.getTag())) {
					this.artifactText.add(text(content));
				}
			}
		}
		COSDictionary root = pdf.getDocumentCatalog().getStructureTreeRoot().getCOSObject();
		for (COSBase kid : kids(root)) {
			if (kid instanceof COSDictionary element) {
				this.roots.add(element(element));
			}
		}
		numbers(root.getCOSDictionary(COSName.PARENT_TREE), this.parentTree);
	}

	List<Element> elements(String type) {
		return this.elements.stream().filter((e) -> e.type().equals(type)).toList();
	}

	List<String> texts(String type) {
		return elements(type).stream().map(Element::text).toList();
	}

	List<Element> roots() {
		return this.roots;
	}

	/**
	 * The rules a reader relies on: every text-showing operator inside marked content,
	 * every MCID in the content owned by exactly one element and found from its page
	 * through the parent tree, every MCID the tree names present in the content, every
	 * link annotation tied to a Link element both ways.
	 */
	void assertWellFormed() throws IOException {
		assertThat(this.pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
		int nextKey = this.pdf.getDocumentCatalog().getStructureTreeRoot().getParentTreeNextKey();
		assertThat(this.parentTree.keySet()).allSatisfy((key) -> assertThat(key).isLessThan(nextKey));
		Set<String> inContent = new LinkedHashSet<>();
		for (int i = 0; i < this.pdf.getNumberOfPages(); i++) {
			PDPage page = this.pdf.getPage(i);
			assertThat(page.getCOSObject().getNameAsString(COSName.getPDFName("Tabs"))).as("page %d /Tabs", i)
				.isEqualTo("S");
			int key = page.getCOSObject().getInt(COSName.STRUCT_PARENTS);
			assertThat(key).as("page %d /StructParents", i).isNotNegative();
			COSArray parents = (COSArray) resolve(this.parentTree.get(key));
			assertThat(parents).as("parent tree entry of page %d", i).isNotNull();
			Walk walk = walk(page);
			assertThat(walk.textOutsideMarkedContent()).as("text shown outside marked content on page %d", i).isEmpty();
			for (int mcid : walk.mcids()) {
				String mark = i + ":" + mcid;
				inContent.add(mark);
				assertThat(this.owners.get(mark)).as("elements owning MCID %s", mark).hasSize(1);
				assertThat(resolve(parents.get(mcid))).as("parent tree of MCID %s", mark)
					.isSameAs(this.owners.get(mark).getFirst().dictionary());
			}
			for (PDAnnotation annotation : page.getAnnotations()) {
				if ("Link".equals(annotation.getSubtype())) {
					int parent = annotation.getStructParent();
					assertThat(parent).as("a link annotation's /StructParent on page %d", i).isNotNegative();
					COSDictionary link = (COSDictionary) resolve(this.parentTree.get(parent));
					assertThat(link.getNameAsString(COSName.S)).isEqualTo("Link");
					Element element = this.elements.stream()
						.filter((e) -> e.dictionary() == link)
						.findFirst()
						.orElseThrow();
					assertThat(element.annotations())
						.anySatisfy((objr) -> assertThat(objr).isSameAs(annotation.getCOSObject()));
				}
			}
		}
		assertThat(inContent).containsExactlyInAnyOrderElementsOf(this.owners.keySet());
	}

	/** The text drawn inside artifacts (headers, footers, page numbers). */
	List<String> artifactText() {
		return this.artifactText;
	}

	private Element element(COSDictionary dictionary) {
		List<String> marks = new ArrayList<>();
		List<COSDictionary> annotations = new ArrayList<>();
		List<Element> kids = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		COSDictionary page = dictionary.getCOSDictionary(COSName.PG);
		for (COSBase kid : kids(dictionary)) {
			if (kid instanceof COSNumber mcid) {
				marks.add(mark(page, mcid.intValue()));
			}
			else if (kid instanceof COSDictionary child) {
				String type = child.getNameAsString(COSName.TYPE);
				if ("MCR".equals(type)) {
					COSDictionary on = child.getCOSDictionary(COSName.PG);
					marks.add(mark((on != null) ? on : page, child.getInt(COSName.MCID)));
				}
				else if ("OBJR".equals(type)) {
					annotations.add((COSDictionary) resolve(child.getDictionaryObject(COSName.OBJ)));
				}
				else {
					Element element = element(child);
					kids.add(element);
					text.append(element.text());
				}
			}
			if (!marks.isEmpty() && (kid instanceof COSNumber || isMcr(kid))) {
				text.append(this.markedText.getOrDefault(marks.getLast(), ""));
			}
		}
		Element element = new Element(dictionary.getNameAsString(COSName.S), text.toString(), dictionary, marks,
				annotations, kids);
		this.elements.add(element);
		for (String mark : marks) {
			this.owners.computeIfAbsent(mark, (m) -> new ArrayList<>()).add(element);
		}
		return element;
	}

	private static boolean isMcr(COSBase kid) {
		return kid instanceof COSDictionary d && "MCR".equals(d.getNameAsString(COSName.TYPE));
	}

	private String mark(COSDictionary page, int mcid) {
		return this.pdf.getPages().indexOf(new PDPage(page)) + ":" + mcid;
	}

	private static List<COSBase> kids(COSDictionary node) {
		COSBase k = node.getDictionaryObject(COSName.K);
		List<COSBase> kids = new ArrayList<>();
		if (k instanceof COSArray array) {
			for (int i = 0; i < array.size(); i++) {
				kids.add(resolve(array.get(i)));
			}
		}
		else if (k != null) {
			kids.add(k);
		}
		return kids;
	}

	private static void numbers(COSDictionary node, Map<Integer, COSBase> into) {
		COSArray nums = node.getCOSArray(COSName.NUMS);
		if (nums != null) {
			for (int i = 0; i + 1 < nums.size(); i += 2) {
				into.put(((COSNumber) resolve(nums.get(i))).intValue(), resolve(nums.get(i + 1)));
			}
		}
		COSArray kids = node.getCOSArray(COSName.KIDS);
		if (kids != null) {
			for (int i = 0; i < kids.size(); i++) {
				numbers((COSDictionary) resolve(kids.get(i)), into);
			}
		}
	}

	private static COSBase resolve(COSBase base) {
		return (base instanceof COSObject object) ? object.getObject() : base;
	}

	private static String text(PDMarkedContent content) {
		StringBuilder text = new StringBuilder();
		for (Object item : content.getContents()) {
			if (item instanceof TextPosition position) {
				text.append(position.getUnicode());
			}
			else if (item instanceof PDMarkedContent nested) {
				text.append(text(nested));
			}
		}
		return text.toString();
	}

	/**
	 * Walks the page's content operator by operator: which MCIDs it marks (each once),
	 * and which strings are shown outside any marked content.
	 */
	private static Walk walk(PDPage page) throws IOException {
		Set<Integer> mcids = new LinkedHashSet<>();
		List<String> outside = new ArrayList<>();
		Deque<String> open = new ArrayDeque<>();
		List<COSBase> operands = new ArrayList<>();
		for (Object token : new PDFStreamParser(page).parse()) {
			if (!(token instanceof Operator operator)) {
				operands.add((COSBase) token);
				continue;
			}
			switch (operator.getName()) {
				case "BMC" -> open.push(((COSName) operands.get(0)).getName());
				case "BDC" -> {
					String tag = ((COSName) operands.get(0)).getName();
					open.push(tag);
					COSBase properties = operands.get(1);
					if (properties instanceof COSName name) {
						properties = page.getResources().getProperties(name).getCOSObject();
					}
					int mcid = ((COSDictionary) properties).getInt(COSName.MCID);
					if (mcid >= 0) {
						assertThat(mcids.add(mcid)).as("MCID %d marked twice on a page", mcid).isTrue();
					}
				}
				case "EMC" -> open.pop();
				case "Tj", "TJ", "'", "\"" -> {
					if (open.isEmpty()) {
						outside.add(operator.getName() + " " + operands);
					}
				}
				default -> {
				}
			}
			operands.clear();
		}
		assertThat(open).as("marked content left open").isEmpty();
		return new Walk(mcids, outside);
	}

}
