package org.biochemsec2030.publishing.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Makes a document PDF/A-1a: the archival form PDFBox's own validator checks (its checks
 * are those of level B, which level A includes), declared at level A because the files
 * are tagged ({@link StructureTree}). Part 1 rather than 2 keeps the validator able to
 * check every file the service makes. The fonts are embedded already; here the XMP
 * metadata (the same values as the document information, which PDF/A requires to agree),
 * the sRGB output intent the colours are meant in, and every annotation marked to print.
 * Call it last, once the information dictionary is filled in.
 */
final class PdfA {

	private PdfA() {
	}

	/**
	 * Saves without cross-reference and object streams, which PDF/A-1 (PDF 1.4) does not
	 * have.
	 */
	static byte[] save(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
		return out.toByteArray();
	}

	static void apply(PDDocument document) throws IOException {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setProducer("Apache PDFBox");
		XMPMetadata xmp = XMPMetadata.createXMPMetadata();
		DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
		if (info.getTitle() != null) {
			dc.setTitle(info.getTitle());
		}
		if (info.getAuthor() != null) {
			dc.addCreator(info.getAuthor());
		}
		if (info.getSubject() != null) {
			dc.addDescription(null, info.getSubject());
		}
		AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
		pdf.setProducer(info.getProducer());
		if (info.getKeywords() != null) {
			pdf.setKeywords(info.getKeywords());
		}
		XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
		if (info.getCreator() != null) {
			basic.setCreatorTool(info.getCreator());
		}
		Calendar created = info.getCreationDate();
		if (created != null) {
			basic.setCreateDate(created);
		}
		Calendar modified = info.getModificationDate();
		if (modified != null) {
			basic.setModifyDate(modified);
		}
		PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
		try {
			id.setPart(1);
			// Level A: the files are tagged (structure tree, language, alternative text,
			// Unicode for every glyph), not only visually reproducible as level B asks.
			id.setConformance("A");
		}
		catch (BadFieldValueException ex) {
			throw new IllegalStateException(ex);
		}
		ByteArrayOutputStream serialized = new ByteArrayOutputStream();
		try {
			new XmpSerializer().serialize(xmp, serialized, true);
		}
		catch (javax.xml.transform.TransformerException ex) {
			throw new IOException("The XMP metadata could not be written", ex);
		}
		PDMetadata metadata = new PDMetadata(document);
		metadata.importXMPMetadata(serialized.toByteArray());
		document.getDocumentCatalog().setMetadata(metadata);

		// Colours are device RGB: the output intent says they are sRGB (the JDK's own
		// profile, so nothing extra is shipped).
		PDOutputIntent intent = new PDOutputIntent(document,
				new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
		intent.setInfo("sRGB IEC61966-2.1");
		intent.setOutputCondition("sRGB IEC61966-2.1");
		intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
		intent.setRegistryName("http://www.color.org");
		// One intent only: merged documents (the meeting pack) bring theirs along, and
		// PDF/A allows a single profile.
		document.getDocumentCatalog()
			.getCOSObject()
			.setItem(org.apache.pdfbox.cos.COSName.OUTPUT_INTENTS, new org.apache.pdfbox.cos.COSArray());
		document.getDocumentCatalog().addOutputIntent(intent);

		for (var page : document.getPages()) {
			for (PDAnnotation annotation : page.getAnnotations()) {
				annotation.setPrinted(true);
			}
		}
	}

}
