package org.biochemsec2030.platform.security.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressPolicyTests {

	private static final AddressPolicy PRODUCTION = new AddressPolicy(false, List.of());

	private static final AddressPolicy LOCAL = new AddressPolicy(true, List.of("127.0.0.0/8", "::1/128"));

	@Test
	void aPublicHttpsAddressIsAccepted() {
		assertThat(PRODUCTION.check(" https://partner.example.org/hooks?source=bcs ").getHost())
			.isEqualTo("partner.example.org");
	}

	@Test
	void plainHttpOnlyWhereConfigurationAllowsIt() {
		assertThatThrownBy(() -> PRODUCTION.check("http://partner.example.org/hooks")).hasMessageContaining("https://");
		assertThatCode(() -> LOCAL.check("http://127.0.0.1:9000/hooks")).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://127.0.0.1/", "https://10.1.2.3/", "https://172.20.0.5/", "https://192.168.1.1/",
			"https://169.254.169.254/latest/meta-data/", "https://100.64.0.1/", "https://0.0.0.0/", "https://[::1]/",
			"https://[fd00::1]/", "https://[fe80::1]/", "https://[::ffff:10.0.0.1]/", "https://localhost/",
			"https://api.localhost/", "https://metadata.google.internal/", "https://2130706433/", "https://0x7f.0.0.1/",
			"https://017700000001/", "https://224.0.0.1/" })
	void privateLoopbackLinkLocalAndMetadataAddressesAreRefused(String address) {
		assertThatThrownBy(() -> PRODUCTION.check(address)).isInstanceOf(AddressPolicy.Refused.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "ftp://partner.example.org/", "https://user:pw@partner.example.org/",
			"https:///no-host", "https://partner.example.org/#frag", "not an address" })
	void malformedAddressesAreRefusedWithAMessage(String address) {
		assertThatThrownBy(() -> PRODUCTION.check(address)).isInstanceOf(AddressPolicy.Refused.class)
			.message()
			.isNotBlank();
	}

	@Test
	void onlyTheNetworksConfigurationNamesAreAcceptedBesidesPublicOnes() {
		assertThatCode(() -> LOCAL.check("http://[::1]:9000/hooks")).doesNotThrowAnyException();
		assertThatThrownBy(() -> LOCAL.check("http://10.0.0.1/hooks")).hasMessageContaining("10.0.0.1");
		assertThatThrownBy(() -> LOCAL.check("http://169.254.169.254/")).hasMessageContaining("169.254.169.254");
		assertThatThrownBy(() -> LOCAL.check("http://metadata.google.internal/")).hasMessageContaining("not a public");
		assertThatThrownBy(() -> new AddressPolicy(false, List.of("10.0.0.0"))).hasMessageContaining("address/bits");
		assertThatThrownBy(() -> new AddressPolicy(false, List.of("10.0.0.0/33"))).hasMessageContaining("bits");
	}

	@Test
	void aNameThatNowResolvesToAPrivateAddressIsRefusedWhenCalled() throws UnknownHostException {
		List<InetAddress> rebound = List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7"));
		assertThatThrownBy(() -> PRODUCTION.checkResolved("partner.example.org", rebound))
			.hasMessageContaining("10.0.0.7");
		assertThatCode(
				() -> PRODUCTION.checkResolved("partner.example.org", List.of(InetAddress.getByName("93.184.215.14"))))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> PRODUCTION.checkResolved("partner.example.org", List.of()))
			.hasMessageContaining("no address");
	}

	@Test
	void publicAddressesOfBothFamiliesAreRecognised() throws UnknownHostException {
		assertThat(AddressPolicy.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
		assertThat(AddressPolicy.isPublic(InetAddress.getByName("2a00:1450:4001::1"))).isTrue();
		assertThat(AddressPolicy.isPublic(InetAddress.getByName("2001:db8::1"))).isFalse();
		assertThat(AddressPolicy.isPublic(InetAddress.getByName("64:ff9b::a00:1"))).isFalse();
	}

}
