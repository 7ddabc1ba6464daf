package org.biochemsec2030.publishing.meeting;

import java.time.LocalDate;

/**
 * A treaty meeting papers are written for, e.g. the BWC Meeting of States Parties.
 *
 * @param regime the taxonomy's regime code (BWC, CWC, 1540, 2118)
 */
public record TreatyMeeting(String slug, String name, String regime, LocalDate startsOn, LocalDate endsOn, String place,
		String url) {

}
