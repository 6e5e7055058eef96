/*
 * The archive in SQLite: schema migrations, feeds, items with their bodies
 * kept apart, tags and the FTS5 index, which the statements here keep in
 * step themselves (no triggers).  All of telex's SQL lives in this file
 * and its siblings, src/store-*.c, which borrow the connection through
 * store-sibling.h.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "store.h"
#include "store-pack.h"
#include "store-sibling.h"
#include "store-stem.h"
#include "util.h"

#define STORE_APPLICATION_ID	0x54454c58	/* "TELX" */
#define STORE_BUSY_MS		5000
#define STORE_PAGE_SIZE		"16384"	/* bytes, for a new archive */
#define STORE_SIZE_SLACK	65536	/* bytes: a few pages short of a limit */
#define STORE_SEP		'\037'		/* joins string lists */

/*
 * Schema migrations: step i takes an archive from version i to i + 1.
 * Append new steps; never change a step that has shipped.
 */
static const char *store_migrations[] = {
	/* 0 -> 1: the initial schema. */
	"CREATE TABLE feeds ("
	" id INTEGER PRIMARY KEY,"
	" url TEXT NOT NULL UNIQUE,"
	" title TEXT,"
	" site_url TEXT,"
	" etag TEXT,"
	" last_modified TEXT,"
	" added INTEGER NOT NULL DEFAULT 0,"
	" last_poll INTEGER NOT NULL DEFAULT 0,"
	" http_status INTEGER NOT NULL DEFAULT 0,"
	" last_error TEXT,"
	" backoff_until INTEGER NOT NULL DEFAULT 0,"
	" failures INTEGER NOT NULL DEFAULT 0,"
	" removed INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE items ("
	" id INTEGER PRIMARY KEY,"
	" feed_id INTEGER NOT NULL REFERENCES feeds(id),"
	" guid TEXT NOT NULL,"
	" url TEXT,"
	" title TEXT,"
	" author TEXT,"
	" published INTEGER,"
	" updated INTEGER,"
	" first_seen INTEGER NOT NULL,"
	" date INTEGER NOT NULL,"
	" read INTEGER NOT NULL DEFAULT 0,"
	" starred INTEGER NOT NULL DEFAULT 0,"
	" categories TEXT,"
	" UNIQUE (feed_id, guid));"
	"CREATE INDEX items_date ON items(date);"
	"CREATE INDEX items_feed_read_date ON items(feed_id, read, date);"
	"CREATE TABLE item_bodies ("
	" item_id INTEGER PRIMARY KEY"
	"  REFERENCES items(id) ON DELETE CASCADE,"
	" html TEXT,"
	" base TEXT,"
	" text TEXT,"
	" hash INTEGER NOT NULL);"
	"CREATE TABLE enclosures ("
	" item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
	" url TEXT NOT NULL,"
	" type TEXT,"
	" length INTEGER);"
	"CREATE INDEX enclosures_item ON enclosures(item_id);"
	"CREATE TABLE tags ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE COLLATE NOCASE);"
	"CREATE TABLE item_tags ("
	" tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
	" item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
	" PRIMARY KEY (tag_id, item_id)) WITHOUT ROWID;"
	"CREATE INDEX item_tags_item ON item_tags(item_id);"
	"CREATE TABLE feed_tags ("
	" tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
	" feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	" PRIMARY KEY (tag_id, feed_id)) WITHOUT ROWID;"
	"CREATE INDEX feed_tags_feed ON feed_tags(feed_id);"
	"CREATE VIEW items_fts_source AS"
	" SELECT items.id AS id, items.title AS title,"
	"  items.author AS author, item_bodies.text AS text"
	" FROM items LEFT JOIN item_bodies ON item_bodies.item_id = items.id;"
	"CREATE VIRTUAL TABLE items_fts USING fts5(title, author, text,"
	" content = 'items_fts_source', content_rowid = 'id',"
	" tokenize = 'unicode61 remove_diacritics 2');",
	/*
	 * 1 -> 2: web pages archived for items (telex archive); the index
	 * reads a page's text in place of the feed's.  summary_only marks
	 * items with a web address whose feed text is short.
	 */
	"CREATE TABLE item_pages ("
	" item_id INTEGER PRIMARY KEY"
	"  REFERENCES items(id) ON DELETE CASCADE,"
	" url TEXT NOT NULL,"
	" final_url TEXT,"
	" html TEXT,"
	" charset TEXT,"
	" etag TEXT,"
	" last_modified TEXT,"
	" archived INTEGER NOT NULL DEFAULT 0,"
	" checked INTEGER NOT NULL DEFAULT 0,"
	" http_status INTEGER NOT NULL DEFAULT 0,"
	" error TEXT,"
	" title TEXT,"
	" byline TEXT,"
	" published TEXT,"
	" site_name TEXT,"
	" lang TEXT,"
	" image TEXT,"
	" text TEXT);"
	"ALTER TABLE items ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE items ADD COLUMN summary_only INTEGER NOT NULL DEFAULT 0;"
	"DROP VIEW items_fts_source;"
	"CREATE VIEW items_fts_source AS"
	" SELECT items.id AS id, items.title AS title,"
	"  items.author AS author,"
	"  coalesce(item_pages.text, item_bodies.text) AS text"
	" FROM items LEFT JOIN item_bodies ON item_bodies.item_id = items.id"
	" LEFT JOIN item_pages ON item_pages.item_id = items.id;"
	"UPDATE items SET summary_only = (url IS NOT NULL AND coalesce("
	" (SELECT b.text IS NULL OR (length(b.text) < 600 AND length(b.text)"
	"  - length(replace(replace(b.text, ' ', ''), char(10), '')) < 80)"
	"  FROM item_bodies b WHERE b.item_id = items.id), 1));"
	"CREATE TRIGGER item_bodies_summary_insert AFTER INSERT ON item_bodies"
	" BEGIN UPDATE items SET summary_only = (url IS NOT NULL AND"
	"  (NEW.text IS NULL OR (length(NEW.text) < 600 AND length(NEW.text)"
	"  - length(replace(replace(NEW.text, ' ', ''), char(10), '')) < 80)))"
	"  WHERE id = NEW.item_id; END;"
	"CREATE TRIGGER item_bodies_summary_update AFTER UPDATE OF text"
	" ON item_bodies"
	" BEGIN UPDATE items SET summary_only = (url IS NOT NULL AND"
	"  (NEW.text IS NULL OR (length(NEW.text) < 600 AND length(NEW.text)"
	"  - length(replace(replace(NEW.text, ' ', ''), char(10), '')) < 80)))"
	"  WHERE id = NEW.item_id; END;",
	/*
	 * 2 -> 3: the index folds case and accents and stems each text in
	 * its language (the "telex" tokenizer of store-stem.c).
	 */
	"DROP TABLE items_fts;"
	"CREATE VIRTUAL TABLE items_fts USING fts5(title, author, text,"
	" content = 'items_fts_source', content_rowid = 'id',"
	" tokenize = 'telex');"
	"INSERT INTO items_fts (items_fts) VALUES ('rebuild');",
	/*
	 * 3 -> 4: hidden items (rules that hide: a killfile) and saved
	 * searches.
	 */
	"ALTER TABLE items ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE saved_searches ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	" query TEXT NOT NULL,"
	" added INTEGER NOT NULL DEFAULT 0);",
	/*
	 * 4 -> 5: summary_only is worked out in C as items are stored (the
	 * triggers copied every text twice), and the search index merges its
	 * segments less eagerly, which makes a poll's indexing cheaper.
	 */
	"DROP TRIGGER IF EXISTS item_bodies_summary_insert;"
	"DROP TRIGGER IF EXISTS item_bodies_summary_update;"
	"INSERT INTO items_fts (items_fts, rank) VALUES ('automerge', 8);",
	/*
	 * 5 -> 6: each feed keeps its item and unread counts, so listing
	 * feeds no longer counts a million items; triggers keep them true.
	 */
	"ALTER TABLE feeds ADD COLUMN nitems INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE feeds ADD COLUMN nunread INTEGER NOT NULL DEFAULT 0;"
	"UPDATE feeds SET"
	" nitems = (SELECT count(*) FROM items WHERE feed_id = feeds.id),"
	" nunread = (SELECT count(*) FROM items WHERE feed_id = feeds.id"
	"  AND read = 0);"
	"CREATE TRIGGER items_count_insert AFTER INSERT ON items"
	" BEGIN UPDATE feeds SET nitems = nitems + 1,"
	"  nunread = nunread + (NEW.read = 0) WHERE id = NEW.feed_id; END;"
	"CREATE TRIGGER items_count_delete AFTER DELETE ON items"
	" BEGIN UPDATE feeds SET nitems = nitems - 1,"
	"  nunread = nunread - (OLD.read = 0) WHERE id = OLD.feed_id; END;"
	"CREATE TRIGGER items_count_read AFTER UPDATE OF read, feed_id ON items"
	" WHEN OLD.read IS NOT NEW.read OR OLD.feed_id IS NOT NEW.feed_id"
	" BEGIN UPDATE feeds SET nitems = nitems - 1,"
	"  nunread = nunread - (OLD.read = 0) WHERE id = OLD.feed_id;"
	" UPDATE feeds SET nitems = nitems + 1,"
	"  nunread = nunread + (NEW.read = 0) WHERE id = NEW.feed_id; END;",

	/*
	 * 6 -> 7: a tagged item's date is kept beside its tag, so listing a
	 * tag newest first reads an index instead of every tagged item.
	 */
	"ALTER TABLE item_tags ADD COLUMN date INTEGER NOT NULL DEFAULT 0;"
	"UPDATE item_tags SET date ="
	" coalesce((SELECT date FROM items WHERE id = item_id), 0);"
	"CREATE INDEX item_tags_date ON item_tags(tag_id, date, item_id);"
	"CREATE TRIGGER items_tag_date AFTER UPDATE OF date ON items"
	" WHEN OLD.date IS NOT NEW.date"
	" BEGIN UPDATE item_tags SET date = NEW.date WHERE item_id = NEW.id;"
	" END;",
	/* 7 -> 8: an archived page's modified date and lead image's alt. */
	"ALTER TABLE item_pages ADD COLUMN modified TEXT;"
	"ALTER TABLE item_pages ADD COLUMN image_alt TEXT;",
	/*
	 * 8 -> 9: items pruned (telex prune, keep lines) are remembered by
	 * (feed, guid), so a feed that still lists them never brings them
	 * back.
	 */
	"CREATE TABLE pruned ("
	" feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	" guid TEXT NOT NULL,"
	" PRIMARY KEY (feed_id, guid)) WITHOUT ROWID;",
	/* 9 -> 10: enclosures downloaded, and where each file went. */
	"CREATE TABLE downloads ("
	" item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
	" url TEXT NOT NULL,"
	" path TEXT NOT NULL,"
	" size INTEGER NOT NULL DEFAULT 0,"
	" done INTEGER NOT NULL DEFAULT 0,"
	" PRIMARY KEY (item_id, url)) WITHOUT ROWID;",
	/*
	 * 10 -> 11: bodies are packed (store-pack.c): the index reads them
	 * through telex_unpack.  Bodies an older telex stored are packed
	 * after the migration, a batch per transaction, from the item id
	 * kept under pack_next (store_pack_old).
	 */
	"DROP VIEW items_fts_source;"
	"CREATE VIEW items_fts_source AS"
	" SELECT items.id AS id, items.title AS title,"
	"  items.author AS author,"
	"  coalesce(telex_unpack(item_pages.text),"
	"   telex_unpack(item_bodies.text, item_bodies.html)) AS text"
	" FROM items LEFT JOIN item_bodies ON item_bodies.item_id = items.id"
	" LEFT JOIN item_pages ON item_pages.item_id = items.id;"
	"CREATE TABLE meta ("
	" key TEXT PRIMARY KEY,"
	" value) WITHOUT ROWID;"
	"INSERT INTO meta (key, value) SELECT 'pack_next', 0"
	" WHERE EXISTS (SELECT 1 FROM item_bodies)"
	" OR EXISTS (SELECT 1 FROM item_pages);",
	/*
	 * 11 -> 12: an item with an updated date but no published one shows
	 * updated as published, as readers do; published_inferred says so.
	 */
	"ALTER TABLE items ADD COLUMN published_inferred INTEGER NOT NULL"
	" DEFAULT 0;"
	"UPDATE items SET published = updated, published_inferred = 1"
	" WHERE published IS NULL AND updated IS NOT NULL;",
	/*
	 * 12 -> 13: sync with a server (src/store-sync.c).  Feeds and items
	 * keep the server's id; a local change of an item the server knows
	 * goes into sync_queue in the same transaction, by these triggers,
	 * unless it is the sync itself applying the server's state.
	 */
	"ALTER TABLE feeds ADD COLUMN sync_id INTEGER;"
	"ALTER TABLE items ADD COLUMN sync_id INTEGER;"
	"CREATE UNIQUE INDEX items_sync_id ON items(sync_id)"
	" WHERE sync_id IS NOT NULL;"
	"CREATE TABLE sync_state ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" server TEXT,"
	" user TEXT,"
	" api_level INTEGER NOT NULL DEFAULT 0,"
	" session TEXT,"
	" last_id INTEGER NOT NULL DEFAULT 0,"
	" last_sync INTEGER NOT NULL DEFAULT 0,"
	" labels TEXT,"
	" applying INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE sync_queue ("
	" item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
	" field TEXT NOT NULL,"
	" value INTEGER NOT NULL,"
	" time INTEGER NOT NULL,"
	" PRIMARY KEY (item_id, field)) WITHOUT ROWID;"
	"CREATE TRIGGER sync_queue_read AFTER UPDATE OF read ON items"
	" WHEN NEW.sync_id IS NOT NULL AND OLD.read IS NOT NEW.read"
	" AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)"
	" BEGIN INSERT OR REPLACE INTO sync_queue VALUES (NEW.id, 'read',"
	"  NEW.read, CAST(strftime('%s', 'now') AS INTEGER)); END;"
	"CREATE TRIGGER sync_queue_starred AFTER UPDATE OF starred ON items"
	" WHEN NEW.sync_id IS NOT NULL AND OLD.starred IS NOT NEW.starred"
	" AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)"
	" BEGIN INSERT OR REPLACE INTO sync_queue VALUES (NEW.id, 'starred',"
	"  NEW.starred, CAST(strftime('%s', 'now') AS INTEGER)); END;"
	"CREATE TRIGGER sync_queue_tag_add AFTER INSERT ON item_tags"
	" WHEN EXISTS (SELECT 1 FROM items WHERE id = NEW.item_id"
	"  AND sync_id IS NOT NULL)"
	" AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)"
	" BEGIN INSERT OR REPLACE INTO sync_queue SELECT NEW.item_id,"
	"  'tag:' || name, 1, CAST(strftime('%s', 'now') AS INTEGER)"
	"  FROM tags WHERE id = NEW.tag_id; END;"
	"CREATE TRIGGER sync_queue_tag_remove AFTER DELETE ON item_tags"
	" WHEN EXISTS (SELECT 1 FROM items WHERE id = OLD.item_id"
	"  AND sync_id IS NOT NULL)"
	" AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)"
	" BEGIN INSERT OR REPLACE INTO sync_queue SELECT OLD.item_id,"
	"  'tag:' || name, 0, CAST(strftime('%s', 'now') AS INTEGER)"
	"  FROM tags WHERE id = OLD.tag_id; END;"
};

