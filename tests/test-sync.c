/*
 * Tests for sync's side of the archive and its rules (src/sync.c,
 * src/store-sync.c, src/sha1.c): the queue a local change fills in its
 * own transaction, the conflict rule when the server's state is
 * applied, an article stored once, the config lines, and SHA-1.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "conf.h"
#include "fixture.h"
#include "query.h"
#include "sha1.h"
#include "store.h"
#include "sync.h"
#include "util.h"

static struct {
	char		 dir[64];
	struct store	*st;
	int64_t		 feed;
} t;

/* A synced feed with four server articles and one local item. */
static int
setup(void **state)
{
	struct store_sync_item	 si;
	struct feed_item	 it;
	enum store_upsert	 res;
	char			*db, guid[32], url[64];
	int			 i, added;

	(void)state;
	if (fixture_dir(t.dir, sizeof t.dir, "sync") != 0)
		return (-1);
	db = xasprintf("%s/archive.db", t.dir);
	t.st = fixture_store(db);
	free(db);
	if (t.st == NULL ||
	    store_sync_state_login(t.st, "https://news.example/tt-rss/",
	    "mira", 15, "s1") != 0 ||
	    store_sync_feed_put(t.st, 7, "https://haven.example/feed.xml",
	    "Haven Tidings", "Coast", &t.feed) != 0 ||
	    store_sync_apply_begin(t.st) != 0)
		return (-1);
	for (i = 0; i < 4; i++) {
		memset(&it, 0, sizeof it);
		snprintf(guid, sizeof guid, "{\"hash\":\"%d\"}", i);
		snprintf(url, sizeof url, "https://haven.example/%d", i);
		it.guid = guid;
		it.url = url;
		it.title = (char *)"Gezeiten und F\xc3\xa4hren";
		it.published = it.updated = 1795000000 + i;
		memset(&si, 0, sizeof si);
		si.sync_id = 11 + i;
		si.feed_id = t.feed;
		si.item = &it;
		si.read = i == 3;
		if (store_sync_item_put(t.st, &si, &added) != 0 || !added)
			return (-1);
	}
	if (store_sync_apply_end(t.st, 0) != 0)
		return (-1);
	memset(&it, 0, sizeof it);
	it.guid = (char *)"local-1";
	it.url = (char *)"https://haven.example/local";
	it.title = (char *)"Polled here";
	it.published = it.updated = 1795000100;
	if (store_item_upsert(t.st, t.feed, &it, NULL, &res) != 0)
		return (-1);
	return (0);
}

static int
teardown(void **state)
{
	(void)state;
	store_close(t.st);
	fixture_remove(t.dir);
	return (0);
}

/* Run a query's mark on the test archive. */
static void
mark(const char *query, enum store_mark how)
{
	struct store_filter	 f;
	struct query		*q;
	char			*cause = NULL;
	int64_t			 n;

	assert_int_equal(query_parse(query, &q, &cause), 0);
	memset(&f, 0, sizeof f);
	f.query = q;
	assert_int_equal(store_mark_items(t.st, &f, how, &n), 0);
	query_free(q);
}

static void
tag(const char *query, const char *name, int add)
{
	struct store_filter	 f;
	struct query		*q;
	char			*cause = NULL, *tags[1];
	int64_t			 n;

	tags[0] = (char *)name;
	assert_int_equal(query_parse(query, &q, &cause), 0);
	memset(&f, 0, sizeof f);
	f.query = q;
	assert_int_equal(store_tag_items(t.st, &f, add ? tags : NULL,
	    add ? 1 : 0, add ? NULL : tags, add ? 0 : 1, &n), 0);
	query_free(q);
}

/* The queue as "sync_id:field=value ..." (a new string). */
static char *
queue(void)
{
	struct store_sync_change *c;
	struct buf		 b;
	size_t			 n, i;

	assert_int_equal(store_sync_queue_list(t.st, &c, &n), 0);
	buf_init(&b, 0);
	buf_adds(&b, "");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%lld:%s=%d", i == 0 ? "" : " ",
		    (long long)c[i].sync_id, c[i].field, c[i].value);
	store_sync_queue_free(c, n);
	return (buf_steal(&b));
}

static void
assert_queue(const char *want)
{
	char	*got = queue();

	assert_string_equal(got, want);
	free(got);
}

