package org.biochemsec2030.platform.events;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Up to which outbox id the relay may publish: the highest id below which no row can
 * still appear.
 *
 * <p>
 * Outbox ids are handed out at insert, but rows become visible at commit, in any order.
 * Reading "every unpublished row in id order" would publish a committed row while a lower
 * id is still held by an open transaction, which then goes out after it. The horizon
 * closes that gap with two readings and one wait:
 * <ol>
 * <li>{@code lastId}: the outbox sequence's last value, read first. Every id up to it has
 * been handed out, and {@link Outbox#append} makes sure the transaction that took it had
 * a transaction id before it did;</li>
 * <li>{@code nextXid}: the first transaction id not yet assigned, from a snapshot taken
 * after that (a later statement). So every transaction that took an id up to
 * {@code lastId} has a transaction id below {@code nextXid};</li>
 * <li>once the oldest running transaction is at or past {@code nextXid}, all those
 * transactions have ended: each of their rows is visible or rolled back for good, and the
 * ids up to {@code lastId} are settled.</li>
 * </ol>
 * An idle database settles at once (nothing runs below the snapshot's own xmax); a busy
 * one settles a watermark as soon as the transactions that were open when it was read
 * have ended, so a steady stream of short transactions never starves it. The price is
 * that publishing waits for the oldest open writing transaction of the whole PostgreSQL
 * instance, however unrelated: writing transactions are meant to be short.
 *
 * <p>
 * Why not the simpler "rows whose own transaction id is below the oldest running one": a
 * transaction that wrote something else first has the older transaction id but may take
 * the higher outbox id, and would be published ahead of a lower id still open.
 * {@code OutboxOrderIT} has that case.
 */
final class PublishHorizon {

	private long settledId;

	private Watermark pending;

	/**
	 * @param oldestRunningXid the current snapshot's xmin
	 * @param now reads a new watermark (sequence first, snapshot after)
	 * @return every outbox id up to this one is settled
	 */
	long settledId(LongSupplier oldestRunningXid, Supplier<Watermark> now) {
		if (this.pending != null) {
			if (oldestRunningXid.getAsLong() < this.pending.nextXid()) {
				return this.settledId;
			}
			settle(this.pending);
		}
		Watermark fresh = now.get();
		if (fresh.oldestRunningXid() >= fresh.nextXid()) {
			settle(fresh);
		}
		else {
			this.pending = fresh;
		}
		return this.settledId;
	}

	/** Whether a watermark waits for open transactions to end. */
	boolean waiting() {
		return this.pending != null;
	}

	private void settle(Watermark watermark) {
		this.settledId = Math.max(this.settledId, watermark.lastId());
		this.pending = null;
	}

	/**
	 * @param lastId the outbox sequence's last value (0 before the first id)
	 * @param nextXid the snapshot's xmax, read after {@code lastId}
	 * @param oldestRunningXid the same snapshot's xmin
	 */
	record Watermark(long lastId, long nextXid, long oldestRunningXid) {

	}

}
