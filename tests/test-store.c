/*
 * Unit tests for src/store.c, each against a fresh archive in a temporary
 * folder: schema and migration, feeds, upserts, list filters, the FTS5
 * index, poll updates, stats and the words of errors.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "date.h"
#include "fixture.h"
#include "store.h"
#include "util.h"

/* SQL taking an archive back from schema 13 (sync) to 12. */
#define UNDO_SCHEMA_13 \
	"DROP TRIGGER sync_queue_read; DROP TRIGGER sync_queue_starred;" \
	"DROP TRIGGER sync_queue_tag_add; DROP TRIGGER sync_queue_tag_remove;" \
	"DROP TABLE sync_queue; DROP TABLE sync_state;" \
	"DROP INDEX items_sync_id; ALTER TABLE items DROP COLUMN sync_id;" \
	"ALTER TABLE feeds DROP COLUMN sync_id;"

struct fixture {
	char		 dir[64];
	char		*path;		/* dir/sub/archive.db */
	struct store	*st;
	const void	*param;		/* the table row of the test */
	int64_t		 feeds[2];
	int64_t		 items[5];
};

static int
setup_empty(void **state)
{
	struct fixture	*fx;

	fx = xcalloc(1, sizeof *fx);
	fx->param = *state;
	if (fixture_dir(fx->dir, sizeof fx->dir, "store") != 0)
		return (-1);
	fx->path = xasprintf("%s/sub/archive.db", fx->dir);
	*state = fx;
	return (0);
}

static int
setup_open(void **state)
{
	struct fixture	*fx;

	if (setup_empty(state) != 0)
		return (-1);
	fx = *state;
	return ((fx->st = fixture_store(fx->path)) == NULL ? -1 : 0);
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	store_close(fx->st);
	fixture_remove(fx->dir);
	free(fx->path);
	free(fx);
	return (0);
}

/* Run SQL on the archive through a connection of the test's own. */
static void
sql_exec(const char *path, const char *sql)
{
	sqlite3	*db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 2000);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* The first column of the first row of sql, or -1 if there is none. */
static int64_t
sql_int(const char *path, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*s;
	int64_t		 v = -1;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 2000);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return (v);
}

static void
fts_check(const char *path)
{
	sql_exec(path, "INSERT INTO items_fts (items_fts, rank)"
	    " VALUES ('integrity-check', 1)");
}

static void
assert_no_sql(const char *msg)
{
	assert_non_null(msg);
	assert_null(strstr(msg, "SQL"));
	assert_null(util_strcasestr(msg, "sqlite"));
	assert_null(util_strcasestr(msg, "fts5"));
	assert_null(strstr(msg, "syntax"));
}

struct item_spec {
	const char	*guid;
	const char	*title;
	const char	*author;
	int64_t		 published;
	const char	*text;
};

static char *
dup_or_null(const char *s)
{
	return (s == NULL ? NULL : xstrdup(s));
}

static void
item_build(struct feed_item *it, const struct item_spec *spec)
{
	memset(it, 0, sizeof *it);
	it->guid = xstrdup(spec->guid);
	it->url = xasprintf("https://example.org/%s", spec->guid);
	it->title = dup_or_null(spec->title);
	it->author = dup_or_null(spec->author);
	it->published = spec->published;
	it->updated = DATE_NONE;
	it->html = xasprintf("<p>%s</p>", spec->text);
	it->base = xstrdup("https://example.org/");
}

/* Upsert one item built from spec; returns what the store did. */
static enum store_upsert
upsert(struct store *st, int64_t feed_id, const struct item_spec *spec)
{
	struct feed_item	 it;
	enum store_upsert	 outcome;

	item_build(&it, spec);
	assert_int_equal(store_item_upsert(st, feed_id, &it, spec->text,
	    &outcome), 0);
	feed_item_clear(&it);
	return (outcome);
}

/* Collect the ids a list hands over, up to stop_after. */
struct collect {
	int64_t		 ids[16];
	size_t		 n;
	size_t		 stop_after;
	struct store	*st;
};

static int
collect_cb(const struct store_item *it, void *arg)
{
	struct collect	*c = arg;

	assert_true(c->n < UTIL_ARRLEN(c->ids));
	assert_non_null(it->feed);
	assert_non_null(it->guid);
	c->ids[c->n++] = it->id;
	return (c->stop_after != 0 && c->n == c->stop_after);
}

static void
list_ids(struct store *st, const struct store_filter *f, struct collect *c)
{
	memset(c, 0, sizeof *c);
	assert_int_equal(store_items_list(st, f, collect_cb, c), 0);
}

static struct store_filter
filter_none(void)
{
	struct store_filter	 f;

	memset(&f, 0, sizeof f);
	return (f);
}

/*
 * The shared archive of the list tests: two feeds, five items.  By date,
 * newest first: 4, 2, 5, 3, 1 (5 and 3 share a date; the higher id is
 * first).  Read: 1 and 4.  Starred: 2.  Item tags: 1 local, 3 Releases,
 * 5 tech.  Feed tags: harbour news, lakeside tech.
 */
static const struct item_spec fixture_items[] = {
	{ "h-1", "Harbour ferry returns", "Ana Pereira", 1000,
	    "The ferry is back at the quay." },
	{ "h-2", "Café owners résumé tour", "Lucas Brun", 3000,
	    "A walk through old kitchens." },
	{ "l-1", "New compiler release", "Mira Tan", 2000,
	    "Faster builds for everyone, including the harbour office." },
	{ "l-2", "Quiet week", "Ana Pereira", 4000, "Nothing happened." },
	{ "h-3", "Storm warning", NULL, 2000, "Boats stay in port." },
};
static const int fixture_feed[] = { 0, 0, 1, 1, 0 };

static int
setup_items(void **state)
{
	struct fixture	*fx;
	size_t		 i;

	if (setup_open(state) != 0)
		return (-1);
	fx = *state;
	if (store_feed_add(fx->st, "https://harbour.example/feed",
	    "Harbour Gazette", &fx->feeds[0]) != 0 ||
	    store_feed_add(fx->st, "https://lakeside.example/rss",
	    "Lakeside Tech", &fx->feeds[1]) != 0 ||
	    store_feed_tag(fx->st, fx->feeds[0], "news") != 0 ||
	    store_feed_tag(fx->st, fx->feeds[1], "tech") != 0)
		return (-1);
	for (i = 0; i < UTIL_ARRLEN(fixture_items); i++) {
		upsert(fx->st, fx->feeds[fixture_feed[i]], &fixture_items[i]);
		fx->items[i] = (int64_t)i + 1;
	}
	sql_exec(fx->path, "UPDATE items SET read = 1 WHERE id IN (1, 4);"
	    "UPDATE items SET starred = 1 WHERE id = 2;"
	    "INSERT INTO tags (name) VALUES ('local'), ('Releases');"
	    "INSERT INTO item_tags (tag_id, item_id)"
	    " SELECT id, 1 FROM tags WHERE name = 'local'"
	    " UNION ALL SELECT id, 3 FROM tags WHERE name = 'Releases'"
	    " UNION ALL SELECT id, 5 FROM tags WHERE name = 'tech';");
	return (0);
}