static void
test_articles_stored_once(void **state)
{
	struct store_sync_item	 si;
	struct feed_item	 it;
	char			*ids;
	int			 added;

	(void)state;
	/* The same server id again: nothing new. */
	memset(&it, 0, sizeof it);
	it.guid = (char *)"{\"hash\":\"0\"}";
	it.url = (char *)"https://haven.example/0";
	memset(&si, 0, sizeof si);
	si.sync_id = 11;
	si.feed_id = t.feed;
	si.item = &it;
	assert_int_equal(store_sync_apply_begin(t.st), 0);
	assert_int_equal(store_sync_item_put(t.st, &si, &added), 0);
	assert_int_equal(added, 0);
	/* A local item with the article's link takes its server id. */
	it.guid = (char *)"{\"hash\":\"other\"}";
	it.url = (char *)"https://haven.example/local";
	si.sync_id = 20;
	si.match_local = 1;
	assert_int_equal(store_sync_item_put(t.st, &si, &added), 0);
	assert_int_equal(added, 0);
	assert_int_equal(store_sync_apply_end(t.st, 0), 0);
	ids = fixture_ids(t.st, "feed:haven");
	assert_string_equal(ids, "5 4 3 2 1");
	free(ids);
}

/* Each local change: the queue it leaves. */
static const struct {
	const char	*query;
	int		 how;		/* a store_mark, or -1 tag, -2 untag */
	const char	*tag;
	const char	*queue;
} changes[] = {
	{ "id:1", STORE_MARK_READ, NULL, "11:read=1" },
	{ "id:1", STORE_MARK_UNREAD, NULL, "11:read=0" },
	{ "id:2", STORE_MARK_STAR, NULL, "11:read=0 12:starred=1" },
	{ "id:4", STORE_MARK_UNREAD, NULL, "11:read=0 14:read=0 12:starred=1" },
	{ "id:3", -1, "Weather", "11:read=0 14:read=0 12:starred=1"
	    " 13:tag:Weather=1" },
	{ "id:3", -2, "Weather", "11:read=0 14:read=0 12:starred=1"
	    " 13:tag:Weather=0" },
	{ "id:5", STORE_MARK_READ, NULL, "11:read=0 14:read=0 12:starred=1"
	    " 13:tag:Weather=0" },
};

static void
test_queue_in_the_change(void **state)
{
	size_t	 i;

	(void)state;
	assert_queue("");
	for (i = 0; i < UTIL_ARRLEN(changes); i++) {
		if (changes[i].how == -1 || changes[i].how == -2)
			tag(changes[i].query, changes[i].tag,
			    changes[i].how == -1);
		else
			mark(changes[i].query, (enum store_mark)changes[i].how);
		assert_queue(changes[i].queue);
	}
}

static void
test_apply_is_not_queued(void **state)
{
	int64_t	 unread[] = { 11, 12 }, n;

	(void)state;
	assert_int_equal(store_sync_apply_begin(t.st), 0);
	assert_int_equal(store_sync_apply_flag(t.st, "read", unread, 2), 0);
	assert_int_equal(store_sync_apply_end(t.st, 0), 0);
	assert_int_equal(store_sync_queue_count(t.st, &n), 0);
	assert_int_equal(n, 0);
}

/*
 * The rule: a field changed here since the last sync keeps its value;
 * the other fields, and other items, take the server's.
 */
static void
test_conflict_rule(void **state)
{
	int64_t	 unread[] = { 11, 13 }, starred[] = { 11, 12 }, label[] = { 14 };
	char	*ids;

	(void)state;
	mark("id:1", STORE_MARK_READ);		/* here: 11 read */
	tag("id:2", "harbour", 1);		/* here: 12 tagged */
	assert_int_equal(store_sync_apply_begin(t.st), 0);
	/* The server: 11 and 13 unread, 11 and 12 starred, 14 labelled. */
	assert_int_equal(store_sync_apply_flag(t.st, "read", unread, 2), 0);
	assert_int_equal(store_sync_apply_flag(t.st, "starred", starred, 2),
	    0);
	assert_int_equal(store_sync_apply_tag(t.st, "harbour", label, 1), 0);
	assert_int_equal(store_sync_apply_end(t.st, 0), 0);
	ids = fixture_ids(t.st, "is:unread feed:haven");
	assert_string_equal(ids, "5 3");	/* 5 is local only */
	free(ids);
	ids = fixture_ids(t.st, "is:starred");
	assert_string_equal(ids, "2 1");
	free(ids);
	ids = fixture_ids(t.st, "tag:harbour");
	assert_string_equal(ids, "4 2");	/* 2 kept: changed here */
	free(ids);
	assert_queue("11:read=1 12:tag:harbour=1");
}

