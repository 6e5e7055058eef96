/*
 * Tests for src/update.c, the poll session both faces run, against
 * tests/httpd.py on loopback: counts and failures, rules applied to new
 * items, archive-feed pages, back-off, the poll lock and a cancel.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"
#include "lock.h"
#include "query.h"
#include "store.h"
#include "update.h"
#include "util.h"

static struct {
	struct fixture_httpd httpd;
	char		 dir[64];
	char		*www;
	char		*db;
	char		*conf_path;
	struct store	*st;
	struct conf	*cf;
} t;

/* What the callbacks heard. */
struct heard {
	size_t		 progress;
	size_t		 last_done;
	size_t		 last_total;
	size_t		 feed_failures;
	int64_t		 failed_feed;
	size_t		 page_failures;
	size_t		 warnings;
};

static const char *page_html =
    "<html><head><title>Ferry timetable changes</title></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
    "<article><h1>Ferry timetable changes</h1>"
    "<p>From Monday the harbour ferry leaves the north pier every twenty "
    "minutes instead of every half hour, the port authority said on "
    "Thursday after a month of trials with the new boats.</p>"
    "<p>The evening service will run until midnight on Fridays and "
    "Saturdays, and the first crossing on Sunday moves to seven in the "
    "morning so that market traders can reach the old town in time.</p>"
    "<p>Season tickets bought before the change stay valid; the ticket "
    "office at the south pier will exchange paper passes for cards "
    "until the end of the month.</p></article>"
    "<aside>Read also: <a href=\"/x\">Bridge works</a></aside>"
    "</body></html>";

static void
write_feed(const char *name, const char *title, const char *items)
{
	char	*xml;

	xml = xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<rss version=\"2.0\"><channel><title>%s</title>"
	    "<link>http://127.0.0.1/</link>%s</channel></rss>\n", title, items);
	assert_int_equal(fixture_write(t.www, name, xml, strlen(xml)), 0);
	free(xml);
}

/* An RSS item whose link is the server's page.html. */
static char *
item(const char *guid, const char *title, const char *text)
{
	return (xasprintf("<item><guid>%s</guid><title>%s</title>"
	    "<link>http://127.0.0.1:%d/feed/page.html?%s</link>"
	    "<description>%s</description></item>", guid, title,
	    t.httpd.port, guid, text));
}

static void
write_conf(const char *text)
{
	char	*cause = NULL;

	conf_free(t.cf);
	t.cf = NULL;
	assert_int_equal(fixture_write(t.dir, "config", text, strlen(text)), 0);
	if (conf_load(t.conf_path, &t.cf, &cause) != 0)
		fail_msg("%s", cause);
}

static int64_t
add_feed(const char *path)
{
	char	*url;
	int64_t	 id;

	url = xasprintf("http://127.0.0.1:%d%s", t.httpd.port, path);
	assert_int_equal(store_feed_add(t.st, url, NULL, &id), 0);
	free(url);
	return (id);
}

static int
count_one(const struct store_item *it, void *arg)
{
	(void)it;
	(*(size_t *)arg)++;
	return (0);
}

/* How many items a query finds. */
static size_t
count(const char *query)
{
	struct query_filter	 qf;
	size_t			 n = 0;

	assert_int_equal(query_filter_parse(&qf, query), 0);
	assert_int_equal(store_items_list(t.st, &qf.f, count_one, &n), 0);
	query_filter_free(&qf);
	return (n);
}

static void
heard_progress(const struct update_counts *c, void *arg)
{
	struct heard	*h = arg;

	h->progress++;
	h->last_done = c->done;
	h->last_total = c->total;
}

static void
heard_feed(const struct ingest_result *res, void *arg)
{
	struct heard	*h = arg;

	h->feed_failures++;
	h->failed_feed = res->feed_id;
	assert_non_null(res->error);
}

static void
heard_page(const struct archive_failure *f, void *arg)
{
	struct heard	*h = arg;

	(void)f;
	h->page_failures++;
}

static void
heard_warn(const char *message, void *arg)
{
	struct heard	*h = arg;

	assert_non_null(strstr(message, "line"));
	h->warnings++;
}

static const struct update_cbs cbs = {
	heard_progress, heard_feed, heard_page, heard_warn
};

static enum update_status
run(const struct update_options *o, struct update_counts *c,
    struct heard *h, char **cause)
{
	memset(h, 0, sizeof *h);
	*cause = NULL;
	return (update_run(t.st, t.cf, t.db, o, &cbs, h, c, cause));
}

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	if (fixture_dir(t.dir, sizeof t.dir, "update") != 0)
		return (-1);
	t.www = xasprintf("%s/www", t.dir);
	t.db = xasprintf("%s/archive.db", t.dir);
	t.conf_path = xasprintf("%s/config", t.dir);
	if (mkdir(t.www, 0700) != 0 || fixture_httpd_start(&t.httpd, t.www,
	    "/dev/null") != 0)
		return (-1);
	if (fixture_write(t.www, "page.html", page_html,
	    strlen(page_html)) != 0)
		return (-1);
	return ((t.st = fixture_store(t.db)) == NULL ? -1 : 0);
}