static void
test_open_creates(void **state)
{
	struct fixture		*fx = *state;
	struct store_stats	 stats;
	struct stat		 sb;
	char			*cause = NULL, *sub;

	assert_int_equal(store_open(fx->path, &fx->st, &cause), 0);
	assert_null(cause);
	assert_int_equal(stat(fx->path, &sb), 0);
	sub = xasprintf("%s/sub", fx->dir);
	assert_int_equal(stat(sub, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	free(sub);
	assert_true(store_schema_version() >= 2);
	assert_int_equal(store_stats(fx->st, &stats), 0);
	assert_int_equal(stats.schema, store_schema_version());
	assert_int_equal(stats.feeds, 0);
	assert_true(stats.bytes > 0);
	assert_int_equal(sql_int(fx->path, "PRAGMA user_version"),
	    store_schema_version());
	store_close(fx->st);
	fx->st = NULL;
	assert_int_equal(store_open(fx->path, &fx->st, &cause), 0);
	assert_int_equal(store_stats(fx->st, &stats), 0);
	assert_int_equal(stats.schema, store_schema_version());
}

/*
 * Closing brings the planner's statistics up to date after writing only:
 * a search or a list leaves them as they are (analyzing a million items
 * at every close cost each search 200 ms).
 */
static void
test_optimize_after_writes(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 f = filter_none();
	struct collect		 c;
	char			*cause = NULL;
	int64_t			 changed = 0;
	const char		*count = "SELECT count(*) FROM sqlite_stat1"
				    " WHERE tbl = 'items'";

	store_close(fx->st);
	fx->st = NULL;
	assert_true(sql_int(fx->path, count) > 0);
	sql_exec(fx->path, "DELETE FROM sqlite_stat1 WHERE tbl = 'items'");
	assert_int_equal(store_open(fx->path, &fx->st, &cause), 0);
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 5);
	store_close(fx->st);
	fx->st = NULL;
	assert_int_equal(sql_int(fx->path, count), 0);
	/*
	 * Analyzed once, a write does not analyze again: the empty index of
	 * sync ids has statistics too (a mark of ours on another stays).
	 */
	assert_int_equal(store_open(fx->path, &fx->st, &cause), 0);
	assert_int_equal(store_mark_items(fx->st, &f, STORE_MARK_STAR,
	    &changed), 0);
	store_close(fx->st);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_stat1"
	    " WHERE idx = 'items_sync_id'"), 1);
	sql_exec(fx->path, "UPDATE sqlite_stat1 SET stat = '12345 1'"
	    " WHERE idx = 'items_date'");
	assert_int_equal(store_open(fx->path, &fx->st, &cause), 0);
	list_ids(fx->st, &f, &c);
	assert_int_equal(store_mark_items(fx->st, &f, STORE_MARK_UNSTAR,
	    &changed), 0);
	assert_true(changed > 0);
	store_close(fx->st);
	fx->st = NULL;
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_stat1"
	    " WHERE idx = 'items_date' AND stat = '12345 1'"), 1);
}

/*
 * A new archive has pages of 16 KB and gives pages back on request; one
 * made with 4 KB keeps them.
 */
static void
test_page_size(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL, *old;
	struct store	*st;

	assert_int_equal(sql_int(fx->path, "PRAGMA page_size"), 16384);
	assert_int_equal(sql_int(fx->path, "PRAGMA auto_vacuum"), 2);
	old = xasprintf("%s/old.db", fx->dir);
	sql_exec(old, "PRAGMA page_size = 4096;"
	    "PRAGMA application_id = 1413827672");	/* "TELX" */
	assert_int_equal(store_open(old, &st, &cause), 0);
	assert_null(cause);
	store_close(st);
	assert_int_equal(sql_int(old, "PRAGMA page_size"), 4096);
	assert_int_equal(sql_int(old, "PRAGMA user_version"),
	    store_schema_version());
	free(old);
}

static void
test_wal_mode(void **state)
{
	struct fixture	*fx = *state;
	sqlite3		*db;
	sqlite3_stmt	*s;

	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "wal");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* Reopening keeps the data and does not run the migration again. */
static void
test_migration_once(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL;
	int64_t		 id, tables;

	assert_int_equal(store_feed_add(fx->st, "https://a.example/feed", NULL,
	    &id), 0);
	/* Our own tables, not SQLite's statistics that optimize may add. */
	tables = sql_int(fx->path, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name NOT LIKE 'sqlite_%'");
	store_close(fx->st);
	fx->st = NULL;
	assert_int_equal(store_open(fx->path, &fx->st, &cause), 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM feeds"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name NOT LIKE 'sqlite_%'"), tables);
	assert_int_equal(sql_int(fx->path, "PRAGMA user_version"),
	    store_schema_version());
}

/* An empty file (version 0, no tables) is migrated to the schema. */
static void
test_migrate_empty_file(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL, *sub;
	FILE		*f;

	sub = xasprintf("%s/sub", fx->dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	free(sub);
	assert_non_null(f = fopen(fx->path, "w"));
	fclose(f);
	assert_int_equal(store_open(fx->path, &fx->st, &cause), 0);
	assert_int_equal(sql_int(fx->path, "PRAGMA user_version"),
	    store_schema_version());
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name IN ('feeds', 'items', 'item_bodies', 'enclosures',"
	    " 'tags', 'item_tags', 'feed_tags', 'items_fts')"), 8);
}

static void
test_newer_schema(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL;

	store_close(fx->st);
	fx->st = NULL;
	sql_exec(fx->path, "PRAGMA user_version = 99");
	assert_int_equal(store_open(fx->path, &fx->st, &cause), -1);
	assert_null(fx->st);
	assert_non_null(strstr(cause, "newer telex"));
	assert_non_null(strstr(cause, fx->path));
	assert_no_sql(cause);
	free(cause);
}

