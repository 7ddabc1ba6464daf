package org.biochemsec2030.tracker.review;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.biochemsec2030.tracker.publication.PublicDevelopment;
import org.biochemsec2030.tracker.publication.PublicationService;
import org.biochemsec2030.tracker.support.TrackerProperties;
import org.biochemsec2030.tracker.trends.TrendsService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * S&T review exports. Every development in one is the gate's public view
 * ({@link PublicationService#publicView}): an export is as public as the site, so a
 * hazard-flagged development appears with its reviewed public summary and nothing else.
 */
@Service
public class ReviewService {

	static final String SITE = "Bio-Chemical Security 2030";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

	private final TrendsService trends;

	private final PublicationService publications;

	private final String publicUrl;

	ReviewService(TrendsService trends, PublicationService publications, TrackerProperties properties) {
		this.trends = trends;
		this.publications = publications;
		this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
	}

	@Transactional(readOnly = true)
	Review review(ReviewPeriod period) {
		String url = this.publicUrl + period.path();
		String title = "Developments in science and technology relevant to the " + period.regime().label() + ", "
				+ DAY.format(period.from()) + " to " + DAY.format(period.to());
		List<Review.Entry> entries = new ArrayList<>();
		for (TrendsService.Reported reported : this.trends.reported(period.regime().code(), period.start(),
				period.end())) {
			this.publications.publicView(reported.developmentId())
				.ifPresent(view -> entries
					.add(entry(view, LocalDate.ofInstant(reported.reportedAt(), ZoneOffset.UTC), url)));
		}
		return new Review(period.id(), title, period.regime().code(), period.regime().label(), period.from(),
				period.to(), url, url + ".csv", url + ".json",
				SITE + ", “" + title + "”, S&T review " + period.id() + ", " + url, entries);
	}

	private Review.Entry entry(PublicDevelopment view, LocalDate reportedOn, String reviewUrl) {
		String url = this.publicUrl + view.url();
		return new Review.Entry(view.id(), view.slug(), view.title(), url, reviewUrl + "#" + view.slug(), reportedOn,
				view.publishedAt(), view.updatedAt(), view.summary(), view.fields(), view.regimes(),
				view.implications(), view.maturity(), view.assessors(), view.disagreements(), view.hardMeasures(),
				view.softMeasures(), view.evidence(), SITE + " tracker, “" + view.title() + "”, development "
						+ view.id() + ", first reported " + DAY.format(reportedOn) + ", " + url);
	}

}
