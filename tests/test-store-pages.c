/*
 * Unit tests for src/store-pages.c against a fresh archive: archived
 * pages replace the feed's words in the index and back, the index stays
 * in step (FTS5 integrity-check) through every change, and the flags.
 */
#include "config.h"

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
#include "store-sibling.h"
#include "util.h"

struct fixture {
	char		 dir[64];
	char		*path;
	struct store	*st;
	int64_t		 feed;
	int64_t		 item;		/* a summary-only item with a URL */
};

static const char *long_text =
    "The harbour board met on Tuesday evening to settle the winter "
    "timetable, and after three hours of argument the members agreed "
    "that the night ferry would keep running until the end of January, "
    "when the ice usually closes the northern channel. Fishermen had "
    "asked for an earlier last crossing, shopkeepers for a later one, "
    "and the chair, who has run the board for eleven years, said the "
    "compromise pleased nobody entirely, which in her experience meant "
    "it was probably right. Tickets go on sale at the kiosk on Monday, "
    "and season passes keep their autumn price until the first of "
    "December, after which they rise by four per cent.";

static int
setup(void **state)
{
	struct fixture	*fx;
	struct feed_item item;
	enum store_upsert outcome;

	fx = xcalloc(1, sizeof *fx);
	if (fixture_dir(fx->dir, sizeof fx->dir, "pages") != 0)
		return (-1);
	fx->path = xasprintf("%s/archive.db", fx->dir);
	if ((fx->st = fixture_store(fx->path)) == NULL)
		return (-1);
	if (store_feed_add(fx->st, "http://example.org/feed", "Harbour",
	    &fx->feed) != 0)
		return (-1);
	memset(&item, 0, sizeof item);
	item.guid = (char *)"g1";
	item.url = (char *)"http://example.org/ferry";
	item.title = (char *)"Night ferry stays";
	item.html = (char *)"<p>The night ferry stays, says the board.</p>";
	item.published = item.updated = DATE_NONE;
	if (store_item_upsert(fx->st, fx->feed, &item,
	    "The night ferry stays, says the board.", &outcome) != 0)
		return (-1);
	fx->item = 1;
	*state = fx;
	return (0);
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

/* The index agrees with what items_fts_source yields. */
static void
assert_index_sound(struct store *st)
{
	int	 rc;

	rc = sqlite3_exec(store_sibling_db(st), "INSERT INTO items_fts"
	    " (items_fts, rank) VALUES ('integrity-check', 1)", NULL, NULL,
	    NULL);
	assert_int_equal(rc, SQLITE_OK);
}

/* How many items the index finds for an FTS5 expression. */
static int
index_count(struct store *st, const char *match)
{
	sqlite3_stmt	*s;
	int		 n = -1;

	assert_int_equal(sqlite3_prepare_v2(store_sibling_db(st),
	    "SELECT count(*) FROM items_fts WHERE items_fts MATCH ?1", -1,
	    &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, match, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return (n);
}

static void
page_init(struct store_page *p, int64_t id, const char *text)
{
	memset(p, 0, sizeof *p);
	p->item_id = id;
	p->url = (char *)"http://example.org/ferry";
	p->html = (char *)"<html><body><article>...</article></body></html>";
	p->etag = (char *)"\"v1\"";
	p->last_modified = (char *)"Tue, 03 Nov 2026 10:00:00 GMT";
	p->archived = p->checked = 1790000000;
	p->http_status = 200;
	p->title = (char *)"Night ferry stays until January";
	p->modified = (char *)"2026-11-04T08:00:00Z";
	p->image_alt = (char *)"The night ferry at the quay";
	p->text = (char *)text;
}

static void
test_put_indexes_page(void **state)
{
	struct fixture		*fx = *state;
	struct store_page	 p, got;
	int			 archived, summary;

	assert_int_equal(index_count(fx->st, "board"), 1);
	page_init(&p, fx->item, "The breakwater will be rebuilt in spring.");
	assert_int_equal(store_page_put(fx->st, &p), 0);
	assert_index_sound(fx->st);
	assert_int_equal(index_count(fx->st, "breakwater"), 1);
	assert_int_equal(index_count(fx->st, "board"), 0);
	assert_int_equal(store_item_flags(fx->st, fx->item, &archived,
	    &summary), 0);
	assert_int_equal(archived, 1);
	assert_int_equal(summary, 1);
	assert_int_equal(store_page_get(fx->st, fx->item, &got), 0);
	assert_string_equal(got.etag, "\"v1\"");
	assert_string_equal(got.title, "Night ferry stays until January");
	assert_string_equal(got.modified, "2026-11-04T08:00:00Z");
	assert_string_equal(got.image_alt, "The night ferry at the quay");
	assert_int_equal(got.http_status, 200);
	assert_null(got.error);
	store_page_free(&got);
}

/* A feed that changes an archived item must not put its words back. */
static void
test_feed_update_keeps_page(void **state)
{
	struct fixture		*fx = *state;
	struct store_page	 p;
	struct feed_item	 item;
	enum store_upsert	 outcome;

	page_init(&p, fx->item, "The breakwater will be rebuilt in spring.");
	assert_int_equal(store_page_put(fx->st, &p), 0);
	memset(&item, 0, sizeof item);
	item.guid = (char *)"g1";
	item.url = (char *)"http://example.org/ferry";
	item.title = (char *)"Night ferry stays (corrected)";
	item.html = (char *)"<p>Lighthouse keepers object.</p>";
	item.published = item.updated = DATE_NONE;
	assert_int_equal(store_item_upsert(fx->st, fx->feed, &item,
	    "Lighthouse keepers object.", &outcome), 0);
	assert_int_equal(outcome, STORE_UPDATED);
	assert_index_sound(fx->st);
	assert_int_equal(index_count(fx->st, "breakwater"), 1);
	assert_int_equal(index_count(fx->st, "lighthouse"), 0);
	assert_int_equal(index_count(fx->st, "corrected"), 1);
}

static void
test_retext(void **state)
{
	struct fixture		*fx = *state;
	struct store_page	 p, got;

	page_init(&p, fx->item, "The breakwater will be rebuilt in spring.");
	assert_int_equal(store_page_put(fx->st, &p), 0);
	p.text = (char *)"Паромная переправа работает до января.";
	p.modified = (char *)"2026-11-05";
	assert_int_equal(store_page_retext(fx->st, &p), 0);
	assert_int_equal(store_page_get(fx->st, fx->item, &got), 0);
	assert_string_equal(got.modified, "2026-11-05");
	store_page_free(&got);
	assert_index_sound(fx->st);
	assert_int_equal(index_count(fx->st, "breakwater"), 0);
	assert_int_equal(index_count(fx->st, "января"), 1);
	p.text = NULL;
	assert_int_equal(store_page_retext(fx->st, &p), 0);
	assert_index_sound(fx->st);
	assert_int_equal(index_count(fx->st, "board"), 1);
	assert_int_equal(store_item_retext(fx->st, fx->item,
	    "Die Hafenmeisterin bleibt."), 0);
	assert_index_sound(fx->st);
	assert_int_equal(index_count(fx->st, "board"), 0);
	assert_int_equal(index_count(fx->st, "hafenmeisterin"), 1);
}

/* A page without text (rejected by the cleaner) leaves the feed's. */
static void
test_put_without_text(void **state)
{
	struct fixture		*fx = *state;
	struct store_page	 p;
	int			 archived, summary;

	page_init(&p, fx->item, NULL);
	p.error = (char *)"the page holds no readable text";
	assert_int_equal(store_page_put(fx->st, &p), 0);
	assert_index_sound(fx->st);
	assert_int_equal(index_count(fx->st, "board"), 1);
	assert_int_equal(store_item_flags(fx->st, fx->item, &archived,
	    &summary), 0);
	assert_int_equal(archived, 0);
}

static void
test_checked(void **state)
{
	struct fixture		*fx = *state;
	struct store_page	 p, got;

	/* A failure before any page: a row with no HTML. */
	assert_int_equal(store_page_checked(fx->st, fx->item,
	    "http://example.org/ferry", 1790000100, 404, "page not found"), 0);
	assert_int_equal(store_page_get(fx->st, fx->item, &got), 0);
	assert_null(got.html);
	assert_null(got.text);
	assert_int_equal(got.archived, 0);
	assert_string_equal(got.error, "page not found");
	store_page_free(&got);
	page_init(&p, fx->item, "The breakwater will be rebuilt in spring.");
	assert_int_equal(store_page_put(fx->st, &p), 0);
	/* A 304 keeps the page and moves its time on. */
	assert_int_equal(store_page_checked(fx->st, fx->item,
	    "http://example.org/ferry", 1790000200, 304, NULL), 0);
	assert_int_equal(store_page_get(fx->st, fx->item, &got), 0);
	assert_int_equal(got.archived, 1790000200);
	assert_int_equal(got.http_status, 304);
	assert_string_equal(got.text,
	    "The breakwater will be rebuilt in spring.");
	store_page_free(&got);
	/* A later failure keeps it too. */
	assert_int_equal(store_page_checked(fx->st, fx->item,
	    "http://example.org/ferry", 1790000300, 503, "busy"), 0);
	assert_int_equal(store_page_get(fx->st, fx->item, &got), 0);
	assert_int_equal(got.archived, 1790000200);
	assert_string_equal(got.error, "busy");
	assert_non_null(got.text);
	store_page_free(&got);
	assert_index_sound(fx->st);
	assert_int_equal(index_count(fx->st, "breakwater"), 1);
}

static void
test_missing_item(void **state)
{
	struct fixture		*fx = *state;
	struct store_page	 p;

	page_init(&p, 999, "text");
	assert_int_equal(store_page_put(fx->st, &p), -1);
	assert_non_null(strstr(store_errmsg(fx->st), "no item 999"));
	assert_int_equal(store_page_checked(fx->st, 999, "http://x/", 1, 404,
	    "gone"), -1);
	assert_int_equal(store_item_retext(fx->st, 999, "x"), -1);
	assert_int_equal(store_page_get(fx->st, 999, &p), 1);
	assert_index_sound(fx->st);
}

static void
test_pending(void **state)
{
	struct fixture		*fx = *state;
	struct feed_item	 item;
	struct store_page	 p;
	enum store_upsert	 outcome;
	int64_t			*ids;
	size_t			 n;

	memset(&item, 0, sizeof item);
	item.published = item.updated = DATE_NONE;
	item.guid = (char *)"g2";
	item.url = (char *)"http://example.org/two";
	assert_int_equal(store_item_upsert(fx->st, fx->feed, &item, "two",
	    &outcome), 0);
	item.guid = (char *)"g3";
	item.url = NULL;
	assert_int_equal(store_item_upsert(fx->st, fx->feed, &item, "three",
	    &outcome), 0);
	page_init(&p, fx->item, "archived already");
	assert_int_equal(store_page_put(fx->st, &p), 0);
	assert_int_equal(store_pages_pending(fx->st, fx->feed, 0, &ids, &n),
	    0);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], 2);
	free(ids);
	assert_int_equal(store_pages_pending(fx->st, fx->feed,
	    util_now() + 100, &ids, &n), 0);
	assert_int_equal(n, 0);
	free(ids);
}

static void
test_purge(void **state)
{
	struct fixture		*fx = *state;
	struct store_page	 p;

	page_init(&p, fx->item, "The breakwater will be rebuilt in spring.");
	assert_int_equal(store_page_put(fx->st, &p), 0);
	assert_int_equal(store_feed_remove(fx->st, fx->feed, 1), 0);
	assert_index_sound(fx->st);
	assert_int_equal(index_count(fx->st, "breakwater"), 0);
	assert_int_equal(store_page_get(fx->st, fx->item, &p), 1);
}

/* summary_only: set at ingest from the feed's text and the URL. */
static const struct {
	const char	*url;
	const char	*text;
	int		 summary_only;
} summary_cases[] = {
	{ "http://example.org/a", "A short teaser.", 1 },
	{ "http://example.org/b", NULL, 1 },
	{ "http://example.org/c", "", 1 },
	{ NULL, "A short teaser without a page.", 0 },
	{ "http://example.org/d", "__LONG__", 0 },
	/* 700 characters of Japanese without spaces: a whole article. */
	{ "http://example.org/e", "__CJK__", 0 },
	{ "http://example.org/f", "Lire aussi : le port rouvre lundi.", 1 },
};

static void
test_summary_only(void **state)
{
	struct fixture		*fx = *state;
	struct feed_item	 item;
	enum store_upsert	 outcome;
	struct buf		 cjk;
	const char		*text;
	size_t			 i;
	int			 k, archived, summary;
	char			 guid[16];

	buf_init(&cjk, 0);
	for (k = 0; k < 100; k++)
		buf_adds(&cjk, "港の渡し船は一月まで");
	for (i = 0; i < UTIL_ARRLEN(summary_cases); i++) {
		memset(&item, 0, sizeof item);
		snprintf(guid, sizeof guid, "s%zu", i);
		item.guid = guid;
		item.url = (char *)summary_cases[i].url;
		item.published = item.updated = DATE_NONE;
		text = summary_cases[i].text;
		if (text != NULL && strcmp(text, "__LONG__") == 0)
			text = long_text;
		else if (text != NULL && strcmp(text, "__CJK__") == 0)
			text = cjk.data;
		assert_int_equal(store_item_upsert(fx->st, fx->feed, &item,
		    text, &outcome), 0);
		assert_int_equal(store_item_flags(fx->st, (int64_t)i + 2,
		    &archived, &summary), 0);
		if (summary != summary_cases[i].summary_only)
			fail_msg("case %zu: summary_only %d, wanted %d", i,
			    summary, summary_cases[i].summary_only);
	}
	/* A retext to a long text clears it. */
	assert_int_equal(store_item_retext(fx->st, 2, long_text), 0);
	assert_int_equal(store_item_flags(fx->st, 2, &archived, &summary), 0);
	assert_int_equal(summary, 0);
	buf_free(&cjk);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_put_indexes_page, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_feed_update_keeps_page,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_retext, setup, teardown),
		cmocka_unit_test_setup_teardown(test_put_without_text, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_checked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_item, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_pending, setup, teardown),
		cmocka_unit_test_setup_teardown(test_purge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_summary_only, setup,
		    teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