static void
test_garbage_file(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL, *sub;
	FILE		*f;
	int		 i;

	sub = xasprintf("%s/sub", fx->dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	free(sub);
	assert_non_null(f = fopen(fx->path, "w"));
	for (i = 0; i < 200; i++)
		fputs("this is a shopping list, not an archive\n", f);
	fclose(f);
	assert_int_equal(store_open(fx->path, &fx->st, &cause), -1);
	assert_null(fx->st);
	assert_non_null(strstr(cause, "not a telex archive"));
	assert_no_sql(cause);
	free(cause);
}

static void
test_foreign_database(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL, *sub;

	sub = xasprintf("%s/sub", fx->dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	free(sub);
	sql_exec(fx->path, "CREATE TABLE notes (body TEXT)");
	assert_int_equal(store_open(fx->path, &fx->st, &cause), -1);
	assert_non_null(strstr(cause, "not a telex archive"));
	assert_no_sql(cause);
	free(cause);
}

/* A file standing where a folder must be created is a clear error. */
static void
test_folder_blocked(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL, *path, *file;
	FILE		*f;

	file = xasprintf("%s/plain", fx->dir);
	assert_non_null(f = fopen(file, "w"));
	fclose(f);
	path = xasprintf("%s/deeper/archive.db", file);
	assert_int_equal(store_open(path, &fx->st, &cause), -1);
	assert_null(fx->st);
	assert_non_null(strstr(cause, "cannot create the folder"));
	assert_non_null(strstr(cause, "/plain/deeper"));
	free(cause);
	free(path);
	free(file);
}

static void
test_feed_add_find(void **state)
{
	struct fixture	*fx = *state;
	int64_t		 a, b, again, found;
	char		 num[32];

	assert_int_equal(store_feed_add(fx->st, "https://a.example/feed",
	    "Alpha", &a), 0);
	assert_int_equal(store_feed_add(fx->st, "https://b.example/feed", NULL,
	    &b), 0);
	assert_int_not_equal(a, b);
	assert_int_equal(store_feed_add(fx->st, "https://a.example/feed",
	    "Other", &again), 1);
	assert_int_equal(again, a);
	snprintf(num, sizeof num, "%lld", (long long)b);
	assert_int_equal(store_feed_find(fx->st, num, &found), 0);
	assert_int_equal(found, b);
	assert_int_equal(store_feed_find(fx->st, "https://a.example/feed",
	    &found), 0);
	assert_int_equal(found, a);
	assert_int_equal(store_feed_find(fx->st, "999", &found), 1);
	assert_int_equal(store_feed_find(fx->st, "https://a.example/", &found),
	    1);
	assert_int_equal(store_feed_find(fx->st, "", &found), 1);
	assert_int_equal(store_feed_add(fx->st, "", NULL, &found), -1);
	assert_no_sql(store_errmsg(fx->st));
}

static void
test_feed_get_list_tags(void **state)
{
	struct fixture		*fx = *state;
	struct store_feed	 f, *list;
	size_t			 n;
	int64_t			 a, b;

	assert_int_equal(store_feed_add(fx->st, "https://a.example/feed",
	    "Alpha", &a), 0);
	assert_int_equal(store_feed_add(fx->st, "https://b.example/feed", NULL,
	    &b), 0);
	assert_int_equal(store_feed_tag(fx->st, a, "world"), 0);
	assert_int_equal(store_feed_tag(fx->st, a, "Local"), 0);
	assert_int_equal(store_feed_tag(fx->st, a, "LOCAL"), 0);
	assert_int_equal(store_feed_tag(fx->st, b, "local"), 0);
	assert_int_equal(store_feed_tag(fx->st, a, ""), -1);
	assert_int_equal(store_feed_tag(fx->st, 999, "x"), -1);
	assert_non_null(strstr(store_errmsg(fx->st), "no feed 999"));
	assert_int_equal(store_feed_get(fx->st, a, &f), 0);
	assert_string_equal(f.url, "https://a.example/feed");
	assert_string_equal(f.title, "Alpha");
	assert_int_equal(f.ntags, 2);
	assert_string_equal(f.tags[0], "Local");
	assert_string_equal(f.tags[1], "world");
	assert_int_equal(f.last_poll, 0);
	assert_null(f.last_error);
	assert_true(f.added > 0);
	store_feed_free(&f);
	assert_int_equal(store_feed_get(fx->st, 999, &f), 1);
	assert_int_equal(store_feeds_list(fx->st, &list, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, a);
	assert_int_equal(list[0].ntags, 2);
	assert_null(list[1].title);
	assert_int_equal(list[1].ntags, 1);
	assert_string_equal(list[1].tags[0], "Local");
	store_feeds_free(list, n);
}

static void
test_feeds_counts(void **state)
{
	struct fixture		*fx = *state;
	struct store_feed	*list, f;
	size_t			 n;

	assert_int_equal(store_feeds_list(fx->st, &list, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].items, 3);
	assert_int_equal(list[0].unread, 2);
	assert_int_equal(list[1].items, 2);
	assert_int_equal(list[1].unread, 1);
	assert_string_equal(list[1].tags[0], "tech");
	store_feeds_free(list, n);
	assert_int_equal(store_feed_get(fx->st, fx->feeds[0], &f), 0);
	assert_int_equal(f.items, 3);
	assert_int_equal(f.unread, 2);
	store_feed_free(&f);
	/* The kept counts follow marks and deletions made any way. */
	sql_exec(fx->path, "UPDATE items SET read = 1 WHERE feed_id = 1");
	sql_exec(fx->path, "DELETE FROM items WHERE id = (SELECT max(id)"
	    " FROM items WHERE feed_id = 2)");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM feeds f"
	    " WHERE nitems != (SELECT count(*) FROM items WHERE feed_id = f.id)"
	    " OR nunread != (SELECT count(*) FROM items WHERE feed_id = f.id"
	    " AND read = 0)"), 0);
	assert_int_equal(store_feed_get(fx->st, fx->feeds[0], &f), 0);
	assert_int_equal(f.unread, 0);
	store_feed_free(&f);
}

/* Removed, a feed is hidden but its items stay; adding it revives it. */
static void
test_feed_remove_revive(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 f = filter_none();
	struct store_feed	*list;
	struct collect		 c;
	size_t			 n;
	int64_t			 id;

	assert_int_equal(store_feed_remove(fx->st, fx->feeds[0], 0), 0);
	assert_int_equal(store_feeds_list(fx->st, &list, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, fx->feeds[1]);
	store_feeds_free(list, n);
	assert_int_equal(store_feed_find(fx->st, "https://harbour.example/feed",
	    &id), 1);
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 5);
	f.feed = "gazette";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 3);
	assert_int_equal(store_feed_add(fx->st, "https://harbour.example/feed",
	    NULL, &id), 0);
	assert_int_equal(id, fx->feeds[0]);
	assert_int_equal(store_feeds_list(fx->st, &list, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].title, "Harbour Gazette");
	assert_int_equal(list[0].items, 3);
	assert_string_equal(list[0].tags[0], "news");
	store_feeds_free(list, n);
	assert_int_equal(store_feed_remove(fx->st, 999, 0), -1);
	assert_int_equal(store_feed_remove(fx->st, 999, 1), -1);
	assert_no_sql(store_errmsg(fx->st));
}

static void
test_feed_purge(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 f = filter_none();
	struct collect		 c;
	int64_t			 id;

	assert_int_equal(store_feed_remove(fx->st, fx->feeds[0], 1), 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM feeds"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM items"), 2);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM item_bodies"),
	    2);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM item_tags"),
	    1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM feed_tags"),
	    1);
	fts_check(fx->path);
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.ids[0], 4);
	assert_int_equal(c.ids[1], 3);
	f.match = "ferry";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 0);
	f.match = "harbour";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 1);
	assert_int_equal(store_feed_find(fx->st, "https://harbour.example/feed",
	    &id), 1);
	/* A purged feed can come back, empty. */
	assert_int_equal(store_feed_add(fx->st, "https://harbour.example/feed",
	    NULL, &id), 0);
	assert_int_not_equal(id, fx->feeds[0]);
	fts_check(fx->path);
}

