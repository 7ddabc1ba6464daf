package org.biochemsec2030.publishing.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * The logical structure of a tagged PDF as it is drawn: structure elements under one
 * Document element, each piece of marked content (an MCID on a page) owned by exactly one
 * element, and the parent tree that lets a reader go back from a page's MCID or a link
 * annotation to its element. PDFBox writes whatever dictionaries it is given but keeps
 * none of this bookkeeping itself, so every drawing call asks here for its MCID.
 */
final class StructureTree {

	static final String LANGUAGE = "en-GB";

	private final PDDocument document;

	private final PDStructureTreeRoot root = new PDStructureTreeRoot();

	private final PDStructureElement top;

	/** Per page, the owner of each MCID in order: the page's parent tree entry. */
	private final Map<PDPage, List<PDStructureElement>> owners = new LinkedHashMap<>();

	private final Map<PDPage, Integer> pageKeys = new LinkedHashMap<>();

	private final Map<Integer, COSObjectable> parents = new TreeMap<>();

	private int nextKey;

	StructureTree(PDDocument document) {
		this.document = document;
		this.top = new PDStructureElement("Document", this.root);
		this.top.setLanguage(LANGUAGE);
		this.root.appendKid(this.top);
	}

	PDStructureElement document() {
		return this.top;
	}

	PDStructureElement element(String type, PDStructureElement parent) {
		PDStructureElement element = new PDStructureElement(type, parent);
		parent.appendKid(element);
		return element;
	}

	/**
	 * The next MCID on the page, appended to the owner's kids; the caller wraps what it
	 * draws in {@code BDC ... EMC} with it.
	 */
	int mark(PDPage page, PDStructureElement owner) {
		key(page);
		List<PDStructureElement> onPage = this.owners.get(page);
		int mcid = onPage.size();
		onPage.add(owner);
		// A marked-content reference names its page, so an element may run over a page
		// break (a long paragraph) and still have all its pieces in order.
		PDMarkedContentReference reference = new PDMarkedContentReference();
		reference.setPage(page);
		reference.setMCID(mcid);
		owner.appendKid(reference);
		return mcid;
	}

	/**
	 * Ties an annotation (a link) to its element both ways: OBJR down, StructParent up.
	 */
	void annotation(PDPage page, PDAnnotation annotation, PDStructureElement owner) {
		int key = this.nextKey++;
		annotation.setStructParent(key);
		PDObjectReference reference = new PDObjectReference();
		reference.setPage(page);
		reference.setReferencedObject(annotation);
		owner.appendKid(reference);
		this.parents.put(key, new PDParentTreeValue(owner.getCOSObject()));
	}

	/** The bounding box readers use to place a figure, as the Layout attribute asks. */
	static void boundingBox(PDStructureElement element, PDRectangle box) {
		COSDictionary layout = new COSDictionary();
		layout.setName(COSName.O, "Layout");
		layout.setItem(COSName.BBOX, box.getCOSArray());
		element.getCOSObject().setItem(COSName.A, layout);
	}

	/** Header cells name what they head, so a reader can announce a cell's column. */
	static void columnHeader(PDStructureElement cell) {
		COSDictionary table = new COSDictionary();
		table.setName(COSName.O, "Table");
		table.setName(COSName.getPDFName("Scope"), "Column");
		cell.getCOSObject().setItem(COSName.A, table);
	}

	private int key(PDPage page) {
		return this.pageKeys.computeIfAbsent(page, (p) -> {
			this.owners.put(p, new ArrayList<>());
			return this.nextKey++;
		});
	}

	/** Writes the tree, the parent tree and the catalogue entries a tagged PDF needs. */
	void finish() {
		for (PDPage page : this.document.getPages()) {
			int key = key(page);
			page.setStructParents(key);
			// Tab order follows the structure, not rows or columns of annotations.
			page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
			COSArray elements = new COSArray();
			for (PDStructureElement owner : this.owners.get(page)) {
				elements.add(owner);
			}
			this.parents.put(key, new PDParentTreeValue(elements));
		}
		PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
		parentTree.setNumbers(this.parents);
		this.root.setParentTree(parentTree);
		this.root.setParentTreeNextKey(this.nextKey);
		PDDocumentCatalog catalog = this.document.getDocumentCatalog();
		catalog.setStructureTreeRoot(this.root);
		PDMarkInfo markInfo = new PDMarkInfo();
		markInfo.setMarked(true);
		catalog.setMarkInfo(markInfo);
		catalog.setLanguage(LANGUAGE);
		PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
		preferences.setDisplayDocTitle(true);
		catalog.setViewerPreferences(preferences);
	}

}