#define ITEM_COLUMNS \
	"i.id, i.feed_id, coalesce(f.title, f.url), i.guid, i.url," \
	" i.title, i.author, i.published, i.updated, i.first_seen, i.date," \
	" i.read, i.starred, i.categories, i.archived, i.summary_only," \
	" i.published_inferred"
#define ITEM_FROM " FROM items i JOIN feeds f ON f.id = i.feed_id"
#define FEED_COLUMNS \
	"f.id, f.url, f.title, f.site_url, f.etag, f.last_modified," \
	" f.added, f.last_poll, f.http_status, f.last_error," \
	" f.backoff_until, f.failures, f.sync_id IS NOT NULL"

/* Statements prepared once, on first use, and kept in struct store. */
enum store_sql {
	SQL_BEGIN,
	SQL_COMMIT,
	SQL_ITEM_LOOKUP,
	SQL_PRUNED_LOOKUP,
	SQL_ITEM_INSERT,
	SQL_ITEM_UPDATE,
	SQL_BODY_PUT,
	SQL_ENCLOSURES_DELETE,
	SQL_ENCLOSURE_INSERT,
	SQL_FTS_INSERT,
	SQL_FTS_DELETE,
	SQL_FTS_DELETE_FEED,
	SQL_ITEM_GET,
	SQL_ITEM_TAGS,
	SQL_ITEM_ENCLOSURES,
	SQL_FEED_BY_URL,
	SQL_FEED_EXISTS,
	SQL_FEED_FIND_ID,
	SQL_FEED_FIND_URL,
	SQL_FEED_INSERT,
	SQL_FEED_REVIVE,
	SQL_FEED_HIDE,
	SQL_FEED_ITEMS_DELETE,
	SQL_FEED_DELETE,
	SQL_FEED_GET,
	SQL_FEED_TAGS,
	SQL_FEEDS_LIST,
	SQL_FEEDS_TAGS,
	SQL_FEED_POLLED,
	SQL_FEED_MOVE,
	SQL_TAG_INSERT,
	SQL_FEED_TAG_INSERT,
	SQL_STATS,
	SQL_FTS_REINDEX,
	SQL_COUNT
};

