package org.biochemsec2030.contracts;

/**
 * One entry of the event catalogue: the type string, the record carrying its data, and
 * whether its data may go to partners on {@code bcs.public} (public data only).
 */
public record EventType(String type, Class<? extends EventContract> data, boolean partnerFacing) {

	private static final String BASE = "org/biochemsec2030/contracts/";

	/** Classpath location of the JSON Schema (draft 2020-12) of the event's data. */
	public String schemaResource() {
		return BASE + "schemas/" + this.type + ".schema.json";
	}

	/**
	 * Classpath location of a sample of the data: producers and consumers test against
	 * it.
	 */
	public String goldenResource() {
		return BASE + "golden/" + this.type + ".json";
	}

}
