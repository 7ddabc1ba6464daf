package org.biochemsec2030.tracker.item;

import java.util.UUID;

/** The source whose entries are being ingested. */
public record Reporter(UUID id, String name, String url) {
}
