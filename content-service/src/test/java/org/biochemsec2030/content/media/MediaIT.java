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

import javax.imageio.ImageIO;

import org.biochemsec2030.content.ContentServiceTest;
import org.biochemsec2030.content.Images;
import org.biochemsec2030.platform.test.Identity;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Images uploaded by editors and served to readers. */
@ContentServiceTest
class MediaIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

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
