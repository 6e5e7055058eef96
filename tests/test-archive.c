/*
 * Tests for src/archive.c against tests/httpd.py on loopback: a page
 * kept and searchable, asked for again only if changed, a missing page,
 * a page with less text than the feed, items with no web address, the
 * summary both faces print, and the cleaner run again over stored pages.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "archive.h"
#include "clean.h"
#include "date.h"
#include "fixture.h"
#include "query.h"
#include "store.h"
#include "util.h"

static struct {
	struct fixture_httpd httpd;
	char		 dir[64];
	char		*www;
	char		*log;
	struct store	*st;
	int64_t		 feed;
} t;

struct heard {
	size_t		 progress;
	size_t		 failures;
	char		 hint[256];
};

static const char *page_html =
    "<html><head><title>Night trains return to the valley</title>"
    "<meta property=\"og:site_name\" content=\"Bergblick\"></head><body>"
    "<header><a href=\"/\">Bergblick</a> <a href=\"/abo\">Abo</a></header>"
    "<article><h1>Night trains return to the valley</h1>"
    "<p>After four years without a night connection, the sleeper from "
    "the capital will stop in the valley again from December, the rail "
    "company announced at the station on Tuesday.</p>"
    "<p>The train leaves the city at ten in the evening and reaches the "
    "upper valley shortly after six, in time for the first lifts; a "
    "couchette costs less than a night in one of the village hotels.</p>"
    "<p>Hoteliers welcomed the news but asked for a second weekly train "
    "in February, when the valley's schools close for their holidays "
    "and the roads are at their busiest.</p></article>"
    "<footer>Leave a reply. Please enter your comment!</footer>"
    "</body></html>";

static void
heard_progress(const struct archive_counts *c, void *arg)
{
	struct heard	*h = arg;

	(void)c;
	h->progress++;
}

static void
heard_failed(const struct archive_failure *f, void *arg)
{
	struct heard	*h = arg;

	h->failures++;
	snprintf(h->hint, sizeof h->hint, "%s", f->hint);
	assert_non_null(f->error);
}

static const struct archive_cbs cbs = { heard_progress, heard_failed };

static int
newest_id(const struct store_item *it, void *arg)
{
	*(int64_t *)arg = it->id;
	return (1);
}

/* An item of the test feed linking to path on the server (NULL: none). */
static int64_t
add_item(const char *guid, const char *path, const char *html)
{
	struct feed_item	 it;
	struct store_filter	 f;
	enum store_upsert	 outcome;
	char			*text;
	int64_t			 id = 0;

	memset(&it, 0, sizeof it);
	it.guid = (char *)guid;
	it.title = (char *)guid;
	it.published = it.updated = DATE_NONE;
	it.html = (char *)html;
	if (path != NULL)
		it.url = xasprintf("http://127.0.0.1:%d%s", t.httpd.port, path);
	text = clean_fragment(html, strlen(html), NULL);
	assert_int_equal(store_item_upsert(t.st, t.feed, &it, text, &outcome),
	    0);
	free(text);
	free(it.url);
	memset(&f, 0, sizeof f);
	f.feed_id = t.feed;
	assert_int_equal(store_items_list(t.st, &f, newest_id, &id), 0);
	return (id);
}

static struct archive *
one(int64_t id, struct heard *h)
{
	struct archive	*ar;

	memset(h, 0, sizeof *h);
	ar = archive_create(t.st, &cbs, h);
	assert_int_equal(archive_add(ar, id), 0);
	return (ar);
}

static void
run(struct archive *ar)
{
	struct poll_options	 o;

	poll_options_default(&o);
	assert_int_equal(archive_run(ar, &o, NULL), 0);
}

static int
setup(void **state)
{
	char	*url, *cause = NULL;

	(void)state;
	memset(&t, 0, sizeof t);
	if (fixture_dir(t.dir, sizeof t.dir, "archive") != 0)
		return (-1);
	t.www = xasprintf("%s/www", t.dir);
	t.log = xasprintf("%s/httpd.log", t.dir);
	if (mkdir(t.www, 0700) != 0 ||
	    fixture_write(t.www, "night.html", page_html,
	    strlen(page_html)) != 0 ||
	    fixture_httpd_start(&t.httpd, t.www, t.log) != 0)
		return (-1);
	url = xasprintf("%s/archive.db", t.dir);
	t.st = fixture_store(url);
	free(url);
	if (t.st == NULL || store_feed_add(t.st, "http://127.0.0.1/feed",
	    "Bergblick", &t.feed) != 0)
		return (-1);
	if (poll_global_init(&cause) != 0) {
		fprintf(stderr, "# %s\n", cause);
		free(cause);
		return (-1);
	}
	return (0);
}

static int
teardown(void **state)
{
	(void)state;
	poll_global_cleanup();
	store_close(t.st);
	fixture_httpd_stop(&t.httpd);
	fixture_remove(t.dir);
	free(t.www);
	free(t.log);
	return (0);
}

static size_t
count(const char *query)
{
	struct query_filter	 qf;
	int64_t			 n = 0;

	assert_int_equal(query_filter_parse(&qf, query), 0);
	assert_int_equal(store_items_count(t.st, &qf.f, &n), 0);
	query_filter_free(&qf);
	return ((size_t)n);
}

