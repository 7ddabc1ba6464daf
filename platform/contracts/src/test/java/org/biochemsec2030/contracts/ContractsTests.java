package org.biochemsec2030.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.biochemsec2030.contracts.content.ContentEvents;
import org.biochemsec2030.contracts.embargo.EmbargoEvents;
import org.biochemsec2030.contracts.network.NetworkEvents;
import org.biochemsec2030.contracts.publishing.PublishingEvents;
import org.biochemsec2030.contracts.tracker.TrackerEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ContractsTests {

	private static final Pattern TYPE = Pattern
		.compile("org\\.biochemsec2030\\.[a-z]+\\.[a-z]+\\.[a-z]+\\.v[1-9][0-9]*");

	private static final JsonMapper json = JsonMapper.builder().build();

	static Stream<EventType> catalogue() {
		return Stream
			.of(ContentEvents.ALL, PublishingEvents.ALL, NetworkEvents.ALL, TrackerEvents.ALL, EmbargoEvents.ALL)
			.flatMap(List::stream);
	}

	@ParameterizedTest
	@MethodSource("catalogue")
	void goldenSampleValidatesAgainstThePublishedSchema(EventType type) throws IOException {
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(resource(type.schemaResource()));
		JsonNode golden = json.readTree(resource(type.goldenResource()));
		assertThat(schema.validate(golden)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("catalogue")
	void recordReadsAndWritesExactlyTheGoldenSample(EventType type) throws IOException {
		JsonNode golden = json.readTree(resource(type.goldenResource()));
		EventContract data = json.treeToValue(golden, type.data());
		assertThat(data.eventType()).isEqualTo(type.type());
		JsonNode written = json.valueToTree(data);
		assertThat(written).isEqualTo(golden);
	}

	@ParameterizedTest
	@MethodSource("catalogue")
	void schemaRequiresEveryFieldOfTheRecord(EventType type) throws IOException {
		JsonNode schema = json.readTree(resource(type.schemaResource()));
		Set<String> required = new HashSet<>();
		schema.get("required").forEach((name) -> required.add(name.asString()));
		Set<String> components = new HashSet<>();
		for (var component : type.data().getRecordComponents()) {
			components.add(component.getName());
		}
		assertThat(required).isEqualTo(components);
	}

	@Test
	void typeStringsAreVersionedAndUnique() {
		List<String> types = catalogue().map(EventType::type).toList();
		assertThat(types).allMatch((type) -> TYPE.matcher(type).matches());
		assertThat(new HashSet<>(types)).hasSameSizeAs(types);
	}

	private static InputStream resource(String name) {
		InputStream in = ContractsTests.class.getClassLoader().getResourceAsStream(name);
		assertThat(in).as(name).isNotNull();
		return in;
	}

}
