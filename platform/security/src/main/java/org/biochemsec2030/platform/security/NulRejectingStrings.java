package org.biochemsec2030.platform.security;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON strings holding a NUL character (written {@code \u0000} in JSON) are refused when
 * the body is read, with the path of the field, so that every service answers a 400
 * naming it (see {@link NulGuard} for parameters).
 */
class NulRejectingStrings extends SimpleModule {

	NulRejectingStrings() {
		super("bcs-nul-rejecting-strings");
		addDeserializer(String.class, new Strings());
	}

	static final class Strings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (value != null && value.indexOf('\u0000') >= 0) {
				throw new Refused(parser, value);
			}
			return value;
		}

	}

	/** A string refused for its NUL; the message is the field's message. */
	static final class Refused extends InvalidFormatException {

		Refused(JsonParser parser, String value) {
			super(parser, Problems.NUL_MESSAGE, Problems.echo(value), String.class);
		}

	}

}