static int
teardown(void **state)
{
	(void)state;
	store_close(t.st);
	conf_free(t.cf);
	fixture_httpd_stop(&t.httpd);
	fixture_remove(t.dir);
	free(t.www);
	free(t.db);
	free(t.conf_path);
	return (0);
}

/*
 * A good feed and a missing one: the good one's items are stored with
 * the rules' tags and flags, the missing one fails alone and is said.
 */
static void
test_update_rules_and_failure(void **state)
{
	struct update_options	 o;
	struct update_counts	 c;
	struct heard		 h;
	char			*a, *b, *items, *cause;
	int64_t			 missing;

	(void)state;
	a = item("ferry-1", "Ferry timetable changes", "Boats more often.");
	b = item("ad-1", "Sponsored: buy a boat", "An advert.");
	items = xasprintf("%s%s", a, b);
	write_feed("harbour.xml", "Harbour Gazette", items);
	add_feed("/feed/harbour.xml");
	missing = add_feed("/feed/nowhere.xml");
	write_conf("rule \"ferry\" +boats star\n"
	    "rule \"title:sponsored\" hide\n");
	memset(&o, 0, sizeof o);
	assert_int_equal(run(&o, &c, &h, &cause), UPDATE_PARTIAL);
	assert_null(cause);
	assert_int_equal(c.total, 2);
	assert_int_equal(c.done, 2);
	assert_int_equal(c.failed, 1);
	assert_int_equal(c.new_items, 2);
	assert_int_equal(h.feed_failures, 1);
	assert_int_equal(h.failed_feed, missing);
	assert_true(h.progress >= 2);
	assert_int_equal(h.last_done, 2);
	assert_int_equal(h.last_total, 2);
	/* The rules did their work on the new items, as telex poll's do. */
	assert_int_equal(count("tag:boats"), 1);
	assert_int_equal(count("tag:boats is:starred"), 1);
	assert_int_equal(count("sponsored"), 0);
	assert_int_equal(count("is:hidden"), 1);
	/* A second session: nothing new, the rules are not lost either. */
	assert_int_equal(run(&o, &c, &h, &cause), UPDATE_PARTIAL);
	assert_int_equal(c.new_items, 0);
	assert_int_equal(c.unchanged, 1);
	free(a);
	free(b);
	free(items);
}

/* archive-feed: the new items' pages are fetched in the same session. */
static void
test_update_archive_feed(void **state)
{
	struct update_options	 o;
	struct update_counts	 c;
	struct heard		 h;
	char			*a, *cause, *line;
	int64_t			 id;

	(void)state;
	a = item("ferry-2", "Ferry news", "Short.");
	write_feed("pier.xml", "Pier News", a);
	id = add_feed("/feed/pier.xml");
	line = xasprintf("archive-feed %lld\narchive-feed nosuchfeed\n",
	    (long long)id);
	write_conf(line);
	memset(&o, 0, sizeof o);
	assert_int_equal(run(&o, &c, &h, &cause), UPDATE_PARTIAL);
	assert_null(cause);
	assert_int_equal(h.warnings, 1);	/* the line naming no feed */
	assert_int_equal(c.pages.total, 1);
	assert_int_equal(c.pages.new_pages, 1);
	assert_int_equal(h.page_failures, 0);
	assert_int_equal(count("is:archived"), 1);
	assert_int_equal(count("market traders"), 1);	/* the page's words */
	free(a);
	free(line);
}

/*
 * A feed's own lines: basic auth with its password from a command, tags
 * on its new items, a poll-interval that leaves it out of a poll of all
 * until due, and a failing password command failing that feed alone.
 */
static void
test_update_feed_options(void **state)
{
	struct update_options	 o;
	struct update_counts	 c;
	struct heard		 h;
	char			*a, *cause, *conf, *name;
	int64_t			 id;

	(void)state;
	a = item("club-1", "Regatta results", "The eights won by a length.");
	write_feed("club.xml", "Rowing Club", a);
	id = add_feed("/auth/anna:Kala-99/club.xml");
	conf = xasprintf("feed %lld auth basic anna\n"
	    "feed %lld password-command 'echo Kala-99'\n"
	    "feed 'Rowing*' poll-interval 1h\nfeed %lld tags club\n",
	    (long long)id, (long long)id, (long long)id);
	write_conf(conf);
	free(conf);
	name = xasprintf("%lld", (long long)id);
	memset(&o, 0, sizeof o);
	o.feeds = &name;
	o.nfeeds = 1;
	assert_int_equal(run(&o, &c, &h, &cause), UPDATE_OK);
	assert_int_equal(c.new_items, 1);
	assert_int_equal(count("tag:club"), 1);

	memset(&o, 0, sizeof o);
	run(&o, &c, &h, &cause);
	assert_int_equal(c.not_due, 1);
	free(cause);

	conf = xasprintf("feed %lld auth basic anna\n"
	    "feed %lld password-command 'echo no entry >&2; exit 3'\n",
	    (long long)id, (long long)id);
	write_conf(conf);
	free(conf);
	o.feeds = &name;
	o.nfeeds = 1;
	assert_int_equal(run(&o, &c, &h, &cause), UPDATE_PARTIAL);
	assert_int_equal(c.failed, 1);
	assert_int_equal(h.feed_failures, 1);
	assert_int_equal(h.failed_feed, id);
	free(name);
	free(a);
}

