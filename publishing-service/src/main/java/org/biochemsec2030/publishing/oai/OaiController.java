package org.biochemsec2030.publishing.oai;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAI-PMH base URL. Protocol errors are answered 200 with an {@code error} element,
 * as the protocol asks. Only GET is offered: the suite's resource servers need a token
 * for any other method, and harvesters are anonymous.
 */
@RestController
class OaiController {

	static final String PATH = "/api/publishing/oai";

	private static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

	private final OaiPmh oai;

	private final Clock clock;

	OaiController(OaiPmh oai, Clock clock) {
		this.oai = oai;
		this.clock = clock;
	}

	@GetMapping(PATH)
	ResponseEntity<String> get(@RequestParam MultiValueMap<String, String> arguments) {
		return ResponseEntity.ok().contentType(XML).body(this.oai.answer(arguments, this.clock.instant()));
	}

}
