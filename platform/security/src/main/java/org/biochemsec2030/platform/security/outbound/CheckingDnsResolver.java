package org.biochemsec2030.platform.security.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * A resolver for Apache HttpClient 5 that checks every address a name resolves to against
 * an {@link AddressPolicy} right before the client connects to that same address. That is
 * what defeats DNS rebinding: there is no second look-up between the check and the
 * connection, so a name cannot answer a public address to the check and a private one to
 * the connect. Redirects are covered too, since the client resolves each target here.
 */
public final class CheckingDnsResolver implements DnsResolver {

	private final AddressPolicy policy;

	private final DnsResolver delegate;

	public CheckingDnsResolver(AddressPolicy policy) {
		this(policy, SystemDefaultDnsResolver.INSTANCE);
	}

	/** With another resolver underneath, e.g. one answering what a test needs. */
	public CheckingDnsResolver(AddressPolicy policy, DnsResolver delegate) {
		this.policy = policy;
		this.delegate = delegate;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		InetAddress[] addresses = this.delegate.resolve(host);
		try {
			this.policy.checkResolved(host, (addresses != null) ? List.of(addresses) : List.of());
		}
		catch (AddressPolicy.Refused ex) {
			throw new RefusedAddress(ex.getMessage());
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return this.delegate.resolveCanonicalHostname(host);
	}

	/**
	 * Thrown when a name resolves to an address the policy refuses: an
	 * {@link UnknownHostException}, so the client gives up on the request as it would for
	 * a name that does not resolve, without trying another address. The message says
	 * which address was refused.
	 */
	public static final class RefusedAddress extends UnknownHostException {

		RefusedAddress(String message) {
			super(message);
		}

	}

}
