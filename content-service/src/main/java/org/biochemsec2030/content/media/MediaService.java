package org.biochemsec2030.content.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.biochemsec2030.content.support.InvalidInput;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Images for posts. An upload is accepted only if it decodes as a PNG, JPEG or GIF image
 * of sensible dimensions (checked from the header before the pixels are decoded, so a
 * small file that claims to be huge is refused cheaply); it is stored re-encoded, which
 * drops everything but the pixels (camera data, locations, comments, anything appended).
 * <p>
 * The service runs with a heap of about 192 MB, of which the application itself uses
 * 50–60 MB. A 6000 × 6000 image decoded whole is 144 MB of pixels, so uploads are decoded
 * subsampled to a bounded raster, one at a time, and stored at most
 * {@link #MAX_STORED_SIDE} pixels on the long side. The narrower copies readers ask for
 * with {@code ?w=} are made at upload and stored beside the image: serving an image never
 * decodes one, so anonymous readers cannot make the service spend memory on pixels.
 */
@Service
public class MediaService {

	/** Where readers get an image: {@code /blog/media/<id>}. */
	public static final String PATH = "/blog/media/";

	public static final long MAX_BYTES = 5 * 1024 * 1024;

	/**
	 * The largest upload accepted, per side, as its header declares it. Together with the
	 * decoding bound below this also bounds the pixel count: no header can make the
	 * service allocate more than {@link #MAX_DECODED_PIXELS} pixels.
	 */
	static final int MAX_SIDE = 6000;

	/** The long side of a stored image at most: twice the widest copy the site shows. */
	static final int MAX_STORED_SIDE = 2560;

	/**
	 * The most pixels an upload is decoded to (64 MB at four bytes a pixel, beside at
	 * most 26 MB for the stored image being scaled): larger uploads are decoded
	 * subsampled.
	 */
	static final long MAX_DECODED_PIXELS = 16_000_000;

	/** The widths readers may ask for; anything else is rounded up to one of them. */
	static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280);

	/** How long an upload waits for another one's decoding before it is told to retry. */
	private static final Duration DECODING_WAIT = Duration.ofSeconds(2);

	private final MediaRepository media;

	private final AuditLog audit;

	/*
	 * One upload decodes at a time: two large uploads decoded together would need twice
	 * the bounded memory, more than the heap has to spare.
	 */
	private final Semaphore decoding = new Semaphore(1);

	private final TransactionOperations transactions;

	MediaService(MediaRepository media, AuditLog audit, TransactionOperations transactions) {
		this.media = media;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** A stored image: its address on the site and its size. */
	public record Stored(String id, String url, int width, int height, String contentType) {

	}

	/** An uploaded image as the admin tool lists it. */
	public record Uploaded(String id, String url, int width, int height, Instant uploadedAt) {

	}

	/** An image as served. */
	public record Image(String contentType, byte[] bytes) {

	}

	/** Another upload is being decoded: the caller should try again in a few seconds. */
	public static class Busy extends RuntimeException {

		Busy() {
			super("another image is being processed; try again in a few seconds");
		}

	}

	/** An image re-encoded for storage. */
	private record Encoded(int width, int height, byte[] bytes) {

	}

	/**
	 * Decodes and encodes outside any transaction (it takes up to seconds of CPU and may
	 * wait for another upload), then writes the image, its copies and the audit record in
	 * one short transaction.
	 */
	public Stored store(Actor actor, byte[] upload) {
		if (upload == null || upload.length == 0) {
			throw InvalidInput.of("file", "choose an image file to upload");
		}
		if (upload.length > MAX_BYTES) {
			throw InvalidInput.of("file", "upload an image of 5 MB at most");
		}
		Header header = checkedHeader(upload);
		boolean jpeg = header.format().equals("jpeg");
		String contentType = jpeg ? "image/jpeg" : "image/png";
		String encoding = jpeg ? "jpeg" : "png";
		Encoded stored;
		List<Encoded> variants = new ArrayList<>();
		acquireDecoding();
		try {
			BufferedImage decoded = decode(upload, subsampling(header.width(), header.height()));
			BufferedImage image = fitted(decoded, jpeg);
			// The decoded raster may be the largest object here: let it go.
			decoded = null;
			stored = new Encoded(image.getWidth(), image.getHeight(), encode(image, encoding));
			// Widest first, each from the one before: no step more than halves the width,
			// which keeps bicubic scaling sharp, and each step is cheaper than the last.
			BufferedImage source = image;
			for (int width : WIDTHS.reversed()) {
				if (width >= stored.width()) {
					continue;
				}
				int height = Math.max(1, Math.round((float) stored.height() * width / stored.width()));
				source = scaled(source, width, height, jpeg);
				variants.add(new Encoded(width, height, encode(source, encoding)));
			}
		}
		finally {
			this.decoding.release();
		}
		UUID id = UUID.randomUUID();
		this.transactions.executeWithoutResult(status -> {
			this.media.insert(id, contentType, stored.width(), stored.height(), stored.bytes(), Instant.now(),
					actor.id());
			for (Encoded variant : variants) {
				this.media.insertVariant(id, variant.width(), variant.height(), contentType, variant.bytes());
			}
			this.audit.record(actor, "media.uploaded", "media:" + id,
					Map.of("bytes", stored.bytes().length, "width", stored.width(), "height", stored.height()));
		});
		return new Stored(id.toString(), PATH + id, stored.width(), stored.height(), contentType);
	}

	private void acquireDecoding() {
		try {
			if (!this.decoding.tryAcquire(DECODING_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new Busy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Busy();
		}
	}

	/** The permit uploads take to decode (tests hold it to see a busy answer). */
	Semaphore decoding() {
		return this.decoding;
	}

	/**
	 * Whether {@code url} is the address of an uploaded image ({@code /blog/media/<id>}),
	 * the only kind of address a post's cover may have.
	 */
	@Transactional(readOnly = true)
	public boolean isUploaded(String url) {
		if (url == null || !url.startsWith(PATH)) {
			return false;
		}
		try {
			return this.media.exists(UUID.fromString(url.substring(PATH.length())));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The newest uploads, newest first (the cover picker). */
	@Transactional(readOnly = true)
	public List<Uploaded> recent(int limit) {
		return this.media.recent(limit);
	}

	static Uploaded uploaded(UUID id, int width, int height, Instant at) {
		return new Uploaded(id.toString(), PATH + id, width, height, at);
	}

	/**
	 * The image, or its narrower copy when {@code width} is given and smaller. The copy
	 * was made at upload; an image stored before copies were made, or narrower than the
	 * width asked for, is served as stored (the right picture, only larger). Nothing is
	 * decoded here: this path is public.
	 */
	@Transactional(readOnly = true)
	public Optional<Image> image(UUID id, Integer width) {
		Optional<MediaRepository.Row> row = Optional.empty();
		if (width != null) {
			int target = WIDTHS.stream().filter(w -> w >= width).findFirst().orElse(WIDTHS.get(WIDTHS.size() - 1));
			row = this.media.findVariant(id, target);
		}
		return row.or(() -> this.media.find(id)).map(found -> new Image(found.contentType(), found.bytes()));
	}

	/** What an upload's header says: its format and dimensions. */
	private record Header(String format, int width, int height) {

	}

	/** The format from the file's header, and its dimensions within bounds. */
	private static Header checkedHeader(byte[] upload) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			ImageReader reader = reader(input);
			try {
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				if (!List.of("png", "jpeg", "jpg", "gif").contains(format)) {
					throw notAnImage();
				}
				reader.setInput(input);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width > MAX_SIDE || height > MAX_SIDE) {
					throw InvalidInput.of("file", "upload an image of at most " + MAX_SIDE + " pixels on each side");
				}
				if (width < 1 || height < 1) {
					throw notAnImage();
				}
				return new Header(format.equals("jpg") ? "jpeg" : format, width, height);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException ex) {
			throw notAnImage();
		}
	}

	private static ImageReader reader(ImageInputStream input) {
		Iterator<ImageReader> readers = (input != null) ? ImageIO.getImageReaders(input) : Collections.emptyIterator();
		if (!readers.hasNext()) {
			throw notAnImage();
		}
		return readers.next();
	}

	/**
	 * The subsampling (keep every n-th pixel of every n-th row) to decode an image of
	 * this size with: the largest that still leaves {@link #MAX_STORED_SIDE} pixels on
	 * the long side, so that scaling, not subsampling, makes the stored size; and at
	 * least enough to keep the decoded raster within {@link #MAX_DECODED_PIXELS}.
	 */
	static int subsampling(int width, int height) {
		int step = Math.max(1, Math.max(width, height) / MAX_STORED_SIDE);
		while (decodedPixels(width, height, step) > MAX_DECODED_PIXELS) {
			step++;
		}
		return step;
	}

	private static long decodedPixels(int width, int height, int step) {
		return (long) ((width + step - 1) / step) * ((height + step - 1) / step);
	}

	/**
	 * The first image of the upload, every {@code step}-th pixel of every {@code step}-th
	 * row.
	 */
	private static BufferedImage decode(byte[] bytes, int step) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			ImageReader reader = reader(input);
			try {
				reader.setInput(input, true, true);
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage image = reader.read(0, param);
				if (image == null) {
					throw notAnImage();
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInput invalid) {
				throw invalid;
			}
			throw notAnImage();
		}
	}

	/**
	 * The decoded image as it is stored: at most {@link #MAX_STORED_SIDE} pixels on the
	 * long side, and opaque (on white) for JPEG.
	 */
	private static BufferedImage fitted(BufferedImage image, boolean jpeg) {
		int longSide = Math.max(image.getWidth(), image.getHeight());
		if (longSide <= MAX_STORED_SIDE) {
			return jpeg ? opaque(image) : image;
		}
		int width = Math.max(1, Math.round((float) image.getWidth() * MAX_STORED_SIDE / longSide));
		int height = Math.max(1, Math.round((float) image.getHeight() * MAX_STORED_SIDE / longSide));
		return scaled(image, width, height, jpeg);
	}

	private static BufferedImage scaled(BufferedImage image, int width, int height, boolean jpeg) {
		BufferedImage scaled = new BufferedImage(width, height,
				jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = scaled.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		if (jpeg) {
			g.drawImage(image, 0, 0, width, height, java.awt.Color.WHITE, null);
		}
		else {
			g.drawImage(image, 0, 0, width, height, null);
		}
		g.dispose();
		return scaled;
	}

	private static BufferedImage opaque(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_INT_RGB) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
		g.dispose();
		return rgb;
	}

	private static byte[] encode(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No " + format + " writer");
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InvalidInput notAnImage() {
		return InvalidInput.of("file", "upload a PNG, JPEG or GIF image");
	}

}