/* A feed in back-off is skipped unless named; an unknown name stops. */
static void
test_update_backoff_and_names(void **state)
{
	struct store_poll_update u;
	struct update_options	 o;
	struct update_counts	 c;
	struct heard		 h;
	char			*name, *cause;
	int64_t			 id;

	(void)state;
	write_feed("slow.xml", "Slow", "");
	id = add_feed("/feed/slow.xml");
	write_conf("");
	memset(&u, 0, sizeof u);
	u.when = util_now();
	u.error = "test";
	u.backoff_until = util_now() + 3600;
	assert_int_equal(store_feed_update_poll(t.st, id, &u), 0);
	memset(&o, 0, sizeof o);
	run(&o, &c, &h, &cause);
	assert_true(c.skipped >= 1);
	name = xasprintf("%lld", (long long)id);
	o.feeds = &name;
	o.nfeeds = 1;
	assert_int_equal(run(&o, &c, &h, &cause), UPDATE_OK);
	assert_int_equal(c.total, 1);
	assert_int_equal(c.skipped, 0);
	free(name);
	name = xstrdup("no-such-feed");
	assert_int_equal(run(&o, &c, &h, &cause), UPDATE_NOT_RUN);
	assert_non_null(strstr(cause, "no feed \"no-such-feed\""));
	free(cause);
	free(name);
}

/* A bad rule names the file and line, and nothing is fetched. */
static void
test_update_bad_config(void **state)
{
	struct update_options	 o;
	struct update_counts	 c;
	struct heard		 h;
	char			*cause;

	(void)state;
	write_conf("\nrule \"ferry\" +two\\ words\n");
	memset(&o, 0, sizeof o);
	assert_int_equal(run(&o, &c, &h, &cause), UPDATE_BAD_CONFIG);
	assert_non_null(strstr(cause, "line 2"));
	assert_int_equal(c.total, 0);
	assert_int_equal(h.progress, 0);
	free(cause);
	write_conf("set poll-timeout 0\n");
	assert_int_equal(run(&o, &c, &h, &cause), UPDATE_BAD_CONFIG);
	assert_non_null(strstr(cause, "poll-timeout"));
	free(cause);
}

/* Another process polling: the session says so and polls nothing. */
static void
test_update_locked(void **state)
{
	struct update_options	 o;
	struct update_counts	 c;
	struct heard		 h;
	char			*cause = NULL, ready;
	int			 go[2], back[2], lock;
	pid_t			 pid;

	(void)state;
	write_conf("");
	assert_int_equal(pipe(go), 0);
	assert_int_equal(pipe(back), 0);
	if ((pid = fork()) == 0) {
		lock = lock_poll(t.db, 0, &cause);
		if (write(back[1], lock == -1 ? "n" : "y", 1) != 1)
			_exit(1);
		if (read(go[0], &ready, 1) < 0)
			_exit(1);
		_exit(0);
	}
	assert_int_equal(read(back[0], &ready, 1), 1);
	assert_int_equal(ready, 'y');
	memset(&o, 0, sizeof o);
	assert_int_equal(run(&o, &c, &h, &cause), UPDATE_NOT_RUN);
	assert_non_null(cause);
	assert_int_equal(c.total, 0);
	free(cause);
	assert_int_equal(write(go[1], "x", 1), 1);
	waitpid(pid, NULL, 0);
	close(go[0]);
	close(go[1]);
	close(back[0]);
	close(back[1]);
}

/* Cancelled before it starts: the feed stays unpolled. */
static void
test_update_cancel(void **state)
{
	struct update_options	 o;
	struct update_counts	 c;
	struct heard		 h;
	struct store_feed	 f;
	atomic_int		 cancel = 1;
	char			*name, *cause;
	int64_t			 id;

	(void)state;
	write_feed("late.xml", "Late", "");
	id = add_feed("/slow/late.xml?s=5");
	write_conf("");
	name = xasprintf("%lld", (long long)id);
	memset(&o, 0, sizeof o);
	o.feeds = &name;
	o.nfeeds = 1;
	o.cancel = &cancel;
	run(&o, &c, &h, &cause);
	assert_int_equal(c.total, 1);
	assert_int_equal(c.done, 0);
	memset(&f, 0, sizeof f);
	assert_int_equal(store_feed_get(t.st, id, &f), 0);
	assert_int_equal(f.last_poll, 0);
	store_feed_free(&f);
	free(name);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_update_rules_and_failure),
		cmocka_unit_test(test_update_archive_feed),
		cmocka_unit_test(test_update_backoff_and_names),
		cmocka_unit_test(test_update_feed_options),
		cmocka_unit_test(test_update_bad_config),
		cmocka_unit_test(test_update_locked),
		cmocka_unit_test(test_update_cancel),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