static const char *store_sql_text[SQL_COUNT] = {
	[SQL_BEGIN] = "BEGIN IMMEDIATE",
	[SQL_COMMIT] = "COMMIT",
	[SQL_ITEM_LOOKUP] = "SELECT i.id, b.hash FROM items i"
	    " LEFT JOIN item_bodies b ON b.item_id = i.id"
	    " WHERE i.feed_id = ?1 AND i.guid = ?2",
	[SQL_PRUNED_LOOKUP] = "SELECT 1 FROM pruned"
	    " WHERE feed_id = ?1 AND guid = ?2",
	[SQL_ITEM_INSERT] = "INSERT INTO items (feed_id, guid, url, title,"
	    " author, published, updated, first_seen, date, categories,"
	    " summary_only, published_inferred)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	[SQL_ITEM_UPDATE] = "UPDATE items SET url = ?2, title = ?3,"
	    " author = ?4, published = ?5, updated = ?6,"
	    " date = coalesce(?5, ?6, first_seen), categories = ?7,"
	    " summary_only = ?8, published_inferred = ?9"
	    " WHERE id = ?1",
	[SQL_BODY_PUT] = "INSERT INTO item_bodies (item_id, html, base,"
	    " text, hash) VALUES (?1, ?2, ?3, ?4, ?5)"
	    " ON CONFLICT (item_id) DO UPDATE SET html = excluded.html,"
	    " base = excluded.base, text = excluded.text,"
	    " hash = excluded.hash",
	[SQL_ENCLOSURES_DELETE] = "DELETE FROM enclosures WHERE item_id = ?1",
	[SQL_ENCLOSURE_INSERT] = "INSERT INTO enclosures (item_id, url, type,"
	    " length) VALUES (?1, ?2, ?3, ?4)",
	[SQL_FTS_INSERT] = "INSERT INTO items_fts (rowid, title, author, text)"
	    " VALUES (?1, ?2, ?3, coalesce((SELECT text FROM item_pages"
	    " WHERE item_id = ?1), ?4))",
	[SQL_FTS_DELETE] = "INSERT INTO items_fts (items_fts, rowid, title,"
	    " author, text) SELECT 'delete', id, title, author, text"
	    " FROM items_fts_source WHERE id = ?1",
	[SQL_FTS_DELETE_FEED] = "INSERT INTO items_fts (items_fts, rowid,"
	    " title, author, text) SELECT 'delete', id, title, author, text"
	    " FROM items_fts_source"
	    " WHERE id IN (SELECT id FROM items WHERE feed_id = ?1)",
	[SQL_ITEM_GET] = "SELECT " ITEM_COLUMNS ", b.html, b.base, b.text"
	    ITEM_FROM " LEFT JOIN item_bodies b ON b.item_id = i.id"
	    " WHERE i.id = ?1",
	[SQL_ITEM_TAGS] = "SELECT t.name FROM item_tags x"
	    " JOIN tags t ON t.id = x.tag_id WHERE x.item_id = ?1"
	    " ORDER BY t.name",
	[SQL_ITEM_ENCLOSURES] = "SELECT url, type, length FROM enclosures"
	    " WHERE item_id = ?1 ORDER BY rowid",
	[SQL_FEED_BY_URL] = "SELECT id, removed FROM feeds WHERE url = ?1",
	[SQL_FEED_EXISTS] = "SELECT id FROM feeds WHERE id = ?1",
	[SQL_FEED_FIND_ID] = "SELECT id FROM feeds"
	    " WHERE id = ?1 AND removed = 0",
	[SQL_FEED_FIND_URL] = "SELECT id FROM feeds"
	    " WHERE url = ?1 AND removed = 0",
	[SQL_FEED_INSERT] = "INSERT INTO feeds (url, title, added)"
	    " VALUES (?1, ?2, ?3)",
	[SQL_FEED_REVIVE] = "UPDATE feeds SET removed = 0, backoff_until = 0,"
	    " title = coalesce(?2, title) WHERE id = ?1",
	[SQL_FEED_HIDE] = "UPDATE feeds SET removed = 1 WHERE id = ?1",
	[SQL_FEED_ITEMS_DELETE] = "DELETE FROM items WHERE feed_id = ?1",
	[SQL_FEED_DELETE] = "DELETE FROM feeds WHERE id = ?1",
	[SQL_FEED_GET] = "SELECT " FEED_COLUMNS ", f.nitems, f.nunread"
	    " FROM feeds f WHERE f.id = ?1",
	[SQL_FEED_TAGS] = "SELECT t.name FROM feed_tags y"
	    " JOIN tags t ON t.id = y.tag_id WHERE y.feed_id = ?1"
	    " ORDER BY t.name",
	[SQL_FEEDS_LIST] = "SELECT " FEED_COLUMNS ", f.nitems, f.nunread"
	    " FROM feeds f WHERE f.removed = 0 ORDER BY f.id",
	[SQL_FEEDS_TAGS] = "SELECT y.feed_id, t.name FROM feed_tags y"
	    " JOIN tags t ON t.id = y.tag_id JOIN feeds f ON f.id = y.feed_id"
	    " WHERE f.removed = 0 ORDER BY y.feed_id, t.name",
	[SQL_FEED_POLLED] = "UPDATE feeds SET last_poll = ?2,"
	    " http_status = ?3,"
	    " etag = CASE WHEN ?4 THEN ?5 ELSE coalesce(?5, etag) END,"
	    " last_modified = CASE WHEN ?4 THEN ?6"
	    "  ELSE coalesce(?6, last_modified) END,"
	    " last_error = ?7,"
	    " failures = CASE WHEN ?7 IS NULL THEN 0 ELSE failures + 1 END,"
	    " backoff_until = ?8, title = CASE WHEN EXISTS (SELECT 1 FROM"
	    "  meta WHERE key = 'title:' || ?1) THEN title"
	    "  ELSE coalesce(?9, title) END,"
	    " site_url = coalesce(?10, site_url) WHERE id = ?1",
	[SQL_FEED_MOVE] = "UPDATE feeds SET url = ?2 WHERE id = ?1"
	    " AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = ?2)",
	[SQL_TAG_INSERT] = "INSERT INTO tags (name) SELECT ?1 WHERE NOT EXISTS"
	    " (SELECT 1 FROM tags WHERE name = ?1 COLLATE telex_nocase)",
	[SQL_FEED_TAG_INSERT] = "INSERT OR IGNORE INTO feed_tags"
	    " (tag_id, feed_id) SELECT id, ?2 FROM tags"
	    " WHERE name = ?1 COLLATE telex_nocase ORDER BY id LIMIT 1",
	[SQL_STATS] = "SELECT"
	    " (SELECT count(*) FROM feeds WHERE removed = 0),"
	    " (SELECT count(*) FROM items),"
	    " (SELECT count(*) FROM items WHERE read = 0),"
	    " (SELECT count(*) FROM items WHERE starred = 1),"
	    " (SELECT count(*) FROM tags),"
	    " (SELECT count(*) FROM feeds"
	    "  WHERE removed = 0 AND last_error IS NOT NULL),"
	    " (SELECT coalesce(max(last_poll), 0) FROM feeds),"
	    " (SELECT c.page_count * s.page_size"
	    "  FROM pragma_page_count c, pragma_page_size s)",
	[SQL_FTS_REINDEX] = "INSERT INTO items_fts (rowid, title, author,"
	    " text) SELECT id, title, author, text FROM items_fts_source"
	    " WHERE id = ?1",
};

struct store {
	sqlite3		*db;
	char		*path;
	char		*error;		/* for people, never SQL */
	int		 code;		/* SQLite code behind error, or 0 */
	sqlite3_stmt	*stmts[SQL_COUNT];
	sqlite3_stmt	*siblings[STORE_SIBLING_STMTS];
	void		*data[STORE_SIBLING_DATA];	/* a sibling's own */
	void		(*done[STORE_SIBLING_DATA])(void *);
	const struct store_rule *rules;	/* applied to new items */
	size_t		 nrules;
	int		 mapped;
	/*
	 * New items' index rows, added in one run before anything else
	 * touches the archive (see store_fts_insert).
	 */
	struct store_fts_row {
		int64_t	 id;
		char	*title;
		char	*author;
		char	*text;
	}		*fts_rows;
	size_t		 nfts_rows;
	size_t		 capfts_rows;
};

static int	 store_fts_flush(struct store *);
static int64_t	 store_pragma(struct store *, const char *);
static void	 store_fts_drop(struct store *);

/* Put an SQLite result code into words; the caller frees them. */
static char *
store_explain(int code, const char *path)
{
	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return (xstrdup("the archive is locked by another telex; try "
		    "again when it is done"));
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return (xstrdup("the archive file is not a telex archive (or "
		    "is damaged)"));
	case SQLITE_FULL:
		return (xstrdup("the disk is full"));
	case SQLITE_READONLY:
		return (xstrdup("the archive is read-only (check the "
		    "permissions of the file and its folder)"));
	case SQLITE_CANTOPEN:
		return (xasprintf("cannot open the archive file %s (check "
		    "that its folder exists and that you may read and write "
		    "it)", path));
	case SQLITE_IOERR:
		return (xstrdup("the archive file could not be read or "
		    "written (a disk or file system error)"));
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return (xstrdup("permission to use the archive was denied"));
	case SQLITE_NOMEM:
		return (xstrdup("there is not enough memory"));
	case SQLITE_TOOBIG:
		return (xstrdup("an article is too large to store"));
	case SQLITE_CONSTRAINT:
		return (xstrdup("the change conflicts with what the archive "
		    "already holds"));
	default:
		return (xstrdup("the archive could not carry out the request "
		    "(it may be damaged)"));
	}
}