/* New, then unchanged, then updated: read, starred, tags survive. */
static void
test_upsert_cycle(void **state)
{
	struct fixture		*fx = *state;
	struct item_spec	 spec = fixture_items[0];
	struct store_item	 it;
	struct store_filter	 f = filter_none();
	struct collect		 c;

	assert_int_equal(upsert(fx->st, fx->feeds[0], &spec), STORE_UNCHANGED);
	sql_exec(fx->path, "UPDATE items SET starred = 1, first_seen = 77"
	    " WHERE id = 1");
	spec.title = "Harbour ferry returns after repairs";
	spec.text = "The ferry is back, with a new engine.";
	assert_int_equal(upsert(fx->st, fx->feeds[0], &spec), STORE_UPDATED);
	assert_int_equal(store_item_get(fx->st, 1, &it), 0);
	assert_string_equal(it.title, "Harbour ferry returns after repairs");
	assert_string_equal(it.text, "The ferry is back, with a new engine.");
	assert_int_equal(it.read, 1);
	assert_int_equal(it.starred, 1);
	assert_int_equal(it.first_seen, 77);
	assert_int_equal(it.ntags, 1);
	assert_string_equal(it.tags[0], "local");
	store_item_free(&it);
	assert_int_equal(upsert(fx->st, fx->feeds[0], &spec), STORE_UNCHANGED);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM items"), 5);
	f.match = "quay";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 0);
	f.match = "engine";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.ids[0], 1);
	fts_check(fx->path);
}

/* Each of these changes alone makes an update. */
static void
test_upsert_changes(void **state)
{
	struct fixture		*fx = *state;
	struct feed_item	 it;
	struct store_item	 got;
	enum store_upsert	 outcome;
	int			 round;

	for (round = 0; round < 5; round++) {
		item_build(&it, &fixture_items[4]);
		assert_int_equal(store_item_upsert(fx->st, fx->feeds[0], &it,
		    "Boats.", &outcome), 0);
		assert_int_equal(outcome, round == 0 ? STORE_UNCHANGED :
		    STORE_UPDATED);
		if (round == 0) {
			free(it.url);
			it.url = xstrdup("https://example.org/moved");
		} else if (round == 1)
			it.published = 2500;
		else if (round == 2) {
			free(it.author);
			it.author = xstrdup("Weather desk");
		} else if (round == 3)
			it.updated = 2600;
		else {
			free(it.html);
			it.html = xstrdup("<p>Boats stay in port today.</p>");
		}
		assert_int_equal(store_item_upsert(fx->st, fx->feeds[0], &it,
		    "Boats.", &outcome), 0);
		assert_int_equal(outcome, STORE_UPDATED);
		assert_int_equal(store_item_upsert(fx->st, fx->feeds[0], &it,
		    "Boats.", &outcome), 0);
		assert_int_equal(outcome, STORE_UNCHANGED);
		feed_item_clear(&it);
		fts_check(fx->path);
	}
	assert_int_equal(store_item_get(fx->st, 5, &got), 0);
	assert_int_equal(got.published, 2000);
	assert_int_equal(got.date, 2000);
	store_item_free(&got);
	/* The same guid in another feed is another item. */
	item_build(&it, &fixture_items[4]);
	assert_int_equal(store_item_upsert(fx->st, fx->feeds[1], &it, NULL,
	    &outcome), 0);
	assert_int_equal(outcome, STORE_NEW);
	feed_item_clear(&it);
	fts_check(fx->path);
}

struct date_case {
	int64_t	 published;
	int64_t	 updated;
	int64_t	 want;		/* -1: first_seen */
};

static const struct date_case date_cases[] = {
	{ 5000, 6000, 5000 },
	{ DATE_NONE, 6000, 6000 },
	{ DATE_NONE, DATE_NONE, -1 },
	{ 0, DATE_NONE, 0 },
	{ -86400, DATE_NONE, -86400 },
};

static void
test_item_dates(void **state)
{
	struct fixture		*fx = *state;
	struct item_spec	 spec = fixture_items[0];
	struct feed_item	 it;
	struct store_item	 got;
	enum store_upsert	 outcome;
	char			 guid[16];
	size_t			 i;

	for (i = 0; i < UTIL_ARRLEN(date_cases); i++) {
		snprintf(guid, sizeof guid, "d-%zu", i);
		spec.guid = guid;
		item_build(&it, &spec);
		it.published = date_cases[i].published;
		it.updated = date_cases[i].updated;
		assert_int_equal(store_item_upsert(fx->st, fx->feeds[0], &it,
		    NULL, &outcome), 0);
		feed_item_clear(&it);
		assert_int_equal(store_item_get(fx->st, 6 + (int64_t)i, &got),
		    0);
		assert_string_equal(got.guid, guid);
		assert_true(got.published == date_cases[i].published);
		assert_true(got.updated == date_cases[i].updated);
		if (date_cases[i].want == -1) {
			assert_true(got.first_seen > 1000000000);
			assert_int_equal(got.date, got.first_seen);
		} else
			assert_int_equal(got.date, date_cases[i].want);
		store_item_free(&got);
	}
	/* An update that loses the dates falls back to first_seen. */
	item_build(&it, &fixture_items[0]);
	it.published = DATE_NONE;
	assert_int_equal(store_item_upsert(fx->st, fx->feeds[0], &it, NULL,
	    &outcome), 0);
	assert_int_equal(outcome, STORE_UPDATED);
	feed_item_clear(&it);
	assert_int_equal(store_item_get(fx->st, 1, &got), 0);
	assert_int_equal(got.date, got.first_seen);
	store_item_free(&got);
}

static void
test_categories_enclosures(void **state)
{
	struct fixture		*fx = *state;
	struct item_spec	 spec = { "media-1", "Podcast", "Host", 9000,
	    "Episode one." };
	struct feed_item	 it;
	struct store_item	 got;
	enum store_upsert	 outcome;

	item_build(&it, &spec);
	it.ncategories = 3;
	it.categories = xcalloc(3, sizeof *it.categories);
	it.categories[0] = xstrdup("Audio");
	it.categories[1] = xstrdup("Über Städte");
	it.categories[2] = xstrdup("odd\037name");
	it.nenclosures = 2;
	it.enclosures = xcalloc(2, sizeof *it.enclosures);
	it.enclosures[0].url = xstrdup("https://example.org/ep1.mp3");
	it.enclosures[0].type = xstrdup("audio/mpeg");
	it.enclosures[0].length = 12345678;
	it.enclosures[1].url = xstrdup("https://example.org/cover.jpg");
	it.enclosures[1].length = -1;
	assert_int_equal(store_item_upsert(fx->st, fx->feeds[1], &it,
	    "Episode one.", &outcome), 0);
	assert_int_equal(outcome, STORE_NEW);
	assert_int_equal(store_item_get(fx->st, 6, &got), 0);
	assert_string_equal(got.feed, "Lakeside Tech");
	assert_int_equal(got.ncategories, 3);
	assert_string_equal(got.categories[0], "Audio");
	assert_string_equal(got.categories[1], "Über Städte");
	assert_string_equal(got.categories[2], "odd name");
	assert_int_equal(got.nenclosures, 2);
	assert_string_equal(got.enclosures[0].url,
	    "https://example.org/ep1.mp3");
	assert_string_equal(got.enclosures[0].type, "audio/mpeg");
	assert_int_equal(got.enclosures[0].length, 12345678);
	assert_null(got.enclosures[1].type);
	assert_int_equal(got.enclosures[1].length, -1);
	assert_string_equal(got.html, "<p>Episode one.</p>");
	assert_string_equal(got.base, "https://example.org/");
	assert_string_equal(got.text, "Episode one.");
	assert_string_equal(got.url, "https://example.org/media-1");
	store_item_free(&got);
	/* Dropping an enclosure is a change, and it is gone after it. */
	free(it.enclosures[1].url);
	it.nenclosures = 1;
	assert_int_equal(store_item_upsert(fx->st, fx->feeds[1], &it,
	    "Episode one.", &outcome), 0);
	assert_int_equal(outcome, STORE_UPDATED);
	feed_item_clear(&it);
	assert_int_equal(store_item_get(fx->st, 6, &got), 0);
	assert_int_equal(got.nenclosures, 1);
	assert_int_equal(got.ncategories, 3);
	assert_int_equal(got.ntags, 0);
	store_item_free(&got);
	assert_int_equal(store_item_get(fx->st, 4242, &got), 1);
	store_item_free(&got);
}

