package org.biochemsec2030.content.media;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.biochemsec2030.content.support.Editors;
import org.biochemsec2030.content.support.InvalidInput;
import org.biochemsec2030.platform.security.Actor;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Images: uploaded by editors in the admin tool, served to readers under
 * {@code /blog/media/} (routed to this service with the rest of the blog).
 */
@Controller
class MediaController {

	// An image never changes under its id: browsers and proxies may keep it for a year.
	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final String RETRY_AFTER_SECONDS = "5";

	private final MediaService media;

	MediaController(MediaService media) {
		this.media = media;
	}

	@GetMapping("/blog/media/{id}")
	ResponseEntity<byte[]> image(@PathVariable UUID id, @RequestParam(required = false) Integer w) {
		if (w != null && w < 1) {
			return ResponseEntity.notFound().build();
		}
		return this.media.image(id, w)
			.map(image -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(image.contentType()))
				.cacheControl(FOREVER)
				.header("X-Content-Type-Options", "nosniff")
				.body(image.bytes()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/admin/content/media")
	@PreAuthorize(Editors.ONLY)
	String uploadForm(@RequestParam(required = false) String uploaded, Model model) {
		model.addAttribute("uploaded", ownUpload(uploaded));
		return "admin/media";
	}

	/**
	 * The address the redirect after an upload names, shown as the upload only if it is
	 * the address of an image stored here: anything else in {@code ?uploaded=} (a
	 * {@code javascript:} address, another site's image) is someone's link, not ours.
	 */
	private String ownUpload(String uploaded) {
		if (!this.media.isUploaded(uploaded)) {
			return null;
		}
		// Only the address as this service writes it (UUIDs have other spellings).
		String address = MediaService.PATH + UUID.fromString(uploaded.substring(MediaService.PATH.length()));
		return address.equals(uploaded) ? address : null;
	}

	@PostMapping("/admin/content/media")
	@PreAuthorize(Editors.ONLY)
	String upload(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
			throws IOException {
		try {
			MediaService.Stored stored = this.media.store(Actor.current().orElseThrow(),
					(file != null) ? file.getBytes() : null);
			return "redirect:/admin/content/media?uploaded=" + stored.url();
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", ex.problems().get(0).message());
			return "admin/media";
		}
		catch (MediaService.Busy ex) {
			// Uploads are decoded one at a time to keep within the heap; this one may
			// simply
			// be sent again in a moment.
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			model.addAttribute("problem", ex.getMessage());
			return "admin/media";
		}
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}