/* Keep a message for store_errmsg; always returns -1. */
static int
store_fail(struct store *st, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int
store_fail(struct store *st, int code, const char *fmt, ...)
{
	va_list	 ap;

	free(st->error);
	va_start(ap, fmt);
	st->error = xvasprintf(fmt, ap);
	va_end(ap);
	st->code = code;
	return (-1);
}

/* Has a file of the archive reached this process's file size limit? */
static int
store_at_size_limit(const struct store *st)
{
	struct rlimit	 rl;
	struct stat	 sb;
	char		*wal;
	int		 at = 0;

	if (getrlimit(RLIMIT_FSIZE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return (0);
	/* Within a few pages of it: the next write would not fit. */
	if (stat(st->path, &sb) == 0 &&
	    (rlim_t)sb.st_size + STORE_SIZE_SLACK >= rl.rlim_cur)
		at = 1;
	wal = xasprintf("%s-wal", st->path);
	if (stat(wal, &sb) == 0 &&
	    (rlim_t)sb.st_size + STORE_SIZE_SLACK >= rl.rlim_cur)
		at = 1;
	free(wal);
	return (at);
}

/* Keep the words for an SQLite failure; always returns -1. */
static int
store_sqlfail(struct store *st, int code)
{
	int	 sys = st->db != NULL ? sqlite3_system_errno(st->db) : 0;

	free(st->error);
	if ((code & 0xff) == SQLITE_IOERR && sys == ENOSPC)
		code = SQLITE_FULL;
	/* A write cut short at the limit is "full", with no errno at all. */
	if (((code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_FULL) &&
	    (sys == EFBIG || store_at_size_limit(st)))
		st->error = xstrdup("the archive file would pass this "
		    "process's file size limit (see ulimit -f)");
	else
		st->error = store_explain(code, st->path);
	st->code = code;
	return (-1);
}

const char *
store_errmsg(struct store *st)
{
	if (st == NULL)
		return ("the archive is not open");
	if (st->error == NULL)
		return ("no error");
	return (st->error);
}

int
store_schema_version(void)
{
	return ((int)UTIL_ARRLEN(store_migrations));
}

/* The cached statement, prepared on first use; NULL on error. */
static sqlite3_stmt *
store_stmt(struct store *st, enum store_sql which)
{
	sqlite3_stmt	*s;
	int		 rc;

	switch (which) {
	case SQL_ITEM_LOOKUP:
	case SQL_PRUNED_LOOKUP:
	case SQL_ITEM_INSERT:
	case SQL_BODY_PUT:
	case SQL_ENCLOSURE_INSERT:
	case SQL_FTS_INSERT:
		break;		/* storing new items: the index rows can wait */
	default:
		if (st->nfts_rows != 0 && store_fts_flush(st) != 0)
			return (NULL);
		break;
	}
	if ((s = st->stmts[which]) != NULL) {
		sqlite3_clear_bindings(s);
		return (s);
	}
	rc = sqlite3_prepare_v3(st->db, store_sql_text[which], -1,
	    SQLITE_PREPARE_PERSISTENT, &s, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(s);
		store_sqlfail(st, rc);
		return (NULL);
	}
	st->stmts[which] = s;
	return (s);
}

/* Step s to its end and reset it; 0, or -1 with the error kept. */
static int
store_run(struct store *st, sqlite3_stmt *s)
{
	int	 rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return (store_sqlfail(st, rc));
	return (0);
}

/* Step s once: 1 with a row (reset it after reading), 0 at the end. */
static int
store_row(struct store *st, sqlite3_stmt *s)
{
	int	 rc;

	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		return (1);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return (store_sqlfail(st, rc));
	return (0);
}

static int
store_exec(struct store *st, const char *sql)
{
	int	 rc;

	if (st->nfts_rows != 0 && store_fts_flush(st) != 0)
		return (-1);
	if ((rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL)) != SQLITE_OK)
		return (store_sqlfail(st, rc));
	return (0);
}

static void
store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

static void
store_bind_date(sqlite3_stmt *s, int i, int64_t t)
{
	if (t == DATE_NONE)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, t);
}

static char *
store_column_text(sqlite3_stmt *s, int i)
{
	const unsigned char	*v;

	if ((v = sqlite3_column_text(s, i)) == NULL)
		return (NULL);
	return (xstrdup((const char *)v));
}

static int64_t
store_column_date(sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return (DATE_NONE);
	return (sqlite3_column_int64(s, i));
}

/* Split a STORE_SEP-joined list (NULL: empty) into a new array. */
static void
store_split(const char *joined, char ***list, size_t *n)
{
	const char	*p, *end;

	*list = NULL;
	*n = 0;
	if (joined == NULL || *joined == '\0')
		return;
	for (p = joined;; p = end + 1) {
		if ((end = strchr(p, STORE_SEP)) == NULL)
			end = p + strlen(p);
		*list = xreallocarray(*list, *n + 1, sizeof **list);
		(*list)[(*n)++] = xstrndup(p, (size_t)(end - p));
		if (*end == '\0')
			break;
	}
}

/* Join a list with STORE_SEP (taken out of the parts); NULL if empty. */
static char *
store_join(char *const *list, size_t n)
{
	struct buf	 b;
	const char	*p;
	size_t		 i;

	if (n == 0)
		return (NULL);
	buf_init(&b, 0);
	for (i = 0; i < n; i++) {
		if (list[i] == NULL)
			continue;
		if (b.len != 0)
			buf_addc(&b, STORE_SEP);
		for (p = list[i]; *p != '\0'; p++)
			buf_addc(&b, *p == STORE_SEP ? ' ' : *p);
	}
	if (b.len == 0) {
		buf_free(&b);
		return (NULL);
	}
	return (buf_steal(&b));
}

static void
store_free_list(char **list, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* Read the one-column rows of a query taking one id into a list. */
static int
store_names(struct store *st, enum store_sql which, int64_t id,
    char ***list, size_t *n)
{
	sqlite3_stmt	*s;
	int		 rc;

	*list = NULL;
	*n = 0;
	if ((s = store_stmt(st, which)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, id);
	while ((rc = store_row(st, s)) == 1) {
		*list = xreallocarray(*list, *n + 1, sizeof **list);
		(*list)[(*n)++] = store_column_text(s, 0);
	}
	if (rc == 0)
		return (0);
	store_free_list(*list, *n);
	*list = NULL;
	*n = 0;
	return (-1);
}

/*
 * Write transactions.  A writer that needs several statements opens its
 * own transaction when none is open; inside the caller's, a failure
 * leaves the rollback to the caller.
 */
static int
store_write_begin(struct store *st, int *own)
{
	*own = 0;
	if (!sqlite3_get_autocommit(st->db))
		return (0);
	if (store_begin(st) != 0)
		return (-1);
	*own = 1;
	return (0);
}

static int
store_write_end(struct store *st, int own, int rc)
{
	if (!own)
		return (rc);
	if (rc == 0 && store_commit(st) == 0)
		return (0);
	store_rollback(st);
	return (-1);
}

int
store_begin(struct store *st)
{
	sqlite3_stmt	*s;

	if ((s = store_stmt(st, SQL_BEGIN)) == NULL)
		return (-1);
	return (store_run(st, s));
}

int
store_commit(struct store *st)
{
	sqlite3_stmt	*s;

	if ((s = store_stmt(st, SQL_COMMIT)) == NULL)
		return (-1);
	return (store_run(st, s));
}

/* Undo the open transaction, if any; the error already kept stays. */
void
store_rollback(struct store *st)
{
	store_fts_drop(st);
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Create the folders above path that are missing (mode 0700). */
static int
store_mkdirs(const char *path, char **cause)
{
	char	*dir, *p, *why = NULL;
	int	 rc = 0;

	dir = xstrdup(path);
	if ((p = strrchr(dir, '/')) != NULL && p != dir) {
		*p = '\0';
		if ((rc = util_mkdirs(dir, 0700, &why)) != 0) {
			*cause = xasprintf("%s for the archive", why);
			free(why);
		}
	}
	free(dir);
	return (rc);
}

/* Read the schema version and application id of the archive. */
static int
store_read_version(struct store *st, int *version, int *app)
{
	sqlite3_stmt	*s = NULL;
	int		 rc;

	rc = sqlite3_prepare_v2(st->db, "SELECT u.user_version,"
	    " a.application_id, (SELECT count(*) FROM sqlite_schema)"
	    " FROM pragma_user_version u, pragma_application_id a", -1, &s,
	    NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		*version = sqlite3_column_int(s, 0);
		*app = sqlite3_column_int(s, 1);
		if (*version == 0 && *app == 0 && sqlite3_column_int(s, 2) > 0)
			*app = -1;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return (store_sqlfail(st, rc));
	return (0);
}

/* Check the archive is ours and not newer than this telex. */
static int
store_check_version(struct store *st, int version, int app)
{
	int	 known = store_schema_version();

	if (app != 0 && app != STORE_APPLICATION_ID)
		return (store_fail(st, SQLITE_NOTADB, "the file is a database "
		    "of another program, not a telex archive"));
	if (version > 0 && app != STORE_APPLICATION_ID)
		return (store_fail(st, SQLITE_NOTADB, "the file is a database "
		    "of another program, not a telex archive"));
	if (version > known)
		return (store_fail(st, 0, "the archive was made by a newer "
		    "telex (schema %d; this telex knows up to %d)", version,
		    known));
	return (0);
}

/* Apply the missing migration steps inside the open transaction. */
static int
store_migrate_steps(struct store *st)
{
	char	*sql;
	int	 version, app, known = store_schema_version(), rc;

	if (store_read_version(st, &version, &app) != 0 ||
	    store_check_version(st, version, app) != 0)
		return (-1);
	for (; version < known; version++) {
		if (store_exec(st, store_migrations[version]) != 0)
			return (-1);
	}
	sql = xasprintf("PRAGMA application_id = %d; PRAGMA user_version = %d",
	    STORE_APPLICATION_ID, known);
	rc = store_exec(st, sql);
	free(sql);
	return (rc);
}

/* Bring the schema up to date, in one transaction when it is not. */
static int
store_migrate(struct store *st)
{
	int	 version, app;

	if (store_read_version(st, &version, &app) != 0 ||
	    store_check_version(st, version, app) != 0)
		return (-1);
	if (version == store_schema_version())
		return (0);
	/* A new archive gives freed pages back on request (telex prune). */
	if (version == 0 && store_exec(st, "PRAGMA auto_vacuum = INCREMENTAL")
	    != 0)
		return (-1);
	if (store_exec(st, "BEGIN IMMEDIATE") != 0)
		return (-1);
	if (store_migrate_steps(st) != 0 || store_exec(st, "COMMIT") != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return (-1);
	}
	return (0);
}

static void
store_free(struct store *st)
{
	size_t	 i;

	for (i = 0; i < SQL_COUNT; i++)
		sqlite3_finalize(st->stmts[i]);
	for (i = 0; i < STORE_SIBLING_DATA; i++) {
		if (st->done[i] != NULL)
			st->done[i](st->data[i]);
	}
	for (i = 0; i < STORE_SIBLING_STMTS; i++)
		sqlite3_finalize(st->siblings[i]);
	sqlite3_close(st->db);
	store_fts_drop(st);
	free(st->fts_rows);
	free(st->path);
	free(st->error);
	free(st);
}

#define STORE_PACK_BATCH	256	/* old bodies packed per transaction */

/*
 * Pack the HTML and text of one row in place; a body's text against its
 * HTML (prefixed), a page's apart.
 */
static int
store_pack_row(struct store *st, sqlite3_stmt *rows, sqlite3_stmt *put,
    int prefixed)
{
	struct store_packed	 hp, tp;
	char			*html, *text;
	size_t			 hlen;
	int			 rc = 0;

	if (sqlite3_column_type(rows, 1) == SQLITE_BLOB ||
	    sqlite3_column_type(rows, 2) == SQLITE_BLOB)
		return (0);	/* packed already */
	html = store_column_text(rows, 1);
	text = store_column_text(rows, 2);
	hlen = html != NULL ? strlen(html) : 0;
	store_pack(html, hlen, NULL, 0, &hp);
	memset(&tp, 0, sizeof tp);
	if (text != NULL)
		store_pack(text, strlen(text), prefixed ? html : NULL,
		    prefixed ? hlen : 0, &tp);
	if (hp.data != NULL || tp.data != NULL) {
		sqlite3_bind_int64(put, 1, sqlite3_column_int64(rows, 0));
		store_pack_bind(put, 2, html, &hp);
		store_pack_bind(put, 3, text, &tp);
		rc = store_run(st, put);
	}
	store_packed_free(&hp);
	store_packed_free(&tp);
	free(html);
	free(text);
	return (rc);
}

/* One batch of rows of a table from item id from on (to: up to it). */
static int
store_pack_rows(struct store *st, const char *table, int64_t from,
    int64_t to, int64_t *last, int64_t *n)
{
	sqlite3_stmt	*rows = NULL, *put = NULL;
	char		*sql;
	int		 rc;

	sql = xasprintf("SELECT item_id, html, text FROM %s WHERE item_id >= ?1"
	    " AND item_id <= ?2 ORDER BY item_id LIMIT %d", table,
	    STORE_PACK_BATCH);
	rc = sqlite3_prepare_v2(st->db, sql, -1, &rows, NULL);
	free(sql);
	if (rc == SQLITE_OK) {
		sql = xasprintf("UPDATE %s SET html = ?2, text = ?3"
		    " WHERE item_id = ?1", table);
		rc = sqlite3_prepare_v2(st->db, sql, -1, &put, NULL);
		free(sql);
	}
	if (rc != SQLITE_OK) {
		store_sqlfail(st, rc);
		rc = -1;
		goto out;
	}
	sqlite3_bind_int64(rows, 1, from);
	sqlite3_bind_int64(rows, 2, to);
	*n = 0;
	while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
		*last = sqlite3_column_int64(rows, 0);
		(*n)++;
		if (store_pack_row(st, rows, put,
		    strcmp(table, "item_bodies") == 0) != 0) {
			rc = -1;
			goto out;
		}
	}
	rc = rc == SQLITE_DONE ? 0 : store_sqlfail(st, rc);
out:
	sqlite3_finalize(rows);
	sqlite3_finalize(put);
	return (rc);
}

/* The integer kept under key in meta, or -1 when there is none. */
static int64_t
store_meta_get(struct store *st, const char *key)
{
	sqlite3_stmt	*s;
	int64_t		 v = -1;

	if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = ?1",
	    -1, &s, NULL) != SQLITE_OK)
		return (-1);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return (v);
}

static int64_t
store_count_from(struct store *st, int64_t from)
{
	sqlite3_stmt	*s;
	int64_t		 n = 0;

	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM item_bodies"
	    " WHERE item_id >= ?1", -1, &s, NULL) != SQLITE_OK)
		return (0);
	sqlite3_bind_int64(s, 1, from);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return (n);
}

/*
 * Pack the bodies an older telex stored as text, a batch of items per
 * transaction: stopped at any moment (a signal, a crash), the packed
 * batches stay packed and the next open goes on from pack_next.  The
 * unpacked and the packed read alike meanwhile.
 */
static int
store_pack_old(struct store *st, store_progress_cb progress, void *arg)
{
	int64_t	 from, last, n = 0, pages = 0, done = 0, total;
	char	*sql;
	int	 rc;

	if ((from = store_meta_get(st, "pack_next")) < 0)
		return (0);
	total = store_count_from(st, from);
	for (;;) {
		if (store_exec(st, "BEGIN IMMEDIATE") != 0)
			return (-1);
		last = from - 1;
		rc = store_pack_rows(st, "item_bodies", from, INT64_MAX, &last,
		    &n);
		/* Pages of the same items; after the last body, the rest. */
		if (rc == 0)
			rc = store_pack_rows(st, "item_pages", from,
			    n == 0 ? INT64_MAX : last, &last, &pages);
		if (rc == 0 && n == 0 && pages == 0)
			rc = store_exec(st, "DELETE FROM meta"
			    " WHERE key = 'pack_next'");
		else if (rc == 0) {
			sql = xasprintf("UPDATE meta SET value = %lld"
			    " WHERE key = 'pack_next'", (long long)last + 1);
			rc = store_exec(st, sql);
			free(sql);
		}
		if (rc != 0 || store_exec(st, "COMMIT") != 0) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return (-1);
		}
		if (n == 0 && pages == 0)
			break;
		done += n;
		from = last + 1;
		if (progress != NULL)
			progress(done < total ? done : total, total, arg);
	}
	if (progress != NULL && total > 0)
		progress(total, total, arg);
	/* Give the space back when the archive can (see retain.c). */
	sqlite3_exec(st->db, "PRAGMA incremental_vacuum", NULL, NULL, NULL);
	return (0);
}