static int
check_list_item_cb(const struct store_item *it, void *arg)
{
	int	*seen = arg;

	(*seen)++;
	assert_int_equal(it->id, 1);
	assert_string_equal(it->feed, "Harbour Gazette");
	assert_string_equal(it->title, "Harbour ferry returns");
	assert_string_equal(it->author, "Ana Pereira");
	assert_int_equal(it->date, 1000);
	assert_int_equal(it->read, 1);
	assert_int_equal(it->starred, 0);
	assert_int_equal(it->ntags, 1);
	assert_string_equal(it->tags[0], "local");
	assert_null(it->html);
	assert_null(it->text);
	return (0);
}

static void
test_list_item_fields(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 f = filter_none();
	int			 seen = 0;

	f.id = 1;
	assert_int_equal(store_items_list(fx->st, &f, check_list_item_cb,
	    &seen), 0);
	assert_int_equal(seen, 1);
}

struct list_case {
	const char	*name;
	const char	*match;
	int64_t		 id;
	int64_t		 feed_id;
	const char	*feed;
	const char	*tag;
	int		 unread;
	int		 starred;
	size_t		 limit;
	int64_t		 want[6];	/* ids in order, 0-terminated */
};

static const struct list_case list_cases[] = {
	{ "everything newest first", NULL, 0, 0, NULL, NULL, 0, 0, 0,
	    { 4, 2, 5, 3, 1 } },
	{ "match: word in text or title", "harbour", 0, 0, NULL, NULL, 0, 0, 0,
	    { 3, 1 } },
	{ "match: accents folded", "cafe resume", 0, 0, NULL, NULL, 0, 0, 0,
	    { 2 } },
	{ "match: author", "pereira", 0, 0, NULL, NULL, 0, 0, 0, { 4, 1 } },
	{ "match: column filter", "title:storm", 0, 0, NULL, NULL, 0, 0, 0,
	    { 5 } },
	{ "match: prefix", "comp*", 0, 0, NULL, NULL, 0, 0, 0, { 3 } },
	{ "match: nothing", "zeppelin", 0, 0, NULL, NULL, 0, 0, 0, { 0 } },
	{ "feed: title substring, any case", NULL, 0, 0, "GAZETTE", NULL, 0, 0,
	    0, { 2, 5, 1 } },
	{ "feed: URL substring", NULL, 0, 0, "lakeside.example", NULL, 0, 0, 0,
	    { 4, 3 } },
	{ "feed: percent is literal", NULL, 0, 0, "%", NULL, 0, 0, 0, { 0 } },
	{ "feed: underscore is literal", NULL, 0, 0, "_", NULL, 0, 0, 0,
	    { 0 } },
	{ "tag: on the item, any case", NULL, 0, 0, NULL, "LOCAL", 0, 0, 0,
	    { 1 } },
	{ "tag: on the feed", NULL, 0, 0, NULL, "news", 0, 0, 0, { 2, 5, 1 } },
	{ "tag: on the feed or the item", NULL, 0, 0, NULL, "tech", 0, 0, 0,
	    { 4, 5, 3 } },
	{ "tag: unknown", NULL, 0, 0, NULL, "nope", 0, 0, 0, { 0 } },
	{ "unread only", NULL, 0, 0, NULL, NULL, 1, 0, 0, { 2, 5, 3 } },
	{ "read only", NULL, 0, 0, NULL, NULL, -1, 0, 0, { 4, 1 } },
	{ "starred", NULL, 0, 0, NULL, NULL, 0, 1, 0, { 2 } },
	{ "limit", NULL, 0, 0, NULL, NULL, 0, 0, 2, { 4, 2 } },
	{ "one id", NULL, 3, 0, NULL, NULL, 0, 0, 0, { 3 } },
	{ "feed id", NULL, 0, 2, NULL, NULL, 0, 0, 0, { 4, 3 } },
	{ "filters are ANDed", "boats", 0, 0, "harbour", "news", 1, 0, 5,
	    { 5 } },
	{ "ANDed to nothing", "boats", 0, 0, "lakeside", NULL, 0, 0, 0,
	    { 0 } },
	{ "match and limit", "harbour OR ferry OR storm", 0, 0, NULL, NULL, 0,
	    0, 2, { 5, 3 } },
};

static void
test_list_case(void **state)
{
	struct fixture		*fx = *state;
	const struct list_case	*lc = fx->param;
	struct store_filter	 f = filter_none();
	struct collect		 c;
	size_t			 i, n = 0;

	f.match = lc->match;
	f.id = lc->id;
	f.feed_id = lc->feed_id;
	f.feed = lc->feed;
	f.tag = lc->tag;
	f.unread = lc->unread;
	f.starred = lc->starred;
	f.limit = lc->limit;
	list_ids(fx->st, &f, &c);
	while (n < UTIL_ARRLEN(lc->want) && lc->want[n] != 0)
		n++;
	for (i = 0; i < c.n; i++) {
		if (c.n != n || c.ids[i] != lc->want[i])
			print_message("# %s: item %zu is %lld\n", lc->name, i,
			    (long long)c.ids[i]);
	}
	assert_int_equal(c.n, n);
	for (i = 0; i < n; i++)
		assert_int_equal(c.ids[i], lc->want[i]);
	/* The same shape again reuses its statement and agrees. */
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, n);
}

static void
test_list_stop(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 f = filter_none();
	struct collect		 c;

	memset(&c, 0, sizeof c);
	c.stop_after = 2;
	assert_int_equal(store_items_list(fx->st, &f, collect_cb, &c), 0);
	assert_int_equal(c.n, 2);
	/* Stopped early, the archive is not left inside a read. */
	sql_exec(fx->path, "UPDATE items SET read = 0");
}

