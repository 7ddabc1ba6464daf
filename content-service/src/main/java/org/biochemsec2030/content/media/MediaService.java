package org.biochemsec2030.content.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.biochemsec2030.content.support.InvalidInput;
import org.biochemsec2030.platform.security.Actor;
import org.biochemsec2030.platform.security.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Images for posts. An upload is accepted only if it decodes as a PNG, JPEG or GIF image
 * of sensible dimensions (checked from the header before the pixels are decoded, so a
 * small file that claims to be huge is refused cheaply); it is stored re-encoded, which
 * drops everything but the pixels (camera data, locations, comments, anything appended).
 * Narrower variants for {@code ?w=} are made on request from the stored image.
 */
@Service
public class MediaService {

	/** Where readers get an image: {@code /blog/media/<id>}. */
	public static final String PATH = "/blog/media/";

	public static final long MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_SIDE = 6000;

	/** The widths readers may ask for; anything else is rounded up to one of them. */
	static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280);

	private final MediaRepository media;

	private final AuditLog audit;

	MediaService(MediaRepository media, AuditLog audit) {
		this.media = media;
		this.audit = audit;
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

	@Transactional
	public Stored store(Actor actor, byte[] upload) {
		if (upload == null || upload.length == 0) {
			throw InvalidInput.of("file", "choose an image file to upload");
		}
		if (upload.length > MAX_BYTES) {
			throw InvalidInput.of("file", "upload an image of 5 MB at most");
		}
		String format = checkedFormat(upload);
		BufferedImage image = decode(upload);
		boolean jpeg = format.equals("jpeg");
		String contentType = jpeg ? "image/jpeg" : "image/png";
		byte[] clean = encode(jpeg ? opaque(image) : image, jpeg ? "jpeg" : "png");
		UUID id = UUID.randomUUID();
		this.media.insert(id, contentType, image.getWidth(), image.getHeight(), clean, Instant.now(), actor.id());
		this.audit.record(actor, "media.uploaded", "media:" + id,
				Map.of("bytes", clean.length, "width", image.getWidth(), "height", image.getHeight()));
		return new Stored(id.toString(), PATH + id, image.getWidth(), image.getHeight(), contentType);
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

	/** The image, or a narrower copy when {@code width} is given and smaller. */
	@Transactional(readOnly = true)
	public Optional<Image> image(UUID id, Integer width) {
		return this.media.find(id).map(row -> {
			if (width == null) {
				return new Image(row.contentType(), row.bytes());
			}
			int target = WIDTHS.stream().filter(w -> w >= width).findFirst().orElse(WIDTHS.get(WIDTHS.size() - 1));
			if (target >= row.width()) {
				return new Image(row.contentType(), row.bytes());
			}
			BufferedImage original = decode(row.bytes());
			int height = Math.max(1, Math.round((float) original.getHeight() * target / original.getWidth()));
			boolean jpeg = row.contentType().equals("image/jpeg");
			BufferedImage scaled = new BufferedImage(target, height,
					jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
			Graphics2D g = scaled.createGraphics();
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(original, 0, 0, target, height, null);
			g.dispose();
			return new Image(row.contentType(), encode(scaled, jpeg ? "jpeg" : "png"));
		});
	}

	/** The format from the file's header, and its dimensions within bounds. */
	private static String checkedFormat(byte[] upload) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = (input != null) ? ImageIO.getImageReaders(input)
					: java.util.Collections.emptyIterator();
			if (!readers.hasNext()) {
				throw notAnImage();
			}
			ImageReader reader = readers.next();
			try {
				String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
				if (!List.of("png", "jpeg", "jpg", "gif").contains(format)) {
					throw notAnImage();
				}
				reader.setInput(input);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width > MAX_SIDE || height > MAX_SIDE) {
					throw InvalidInput.of("file", "upload an image of at most " + MAX_SIDE + " pixels on each side");
				}
				return format.equals("jpg") ? "jpeg" : format;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException ex) {
			throw notAnImage();
		}
	}

	private static BufferedImage decode(byte[] bytes) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
			if (image == null) {
				throw notAnImage();
			}
			return image;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInput invalid) {
				throw invalid;
			}
			throw notAnImage();
		}
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
