package org.biochemsec2030.content.page;

/** A page in the site navigation or the page list. */
public record PageLink(String slug, String title, String url, Integer navOrder) {

}
