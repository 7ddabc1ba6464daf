package org.biochemsec2030.platform.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service's search index: a family of versioned indices ({@code bcs-content-v<time>})
 * behind the service's alias ({@code bcs-content}), which is also part of
 * {@code bcs-public}, the alias the site search reads. Only public documents belong here:
 * unpublishing a page means deleting its document.
 * <p>
 * Writes are idempotent. Each carries the document's {@code updatedAt} as an external
 * version, so writing the same document twice changes nothing and an older document (a
 * late or replayed event) never replaces a newer one.
 * <p>
 * A rebuild loads a fresh index from the service's own data and swaps it in with one
 * atomic alias change: readers see the old index until the new one is complete, never an
 * empty one. While it loads, the new index also sits behind
 * {@code bcs-<service>-rebuild}; every write goes to both aliases, so changes made during
 * a rebuild (on any replica) reach the new index too.
 */
public final class SearchIndex {

	/** The alias the site search reads: every service's index is behind it. */
	public static final String PUBLIC_ALIAS = "bcs-public";

	private static final Logger logger = LoggerFactory.getLogger(SearchIndex.class);

	private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9]{1,30}");

	private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
		.withZone(ZoneOffset.UTC);

	private static final int VERSION_LENGTH = 17;

	/**
	 * Bulk requests of about this many documents (or bytes) load fast without big heaps.
	 */
	private static final int BULK_DOCUMENTS = 500;

	private static final int BULK_CHARS = 4 * 1024 * 1024;

	/**
	 * A rebuild that has held the rebuild alias this long has died with its replica: the
	 * next rebuild removes its half-loaded index instead of waiting for it forever.
	 */
	private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

	private final ElasticsearchClient client;

	private final String service;

	private final String alias;

	private final String rebuildAlias;

	private final Refresh refresh;

	private final Clock clock;

	private final State state;

	/** What every copy of one index (see {@link #refreshingEachWrite()}) shares. */
	private static final class State {

		volatile boolean ready;

		volatile boolean rebuilding;

		final Set<String> deletedDuringRebuild = ConcurrentHashMap.newKeySet();

	}

	/**
	 * @param client the app's Elasticsearch client
	 * @param service the owning service's short name: {@code content} gives the alias
	 * {@code bcs-content}
	 */
	public SearchIndex(ElasticsearchClient client, String service) {
		this(client, service, Refresh.False, Clock.systemUTC(), new State());
	}

	private SearchIndex(ElasticsearchClient client, String service, Refresh refresh, Clock clock, State state) {
		if (service == null || !SERVICE.matcher(service).matches()) {
			throw new IllegalArgumentException(
					"A service's index name is its short name in lower case letters and digits, not " + service);
		}
		this.client = client;
		this.service = service;
		this.alias = "bcs-" + service;
		this.rebuildAlias = this.alias + "-rebuild";
		this.refresh = refresh;
		this.clock = clock;
		this.state = state;
	}

	/** The alias this service's documents are written and read through. */
	public String alias() {
		return this.alias;
	}

	/**
	 * The same index, but every write refreshes it, so it is searchable on return. For
	 * tests that search right after writing; production relies on the template's refresh
	 * interval (half a second). (Not {@code wait_for}: an index being loaded by a rebuild
	 * does not refresh on its own, and a write waiting for it would wait until the
	 * rebuild ends.)
	 */
	public SearchIndex refreshingEachWrite() {
		return new SearchIndex(this.client, this.service, Refresh.True, this.clock, this.state);
	}

	/**
	 * Installs the index template and creates the first versioned index with its aliases
	 * when the service has none yet. Safe to call from every replica at once.
	 */
	public void ensureExists() {
		if (this.state.ready) {
			return;
		}
		synchronized (this.state) {
			if (this.state.ready) {
				return;
			}
			Elastic.call("install the index template", () -> {
				IndexTemplate.install(this.client);
				return null;
			});
			if (aliasExists(this.alias)) {
				Elastic.call("add new fields to " + this.alias, () -> {
					IndexTemplate.addNewFields(this.client, this.alias);
					IndexTemplate.applyRefreshInterval(this.client, this.alias);
					return null;
				});
			}
			else {
				String index = newIndexName();
				try {
					Elastic.call("create " + index,
							() -> this.client.indices()
								.create(create -> create.index(index)
									.aliases(this.alias, a -> a.isWriteIndex(true))
									.aliases(PUBLIC_ALIAS, a -> a)));
					logger.info("Created search index {} behind {} and {}", index, this.alias, PUBLIC_ALIAS);
				}
				catch (RuntimeException ex) {
					// Another replica created the family at the same moment: its index
					// won.
					if (!aliasExists(this.alias)) {
						throw ex;
					}
					deleteQuietly(index);
				}
			}
			this.state.ready = true;
		}
	}

	/** Adds the document or replaces an older version of it. */
	public void upsert(SearchDocument document) {
		ensureExists();
		IndexedDocument indexed = IndexedDocument.of(document);
		long version = version(document);
		BulkResponse response = Elastic.call("index " + document.id(),
				() -> this.client.bulk(bulk -> bulk.refresh(this.refresh)
					.operations(op -> op.index(i -> i.index(this.alias)
						.id(document.id())
						.document(indexed)
						.version(version)
						.versionType(VersionType.ExternalGte)
						.requireAlias(true)))
					// Without a rebuild running this alias does not exist and
					// require_alias keeps
					// Elasticsearch from creating an index of that name.
					.operations(op -> op.index(i -> i.index(this.rebuildAlias)
						.id(document.id())
						.document(indexed)
						.version(version)
						.versionType(VersionType.ExternalGte)
						.requireAlias(true)))));
		checkWrite(response.items().get(0), false);
		checkWrite(response.items().get(1), true);
	}

	/** Removes the document; removing one that is not there is not an error. */
	public void delete(String id) {
		ensureExists();
		if (this.state.rebuilding) {
			this.state.deletedDuringRebuild.add(id);
		}
		BulkResponse response = Elastic.call("delete " + id,
				() -> this.client.bulk(bulk -> bulk.refresh(this.refresh)
					.operations(op -> op.delete(d -> d.index(this.alias).id(id)))
					// A plain (unversioned) delete never creates a missing index.
					.operations(op -> op.delete(d -> d.index(this.rebuildAlias).id(id)))));
		checkWrite(response.items().get(0), false);
		checkWrite(response.items().get(1), true);
	}

	/**
	 * Replaces the whole index with the given documents, typically every public item in
	 * the service's database: a new versioned index is loaded, then one atomic alias
	 * change puts it behind the service's alias and {@code bcs-public} and deletes the
	 * old index. Searches see the old index until that moment. The stream is consumed and
	 * closed.
	 * <p>
	 * Writes made meanwhile through {@link #upsert} and {@link #delete} reach the new
	 * index as well. One gap remains: a document deleted by another replica after the
	 * source has read it comes back with the rebuild (a delete on this replica is
	 * replayed on the new index before the swap).
	 * @throws RebuildInProgressException if a rebuild of this index is already running
	 */
	public RebuildReport rebuild(Stream<SearchDocument> documents) {
		try (documents) {
			ensureExists();
			Instant started = this.clock.instant();
			String index = newIndexName();
			List<String> previous = indicesBehind(this.alias);
			createRebuildTarget(index, true);
			this.state.deletedDuringRebuild.clear();
			this.state.rebuilding = true;
			try {
				long count = load(index, documents.iterator());
				replayDeletes(index);
				Elastic.call("open " + index + " for search", () -> {
					this.client.indices()
						.putSettings(settings -> settings.index(index)
							.settings(s -> s.refreshInterval(t -> t.time(IndexTemplate.refreshInterval()))
								.autoExpandReplicas("0-1")));
					return this.client.indices().refresh(r -> r.index(index));
				});
				swap(index, previous);
				Duration took = Duration.between(started, this.clock.instant());
				logger.info("Rebuilt {}: {} documents into {} in {} ms, replacing {}", this.alias, count, index,
						took.toMillis(), previous);
				return new RebuildReport(this.alias, index, previous, count, took);
			}
			catch (RuntimeException ex) {
				deleteQuietly(index);
				throw ex;
			}
			finally {
				this.state.rebuilding = false;
				this.state.deletedDuringRebuild.clear();
			}
		}
	}

	private void createRebuildTarget(String index, boolean retryIfAbandoned) {
		try {
			// Loading is faster without refreshes and replicas; both come back before the
			// swap. A write index on the rebuild alias can exist only once, so creating
			// it
			// is also the cluster-wide lock against two rebuilds at a time.
			Elastic.call("create " + index, () -> this.client.indices()
				.create(create -> create.index(index)
					.settings(
							s -> s.refreshInterval(t -> t.time("-1")).autoExpandReplicas("false").numberOfReplicas("0"))
					.aliases(this.rebuildAlias, a -> a.isWriteIndex(true))));
		}
		catch (RuntimeException ex) {
			// Elasticsearch answers the second write index on an alias with a 500, so the
			// alias itself tells whether another rebuild holds the lock.
			deleteQuietly(index);
			List<String> running = indicesBehind(this.rebuildAlias).stream().filter(i -> !i.equals(index)).toList();
			if (running.isEmpty()) {
				throw ex;
			}
			List<String> abandoned = running.stream().filter(this::isAbandoned).toList();
			if (retryIfAbandoned && abandoned.size() == running.size()) {
				logger.warn("Removing {}, left behind by a rebuild that did not finish", abandoned);
				abandoned.forEach(this::deleteQuietly);
				createRebuildTarget(index, false);
				return;
			}
			throw new RebuildInProgressException(
					"A rebuild of " + this.alias + " is already loading " + String.join(", ", running));
		}
	}

	private long load(String index, Iterator<SearchDocument> documents) {
		long count = 0;
		List<SearchDocument> batch = new ArrayList<>();
		int chars = 0;
		while (documents.hasNext()) {
			SearchDocument document = documents.next();
			batch.add(document);
			chars += document.body().length() + document.summary().length() + document.title().length();
			count++;
			if (batch.size() >= BULK_DOCUMENTS || chars >= BULK_CHARS) {
				loadBatch(index, batch);
				batch.clear();
				chars = 0;
			}
		}
		if (!batch.isEmpty()) {
			loadBatch(index, batch);
		}
		return count;
	}

	private void loadBatch(String index, List<SearchDocument> batch) {
		BulkRequest.Builder bulk = new BulkRequest.Builder();
		for (SearchDocument document : batch) {
			IndexedDocument indexed = IndexedDocument.of(document);
			bulk.operations(op -> op.index(i -> i.index(index)
				.id(document.id())
				.document(indexed)
				.version(version(document))
				.versionType(VersionType.ExternalGte)));
		}
		BulkResponse response = Elastic.call("load " + index, () -> this.client.bulk(bulk.build()));
		if (response.errors()) {
			response.items().forEach(item -> checkWrite(item, false));
		}
	}

	private void replayDeletes(String index) {
		List<String> ids = List.copyOf(this.state.deletedDuringRebuild);
		if (ids.isEmpty()) {
			return;
		}
		BulkRequest.Builder bulk = new BulkRequest.Builder();
		ids.forEach(id -> bulk.operations(op -> op.delete(d -> d.index(index).id(id))));
		Elastic.call("delete from " + index, () -> this.client.bulk(bulk.build()));
	}

	/**
	 * One _aliases call: the new index becomes the service's write index and joins
	 * {@code bcs-public}, leaves the rebuild alias, and the old indices are deleted. All
	 * of it takes effect at once or not at all.
	 */
	private void swap(String index, List<String> previous) {
		List<Action> actions = new ArrayList<>();
		actions.add(action(a -> a.add(add -> add.index(index).alias(this.alias).isWriteIndex(true))));
		actions.add(action(a -> a.add(add -> add.index(index).alias(PUBLIC_ALIAS))));
		actions.add(action(a -> a.remove(remove -> remove.index(index).alias(this.rebuildAlias))));
		for (String old : previous) {
			actions.add(action(a -> a.removeIndex(remove -> remove.index(old))));
		}
		Elastic.call("swap " + this.alias + " to " + index,
				() -> this.client.indices().updateAliases(update -> update.actions(actions)));
	}

	private static Action action(Consumer<Action.Builder> action) {
		Action.Builder builder = new Action.Builder();
		action.accept(builder);
		return builder.build();
	}

	private boolean aliasExists(String name) {
		return Elastic.call("look up alias " + name,
				() -> this.client.indices().existsAlias(exists -> exists.name(name)).value());
	}

	private List<String> indicesBehind(String name) {
		try {
			return Elastic.call("look up alias " + name,
					() -> List.copyOf(this.client.indices().getAlias(get -> get.name(name)).result().keySet()));
		}
		catch (ElasticsearchException ex) {
			if (Elastic.isNotFound(ex)) {
				return List.of();
			}
			throw ex;
		}
	}

	private boolean isAbandoned(String index) {
		String prefix = this.alias + "-v";
		if (!index.startsWith(prefix)) {
			return false;
		}
		try {
			String time = index.substring(prefix.length(), prefix.length() + VERSION_LENGTH);
			Instant created = VERSION.parse(time, Instant::from);
			return created.plus(ABANDONED_AFTER).isBefore(this.clock.instant());
		}
		catch (DateTimeParseException | IndexOutOfBoundsException ex) {
			return false;
		}
	}

	private void deleteQuietly(String index) {
		try {
			this.client.indices().delete(delete -> delete.index(index).ignoreUnavailable(true));
		}
		catch (Exception ex) {
			logger.warn("Could not delete search index {}: {}", index, ex.getMessage());
		}
	}

	/**
	 * The creation time names the version (readable in listings, and how an abandoned
	 * rebuild is recognised); a random suffix keeps two indices made in the same
	 * millisecond apart.
	 */
	private String newIndexName() {
		return this.alias + "-v" + VERSION.format(this.clock.instant()) + "-"
				+ Integer.toHexString(0x10000 | ThreadLocalRandom.current().nextInt(0x10000)).substring(1);
	}

	private static long version(SearchDocument document) {
		return Math.max(0, document.updatedAt().toEpochMilli());
	}

	/**
	 * A version conflict means the index already holds this or a newer version: the write
	 * has nothing to do. On the rebuild alias a missing index only means no rebuild runs.
	 */
	private void checkWrite(BulkResponseItem item, boolean rebuildAlias) {
		if (item.error() == null) {
			return;
		}
		String type = item.error().type();
		if ("version_conflict_engine_exception".equals(type)) {
			logger.debug("Kept the newer version of {} in {}", item.id(), item.index());
			return;
		}
		if (rebuildAlias && "index_not_found_exception".equals(type)) {
			return;
		}
		String message = "Elasticsearch refused " + item.operationType().jsonValue() + " of " + item.id() + " in "
				+ item.index() + ": " + type + " " + item.error().reason();
		if (item.status() >= 500 || item.status() == 429) {
			throw new SearchUnavailableException(message, null);
		}
		throw new IllegalStateException(message);
	}

}