static int
store_connect(struct store *st, store_progress_cb progress, void *arg)
{
	int	 rc;

	if (store_stem_setup() != 0)
		return (store_fail(st, 0, "the search index cannot be set up "
		    "(this SQLite does not offer FTS5)"));
	/* One thread at a time uses a connection: no locking inside. */
	rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return (store_sqlfail(st, rc));
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	/*
	 * A new archive gets pages of 16 KB: on pages of 4 KB, packed
	 * bodies of 1 to 3 KB left a fifth of each page empty, and the
	 * whole archive of full articles is 6% smaller.  An archive that
	 * exists keeps its pages.  Both this and giving pages back a step
	 * at a time (telex prune) must be set before WAL mode is.
	 */
	if (store_exec(st, "PRAGMA page_size = " STORE_PAGE_SIZE) != 0 ||
	    (store_pragma(st, "PRAGMA page_count") == 0 &&
	    store_exec(st, "PRAGMA auto_vacuum = INCREMENTAL") != 0) ||
	    store_exec(st, "PRAGMA foreign_keys = ON") != 0 ||
	    store_exec(st, "PRAGMA journal_mode = WAL") != 0 ||
	    store_exec(st, "PRAGMA synchronous = NORMAL") != 0 ||
	    store_migrate(st) != 0)
		return (-1);
	return (store_pack_old(st, progress, arg));
}

int
store_open(const char *path, struct store **stp, char **cause)
{
	return (store_open_progress(path, stp, cause, NULL, NULL));
}

int
store_open_progress(const char *path, struct store **stp, char **cause,
    store_progress_cb progress, void *arg)
{
	struct store	*st;

	*stp = NULL;
	if (store_mkdirs(path, cause) != 0)
		return (-1);
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	if (store_connect(st, progress, arg) != 0) {
		if ((st->code & 0xff) == SQLITE_CANTOPEN)
			*cause = xstrdup(st->error);
		else
			*cause = xasprintf("cannot open the archive %s: %s",
			    path, st->error);
		store_free(st);
		return (-1);
	}
	*stp = st;
	return (0);
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	store_rollback(st);
	/*
	 * Statistics are brought up to date by what changed them.  An
	 * index no row is in (items by sync id, without a sync) gets none
	 * from ANALYZE, and optimize took that for an index never analyzed:
	 * it read all of a million items at the end of every command.  Its
	 * statistics say it is empty.
	 */
	if (sqlite3_total_changes64(st->db) > 0) {
		sqlite3_exec(st->db, "PRAGMA optimize", NULL, NULL, NULL);
		sqlite3_exec(st->db, "INSERT INTO sqlite_stat1 (tbl, idx, stat)"
		    " SELECT 'items', 'items_sync_id', '0 1'"
		    " WHERE EXISTS (SELECT 1 FROM sqlite_stat1"
		    "  WHERE tbl = 'items')"
		    " AND NOT EXISTS (SELECT 1 FROM sqlite_stat1"
		    "  WHERE idx = 'items_sync_id')"
		    " AND NOT EXISTS (SELECT 1 FROM items"
		    "  WHERE sync_id IS NOT NULL)", NULL, NULL, NULL);
	}
	store_free(st);
}

/* A cheap fingerprint of what a feed says about an item. */
static uint64_t
store_hash_bytes(uint64_t h, const void *data, size_t len)
{
	const unsigned char	*p = data;
	size_t			 i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return (h);
}

static uint64_t
store_hash_string(uint64_t h, const char *s)
{
	if (s == NULL)
		return (store_hash_bytes(h, "\001", 1));
	return (store_hash_bytes(h, s, strlen(s) + 1));
}

static int64_t
store_item_hash(const struct feed_item *item)
{
	uint64_t	 h = 0xcbf29ce484222325ULL;
	size_t		 i;

	h = store_hash_string(h, item->url);
	h = store_hash_string(h, item->title);
	h = store_hash_string(h, item->author);
	h = store_hash_bytes(h, &item->published, sizeof item->published);
	h = store_hash_bytes(h, &item->updated, sizeof item->updated);
	if (item->published_inferred)
		h = store_hash_bytes(h, "\003", 1);
	h = store_hash_string(h, item->html);
	h = store_hash_string(h, item->base);
	for (i = 0; i < item->ncategories; i++)
		h = store_hash_string(h, item->categories[i]);
	h = store_hash_bytes(h, "\002", 1);
	for (i = 0; i < item->nenclosures; i++) {
		h = store_hash_string(h, item->enclosures[i].url);
		h = store_hash_string(h, item->enclosures[i].type);
		h = store_hash_bytes(h, &item->enclosures[i].length,
		    sizeof item->enclosures[i].length);
	}
	return ((int64_t)(h & INT64_MAX));
}

/* Find an item by feed and guid: 1 with its id and hash, 0 if none. */
static int
store_item_lookup(struct store *st, int64_t feed_id, const char *guid,
    int64_t *id, int64_t *hash)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = store_stmt(st, SQL_ITEM_LOOKUP)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, feed_id);
	store_bind_text(s, 2, guid);
	if ((rc = store_row(st, s)) == 1) {
		*id = sqlite3_column_int64(s, 0);
		*hash = sqlite3_column_int64(s, 1);
		sqlite3_reset(s);
	}
	return (rc);
}

/* Drop the index rows not yet written (the transaction is undone). */
static void
store_fts_drop(struct store *st)
{
	struct store_fts_row	*r;
	size_t			 i;

	for (i = 0; i < st->nfts_rows; i++) {
		r = &st->fts_rows[i];
		free(r->title);
		free(r->author);
		free(r->text);
	}
	st->nfts_rows = 0;
}

/* Write the index rows kept by store_fts_insert, in one run. */
static int
store_fts_flush(struct store *st)
{
	struct store_fts_row	*r;
	sqlite3_stmt		*s;
	size_t			 i;
	int			 rc = 0;

	for (i = 0; i < st->nfts_rows && rc == 0; i++) {
		r = &st->fts_rows[i];
		if ((s = store_stmt(st, SQL_FTS_INSERT)) == NULL) {
			rc = -1;
			break;
		}
		sqlite3_bind_int64(s, 1, r->id);
		store_bind_text(s, 2, r->title);
		store_bind_text(s, 3, r->author);
		store_bind_text(s, 4, r->text);
		rc = store_run(st, s);
	}
	store_fts_drop(st);
	return (rc);
}

/*
 * Index a new item.  The row is kept and written with the other new
 * items' rows just before any other statement runs (at the latest at
 * commit): the full-text index writes its pending terms out whenever a
 * statement with a savepoint of its own runs (as inserting an item
 * does), so writing rows between items made a tiny index segment per
 * item, and merging them cost a quarter of a first poll.
 */
static int
store_fts_insert(struct store *st, int64_t id, const struct feed_item *item,
    const char *text)
{
	struct store_fts_row	*r;

	if (sqlite3_get_autocommit(st->db))
		return (store_fail(st, 0, "an item is indexed outside a "
		    "transaction"));
	if (st->nfts_rows == st->capfts_rows) {
		st->capfts_rows = st->capfts_rows == 0 ? 64 :
		    st->capfts_rows * 2;
		st->fts_rows = xreallocarray(st->fts_rows, st->capfts_rows,
		    sizeof *st->fts_rows);
	}
	r = &st->fts_rows[st->nfts_rows++];
	r->id = id;
	r->title = item->title != NULL ? xstrdup(item->title) : NULL;
	r->author = item->author != NULL ? xstrdup(item->author) : NULL;
	r->text = text != NULL ? xstrdup(text) : NULL;
	return (0);
}

