package org.biochemsec2030.content.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;

import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Images;
import org.biochemsec2030.platform.test.Identity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Images uploaded by editors and served to readers. */
@ContentServiceTest
class MediaIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MediaService media;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesARealImageWithoutItsMetadataAndServesNarrowerCopies() throws Exception {
		byte[] png = png(800, 400);
		// Bytes after the image's end survive many tools; re-encoding drops them.
		byte[] withTrailer = concat(png, "secret-location".getBytes(StandardCharsets.UTF_8));
		HttpResponse<byte[]> uploaded = upload("editor", "photo.png", "image/png", withTrailer);
		assertThat(uploaded.statusCode()).isEqualTo(302);
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		String url = location.substring(location.indexOf("uploaded=") + "uploaded=".length());
		assertThat(url).startsWith("/blog/media/");
		// The page the upload redirects to shows the address of the image just stored.
		org.jsoup.nodes.Document notice = org.jsoup.Jsoup
			.parse(new org.biochemsec2030.content.Api(this.port, "editor").page(location).body());
		assertThat(notice.select(".uploaded-url").text()).isEqualTo(url);

		HttpResponse<byte[]> image = get(url);
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(image.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000")
			.contains("immutable");
		assertThat(new String(image.body(), StandardCharsets.ISO_8859_1)).doesNotContain("secret-location");
		assertThat(ImageIO.read(new ByteArrayInputStream(image.body())).getWidth()).isEqualTo(800);

		HttpResponse<byte[]> narrow = get(url + "?w=300");
		BufferedImage small = ImageIO.read(new ByteArrayInputStream(narrow.body()));
		assertThat(small.getWidth()).isEqualTo(320);
		assertThat(small.getHeight()).isEqualTo(160);
	}

	@Test
	void storesALargeImageAtTheMaximumSizeWithItsNarrowerCopiesMadeAtUpload() throws Exception {
		// Uniform colours: 15 million pixels in a few kilobytes.
		HttpResponse<byte[]> uploaded = upload("editor", "wide.png", "image/png", png(5000, 3000));
		assertThat(uploaded.statusCode()).isEqualTo(302);
		String url = uploadedUrl(uploaded);

		BufferedImage stored = read(get(url));
		assertThat(stored.getWidth()).isEqualTo(MediaService.MAX_STORED_SIDE);
		assertThat(stored.getHeight()).isEqualTo(1536);

		HttpResponse<byte[]> narrow = get(url + "?w=640");
		assertThat(narrow.statusCode()).isEqualTo(200);
		assertThat(narrow.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage variant = read(narrow);
		assertThat(variant.getWidth()).isEqualTo(640);
		assertThat(variant.getHeight()).isEqualTo(384);

		UUID id = UUID.fromString(url.substring(MediaService.PATH.length()));
		assertThat(this.jdbc.sql("select width from media_variant where media_id = ? order by width")
			.param(id)
			.query(Integer.class)
			.list()).containsExactly(320, 640, 960, 1280);
		assertThat(read(get(url + "?w=2000")).getWidth()).isEqualTo(1280);
	}

	@Test
	void servesTheStoredImageForAWidthWhoseCopyWasNeverMade() throws Exception {
		// As stored before copies were made at upload: the image alone.
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("insert into media (id, content_type, width, height, bytes, created_at, created_by)"
					+ " values (?, 'image/png', 800, 400, ?, now(), 'test')")
			.params(id, png(800, 400))
			.update();

		HttpResponse<byte[]> response = get(MediaService.PATH + id + "?w=320");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage image = read(response);
		assertThat(image.getWidth()).isEqualTo(800);
		assertThat(image.getHeight()).isEqualTo(400);
	}

	@Test
	void asksToTryAgainWhileAnotherUploadIsBeingDecoded() throws Exception {
		Semaphore decoding = this.media.decoding();
		decoding.acquire();
		try {
			HttpResponse<byte[]> response = upload("editor", "photo.png", "image/png", png(100, 50));
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("try again in a few seconds");
		}
		finally {
			decoding.release();
		}
		assertThat(upload("editor", "photo.png", "image/png", png(100, 50)).statusCode()).isEqualTo(302);
	}

	@Test
	void refusesAnImageLargerThanTheLimitsBeforeDecodingIt() throws Exception {
		HttpResponse<byte[]> tooWide = upload("editor", "wide.png", "image/png", png(6001, 10));
		assertThat(tooWide.statusCode()).isEqualTo(400);
		assertThat(new String(tooWide.body(), StandardCharsets.UTF_8))
			.contains("upload an image of at most 6000 pixels on each side");
		byte[] tooLarge = concat(png(10, 10), new byte[(int) MediaService.MAX_BYTES]);
		HttpResponse<byte[]> tooMany = upload("editor", "large.png", "image/png", tooLarge);
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(new String(tooMany.body(), StandardCharsets.UTF_8)).contains("upload an image of 5 MB at most");
	}

	@Test
	void refusesAFileThatIsNotAnImageWhateverItsNameAndType() throws Exception {
		HttpResponse<byte[]> response = upload("editor", "evil.png", "image/png",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("upload a PNG, JPEG or GIF image");
		assertThat(upload(null, "photo.png", "image/png", png(10, 10)).statusCode()).isEqualTo(401);
		assertThat(upload("member", "photo.png", "image/png", png(10, 10)).statusCode()).isEqualTo(403);
		assertThat(get("/blog/media/0b9e7c4e-5f0a-4d0e-9a51-3f3c2a1d7e01").statusCode()).isEqualTo(404);
	}

	private HttpResponse<byte[]> upload(String user, String name, String type, byte[] content)
			throws IOException, InterruptedException {
		String boundary = "----bcs" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/admin/content/media")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (user != null) {
			request.header("Authorization", "Bearer " + Identity.tokenFor(user));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String uploadedUrl(HttpResponse<byte[]> uploaded) {
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		return location.substring(location.indexOf("uploaded=") + "uploaded=".length());
	}

	private static BufferedImage read(HttpResponse<byte[]> response) throws IOException {
		assertThat(response.statusCode()).isEqualTo(200);
		return ImageIO.read(new ByteArrayInputStream(response.body()));
	}

	private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static byte[] png(int width, int height) {
		return Images.png(width, height);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = new byte[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
