package org.biochemsec2030.publishing.partner;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which endpoint addresses a partner may register and the suite may call. A webhook is a
 * request the suite makes on a partner's say-so, so without these rules a partner could
 * make it call its own internals (the databases, the cloud's metadata service) and read
 * the answers in the delivery log. The address is checked when it is registered and
 * again, on every delivery, against what its name resolves to then: a name that pointed
 * to a public address at registration may point to a private one later (DNS rebinding).
 *
 * @param plainHttpAllowed whether {@code http://} endpoints are accepted (never in
 * production: deliveries carry signed events)
 * @param allowedNetworks networks in CIDR form ({@code 127.0.0.0/8}) whose addresses are
 * accepted although they are not public, e.g. a partner's receiver on the same machine
 * while trying the suite; empty in production
 */
public record EndpointPolicy(boolean plainHttpAllowed, List<String> allowedNetworks) {

	public EndpointPolicy {
		allowedNetworks = List.copyOf(allowedNetworks);
		allowedNetworks.forEach(Network::parse);
	}

	static final int MAX_LENGTH = 2000;

	/**
	 * Names that cloud platforms answer with instance metadata, whatever they resolve to.
	 */
	private static final Set<String> METADATA_HOSTS = Set.of("metadata", "metadata.google.internal", "metadata.goog",
			"instance-data", "instance-data.ec2.internal");

	/** The address as given, checked for its form; throws with what to change. */
	public URI check(String address) {
		if (address == null || address.isBlank()) {
			throw new InvalidEndpoint("give the endpoint's address, e.g. https://partner.example/webhooks");
		}
		if (address.length() > MAX_LENGTH) {
			throw new InvalidEndpoint("use an address of at most " + MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(address.strip());
		}
		catch (URISyntaxException ex) {
			throw new InvalidEndpoint("'" + shown(address) + "' is not an address: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !(scheme.equals("http") && this.plainHttpAllowed)) {
			throw new InvalidEndpoint(this.plainHttpAllowed ? "use an http:// or https:// address"
					: "use an https:// address: deliveries are only made over TLS");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidEndpoint("leave user names and passwords out of the address; "
					+ "verify deliveries by their signature instead");
		}
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			throw new InvalidEndpoint("the address needs a host name, e.g. https://partner.example/webhooks");
		}
		if (uri.getRawFragment() != null) {
			throw new InvalidEndpoint("leave the #fragment out of the address: it is never sent");
		}
		String name = hostName(host);
		if (METADATA_HOSTS.contains(name) || (this.allowedNetworks.isEmpty() && (name.equals("localhost")
				|| name.endsWith(".localhost") || name.endsWith(".internal") || name.endsWith(".local")))) {
			throw new InvalidEndpoint("'" + name + "' is not a public host; use an address on the internet");
		}
		literal(name).ifPresent(this::checkPublic);
		return uri;
	}

	/**
	 * What the endpoint's host resolves to right before a delivery: every address must be
	 * public, or the delivery is not made.
	 */
	public void checkResolved(String host, List<InetAddress> addresses) {
		if (addresses.isEmpty()) {
			throw new InvalidEndpoint("'" + host + "' resolves to no address");
		}
		addresses.forEach(this::checkPublic);
	}

	private void checkPublic(InetAddress address) {
		if (!isPublic(address)
				&& this.allowedNetworks.stream().noneMatch(cidr -> Network.parse(cidr).contains(address))) {
			throw new InvalidEndpoint(
					"'" + address.getHostAddress() + "' is a private, loopback, link-local or reserved address; "
							+ "use an endpoint reachable on the internet");
		}
	}

	/**
	 * Whether an address is on the public internet (not loopback, private, link-local,
	 * ...).
	 */
	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			// IPv4 addresses written as IPv6 (::ffff:10.0.0.1, 64:ff9b::/96 translation)
			// are judged as IPv4.
			boolean mapped = isZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
			boolean translated = (bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
					&& (bytes[3] & 0xff) == 0x9b && isZero(bytes, 4, 12);
			if (mapped || translated) {
				return isPublicIpv4(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
			}
			int first = bytes[0] & 0xff;
			// fc00::/7 unique local; 2001:db8::/32 documentation.
			return (first & 0xfe) != 0xfc && !((first == 0x20) && (bytes[1] & 0xff) == 0x01 && (bytes[2] & 0xff) == 0x0d
					&& (bytes[3] & 0xff) == 0xb8);
		}
		return (address instanceof Inet4Address) && isPublicIpv4(bytes);
	}

	private static boolean isPublicIpv4(byte[] b) {
		int a = b[0] & 0xff;
		int second = b[1] & 0xff;
		return !(a == 0 || a == 10 || a == 127 || a >= 224 // this network, private,
															// loopback, multicast and
															// reserved
				|| (a == 100 && second >= 64 && second <= 127) // carrier-grade NAT
				|| (a == 169 && second == 254) // link-local, the cloud metadata address
												// among them
				|| (a == 172 && second >= 16 && second <= 31) || (a == 192 && second == 168)
				|| (a == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol
																	// assignments
				|| (a == 198 && (second == 18 || second == 19)) // benchmarking
				|| (a == 192 && second == 0 && (b[2] & 0xff) == 2) || (a == 198 && second == 51 && (b[2] & 0xff) == 100)
				|| (a == 203 && second == 0 && (b[2] & 0xff) == 113)); // documentation
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static String hostName(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

	/** The host as an address when it is written as one (never a DNS look-up). */
	private static Optional<InetAddress> literal(String name) {
		boolean ipv4 = name.matches("[0-9.]+");
		boolean ipv6 = name.contains(":");
		// Decimal, octal or hexadecimal forms (http://2130706433/, 0x7f.1) are refused
		// outright:
		// resolvers read them differently, and nobody registers a webhook that way.
		if (name.matches("(0x[0-9a-f]+|[0-9]+)(\\.(0x[0-9a-f]+|[0-9]+))*") && !name
			.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
			throw new InvalidEndpoint("write an IP address as four decimal numbers, or better, use a host name");
		}
		if (!ipv4 && !ipv6) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(name));
		}
		catch (UnknownHostException ex) {
			throw new InvalidEndpoint("'" + shown(name) + "' is not an IP address");
		}
	}

	private static String shown(String value) {
		return (value.length() <= 60) ? value : value.substring(0, 57) + "...";
	}

	/** A network in CIDR form: an address and how many leading bits of it count. */
	private record Network(byte[] prefix, int bits) {

		static Network parse(String cidr) {
			int slash = cidr.indexOf('/');
			try {
				if (slash < 0 || !cidr.substring(0, slash).matches("[0-9a-fA-F.:]+")) {
					throw new IllegalArgumentException("a network is written address/bits, e.g. 127.0.0.0/8: " + cidr);
				}
				byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
				int bits = Integer.parseInt(cidr.substring(slash + 1));
				if (bits < 0 || bits > prefix.length * 8) {
					throw new IllegalArgumentException("too many bits for the address: " + cidr);
				}
				return new Network(prefix, bits);
			}
			catch (UnknownHostException | NumberFormatException ex) {
				throw new IllegalArgumentException("a network is written address/bits, e.g. 127.0.0.0/8: " + cidr, ex);
			}
		}

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			if (candidate.length != this.prefix.length) {
				return false;
			}
			for (int bit = 0; bit < this.bits; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((candidate[bit / 8] & mask) != (this.prefix[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

	/** An endpoint address that is refused, with what to do instead. */
	public static final class InvalidEndpoint extends RuntimeException {

		InvalidEndpoint(String message) {
			super(message);
		}

	}

}
