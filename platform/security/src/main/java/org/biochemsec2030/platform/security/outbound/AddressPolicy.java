package org.biochemsec2030.platform.security.outbound;

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
 * Which addresses the suite may be told to call. Some services make requests to addresses
 * people give them (partners' webhook endpoints, analysts' feed sources); without these
 * rules anyone allowed to register an address could make the service call its own
 * internals (the databases, the cloud's metadata service) and read the answers in a
 * delivery log or a source's health. An address is checked for its form when it is
 * registered ({@link #check}) and again, when it is called, against what its name
 * resolves to then ({@link #checkResolved}, through {@link CheckingDnsResolver}): a name
 * that pointed to a public address at registration may point to a private one later (DNS
 * rebinding).
 *
 * @param plainHttpAllowed whether {@code http://} addresses are accepted besides
 * {@code https://}
 * @param allowedNetworks networks in CIDR form ({@code 127.0.0.0/8}) whose addresses are
 * accepted although they are not public, e.g. a receiver on the same machine while trying
 * the suite; empty in production
 */
public record AddressPolicy(boolean plainHttpAllowed, List<String> allowedNetworks) {

	public AddressPolicy {
		allowedNetworks = List.copyOf(allowedNetworks);
		allowedNetworks.forEach(Network::parse);
	}

	public static final int MAX_LENGTH = 2000;

	/**
	 * Names that cloud platforms answer with instance metadata, whatever they resolve to.
	 */
	private static final Set<String> METADATA_HOSTS = Set.of("metadata", "metadata.google.internal", "metadata.goog",
			"instance-data", "instance-data.ec2.internal");

	/** The address as given, checked for its form; throws with what to change. */
	public URI check(String address) {
		if (address == null || address.isBlank()) {
			throw new Refused("give the full address, e.g. https://site.example/path");
		}
		if (address.length() > MAX_LENGTH) {
			throw new Refused("use an address of at most " + MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(address.strip());
		}
		catch (URISyntaxException ex) {
			throw new Refused("'" + shown(address) + "' is not an address: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !(scheme.equals("http") && this.plainHttpAllowed)) {
			throw new Refused(this.plainHttpAllowed ? "use an http:// or https:// address" : "use an https:// address");
		}
		if (uri.getRawUserInfo() != null) {
			throw new Refused("leave user names and passwords out of the address");
		}
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			throw new Refused("the address needs a host name, e.g. https://site.example/path");
		}
		if (uri.getRawFragment() != null) {
			throw new Refused("leave the #fragment out of the address: it is never sent");
		}
		String name = hostName(host);
		if (METADATA_HOSTS.contains(name) || (this.allowedNetworks.isEmpty() && (name.equals("localhost")
				|| name.endsWith(".localhost") || name.endsWith(".internal") || name.endsWith(".local")))) {
			throw new Refused("'" + name + "' is not a public host; use an address on the internet");
		}
		literal(name).ifPresent(this::checkPublic);
		return uri;
	}

	/**
	 * What a host resolves to right before it is called: every address must be public (or
	 * in an allowed network), or no call is made.
	 */
	public void checkResolved(String host, List<InetAddress> addresses) {
		if (addresses.isEmpty()) {
			throw new Refused("'" + host + "' resolves to no address");
		}
		addresses.forEach(this::checkPublic);
	}

	private void checkPublic(InetAddress address) {
		if (!isPublic(address)
				&& this.allowedNetworks.stream().noneMatch(cidr -> Network.parse(cidr).contains(address))) {
			throw new Refused(
					"'" + address.getHostAddress() + "' is a private, loopback, link-local or reserved address; "
							+ "use an address reachable on the internet");
		}
	}

	/**
	 * Whether an address is on the public internet (not loopback, private, link-local,
	 * ...).
	 */
	public static boolean isPublic(InetAddress address) {
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
		int third = b[2] & 0xff;
		// This network, private, loopback, multicast and reserved.
		boolean special = a == 0 || a == 10 || a == 127 || a >= 224;
		boolean carrierGradeNat = a == 100 && second >= 64 && second <= 127;
		// The cloud metadata address (169.254.169.254) is one of these.
		boolean linkLocal = a == 169 && second == 254;
		boolean privateRange = (a == 172 && second >= 16 && second <= 31) || (a == 192 && second == 168);
		boolean protocolAssignments = a == 192 && second == 0 && third == 0;
		boolean benchmarking = a == 198 && (second == 18 || second == 19);
		boolean documentation = (a == 192 && second == 0 && third == 2) || (a == 198 && second == 51 && third == 100)
				|| (a == 203 && second == 0 && third == 113);
		return !(special || carrierGradeNat || linkLocal || privateRange || protocolAssignments || benchmarking
				|| documentation);
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
		// outright: resolvers read them differently, and nobody registers an address that
		// way.
		if (name.matches("(0x[0-9a-f]+|[0-9]+)(\\.(0x[0-9a-f]+|[0-9]+))*") && !name
			.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
			throw new Refused("write an IP address as four decimal numbers, or better, use a host name");
		}
		if (!ipv4 && !ipv6) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(name));
		}
		catch (UnknownHostException ex) {
			throw new Refused("'" + shown(name) + "' is not an IP address");
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

	/** An address that is refused; the message says what to do instead. */
	public static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

}