/* A page kept: searchable, shown instead of the feed's text; then 304. */
static void
test_archive_page(void **state)
{
	const struct archive_counts	*c;
	struct store_page		 p;
	struct archive			*ar;
	struct heard			 h;
	struct buf			 b;
	int64_t				 id;

	(void)state;
	id = add_item("night-1", "/feed/night.html", "<p>Night trains.</p>");
	assert_int_equal(count("couchette"), 0);
	ar = one(id, &h);
	run(ar);
	c = archive_counts(ar);
	assert_int_equal(c->total, 1);
	assert_int_equal(c->done, 1);
	assert_int_equal(c->new_pages, 1);
	assert_int_equal(c->failed, 0);
	assert_int_equal(h.failures, 0);
	assert_true(h.progress >= 2);		/* before the first, after it */
	assert_int_equal(store_page_get(t.st, id, &p), 0);
	assert_non_null(p.text);
	assert_non_null(strstr(p.text, "couchette"));
	assert_null(strstr(p.text, "Please enter your comment"));
	store_page_free(&p);
	assert_int_equal(count("couchette"), 1);
	assert_int_equal(count("is:archived"), 1);
	buf_init(&b, 0);
	archive_summary(c, &b);
	assert_string_equal(b.data, "archived 1 page: 1 new, 0 unchanged, "
	    "0 failed");
	buf_free(&b);
	archive_free(ar);
	/* Asked again: the server answers 304 and nothing changes. */
	ar = one(id, &h);
	run(ar);
	assert_int_equal(archive_counts(ar)->unchanged, 1);
	assert_int_equal(archive_counts(ar)->new_pages, 0);
	archive_free(ar);
	assert_int_equal(count("couchette"), 1);
}

/* A missing page fails alone with a hint; the feed's text stays. */
static void
test_archive_failures(void **state)
{
	const struct archive_counts	*c;
	struct archive			*ar;
	struct heard			 h;
	struct buf			 b;
	int64_t				 gone, local, thin;
	char				*long_text;

	(void)state;
	gone = add_item("gone-1", "/status/404", "<p>Gone but kept.</p>");
	local = add_item("local-1", NULL, "<p>No address.</p>");
	long_text = xmalloc(8000);
	memset(long_text, 0, 8000);
	strcpy(long_text, "<p>");
	while (strlen(long_text) < 7000)
		strcat(long_text, "The feed's own long text about snow. ");
	strcat(long_text, "</p>");
	thin = add_item("thin-1", "/feed/night.html", long_text);
	memset(&h, 0, sizeof h);
	ar = archive_create(t.st, &cbs, &h);
	assert_int_equal(archive_add(ar, gone), 0);
	assert_int_equal(archive_add(ar, local), 0);
	assert_int_equal(archive_add(ar, thin), 0);
	assert_int_equal(archive_add(ar, gone), 0);	/* once is enough */
	run(ar);
	c = archive_counts(ar);
	assert_int_equal(c->total, 2);
	assert_int_equal(c->no_address, 1);
	assert_int_equal(c->failed, 2);
	assert_int_equal(h.failures, 2);
	buf_init(&b, 0);
	archive_summary(c, &b);
	assert_non_null(strstr(b.data, "(1 without a web address skipped)"));
	buf_free(&b);
	archive_free(ar);
	assert_int_equal(count("gone"), 1);
	assert_int_equal(count("snow"), 1);	/* the feed's text kept */
	assert_int_equal(count("is:archived"), 1);	/* only night-1 */
	free(long_text);
}

/* Adding by query; the cleaner run again changes nothing stored. */
static void
test_archive_filter_and_reclean(void **state)
{
	struct query_filter	 qf;
	struct archive		*ar;
	struct heard		 h;
	size_t			 matched, changed;

	(void)state;
	assert_int_equal(query_filter_parse(&qf, "title:night"), 0);
	memset(&h, 0, sizeof h);
	ar = archive_create(t.st, &cbs, &h);
	assert_int_equal(archive_add_filter(ar, &qf.f), 0);
	assert_int_equal(archive_counts(ar)->total, 1);
	archive_free(ar);
	assert_int_equal(archive_reclean(t.st, &qf.f, &matched, &changed), 0);
	assert_int_equal(matched, 1);
	assert_int_equal(changed, 0);
	query_filter_free(&qf);
	assert_int_equal(count("couchette"), 1);
}

/* Cancelled before it starts: nothing is fetched or stored. */
static void
test_archive_cancel(void **state)
{
	struct poll_options	 o;
	struct archive		*ar;
	struct heard		 h;
	atomic_int		 cancel = 1;
	int64_t			 id;

	(void)state;
	id = add_item("late-1", "/slow/night.html?s=5", "<p>Late.</p>");
	ar = one(id, &h);
	poll_options_default(&o);
	assert_int_equal(archive_run(ar, &o, &cancel), 0);
	assert_int_equal(archive_counts(ar)->done, 0);
	archive_free(ar);
	assert_int_equal(count("is:archived"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_archive_page),
		cmocka_unit_test(test_archive_failures),
		cmocka_unit_test(test_archive_filter_and_reclean),
		cmocka_unit_test(test_archive_cancel),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