static void
test_queue_done_keeps_newer(void **state)
{
	struct store_sync_change *c;
	size_t			 n;

	(void)state;
	mark("id:1 OR id:2", STORE_MARK_READ);
	assert_int_equal(store_sync_queue_list(t.st, &c, &n), 0);
	assert_int_equal(n, 2);
	c[1].time -= 10;	/* sent before a newer change of it */
	assert_int_equal(store_sync_queue_done(t.st, c, n), 0);
	store_sync_queue_free(c, n);
	assert_queue("12:read=1");
}

/* Another server: its ids and queue go, the items stay as local ones. */
static void
test_forget(void **state)
{
	int64_t	*ids;
	size_t	 n;
	char	*list;

	(void)state;
	mark("id:1", STORE_MARK_READ);
	assert_int_equal(store_sync_forget(t.st), 0);
	assert_queue("");
	assert_int_equal(store_sync_feed_ids(t.st, &ids, &n), 0);
	assert_int_equal(n, 0);
	free(ids);
	mark("id:2", STORE_MARK_READ);
	assert_queue("");
	list = fixture_ids(t.st, "feed:haven");
	assert_string_equal(list, "5 4 3 2 1");
	free(list);
}

/* Config lines: what sync_config_get makes of them. */
static const struct {
	const char	*text;
	int		 rc;
	const char	*url;
} configs[] = {
	{ "", 1, NULL },
	{ "sync ttrss https://news.example/tt-rss/ mira\n", 0,
	    "https://news.example/tt-rss/" },
	{ "sync ttrss https://a.example/ x\nsync ttrss http://b.example/ y\n",
	    0, "http://b.example/" },
	{ "sync ttrss news.example mira\n", -1, NULL },
	{ "sync freshrss https://news.example/ mira\n", -1, NULL },
	{ "sync ttrss https://news.example/\n", -1, NULL },
	{ "sync ttrss https://n.example/ m\nsync-password-command a b\n", -1,
	    NULL },
};

static void
test_config(void **state)
{
	struct sync_config	 sc;
	struct conf		*cf;
	char			*path, *cause;
	size_t			 i;
	int			 rc;

	(void)state;
	path = xasprintf("%s/config", t.dir);
	for (i = 0; i < UTIL_ARRLEN(configs); i++) {
		assert_int_equal(fixture_write(t.dir, "config", configs[i].text,
		    strlen(configs[i].text)), 0);
		cause = NULL;
		assert_int_equal(conf_load(path, &cf, &cause), 0);
		rc = sync_config_get(cf, &sc, &cause);
		assert_int_equal(rc, configs[i].rc);
		if (rc == 0) {
			assert_string_equal(sc.url, configs[i].url);
			sync_config_free(&sc);
		} else if (rc < 0) {
			assert_non_null(strstr(cause, "config:"));
			free(cause);
		}
		conf_free(cf);
	}
	free(path);
}

static const struct {
	const char	*in;
	const char	*hex;
} sha1_cases[] = {
	{ "", "da39a3ee5e6b4b0d3255bfef95601890afd80709" },
	{ "abc", "a9993e364706816aba3e25717850c26c9cd0d89d" },
	{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    "84983e441c3bd26ebaae4aa1f95129e5e54670f1" },
};

static void
test_sha1(void **state)
{
	char	 hex[41];
	size_t	 i;

	(void)state;
	for (i = 0; i < UTIL_ARRLEN(sha1_cases); i++) {
		sha1_hex(sha1_cases[i].in, strlen(sha1_cases[i].in), hex);
		assert_string_equal(hex, sha1_cases[i].hex);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_articles_stored_once,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_queue_in_the_change,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_apply_is_not_queued,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_conflict_rule, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_queue_done_keeps_newer,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_forget, setup, teardown),
		cmocka_unit_test_setup_teardown(test_config, setup, teardown),
		cmocka_unit_test(test_sha1),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