/* Take an item's current words out of the index; run before changes. */
static int
store_fts_delete(struct store *st, enum store_sql which, int64_t id)
{
	sqlite3_stmt	*s;

	if ((s = store_stmt(st, which)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, id);
	return (store_run(st, s));
}

static int
store_body_put(struct store *st, int64_t id, const struct feed_item *item,
    const char *text, int64_t hash, const struct store_packed *html_pk,
    const struct store_packed *text_pk)
{
	struct store_packed	 hp, tp;
	sqlite3_stmt		*s;
	size_t			 hlen;
	int			 rc;

	memset(&hp, 0, sizeof hp);
	memset(&tp, 0, sizeof tp);
	hlen = item->html != NULL ? strlen(item->html) : 0;
	if (html_pk == NULL) {
		store_pack(item->html, hlen, NULL, 0, &hp);
		html_pk = &hp;
	}
	if (text_pk == NULL) {
		if (text != NULL)
			store_pack(text, strlen(text), item->html, hlen, &tp);
		text_pk = &tp;
	}
	if ((s = store_stmt(st, SQL_BODY_PUT)) == NULL)
		rc = -1;
	else {
		sqlite3_bind_int64(s, 1, id);
		store_pack_bind(s, 2, item->html, html_pk);
		store_bind_text(s, 3, item->base);
		store_pack_bind(s, 4, text, text_pk);
		sqlite3_bind_int64(s, 5, hash);
		rc = store_run(st, s);
	}
	store_packed_free(&hp);
	store_packed_free(&tp);
	return (rc);
}

/* Replace the enclosures of an item with those of the feed item. */
static int
store_enclosures_put(struct store *st, int64_t id,
    const struct feed_item *item, int replace)
{
	const struct feed_enclosure	*e;
	sqlite3_stmt			*s;
	size_t				 i;

	if (replace) {
		if ((s = store_stmt(st, SQL_ENCLOSURES_DELETE)) == NULL)
			return (-1);
		sqlite3_bind_int64(s, 1, id);
		if (store_run(st, s) != 0)
			return (-1);
	}
	for (i = 0; i < item->nenclosures; i++) {
		e = &item->enclosures[i];
		if (e->url == NULL)
			continue;
		if ((s = store_stmt(st, SQL_ENCLOSURE_INSERT)) == NULL)
			return (-1);
		sqlite3_bind_int64(s, 1, id);
		store_bind_text(s, 2, e->url);
		store_bind_text(s, 3, e->type);
		if (e->length < 0)
			sqlite3_bind_null(s, 4);
		else
			sqlite3_bind_int64(s, 4, e->length);
		if (store_run(st, s) != 0)
			return (-1);
	}
	return (0);
}

/*
 * Is this item a summary rather than the article: it links to a page,
 * and its text is under 600 characters and 80 words (or absent)?
 */
static int
store_summary_only(const struct feed_item *item, const char *text)
{
	size_t	 spaces = 0;

	if (item->url == NULL)
		return (0);
	if (text == NULL)
		return (1);
	if (strnlen(text, 600) == 600)
		return (0);
	for (; *text != '\0'; text++)
		spaces += *text == ' ' || *text == '\n';
	return (spaces < 80);
}

static int
store_item_insert(struct store *st, int64_t feed_id,
    const struct feed_item *item, const char *text, int64_t hash,
    const struct store_packed *html_pk, const struct store_packed *text_pk)
{
	sqlite3_stmt	*s;
	char		*categories;
	int64_t		 now = util_now(), date, id;
	int		 rc;

	if ((s = store_stmt(st, SQL_ITEM_INSERT)) == NULL)
		return (-1);
	date = item->published != DATE_NONE ? item->published :
	    item->updated != DATE_NONE ? item->updated : now;
	categories = store_join(item->categories, item->ncategories);
	sqlite3_bind_int64(s, 1, feed_id);
	store_bind_text(s, 2, item->guid);
	store_bind_text(s, 3, item->url);
	store_bind_text(s, 4, item->title);
	store_bind_text(s, 5, item->author);
	store_bind_date(s, 6, item->published);
	store_bind_date(s, 7, item->updated);
	sqlite3_bind_int64(s, 8, now);
	sqlite3_bind_int64(s, 9, date);
	store_bind_text(s, 10, categories);
	sqlite3_bind_int(s, 11, store_summary_only(item, text));
	sqlite3_bind_int(s, 12, item->published_inferred != 0);
	rc = store_run(st, s);
	free(categories);
	if (rc != 0)
		return (-1);
	id = sqlite3_last_insert_rowid(st->db);
	if (store_body_put(st, id, item, text, hash, html_pk, text_pk) != 0 ||
	    store_enclosures_put(st, id, item, 0) != 0 ||
	    store_fts_insert(st, id, item, text) != 0)
		return (-1);
	return (0);
}

/* Update an item in place; its flags, tags and first_seen stay. */
static int
store_item_update(struct store *st, int64_t id, const struct feed_item *item,
    const char *text, int64_t hash, const struct store_packed *html_pk,
    const struct store_packed *text_pk)
{
	sqlite3_stmt	*s;
	char		*categories;
	int		 rc;

	if (store_fts_delete(st, SQL_FTS_DELETE, id) != 0)
		return (-1);
	if ((s = store_stmt(st, SQL_ITEM_UPDATE)) == NULL)
		return (-1);
	categories = store_join(item->categories, item->ncategories);
	sqlite3_bind_int64(s, 1, id);
	store_bind_text(s, 2, item->url);
	store_bind_text(s, 3, item->title);
	store_bind_text(s, 4, item->author);
	store_bind_date(s, 5, item->published);
	store_bind_date(s, 6, item->updated);
	store_bind_text(s, 7, categories);
	sqlite3_bind_int(s, 8, store_summary_only(item, text));
	sqlite3_bind_int(s, 9, item->published_inferred != 0);
	rc = store_run(st, s);
	free(categories);
	if (rc != 0)
		return (-1);
	if (store_body_put(st, id, item, text, hash, html_pk, text_pk) != 0 ||
	    store_enclosures_put(st, id, item, 1) != 0 ||
	    store_fts_insert(st, id, item, text) != 0)
		return (-1);
	return (0);
}

/* Was (feed_id, guid) pruned: 1, 0, or -1 on error. */
static int
store_item_pruned(struct store *st, int64_t feed_id, const char *guid)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = store_stmt(st, SQL_PRUNED_LOOKUP)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, feed_id);
	store_bind_text(s, 2, guid);
	if ((rc = store_row(st, s)) == 1)
		sqlite3_reset(s);
	return (rc);
}

static int
store_item_apply(struct store *st, int64_t feed_id,
    const struct feed_item *item, const char *text,
    const struct store_body *body, enum store_upsert *outcome)
{
	const struct store_packed *html_pk = NULL, *text_pk = NULL;
	int64_t	 id = 0, old = 0, hash;
	int	 found;

	if (body != NULL) {
		html_pk = body->html;
		text_pk = body->text;
		hash = body->hash;
	} else
		hash = store_item_hash(item);
	if ((found = store_item_lookup(st, feed_id, item->guid, &id,
	    &old)) < 0)
		return (-1);
	if (found && old == hash) {
		*outcome = STORE_UNCHANGED;
		return (0);
	}
	if (found) {
		*outcome = STORE_UPDATED;
		return (store_item_update(st, id, item, text, hash, html_pk,
		    text_pk));
	}
	/* Pruned once, never back. */
	*outcome = STORE_UNCHANGED;
	if ((found = store_item_pruned(st, feed_id, item->guid)) != 0)
		return (found < 0 ? -1 : 0);
	*outcome = STORE_NEW;
	return (store_item_insert(st, feed_id, item, text, hash, html_pk,
	    text_pk));
}

/*
 * Insert or update one item of a feed, found by (feed, guid).  An item
 * the feed still says the same about costs one lookup.  Outside a
 * transaction it runs in its own.
 */
int
store_item_upsert(struct store *st, int64_t feed_id,
    const struct feed_item *item, const char *text,
    enum store_upsert *outcome)
{
	return (store_item_upsert_body(st, feed_id, item, text, NULL,
	    outcome));
}

int64_t
store_item_fingerprint(const struct feed_item *item)
{
	return (store_item_hash(item));
}

int
store_item_upsert_body(struct store *st, int64_t feed_id,
    const struct feed_item *item, const char *text,
    const struct store_body *body, enum store_upsert *outcome)
{
	int	 own, rc;

	*outcome = STORE_UNCHANGED;
	if (item->guid == NULL)
		return (store_fail(st, 0, "an item without an identifier "
		    "cannot be stored"));
	if (store_write_begin(st, &own) != 0)
		return (-1);
	rc = store_item_apply(st, feed_id, item, text, body, outcome);
	if (rc != 0 && st->code == SQLITE_CONSTRAINT_FOREIGNKEY)
		store_fail(st, st->code, "there is no feed %lld in the archive "
		    "to store the item in", (long long)feed_id);
	return (store_write_end(st, own, rc));
}

/* Fill the list columns of an item from a row; strings are copied. */
static void
store_item_from_row(sqlite3_stmt *s, struct store_item *it)
{
	const char	*categories;

	it->id = sqlite3_column_int64(s, 0);
	it->feed_id = sqlite3_column_int64(s, 1);
	it->feed = store_column_text(s, 2);
	it->guid = store_column_text(s, 3);
	it->url = store_column_text(s, 4);
	it->title = store_column_text(s, 5);
	it->author = store_column_text(s, 6);
	it->published = store_column_date(s, 7);
	it->updated = store_column_date(s, 8);
	it->first_seen = sqlite3_column_int64(s, 9);
	it->date = sqlite3_column_int64(s, 10);
	it->read = sqlite3_column_int(s, 11);
	it->starred = sqlite3_column_int(s, 12);
	categories = (const char *)sqlite3_column_text(s, 13);
	store_split(categories, &it->categories, &it->ncategories);
	it->archived = sqlite3_column_int(s, 14);
	it->summary_only = sqlite3_column_int(s, 15);
	it->published_inferred = sqlite3_column_int(s, 16);
}