static int
nested_cb(const struct store_item *it, void *arg)
{
	struct collect		*outer = arg, inner;
	struct store_filter	 f = filter_none();

	(void)it;
	list_ids(outer->st, &f, &inner);
	assert_int_equal(inner.n, 5);
	outer->n++;
	return (0);
}

static void
test_list_nested(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 f = filter_none();
	struct collect		 c;

	memset(&c, 0, sizeof c);
	c.st = fx->st;
	assert_int_equal(store_items_list(fx->st, &f, nested_cb, &c), 0);
	assert_int_equal(c.n, 5);
}

static void
test_bad_match(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 f = filter_none();
	struct collect		 c;
	const char		*bad[] = { "\"unclosed", "AND AND", "(", "a:b" };
	size_t			 i;

	for (i = 0; i < UTIL_ARRLEN(bad); i++) {
		memset(&c, 0, sizeof c);
		f.match = bad[i];
		assert_int_equal(store_items_list(fx->st, &f, collect_cb, &c),
		    -1);
		assert_non_null(strstr(store_errmsg(fx->st), "search"));
		assert_no_sql(store_errmsg(fx->st));
	}
	f.match = "ferry";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 1);
}

/* A later poll that lacks an item does not delete it. */
static void
test_dropped_item_stays(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 f = filter_none();
	struct collect		 c;

	assert_int_equal(store_begin(fx->st), 0);
	assert_int_equal(upsert(fx->st, fx->feeds[0], &fixture_items[4]),
	    STORE_UNCHANGED);
	assert_int_equal(store_commit(fx->st), 0);
	f.feed_id = fx->feeds[0];
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 3);
}

static void
test_transactions(void **state)
{
	struct fixture		*fx = *state;
	struct item_spec	 spec = { "t-1", "Rolled back", NULL, 100, "x" };

	assert_int_equal(store_begin(fx->st), 0);
	assert_int_equal(upsert(fx->st, fx->feeds[0], &spec), STORE_NEW);
	store_rollback(fx->st);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM items"), 5);
	fts_check(fx->path);
	assert_int_equal(store_begin(fx->st), 0);
	assert_int_equal(upsert(fx->st, fx->feeds[0], &spec), STORE_NEW);
	assert_int_equal(store_commit(fx->st), 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM items"), 6);
	fts_check(fx->path);
	store_rollback(fx->st);
}

/*
 * New items' index rows wait to be written together; whatever runs next
 * in the transaction (a search, an update of the same item, a rollback)
 * must still see an index true to the archive.
 */
static void
test_index_deferred(void **state)
{
	struct fixture		*fx = *state;
	struct item_spec	 spec = { "d-1", "Lantern night", NULL, 100,
	    "The lantern parade starts at dusk." };
	struct store_filter	 f = filter_none();
	struct collect		 c;

	assert_int_equal(store_begin(fx->st), 0);
	assert_int_equal(upsert(fx->st, fx->feeds[0], &spec), STORE_NEW);
	f.match = "parade";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.ids[0], 6);
	spec.guid = "d-2";
	spec.text = "A second lantern promenade.";
	assert_int_equal(upsert(fx->st, fx->feeds[0], &spec), STORE_NEW);
	spec.text = "The beacon promenade replaces it.";
	assert_int_equal(upsert(fx->st, fx->feeds[0], &spec), STORE_UPDATED);
	assert_int_equal(store_commit(fx->st), 0);
	fts_check(fx->path);
	f.match = "promenade";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.ids[0], 7);
	f.match = "second";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 0);
	f.match = "beacon";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 1);

	/* Rolled back before the rows were written: none are, later. */
	assert_int_equal(store_begin(fx->st), 0);
	spec.guid = "d-3";
	spec.text = "A dirigible story.";
	assert_int_equal(upsert(fx->st, fx->feeds[0], &spec), STORE_NEW);
	store_rollback(fx->st);
	assert_int_equal(store_begin(fx->st), 0);
	spec.guid = "d-4";
	spec.text = "A zeppelin story.";
	assert_int_equal(upsert(fx->st, fx->feeds[0], &spec), STORE_NEW);
	assert_int_equal(store_commit(fx->st), 0);
	fts_check(fx->path);
	f.match = "dirigible";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 0);
	f.match = "zeppelin";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 1);
}

static void
test_upsert_unknown_feed(void **state)
{
	struct fixture		*fx = *state;
	struct feed_item	 it;
	enum store_upsert	 outcome;

	item_build(&it, &fixture_items[0]);
	assert_int_equal(store_item_upsert(fx->st, 99, &it, NULL, &outcome),
	    -1);
	assert_non_null(strstr(store_errmsg(fx->st), "no feed 99"));
	assert_no_sql(store_errmsg(fx->st));
	free(it.guid);
	it.guid = NULL;
	assert_int_equal(store_item_upsert(fx->st, fx->feeds[0], &it, NULL,
	    &outcome), -1);
	assert_no_sql(store_errmsg(fx->st));
	feed_item_clear(&it);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM items"), 5);
}

static void
poll_update(struct store *st, int64_t id, const char *error,
    const char *etag, int clear)
{
	struct store_poll_update	 u;

	memset(&u, 0, sizeof u);
	u.when = 1700000000;
	u.http_status = error != NULL ? 503 : 200;
	u.error = error;
	u.etag = etag;
	u.clear_validators = clear;
	u.backoff_until = error != NULL ? 1700003600 : 0;
	assert_int_equal(store_feed_update_poll(st, id, &u), 0);
}

static void
test_poll_update(void **state)
{
	struct fixture			*fx = *state;
	struct store_poll_update	 u;
	struct store_feed		 f;
	int64_t				 id = fx->feeds[0];

	poll_update(fx->st, id, NULL, "\"v1\"", 0);
	poll_update(fx->st, id, "the server is busy", NULL, 0);
	poll_update(fx->st, id, "the server is busy", NULL, 0);
	assert_int_equal(store_feed_get(fx->st, id, &f), 0);
	assert_int_equal(f.failures, 2);
	assert_string_equal(f.last_error, "the server is busy");
	assert_int_equal(f.http_status, 503);
	assert_int_equal(f.last_poll, 1700000000);
	assert_int_equal(f.backoff_until, 1700003600);
	assert_string_equal(f.etag, "\"v1\"");
	assert_string_equal(f.title, "Harbour Gazette");
	store_feed_free(&f);
	poll_update(fx->st, id, NULL, NULL, 0);
	assert_int_equal(store_feed_get(fx->st, id, &f), 0);
	assert_int_equal(f.failures, 0);
	assert_null(f.last_error);
	assert_int_equal(f.backoff_until, 0);
	assert_string_equal(f.etag, "\"v1\"");
	store_feed_free(&f);
	poll_update(fx->st, id, NULL, NULL, 1);
	memset(&u, 0, sizeof u);
	u.when = 1700000100;
	u.http_status = 301;
	u.title = "The Harbour Gazette";
	u.site_url = "https://harbour.example/";
	u.last_modified = "Sun, 29 Nov 2026 08:00:00 GMT";
	u.new_url = "https://harbour.example/atom";
	assert_int_equal(store_feed_update_poll(fx->st, id, &u), 0);
	assert_int_equal(store_feed_get(fx->st, id, &f), 0);
	assert_null(f.etag);
	assert_string_equal(f.last_modified, "Sun, 29 Nov 2026 08:00:00 GMT");
	assert_string_equal(f.title, "The Harbour Gazette");
	assert_string_equal(f.site_url, "https://harbour.example/");
	assert_string_equal(f.url, "https://harbour.example/atom");
	store_feed_free(&f);
	/* Moving onto another feed's URL keeps the old one. */
	u.new_url = "https://lakeside.example/rss";
	assert_int_equal(store_feed_update_poll(fx->st, id, &u), 0);
	assert_int_equal(store_feed_get(fx->st, id, &f), 0);
	assert_string_equal(f.url, "https://harbour.example/atom");
	store_feed_free(&f);
	assert_int_equal(store_feed_update_poll(fx->st, 999, &u), -1);
	assert_no_sql(store_errmsg(fx->st));
}

