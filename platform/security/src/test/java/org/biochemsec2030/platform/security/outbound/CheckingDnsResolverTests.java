package org.biochemsec2030.platform.security.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The resolver a client connects through, over a name service that answers what each test
 * needs (a rebinding name answers a private address the second time it is asked).
 */
class CheckingDnsResolverTests {

	private static final AddressPolicy PRODUCTION = new AddressPolicy(true, List.of());

	@Test
	void aNameResolvingToPublicAddressesIsConnectedTo() throws UnknownHostException {
		CheckingDnsResolver resolver = new CheckingDnsResolver(PRODUCTION,
				names(Map.of("feeds.example.org", List.of("93.184.215.14"))));
		assertThat(resolver.resolve("feeds.example.org")).extracting(InetAddress::getHostAddress)
			.containsExactly("93.184.215.14");
	}

	@Test
	void aNameThatRebindsToAPrivateAddressIsRefusedBeforeTheConnection() throws UnknownHostException {
		Rebinding rebinding = new Rebinding("93.184.215.14", "10.0.0.7");
		CheckingDnsResolver resolver = new CheckingDnsResolver(PRODUCTION, rebinding);
		assertThat(resolver.resolve("rebind.example.org")).hasSize(1);
		assertThatThrownBy(() -> resolver.resolve("rebind.example.org"))
			.isInstanceOf(CheckingDnsResolver.RefusedAddress.class)
			.hasMessageContaining("10.0.0.7");
	}

	@Test
	void oneRefusedAddressAmongSeveralRefusesTheName() {
		CheckingDnsResolver resolver = new CheckingDnsResolver(PRODUCTION,
				names(Map.of("mixed.example.org", List.of("93.184.215.14", "169.254.169.254"))));
		assertThatThrownBy(() -> resolver.resolve("mixed.example.org")).hasMessageContaining("169.254.169.254");
	}

	@Test
	void anAllowedNetworkIsConnectedToAndOthersStillRefused() throws UnknownHostException {
		CheckingDnsResolver resolver = new CheckingDnsResolver(new AddressPolicy(true, List.of("127.0.0.0/8")),
				names(Map.of("localhost", List.of("127.0.0.1"), "db.internal", List.of("10.1.2.3"))));
		assertThat(resolver.resolve("localhost")).hasSize(1);
		assertThatThrownBy(() -> resolver.resolve("db.internal")).hasMessageContaining("10.1.2.3");
	}

	private static DnsResolver names(Map<String, List<String>> answers) {
		return new DnsResolver() {
			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				List<String> addresses = answers.get(host);
				if (addresses == null) {
					throw new UnknownHostException(host);
				}
				InetAddress[] resolved = new InetAddress[addresses.size()];
				for (int i = 0; i < resolved.length; i++) {
					resolved[i] = InetAddress.getByName(addresses.get(i));
				}
				return resolved;
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}
		};
	}

	/** Answers its first address once, then its second. */
	private static final class Rebinding implements DnsResolver {

		private final String first;

		private final String then;

		private int asked;

		Rebinding(String first, String then) {
			this.first = first;
			this.then = then;
		}

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			return new InetAddress[] { InetAddress.getByName((this.asked++ == 0) ? this.first : this.then) };
		}

		@Override
		public String resolveCanonicalHostname(String host) {
			return host;
		}

	}

}
