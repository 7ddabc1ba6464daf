package org.biochemsec2030.content.page;

/** A standing page was saved or deleted (an application event, after its commit). */
public record PageChanged(String slug) {

}