static void
test_stats(void **state)
{
	struct fixture		*fx = *state;
	struct store_stats	 s;

	poll_update(fx->st, fx->feeds[1], "the feed is gone", NULL, 0);
	assert_int_equal(store_stats(fx->st, &s), 0);
	assert_int_equal(s.feeds, 2);
	assert_int_equal(s.items, 5);
	assert_int_equal(s.unread, 3);
	assert_int_equal(s.starred, 1);
	assert_int_equal(s.tags, 4);
	assert_int_equal(s.failing, 1);
	assert_int_equal(s.last_poll, 1700000000);
	assert_int_equal(s.schema, store_schema_version());
	assert_true(s.bytes >= 4096);
	assert_int_equal(s.bytes % 512, 0);
}

/* Many rounds of changes leave the index exactly in step. */
static void
test_fts_churn(void **state)
{
	struct fixture		*fx = *state;
	struct item_spec	 spec;
	struct store_filter	 f = filter_none();
	struct collect		 c;
	char			 title[64], text[64], guid[16];
	int			 round, i;

	assert_int_equal(store_begin(fx->st), 0);
	for (round = 0; round < 4; round++) {
		for (i = 0; i < 50; i++) {
			snprintf(guid, sizeof guid, "c-%d", i);
			snprintf(title, sizeof title, "Churn %d round%d", i,
			    round);
			snprintf(text, sizeof text, "body%d word%d", round, i);
			spec.guid = guid;
			spec.title = title;
			spec.author = i % 2 ? "Odd Writer" : NULL;
			spec.published = 10000 + i;
			spec.text = text;
			upsert(fx->st, fx->feeds[1], &spec);
		}
	}
	assert_int_equal(store_commit(fx->st), 0);
	fts_check(fx->path);
	f.match = "round0";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 0);
	f.match = "round3 AND word7";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 1);
	assert_int_equal(store_feed_remove(fx->st, fx->feeds[1], 1), 0);
	fts_check(fx->path);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM enclosures"),
	    0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM items"), 3);
}

/* A paragraph long enough to be packed, different for each n. */
static void
pack_text(char *buf, size_t size, int n)
{
	snprintf(buf, size, "Story %d. The night ferry left the quay at %d "
	    "past ten, with the harbour lights behind it and the wind rising "
	    "from the west; the crew of %d waited for the pilot.", n, n % 60,
	    n);
}

/* Bodies are stored packed, short ones as text, and read back whole. */
static void
test_bodies_packed(void **state)
{
	struct fixture		*fx = *state;
	struct item_spec	 spec = { "p-1", "Packed", NULL, 100, NULL };
	struct store_item	 it;
	struct store_filter	 f = filter_none();
	struct collect		 c;
	char			 text[512];

	pack_text(text, sizeof text, 7);
	spec.text = text;
	assert_int_equal(upsert(fx->st, fx->feeds[0], &spec), STORE_NEW);
	assert_int_equal(sql_int(fx->path, "SELECT typeof(html) = 'blob'"
	    " AND typeof(text) = 'blob' FROM item_bodies WHERE item_id = 6"),
	    1);
	/* The text is packed against the HTML: a few bytes, not a copy. */
	assert_true(sql_int(fx->path, "SELECT length(text) FROM item_bodies"
	    " WHERE item_id = 6") < (int64_t)strlen(text) / 3);
	assert_int_equal(sql_int(fx->path, "SELECT typeof(text) FROM"
	    " item_bodies WHERE item_id = 1 AND typeof(text) = 'text'") != -1,
	    1);
	assert_int_equal(store_item_get(fx->st, 6, &it), 0);
	assert_string_equal(it.text, text);
	assert_non_null(strstr(it.html, text));
	store_item_free(&it);
	f.match = "pilot";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.ids[0], 6);
	fts_check(fx->path);
}

static int	 pack_calls;
static int64_t	 pack_done, pack_total;

static void
pack_progress(int64_t done, int64_t total, void *arg)
{
	pack_calls++;
	pack_done = done;
	pack_total = total;
	/* The child stands for telex stopped half way (Ctrl-C, a crash). */
	if (arg != NULL && done < total)
		_exit(0);
}

/*
 * An archive of schema 10 holds its bodies as text: opening packs them a
 * batch at a time, with progress; stopped half way it loses nothing, and
 * the next open finishes.
 */
