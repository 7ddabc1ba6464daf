package org.biochemsec2030.publishing.support;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the publishing-service ({@code bcs.publishing.*}).
 *
 * @param publicUrl the site's public address (the gateway): canonical and citable
 * addresses, QR codes, OAI-PMH identifiers
 * @param series the series name printed before the number ("BCS2030 Briefing Paper")
 * @param publisher the publisher named in citations
 * @param scheduler how scheduled publications are picked up
 * @param reminders reminder mail to reviewers before and after their due date
 * @param doiPrefix the DataCite prefix the DOIs in the DataCite metadata are written with
 * (10.5072, DataCite's test prefix, until the organisation has its own)
 */
@Validated
@ConfigurationProperties("bcs.publishing")
public record PublishingProperties(@NotNull URI publicUrl,
		@NotBlank @DefaultValue("BCS2030 Briefing Paper") String series,
		@NotBlank @DefaultValue("Bio-Chemical Security 2030") String publisher,
		@Valid @DefaultValue Scheduler scheduler, @Valid @DefaultValue Reminders reminders,
		@NotBlank @jakarta.validation.constraints.Pattern(regexp = "10\\.\\d{4,9}",
				message = "a DOI prefix such as 10.5072") @DefaultValue("10.5072") String doiPrefix) {

	/**
	 * @param enabled whether this replica publishes due papers (rows are claimed with
	 * {@code FOR UPDATE SKIP LOCKED}, so any number of replicas may)
	 * @param interval how often due rows are looked for
	 */
	public record Scheduler(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("30s") Duration interval,
			@Min(1) @DefaultValue("20") int batchSize) {

	}

	/**
	 * @param enabled whether this replica sends reminders (each is sent once whatever the
	 * number of replicas)
	 * @param interval how often due reminders are looked for
	 * @param daysBefore how many days before the due date the first reminder goes out
	 * @param mailFrom the sender of reminders
	 */
	public record Reminders(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("1h") Duration interval,
			@Min(0) @DefaultValue("3") int daysBefore,
			@NotBlank @DefaultValue("papers@biochemsec2030.invalid") String mailFrom) {

	}

	/** The absolute address of a site path such as {@code /papers/some-paper/v1}. */
	public String absolute(String path) {
		String base = this.publicUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

	/** "BCS2030 Briefing Paper No. 7". */
	public String seriesLabel(Integer number) {
		return (number != null) ? this.series + " No. " + number : "";
	}

}