void
store_item_free(struct store_item *it)
{
	size_t	 i;

	free(it->feed);
	free(it->guid);
	free(it->url);
	free(it->title);
	free(it->author);
	store_free_list(it->categories, it->ncategories);
	store_free_list(it->tags, it->ntags);
	free(it->html);
	free(it->base);
	free(it->text);
	for (i = 0; i < it->nenclosures; i++) {
		free(it->enclosures[i].url);
		free(it->enclosures[i].type);
	}
	free(it->enclosures);
	memset(it, 0, sizeof *it);
}

int
store_item_enclosures(struct store *st, struct store_item *it)
{
	struct feed_enclosure	*e;
	sqlite3_stmt		*s;
	int			 rc;

	if ((s = store_stmt(st, SQL_ITEM_ENCLOSURES)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, it->id);
	while ((rc = store_row(st, s)) == 1) {
		it->enclosures = xreallocarray(it->enclosures,
		    it->nenclosures + 1, sizeof *it->enclosures);
		e = &it->enclosures[it->nenclosures++];
		e->url = store_column_text(s, 0);
		e->type = store_column_text(s, 1);
		if (sqlite3_column_type(s, 2) == SQLITE_NULL)
			e->length = -1;
		else
			e->length = sqlite3_column_int64(s, 2);
	}
	return (rc);
}

int
store_item_get(struct store *st, int64_t id, struct store_item *it)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(it, 0, sizeof *it);
	if ((s = store_stmt(st, SQL_ITEM_GET)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, id);
	if ((rc = store_row(st, s)) != 1)
		return (rc == 0 ? 1 : -1);
	store_item_from_row(s, it);
	it->html = store_pack_column(s, 17, NULL);
	it->base = store_column_text(s, 18);
	it->text = store_pack_column(s, 19, it->html);
	sqlite3_reset(s);
	if (store_names(st, SQL_ITEM_TAGS, id, &it->tags, &it->ntags) != 0 ||
	    store_item_enclosures(st, it) != 0) {
		store_item_free(it);
		return (-1);
	}
	return (0);
}

/*
 * "%text%" for LIKE against telex_fold(column): text folded for case
 * and accents, with \, % and _ escaped by a backslash.
 */
char *
store_sibling_like(const char *text)
{
	struct buf	 b;
	char		*folded, *p;

	folded = store_stem_fold_text(text);
	buf_init(&b, 0);
	buf_addc(&b, '%');
	for (p = folded; *p != '\0'; p++) {
		if (*p == '\\' || *p == '%' || *p == '_')
			buf_addc(&b, '\\');
		buf_addc(&b, *p);
	}
	buf_addc(&b, '%');
	free(folded);
	return (buf_steal(&b));
}

/* Fill a feed from a FEED_COLUMNS row followed by its two counts. */
static void
store_feed_from_row(sqlite3_stmt *s, struct store_feed *f)
{
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(s, 0);
	f->url = store_column_text(s, 1);
	f->title = store_column_text(s, 2);
	f->site_url = store_column_text(s, 3);
	f->etag = store_column_text(s, 4);
	f->last_modified = store_column_text(s, 5);
	f->added = sqlite3_column_int64(s, 6);
	f->last_poll = sqlite3_column_int64(s, 7);
	f->http_status = sqlite3_column_int(s, 8);
	f->last_error = store_column_text(s, 9);
	f->backoff_until = sqlite3_column_int64(s, 10);
	f->failures = sqlite3_column_int(s, 11);
	f->synced = sqlite3_column_int(s, 12);
	f->items = sqlite3_column_int64(s, 13);
	f->unread = sqlite3_column_int64(s, 14);
}

void
store_feed_free(struct store_feed *f)
{
	free(f->url);
	free(f->title);
	free(f->site_url);
	free(f->etag);
	free(f->last_modified);
	free(f->last_error);
	store_free_list(f->tags, f->ntags);
	memset(f, 0, sizeof *f);
}

void
store_feeds_free(struct store_feed *feeds, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		store_feed_free(&feeds[i]);
	free(feeds);
}

/* 0, 1 when there is no such feed (removed ones included), -1 on error. */
int
store_feed_get(struct store *st, int64_t id, struct store_feed *f)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(f, 0, sizeof *f);
	if ((s = store_stmt(st, SQL_FEED_GET)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, id);
	if ((rc = store_row(st, s)) != 1) {
		if (rc == 0)
			store_fail(st, 0, "there is no feed %lld in the "
			    "archive", (long long)id);
		return (rc == 0 ? 1 : -1);
	}
	store_feed_from_row(s, f);
	sqlite3_reset(s);
	if (store_names(st, SQL_FEED_TAGS, id, &f->tags, &f->ntags) != 0) {
		store_feed_free(f);
		return (-1);
	}
	return (0);
}

/* Give each feed of a list ordered by id its tags, in one query. */
static int
store_feeds_tags(struct store *st, struct store_feed *feeds, size_t n)
{
	struct store_feed	*f;
	sqlite3_stmt		*s;
	size_t			 i = 0;
	int64_t			 id;
	int			 rc;

	if ((s = store_stmt(st, SQL_FEEDS_TAGS)) == NULL)
		return (-1);
	while ((rc = store_row(st, s)) == 1) {
		id = sqlite3_column_int64(s, 0);
		while (i < n && feeds[i].id < id)
			i++;
		if (i == n || feeds[i].id != id)
			continue;
		f = &feeds[i];
		f->tags = xreallocarray(f->tags, f->ntags + 1,
		    sizeof *f->tags);
		f->tags[f->ntags++] = store_column_text(s, 1);
	}
	return (rc);
}

/* The feeds that are subscribed, by id, with counts from one query. */
int
store_feeds_list(struct store *st, struct store_feed **feeds, size_t *n)
{
	struct store_feed	*list = NULL;
	sqlite3_stmt		*s;
	size_t			 count = 0;
	int			 rc;

	*feeds = NULL;
	*n = 0;
	if ((s = store_stmt(st, SQL_FEEDS_LIST)) == NULL)
		return (-1);
	while ((rc = store_row(st, s)) == 1) {
		list = xreallocarray(list, count + 1, sizeof *list);
		store_feed_from_row(s, &list[count++]);
	}
	if (rc == 0)
		rc = store_feeds_tags(st, list, count);
	if (rc != 0) {
		store_feeds_free(list, count);
		return (-1);
	}
	*feeds = list;
	*n = count;
	return (0);
}

/* Run a statement that takes one text and answers one id: 1 if none. */
static int
store_find_id(struct store *st, enum store_sql which, const char *key,
    int64_t number, int64_t *id, int64_t *second)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = store_stmt(st, which)) == NULL)
		return (-1);
	if (key != NULL)
		store_bind_text(s, 1, key);
	else
		sqlite3_bind_int64(s, 1, number);
	if ((rc = store_row(st, s)) != 1)
		return (rc == 0 ? 1 : -1);
	*id = sqlite3_column_int64(s, 0);
	if (second != NULL)
		*second = sqlite3_column_int64(s, 1);
	sqlite3_reset(s);
	return (0);
}

/* A subscribed feed by decimal id or exact URL: 0, 1 if none, -1. */
int
store_feed_find(struct store *st, const char *id_or_url, int64_t *id)
{
	long long	 number;
	char		*end;
	int		 rc;

	if (*id_or_url >= '0' && *id_or_url <= '9') {
		errno = 0;
		number = strtoll(id_or_url, &end, 10);
		if (*end == '\0' && errno == 0) {
			rc = store_find_id(st, SQL_FEED_FIND_ID, NULL, number,
			    id, NULL);
			if (rc <= 0)
				return (rc);
		}
	}
	return (store_find_id(st, SQL_FEED_FIND_URL, id_or_url, 0, id, NULL));
}

static int
store_feed_insert(struct store *st, const char *url, const char *title,
    int64_t *id)
{
	sqlite3_stmt	*s;

	if ((s = store_stmt(st, SQL_FEED_INSERT)) == NULL)
		return (-1);
	store_bind_text(s, 1, url);
	store_bind_text(s, 2, title);
	sqlite3_bind_int64(s, 3, util_now());
	if (store_run(st, s) != 0)
		return (-1);
	*id = sqlite3_last_insert_rowid(st->db);
	return (0);
}

/* Run a statement that changes feed id; say so when there is none. */
static int
store_run_feed(struct store *st, sqlite3_stmt *s, int64_t id)
{
	if (store_run(st, s) != 0)
		return (-1);
	if (sqlite3_changes(st->db) == 0)
		return (store_fail(st, 0, "there is no feed %lld in the "
		    "archive", (long long)id));
	return (0);
}