static void
test_pack_old_bodies(void **state)
{
	struct fixture		*fx = *state;
	struct item_spec	 spec = { NULL, "Old", NULL, 0, NULL };
	struct store_item	 it;
	struct store		*st;
	struct store_filter	 f = filter_none();
	struct collect		 c;
	char			 guid[16], text[512], *cause = NULL;
	pid_t			 pid;
	int			 i, status;

	assert_int_equal(store_begin(fx->st), 0);
	for (i = 0; i < 600; i++) {
		snprintf(guid, sizeof guid, "o-%d", i);
		pack_text(text, sizeof text, i);
		spec.guid = guid;
		spec.published = 5000 + i;
		spec.text = text;
		upsert(fx->st, fx->feeds[1], &spec);
	}
	assert_int_equal(store_commit(fx->st), 0);
	store_close(fx->st);
	fx->st = NULL;
	/* Back to what telex 10 wrote: plain text, the old view. */
	sql_exec(fx->path, "UPDATE item_bodies SET html = telex_unpack(html),"
	    " text = telex_unpack(text, html);"
	    UNDO_SCHEMA_13
	    "DROP TABLE meta; DROP VIEW items_fts_source;"
	    "CREATE VIEW items_fts_source AS"
	    " SELECT items.id AS id, items.title AS title,"
	    "  items.author AS author,"
	    "  coalesce(item_pages.text, item_bodies.text) AS text"
	    " FROM items LEFT JOIN item_bodies ON item_bodies.item_id ="
	    "  items.id LEFT JOIN item_pages ON item_pages.item_id = items.id;"
	    "ALTER TABLE items DROP COLUMN published_inferred;"
	    "PRAGMA user_version = 10;");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM item_bodies"
	    " WHERE typeof(text) = 'text'"), 605);
	fts_check(fx->path);

	/* Stopped after the first batch. */
	if ((pid = fork()) == 0) {
		if (store_open_progress(fx->path, &st, &cause, pack_progress,
		    &pid) != 0)
			_exit(2);
		_exit(3);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_true(sql_int(fx->path, "SELECT count(*) FROM item_bodies"
	    " WHERE typeof(text) = 'text' AND length(text) > 96") > 0);
	assert_true(sql_int(fx->path, "SELECT count(*) FROM item_bodies"
	    " WHERE typeof(text) = 'blob'") > 0);
	assert_true(sql_int(fx->path, "SELECT value FROM meta"
	    " WHERE key = 'pack_next'") > 1);
	fts_check(fx->path);

	/* The next open finishes, and says how far it got. */
	pack_calls = 0;
	assert_int_equal(store_open_progress(fx->path, &fx->st, &cause,
	    pack_progress, NULL), 0);
	assert_true(pack_calls > 0);
	assert_true(pack_total > 0);
	assert_int_equal(pack_done, pack_total);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM item_bodies"
	    " WHERE typeof(text) = 'text' AND length(text) > 96"), 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM meta"), 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM items"),
	    605);
	fts_check(fx->path);
	for (i = 0; i < 600; i += 97) {
		pack_text(text, sizeof text, i);
		assert_int_equal(store_item_get(fx->st, 6 + i, &it), 0);
		assert_string_equal(it.text, text);
		store_item_free(&it);
	}
	f.match = "pilot AND 485";
	list_ids(fx->st, &f, &c);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.ids[0], 6 + 485);
	/* A third open has nothing left to do. */
	pack_calls = 0;
	store_close(fx->st);
	assert_int_equal(store_open_progress(fx->path, &fx->st, &cause,
	    pack_progress, NULL), 0);
	assert_int_equal(pack_calls, 0);
}

static void
test_errmsg_words(void **state)
{
	struct fixture		*fx = *state;
	struct store_item	 it;

	assert_string_equal(store_errmsg(NULL), "the archive is not open");
	assert_int_equal(store_item_get(fx->st, 77, &it), 1);
	assert_int_equal(store_feed_remove(fx->st, 77, 0), -1);
	assert_non_null(strstr(store_errmsg(fx->st), "no feed 77"));
	assert_no_sql(store_errmsg(fx->st));
}

/*
 * A published date inferred from updated is kept with its mark, which an
 * update can clear; an archive of schema 11 gets the mark on open.
 */
static void
test_published_inferred(void **state)
{
	struct fixture		*fx = *state;
	struct item_spec	 spec = { "inf-1", "Nur aktualisiert", NULL,
	    DATE_NONE, "Text" };
	struct feed_item	 it;
	struct store_item	 got;
	enum store_upsert	 outcome;
	char			*cause = NULL;
	int64_t			 id;

	item_build(&it, &spec);
	it.updated = 1790000000;
	feed_item_infer_published(&it);
	assert_int_equal(store_item_upsert(fx->st, fx->feeds[0], &it, NULL,
	    &outcome), 0);
	assert_int_equal(outcome, STORE_NEW);
	id = sql_int(fx->path, "SELECT max(id) FROM items");
	assert_int_equal(store_item_get(fx->st, id, &got), 0);
	assert_true(got.published == 1790000000);
	assert_int_equal(got.published_inferred, 1);
	store_item_free(&got);
	/* The feed now gives the same date as published: no longer inferred. */
	it.published_inferred = 0;
	assert_int_equal(store_item_upsert(fx->st, fx->feeds[0], &it, NULL,
	    &outcome), 0);
	assert_int_equal(outcome, STORE_UPDATED);
	feed_item_clear(&it);
	assert_int_equal(store_item_get(fx->st, id, &got), 0);
	assert_int_equal(got.published_inferred, 0);
	store_item_free(&got);
	store_close(fx->st);
	fx->st = NULL;
	/* Back to schema 11: a NULL published beside an updated date. */
	sql_exec(fx->path, UNDO_SCHEMA_13
	    "ALTER TABLE items DROP COLUMN published_inferred;"
	    "UPDATE items SET published = NULL, updated = 1790000500"
	    " WHERE guid = 'inf-1';"
	    "PRAGMA user_version = 11;");
	assert_int_equal(store_open(fx->path, &fx->st, &cause), 0);
	assert_int_equal(sql_int(fx->path, "SELECT published FROM items"
	    " WHERE guid = 'inf-1' AND published_inferred = 1"), 1790000500);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM items"
	    " WHERE published_inferred = 1"), 1);
}

#define OPEN(f)	cmocka_unit_test_setup_teardown(f, setup_open, teardown)
#define EMPTY(f) cmocka_unit_test_setup_teardown(f, setup_empty, teardown)
#define ITEMS(f) cmocka_unit_test_setup_teardown(f, setup_items, teardown)

int
main(void)
{
	static const struct CMUnitTest base[] = {
		EMPTY(test_open_creates),
		OPEN(test_wal_mode),
		OPEN(test_page_size),
		OPEN(test_migration_once),
		EMPTY(test_migrate_empty_file),
		OPEN(test_newer_schema),
		EMPTY(test_garbage_file),
		EMPTY(test_foreign_database),
		EMPTY(test_folder_blocked),
		OPEN(test_feed_add_find),
		OPEN(test_feed_get_list_tags),
		ITEMS(test_feeds_counts),
		ITEMS(test_feed_remove_revive),
		ITEMS(test_feed_purge),
		ITEMS(test_upsert_cycle),
		ITEMS(test_upsert_changes),
		ITEMS(test_item_dates),
		ITEMS(test_categories_enclosures),
		ITEMS(test_list_item_fields),
		ITEMS(test_list_stop),
		ITEMS(test_list_nested),
		ITEMS(test_bad_match),
		ITEMS(test_dropped_item_stays),
		ITEMS(test_transactions),
		ITEMS(test_index_deferred),
		ITEMS(test_upsert_unknown_feed),
		ITEMS(test_poll_update),
		ITEMS(test_stats),
		ITEMS(test_fts_churn),
		ITEMS(test_optimize_after_writes),
		ITEMS(test_errmsg_words),
		ITEMS(test_bodies_packed),
		ITEMS(test_pack_old_bodies),
		ITEMS(test_published_inferred),
	};
	struct CMUnitTest	 tests[UTIL_ARRLEN(base) +
	    UTIL_ARRLEN(list_cases)];
	size_t			 i, n = UTIL_ARRLEN(base);

	memcpy(tests, base, sizeof base);
	for (i = 0; i < UTIL_ARRLEN(list_cases); i++) {
		tests[n].name = list_cases[i].name;
		tests[n].test_func = test_list_case;
		tests[n].setup_func = setup_items;
		tests[n].teardown_func = teardown;
		tests[n].initial_state = (void *)(uintptr_t)&list_cases[i];
		n++;
	}
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
