package org.biochemsec2030.publishing.oai;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OAI-PMH repository's settings ({@code bcs.publishing.oai.*}).
 *
 * @param adminEmail the address Identify gives harvesters
 * @param pageSize items per ListIdentifiers/ListRecords answer before a resumption token
 */
@Validated
@ConfigurationProperties("bcs.publishing.oai")
public record OaiProperties(@NotBlank @DefaultValue("publishing@biochemsec2030.example") String adminEmail,
		@Min(1) @Max(500) @DefaultValue("50") int pageSize) {

}
