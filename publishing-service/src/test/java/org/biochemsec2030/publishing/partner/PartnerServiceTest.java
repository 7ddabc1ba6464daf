package org.biochemsec2030.publishing.partner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.biochemsec2030.platform.test.RealEngines;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one configuration of the partner integration tests, so that they share one started
 * application (and one delivery worker) on the real engines, Keycloak and the mail
 * catcher: receivers on loopback are allowed, retries come every second, notices are
 * looked for often.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RealEngines
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bcs.test.identity=true", "bcs.test.mail=true", "bcs.partners.plain-http-allowed=true",
				"bcs.partners.allowed-networks=127.0.0.0/8", "bcs.partners.delivery-deadline=30s",
				"bcs.partners.retry-waits=0s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s",
				"bcs.partners.poll-interval=200ms", "bcs.partners.notice-interval=300ms",
				"bcs.partners.embargo-interval=200ms", "bcs.publishing.public-url=https://biochemsec2030.example" })
@interface PartnerServiceTest {

}