/* Run a statement taking a feed id (and maybe a text) that must match. */
static int
store_feed_change(struct store *st, enum store_sql which, int64_t id,
    const char *text)
{
	sqlite3_stmt	*s;

	if ((s = store_stmt(st, which)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_bind_parameter_count(s) >= 2)
		store_bind_text(s, 2, text);
	return (store_run_feed(st, s, id));
}

/*
 * Subscribe to url.  Returns 0 with the new id, 1 with the id of the
 * feed already there, -1 on error.  A removed feed comes back with its
 * items (0).
 */
int
store_feed_add(struct store *st, const char *url, const char *title,
    int64_t *id)
{
	int64_t	 removed = 0;
	int	 rc;

	if (url == NULL || *url == '\0')
		return (store_fail(st, 0, "a feed needs a URL"));
	rc = store_find_id(st, SQL_FEED_BY_URL, url, 0, id, &removed);
	if (rc < 0)
		return (-1);
	if (rc == 1)
		return (store_feed_insert(st, url, title, id));
	if (!removed)
		return (1);
	return (store_feed_change(st, SQL_FEED_REVIVE, *id, title));
}

int
store_feed_tag(struct store *st, int64_t id, const char *tag)
{
	sqlite3_stmt	*s;
	int64_t		 found;
	int		 own, rc = -1;

	if (tag == NULL || *tag == '\0')
		return (store_fail(st, 0, "a tag cannot be empty"));
	if ((rc = store_find_id(st, SQL_FEED_EXISTS, NULL, id, &found,
	    NULL)) != 0)
		return (rc < 0 ? -1 : store_fail(st, 0, "there is no feed %lld "
		    "in the archive", (long long)id));
	if (store_write_begin(st, &own) != 0)
		return (-1);
	rc = -1;
	if ((s = store_stmt(st, SQL_TAG_INSERT)) == NULL)
		goto out;
	store_bind_text(s, 1, tag);
	if (store_run(st, s) != 0 ||
	    (s = store_stmt(st, SQL_FEED_TAG_INSERT)) == NULL)
		goto out;
	store_bind_text(s, 1, tag);
	sqlite3_bind_int64(s, 2, id);
	rc = store_run(st, s);
out:
	return (store_write_end(st, own, rc));
}

/* Delete a feed with its items, their bodies, tags and index entries. */
static int
store_feed_purge(struct store *st, int64_t id)
{
	sqlite3_stmt	*s;
	int		 own, rc = -1;

	if (store_write_begin(st, &own) != 0)
		return (-1);
	if (store_fts_delete(st, SQL_FTS_DELETE_FEED, id) != 0 ||
	    (s = store_stmt(st, SQL_FEED_ITEMS_DELETE)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, id);
	if (store_run(st, s) != 0)
		goto out;
	rc = store_feed_change(st, SQL_FEED_DELETE, id, NULL);
out:
	return (store_write_end(st, own, rc));
}

/*
 * Unsubscribe.  Without purge the feed is only hidden (never listed or
 * polled) and its items stay under its name; with purge all goes.
 */
int
store_feed_remove(struct store *st, int64_t id, int purge)
{
	if (purge)
		return (store_feed_purge(st, id));
	return (store_feed_change(st, SQL_FEED_HIDE, id, NULL));
}

static int
store_feed_polled(struct store *st, int64_t id,
    const struct store_poll_update *u)
{
	sqlite3_stmt	*s;

	if ((s = store_stmt(st, SQL_FEED_POLLED)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, u->when);
	sqlite3_bind_int(s, 3, u->http_status);
	sqlite3_bind_int(s, 4, u->clear_validators != 0);
	store_bind_text(s, 5, u->etag);
	store_bind_text(s, 6, u->last_modified);
	store_bind_text(s, 7, u->error);
	sqlite3_bind_int64(s, 8, u->backoff_until);
	store_bind_text(s, 9, u->title);
	store_bind_text(s, 10, u->site_url);
	return (store_run_feed(st, s, id));
}

/*
 * Record a poll.  A new URL that another feed already has is ignored:
 * the feed keeps its old one.
 */
int
store_feed_update_poll(struct store *st, int64_t id,
    const struct store_poll_update *u)
{
	sqlite3_stmt	*s;
	int		 own, rc;

	if (store_write_begin(st, &own) != 0)
		return (-1);
	rc = store_feed_polled(st, id, u);
	if (rc == 0 && u->new_url != NULL && *u->new_url != '\0') {
		if ((s = store_stmt(st, SQL_FEED_MOVE)) == NULL)
			rc = -1;
		else {
			sqlite3_bind_int64(s, 1, id);
			store_bind_text(s, 2, u->new_url);
			rc = store_run(st, s);
		}
	}
	return (store_write_end(st, own, rc));
}

int64_t
store_file_size(struct store *st)
{
	struct stat	 sb;
	char		*wal;
	int64_t		 size;

	if (stat(st->path, &sb) != 0)
		return (-1);
	size = (int64_t)sb.st_size;
	wal = xasprintf("%s-wal", st->path);
	if (stat(wal, &sb) == 0)
		size += (int64_t)sb.st_size;
	free(wal);
	return (size);
}

/* One integer from a pragma, or -1. */
static int64_t
store_pragma(struct store *st, const char *sql)
{
	sqlite3_stmt	*s = NULL;
	int64_t		 v = -1;
	int		 rc;

	if ((rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL)) != SQLITE_OK)
		store_sqlfail(st, rc);
	else if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	else
		store_sqlfail(st, rc);
	sqlite3_finalize(s);
	return (v);
}

/*
 * An archive made before telex pruned cannot give pages back a step at
 * a time: its first shrink turns that on and rewrites it whole (once).
 */
int64_t
store_shrink_step(struct store *st, int pages, int rewrite)
{
	char	*sql;
	int64_t	 mode;

	if ((mode = store_pragma(st, "PRAGMA auto_vacuum")) < 0)
		return (-1);
	if (mode != 2) {
		if (!rewrite)
			return (0);
		if (store_exec(st, "PRAGMA auto_vacuum = INCREMENTAL") != 0 ||
		    store_exec(st, "VACUUM") != 0)
			return (-1);
		return (0);
	}
	sql = xasprintf("PRAGMA incremental_vacuum(%d)", pages);
	if (store_exec(st, sql) != 0) {
		free(sql);
		return (-1);
	}
	free(sql);
	return (store_pragma(st, "PRAGMA freelist_count"));
}

int
store_stats(struct store *st, struct store_stats *stats)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(stats, 0, sizeof *stats);
	stats->schema = store_schema_version();
	if ((s = store_stmt(st, SQL_STATS)) == NULL)
		return (-1);
	if ((rc = store_row(st, s)) != 1)
		return (rc == 0 ? store_fail(st, 0, "the archive could not be "
		    "counted") : -1);
	stats->feeds = sqlite3_column_int64(s, 0);
	stats->items = sqlite3_column_int64(s, 1);
	stats->unread = sqlite3_column_int64(s, 2);
	stats->starred = sqlite3_column_int64(s, 3);
	stats->tags = sqlite3_column_int64(s, 4);
	stats->failing = sqlite3_column_int64(s, 5);
	stats->last_poll = sqlite3_column_int64(s, 6);
	stats->bytes = sqlite3_column_int64(s, 7);
	sqlite3_reset(s);
	return (0);
}

/*
 * For the store-*.c siblings (store-sibling.h): the connection, cached
 * statements by slot, errors kept for store_errmsg, write transactions
 * and the index kept in step around a change of an item's text.
 */
/*
 * Read the archive through a memory map from now on, as far as SQLite
 * allows (2 GB): a search then reads its pages without a system call
 * each.  Only searches and lists ask for it: a poll would count every
 * page it touched as its own memory, and gain nothing.  SQLite still
 * writes with write(), so nothing changes for safety.
 */
void
store_sibling_map(struct store *st)
{
	if (!st->mapped)
		sqlite3_exec(st->db, "PRAGMA mmap_size = 2147418112", NULL,
		    NULL, NULL);
	st->mapped = 1;
}

sqlite3 *
store_sibling_db(struct store *st)
{
	/* A sibling's statements see every item stored so far. */
	if (st->nfts_rows != 0)
		store_fts_flush(st);
	return (st->db);
}

void *
store_sibling_data(struct store *st, size_t slot)
{
	return (slot < STORE_SIBLING_DATA ? st->data[slot] : NULL);
}

/* Keep data in an empty slot for store_free to hand to done; else -1. */
int
store_sibling_keep(struct store *st, size_t slot, void *data,
    void (*done)(void *))
{
	if (slot >= STORE_SIBLING_DATA || st->data[slot] != NULL)
		return (-1);
	st->data[slot] = data;
	st->done[slot] = done;
	return (0);
}

sqlite3_stmt *
store_sibling_stmt(struct store *st, size_t slot, const char *sql)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (slot >= STORE_SIBLING_STMTS)
		return (NULL);
	if (st->nfts_rows != 0 && store_fts_flush(st) != 0)
		return (NULL);
	if ((s = st->siblings[slot]) != NULL) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return (s);
	}
	rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &s, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(s);
		store_sqlfail(st, rc);
		return (NULL);
	}
	st->siblings[slot] = s;
	return (s);
}

int
store_sibling_exec(struct store *st, const char *sql)
{
	return (store_exec(st, sql));
}

int
store_sibling_run(struct store *st, sqlite3_stmt *s)
{
	if (st->nfts_rows != 0 && store_fts_flush(st) != 0) {
		sqlite3_reset(s);
		return (-1);
	}
	return (store_run(st, s));
}

int
store_sibling_row(struct store *st, sqlite3_stmt *s)
{
	if (st->nfts_rows != 0 && store_fts_flush(st) != 0) {
		sqlite3_reset(s);
		return (-1);
	}
	return (store_row(st, s));
}

int
store_sibling_sqlfail(struct store *st, int code)
{
	return (store_sqlfail(st, code));
}

int
store_sibling_fail(struct store *st, const char *message)
{
	return (store_fail(st, 0, "%s", message));
}

int
store_sibling_begin(struct store *st, int *own)
{
	if (st->nfts_rows != 0 && store_fts_flush(st) != 0)
		return (-1);
	return (store_write_begin(st, own));
}

int
store_sibling_end(struct store *st, int own, int rc)
{
	return (store_write_end(st, own, rc));
}

/* Take an item's words out of the index; call before changing them. */
int
store_sibling_fts_out(struct store *st, int64_t id)
{
	return (store_fts_delete(st, SQL_FTS_DELETE, id));
}

/* Index an item's words as items_fts_source now yields them. */
int
store_sibling_fts_in(struct store *st, int64_t id)
{
	return (store_fts_delete(st, SQL_FTS_REINDEX, id));
}

/* The item columns of a list, read back by store_sibling_item_row. */
const char *
store_sibling_item_columns(void)
{
	return (ITEM_COLUMNS);
}

/* Fill it from a row that starts with the item columns, with its tags. */
int
store_sibling_item_row(struct store *st, sqlite3_stmt *s,
    struct store_item *it)
{
	memset(it, 0, sizeof *it);
	store_item_from_row(s, it);
	if (store_names(st, SQL_ITEM_TAGS, it->id, &it->tags,
	    &it->ntags) != 0) {
		store_item_free(it);
		return (-1);
	}
	return (0);
}

/* Rules to apply to new items (the caller keeps them alive); NULL: none. */
void
store_rules_set(struct store *st, const struct store_rule *rules, size_t n)
{
	st->rules = rules;
	st->nrules = rules != NULL ? n : 0;
}

const struct store_rule *
store_sibling_rules(struct store *st, size_t *n)
{
	*n = st->nrules;
	return (st->rules);
}
