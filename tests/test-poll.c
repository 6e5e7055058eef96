/*
 * Tests for feeds/poll.c against tests/httpd.py on loopback: conditional
 * GET, compression, redirects, status and network errors, limits, file://
 * and how many transfers run at once.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"
#include "poll.h"
#include "util.h"

/* The test server and the files it serves. */
static struct {
	struct fixture_httpd httpd;
	int	 port;
	char	 dir[64];
	char	*www;
	char	*log;
} srv;

/* What one callback saw, copied out of the response. */
struct got {
	int			 calls;
	enum poll_result	 result;
	enum poll_error		 kind;
	char			*error;
	long			 status;
	char			*body;
	size_t			 len;
	char			*content_type;
	char			*charset;
	char			*etag;
	char			*last_modified;
	char			*final_url;
	char			*moved_to;
	int64_t			 retry_after;
	double			 seconds;
};

static const char feed_a[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<rss version=\"2.0\"><channel><title>Quay notes</title>\n"
    "<item><title>Ferry timetable changes</title><guid>q-1</guid></item>\n"
    "<item><title>Lighthouse repainted</title><guid>q-2</guid></item>\n"
    "</channel></rss>\n";

static const char feed_b[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Orchard log</title>\n"
    "<entry><title>First frost</title><id>tag:orchard,2026:1</id></entry>\n"
    "</feed>\n";

static void
nap(double seconds)
{
	struct timespec	 ts;

	ts.tv_sec = (time_t)seconds;
	ts.tv_nsec = (long)((seconds - (double)ts.tv_sec) * 1e9);
	nanosleep(&ts, NULL);
}

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

static void
got_clear(struct got *g)
{
	free(g->error);
	free(g->body);
	free(g->content_type);
	free(g->charset);
	free(g->etag);
	free(g->last_modified);
	free(g->final_url);
	free(g->moved_to);
	memset(g, 0, sizeof *g);
}

static void
got_cb(const struct poll_response *r, void *arg)
{
	struct got	*g = r->req->user;
	int		*total = arg;

	(*total)++;
	if (g->calls++ > 0)
		return;
	g->result = r->result;
	g->kind = r->error_kind;
	g->error = dup_or_null(r->error);
	g->status = r->http_status;
	g->body = xstrndup(r->body, r->len);
	g->len = r->len;
	g->content_type = dup_or_null(r->content_type);
	g->charset = dup_or_null(r->charset);
	g->etag = dup_or_null(r->etag);
	g->last_modified = dup_or_null(r->last_modified);
	g->final_url = dup_or_null(r->final_url);
	g->moved_to = dup_or_null(r->moved_to);
	g->retry_after = r->retry_after;
	g->seconds = r->seconds;
}

/* A path on the test server ("/feed/a.xml") as a full URL. */
static char *
url_of(const char *path)
{
	if (path[0] != '/')
		return (xstrdup(path));
	return (xasprintf("http://127.0.0.1:%d%s", srv.port, path));
}

/* Fetch several URLs in one poll; every one must be called back once. */
static void
fetch_many(const struct poll_options *o, const char **paths, size_t n,
    struct got *g)
{
	struct poll_request	 req;
	struct poll		*p;
	char			*url;
	size_t			 i;
	int			 total = 0;

	p = poll_create(o, got_cb, &total);
	for (i = 0; i < n; i++) {
		memset(&g[i], 0, sizeof g[i]);
		memset(&req, 0, sizeof req);
		url = url_of(paths[i]);
		req.feed_id = (int64_t)i + 1;
		req.url = url;
		req.user = &g[i];
		poll_add(p, &req);
		free(url);
	}
	poll_run(p);
	assert_int_equal(poll_step(p, 0), 0);
	poll_free(p);
	assert_int_equal(total, n);
	for (i = 0; i < n; i++)
		assert_int_equal(g[i].calls, 1);
}

static void
fetch(const struct poll_options *o, const char *path, const char *etag,
    const char *last_modified, struct got *g)
{
	struct poll_request	 req;
	struct poll		*p;
	char			*url;
	int			 total = 0;

	memset(g, 0, sizeof *g);
	memset(&req, 0, sizeof req);
	url = url_of(path);
	req.url = url;
	req.etag = etag;
	req.last_modified = last_modified;
	req.user = g;
	p = poll_create(o, got_cb, &total);
	poll_add(p, &req);
	poll_run(p);
	poll_free(p);
	free(url);
	assert_int_equal(total, 1);
	assert_int_equal(g->calls, 1);
}

static void
write_file(const char *name, const char *data, size_t len)
{
	assert_int_equal(fixture_write(srv.www, name, data, len), 0);
}

static void
write_files(void)
{
	char	*big;

	write_file("a.xml", feed_a, strlen(feed_a));
	write_file("b.xml", feed_b, strlen(feed_b));
	write_file("c.xml", feed_a, strlen(feed_a));
	big = xmalloc(100 * 1024);
	memset(big, 'x', 100 * 1024);
	write_file("large.xml", big, 100 * 1024);
	free(big);
}

static int
server_start(void **state)
{
	char	*cause = NULL;

	(void)state;
	if (fixture_dir(srv.dir, sizeof srv.dir, "poll") != 0)
		return (-1);
	srv.www = xasprintf("%s/www", srv.dir);
	srv.log = xasprintf("%s/httpd.log", srv.dir);
	if (mkdir(srv.www, 0700) != 0)
		return (-1);
	write_files();
	if (fixture_httpd_start(&srv.httpd, srv.www, srv.log) != 0)
		return (-1);
	srv.port = srv.httpd.port;
	if (poll_global_init(&cause) != 0) {
		fprintf(stderr, "# %s\n", cause);
		free(cause);
		return (-1);
	}
	return (0);
}

static int
server_stop(void **state)
{
	(void)state;
	poll_global_cleanup();
	fixture_httpd_stop(&srv.httpd);
	if (srv.dir[0] != '\0')
		fixture_remove(srv.dir);
	free(srv.www);
	free(srv.log);
	return (0);
}

/*
 * Count log lines whose request line starts "GET path " with this status
 * (and, unless NULL, this If-None-Match).  The server writes a line just
 * after it answers, so wait a little for it.
 */
static int
log_count(const char *path, int status, const char *inm)
{
	struct buf	 b;
	char		*cause = NULL, *want, *line, *next;
	int		 n = 0, tries;

	want = inm != NULL ?
	    xasprintf("GET %s HTTP/1.1\t%d\t%s\t", path, status, inm) :
	    xasprintf("GET %s HTTP/1.1\t%d\t", path, status);
	for (tries = 0; tries < 40 && n == 0; tries++) {
		if (tries > 0)
			nap(0.05);
		buf_init(&b, 0);
		if (util_read_file(srv.log, &b, &cause) != 0) {
			free(cause);
			cause = NULL;
		}
		for (line = b.data; line != NULL; line = next) {
			if ((next = strchr(line, '\n')) != NULL)
				*next++ = '\0';
			if (strncmp(line, want, strlen(want)) == 0)
				n++;
		}
		buf_free(&b);
	}
	free(want);
	return (n);
}

static void
test_ok_validators(void **state)
{
	struct poll_options	 o;
	struct got		 g;
	char			*url;

	poll_options_default(&o);
	fetch(&o, "/feed/a.xml", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_OK);
	assert_int_equal(g.kind, POLL_ERROR_NONE);
	assert_null(g.error);
	assert_int_equal(g.status, 200);
	assert_int_equal(g.len, strlen(feed_a));
	assert_string_equal(g.body, feed_a);
	assert_non_null(g.etag);
	assert_int_equal(g.etag[0], '"');
	assert_non_null(g.last_modified);
	assert_non_null(strstr(g.last_modified, " GMT"));
	assert_string_equal(g.content_type, "application/rss+xml");
	assert_null(g.charset);
	url = url_of("/feed/a.xml");
	assert_string_equal(g.final_url, url);
	assert_null(g.moved_to);
	assert_int_equal(g.retry_after, -1);
	assert_true(g.seconds >= 0 && g.seconds < 60);
	free(url);
	got_clear(&g);
}

static void
test_charset(void **state)
{
	struct poll_options	 o;
	struct got		 g;

	poll_options_default(&o);
	fetch(&o, "/feed/b.xml?type=text/xml;%20charset=%22windows-1251%22",
	    NULL, NULL, &g);
	assert_int_equal(g.result, POLL_OK);
	assert_string_equal(g.content_type,
	    "text/xml; charset=\"windows-1251\"");
	assert_string_equal(g.charset, "windows-1251");
	got_clear(&g);

	fetch(&o, "/html", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_OK);
	assert_string_equal(g.charset, "utf-8");
	assert_non_null(strstr(g.body, "not a feed"));
	got_clear(&g);
}

static void
test_not_modified(void **state)
{
	struct poll_options	 o;
	struct got		 first, again;

	poll_options_default(&o);
	fetch(&o, "/feed/b.xml", NULL, NULL, &first);
	assert_int_equal(first.result, POLL_OK);
	assert_non_null(first.etag);
	assert_non_null(first.last_modified);

	fetch(&o, "/feed/b.xml", first.etag, first.last_modified, &again);
	assert_int_equal(again.result, POLL_NOT_MODIFIED);
	assert_int_equal(again.status, 304);
	assert_int_equal(again.len, 0);
	assert_null(again.error);
	assert_int_equal(log_count("/feed/b.xml", 304, first.etag), 1);
	got_clear(&again);

	/* Last-Modified alone, sent back verbatim. */
	fetch(&o, "/feed/b.xml", NULL, first.last_modified, &again);
	assert_int_equal(again.result, POLL_NOT_MODIFIED);
	assert_int_equal(log_count("/feed/b.xml", 304, "-"), 1);
	got_clear(&again);

	/* A stale ETag gets the whole document again. */
	fetch(&o, "/feed/b.xml", "\"stale\"", NULL, &again);
	assert_int_equal(again.result, POLL_OK);
	assert_string_equal(again.body, feed_b);
	got_clear(&again);
	got_clear(&first);
}

static void
test_request_headers(void **state)
{
	struct poll_options	 o;
	struct got		 g;

	poll_options_default(&o);
	fetch(&o, "/headers", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_OK);
	assert_non_null(strstr(g.body, "User-Agent: telex/" PACKAGE_VERSION));
	assert_non_null(strstr(g.body, "gzip"));
	got_clear(&g);

	o.user_agent = "telex-test-agent/2";
	fetch(&o, "/headers", "\"a\r\nX-Injected: 1\"", NULL, &g);
	assert_non_null(strstr(g.body, "User-Agent: telex-test-agent/2"));
	assert_null(strstr(g.body, "X-Injected"));
	assert_null(strstr(g.body, "If-None-Match"));
	got_clear(&g);
}

/* Fetch req (its url a path on the server), whatever else it asks. */
static void
fetch_req(const struct poll_options *o, struct poll_request *req,
    const char *path, struct got *g)
{
	struct poll	*p;
	char		*url;
	int		 total = 0;

	memset(g, 0, sizeof *g);
	url = url_of(path);
	req->url = url;
	req->user = g;
	p = poll_create(o, got_cb, &total);
	poll_add(p, req);
	poll_run(p);
	poll_free(p);
	free(url);
	assert_int_equal(total, 1);
}

/*
 * A feed's own agent, headers and basic auth go with its request, and
 * to its own origin only: a redirect to another host name drops them.
 */
static void
test_feed_options(void **state)
{
	static const char *const headers[] = {
		"X-Club-Key: k-42", "Authorization: Bearer t0ken"
	};
	struct poll_options	 o;
	struct poll_request	 req;
	struct got		 g;
	char			*away, *proxy;

	poll_options_default(&o);
	memset(&req, 0, sizeof req);
	req.user_agent = "Lukija/1.0";
	req.headers = headers;
	req.nheaders = 1;
	fetch_req(&o, &req, "/headers", &g);
	assert_int_equal(g.result, POLL_OK);
	assert_non_null(strstr(g.body, "User-Agent: Lukija/1.0"));
	assert_non_null(strstr(g.body, "X-Club-Key: k-42"));
	got_clear(&g);

	memset(&req, 0, sizeof req);
	req.username = "anna";
	req.password = "Kala-99";
	fetch_req(&o, &req, "/headers", &g);
	/* base64("anna:Kala-99") */
	assert_non_null(strstr(g.body, "Authorization: Basic "
	    "YW5uYTpLYWxhLTk5"));
	got_clear(&g);
	fetch_req(&o, &req, "/redirect302/anna:Kala-99/a.xml?via=auth", &g);
	assert_int_equal(g.result, POLL_OK);
	assert_string_equal(g.body, feed_a);
	got_clear(&g);
	req.password = "wrong";
	fetch_req(&o, &req, "/auth/anna:Kala-99/a.xml", &g);
	assert_int_equal(g.kind, POLL_ERROR_HTTP);
	assert_string_equal(g.error, "401 Unauthorized");
	got_clear(&g);

	req.password = "Kala-99";
	req.headers = headers;
	req.nheaders = 2;
	away = xasprintf("/away/a.xml?port=%d", srv.port);
	fetch_req(&o, &req, away, &g);
	assert_int_equal(g.result, POLL_OK);
	assert_string_equal(g.body, feed_a);
	got_clear(&g);
	free(away);

	/* Through a proxy: the server answers any host's absolute form. */
	memset(&req, 0, sizeof req);
	proxy = xasprintf("http://127.0.0.1:%d", srv.port);
	req.proxy = proxy;
	fetch_req(&o, &req, "http://proxied.invalid/feed/b.xml", &g);
	assert_int_equal(g.result, POLL_OK);
	assert_string_equal(g.body, feed_b);
	assert_int_equal(log_count("http://proxied.invalid/feed/b.xml", 200,
	    NULL), 1);
	got_clear(&g);
	o.proxy = proxy;
	req.proxy = NULL;
	fetch_req(&o, &req, "http://proxied.invalid/feed/a.xml", &g);
	assert_int_equal(g.result, POLL_OK);
	got_clear(&g);
	free(proxy);
}

static void
test_gzip(void **state)
{
	struct poll_options	 o;
	struct got		 g;

	poll_options_default(&o);
	fetch(&o, "/gzip/a.xml", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_OK);
	assert_int_equal(g.len, strlen(feed_a));
	assert_string_equal(g.body, feed_a);
	assert_int_equal(log_count("/gzip/a.xml", 200, NULL), 1);
	got_clear(&g);
}

static const struct {
	const char	*path;
	int		 permanent;
} redirect_cases[] = {
	{ "/redirect301/a.xml", 1 },
	{ "/redirect308/a.xml", 1 },
	{ "/redirect302/a.xml", 0 },
	{ "/redirect303/a.xml", 0 },
	{ "/redirect307/a.xml", 0 },
};

static void
test_redirects(void **state)
{
	struct poll_options	 o;
	struct got		 g;
	char			*target;
	size_t			 i;

	poll_options_default(&o);
	target = url_of("/feed/a.xml");
	for (i = 0; i < UTIL_ARRLEN(redirect_cases); i++) {
		fetch(&o, redirect_cases[i].path, NULL, NULL, &g);
		assert_int_equal(g.result, POLL_OK);
		assert_int_equal(g.status, 200);
		assert_string_equal(g.body, feed_a);
		assert_string_equal(g.final_url, target);
		if (redirect_cases[i].permanent)
			assert_string_equal(g.moved_to, target);
		else
			assert_null(g.moved_to);
		got_clear(&g);
	}
	free(target);

	/* Validators of a redirect response are not the document's. */
	fetch(&o, "/redirect302/a.xml?via=truncated", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_OK);
	assert_int_equal(g.len, strlen(feed_a) / 2);
	assert_null(g.etag);
	assert_null(g.last_modified);
	got_clear(&g);
	fetch(&o, "/redirect307/503?via=status", NULL, NULL, &g);
	assert_int_equal(g.kind, POLL_ERROR_HTTP);
	assert_string_equal(g.error, "503 Service Unavailable");
	assert_int_equal(g.retry_after, 120);
	got_clear(&g);
}

static const struct {
	const char	*path;
	int		 max_redirects;
	const char	*error;
} bad_redirect_cases[] = {
	{ "/loop", 5, "more than 5 redirects" },
	{ "/loop", 1, "more than 1 redirect" },
	{ "/redirect301/a.xml", 0, "more than 0 redirects" },
	{ "/to-file", 5,
	  "redirected to a file:// URL, which telex does not follow" },
};

static void
test_bad_redirects(void **state)
{
	struct poll_options	 o;
	struct got		 g;
	size_t			 i;

	for (i = 0; i < UTIL_ARRLEN(bad_redirect_cases); i++) {
		poll_options_default(&o);
		o.max_redirects = bad_redirect_cases[i].max_redirects;
		fetch(&o, bad_redirect_cases[i].path, NULL, NULL, &g);
		assert_int_equal(g.result, POLL_FAILED);
		assert_int_equal(g.kind, POLL_ERROR_REDIRECT);
		assert_string_equal(g.error, bad_redirect_cases[i].error);
		assert_null(g.moved_to);
		assert_int_equal(g.len, 0);
		got_clear(&g);
	}
}

static const struct {
	const char	*path;
	long		 status;
	const char	*error;
	int64_t		 retry_after;
} status_cases[] = {
	{ "/status/404", 404, "404 Not Found", -1 },
	{ "/status/410", 410, "410 Gone", -1 },
	{ "/status/403", 403, "403 Forbidden", -1 },
	{ "/status/500", 500, "500 Internal Server Error", -1 },
	{ "/status/503", 503, "503 Service Unavailable", 120 },
	{ "/status/429", 429, "429 Too Many Requests", 120 },
	{ "/status/429?retry=soon", 429, "429 Too Many Requests", -1 },
	{ "/status/599", 599, "599 (a server error)", -1 },
	{ "/status/300", 300, "300 Multiple Choices", -1 },
	{ "/feed/missing.xml", 404, "404 Not Found", -1 },
};

static void
test_http_errors(void **state)
{
	struct poll_options	 o;
	struct got		 g;
	size_t			 i;

	poll_options_default(&o);
	for (i = 0; i < UTIL_ARRLEN(status_cases); i++) {
		fetch(&o, status_cases[i].path, NULL, NULL, &g);
		assert_int_equal(g.result, POLL_FAILED);
		assert_int_equal(g.kind, POLL_ERROR_HTTP);
		assert_int_equal(g.status, status_cases[i].status);
		assert_string_equal(g.error, status_cases[i].error);
		assert_int_equal(g.retry_after, status_cases[i].retry_after);
		assert_null(g.etag);
		assert_int_equal(g.len, 0);
		got_clear(&g);
	}
}

/* Retry-After as an HTTP date five minutes ahead. */
static void
test_retry_after_date(void **state)
{
	struct poll_options	 o;
	struct got		 g;
	char			 date[64], *path;
	time_t			 t;
	struct tm		 tm;

	poll_options_default(&o);
	t = time(NULL) + 300;
	gmtime_r(&t, &tm);
	strftime(date, sizeof date, "%a,%%20%d%%20%b%%20%Y%%20%H:%M:%S%%20GMT",
	    &tm);
	path = xasprintf("/status/503?retry=%s", date);
	fetch(&o, path, NULL, NULL, &g);
	assert_int_equal(g.result, POLL_FAILED);
	assert_in_range(g.retry_after, 290, 300);
	got_clear(&g);
	free(path);
}

static void
test_no_content(void **state)
{
	struct poll_options	 o;
	struct got		 g;

	poll_options_default(&o);
	fetch(&o, "/status/204", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_OK);
	assert_int_equal(g.status, 204);
	assert_int_equal(g.len, 0);
	got_clear(&g);
}

static void
test_too_big(void **state)
{
	struct poll_options	 o;
	struct got		 g;

	poll_options_default(&o);
	o.max_body = 64 * 1024;
	/* Streamed, no length: the write callback stops it. */
	fetch(&o, "/big?mb=40", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_FAILED);
	assert_int_equal(g.kind, POLL_ERROR_TOO_BIG);
	assert_string_equal(g.error, "the feed is larger than 64 KiB");
	assert_int_equal(g.len, 0);
	assert_true(g.seconds < 60);
	got_clear(&g);

	/* Announced length: refused before the body. */
	fetch(&o, "/feed/large.xml", NULL, NULL, &g);
	assert_int_equal(g.kind, POLL_ERROR_TOO_BIG);
	assert_string_equal(g.error, "the feed is larger than 64 KiB");
	got_clear(&g);

	o.max_body = 1536 * 1024;
	fetch(&o, "/big?mb=2", NULL, NULL, &g);
	assert_int_equal(g.kind, POLL_ERROR_TOO_BIG);
	assert_string_equal(g.error, "the feed is larger than 1.5 MiB");
	got_clear(&g);

	o.max_body = 200 * 1024;
	fetch(&o, "/feed/large.xml", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_OK);
	assert_int_equal(g.len, 100 * 1024);
	got_clear(&g);
}

static void
test_low_speed(void **state)
{
	struct poll_options	 o;
	struct got		 g;

	poll_options_default(&o);
	o.low_speed_limit = 10;
	o.low_speed_time = 2;
	fetch(&o, "/drip", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_FAILED);
	assert_int_equal(g.kind, POLL_ERROR_TIMEOUT);
	assert_string_equal(g.error,
	    "the server sent less than 10 bytes/s for 2 s");
	assert_true(g.seconds >= 1.5 && g.seconds < 60);
	got_clear(&g);
}

static void
test_transfer_timeout(void **state)
{
	struct poll_options	 o;
	struct got		 g;

	poll_options_default(&o);
	o.transfer_timeout = 1;
	fetch(&o, "/slow/a.xml?s=30", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_FAILED);
	assert_int_equal(g.kind, POLL_ERROR_TIMEOUT);
	assert_string_equal(g.error, "timed out after 1 s");
	assert_true(g.seconds < 20);
	got_clear(&g);
}

static void
test_broken_connection(void **state)
{
	struct poll_options	 o;
	struct got		 g;

	poll_options_default(&o);
	fetch(&o, "/lying-length", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_FAILED);
	assert_int_equal(g.kind, POLL_ERROR_NETWORK);
	assert_string_equal(g.error, "the connection broke after 100 bytes");
	got_clear(&g);

	fetch(&o, "/truncated/a.xml", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_OK);
	assert_int_equal(g.len, strlen(feed_a) / 2);
	assert_memory_equal(g.body, feed_a, g.len);
	got_clear(&g);
}

/* A loopback port that was free a moment ago: nothing listens there. */
static int
closed_port(void)
{
	struct sockaddr_in	 sin;
	socklen_t		 len = sizeof sin;
	int			 fd, port;

	assert_true((fd = socket(AF_INET, SOCK_STREAM, 0)) >= 0);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&sin, sizeof sin), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sin, &len), 0);
	port = ntohs(sin.sin_port);
	close(fd);
	return (port);
}

static void
test_connection_refused(void **state)
{
	struct poll_options	 o;
	struct got		 g;
	char			*url, *error;
	int			 port;

	poll_options_default(&o);
	port = closed_port();
	url = xasprintf("http://127.0.0.1:%d/feed.xml", port);
	error = xasprintf("cannot connect to 127.0.0.1 port %d: connection "
	    "refused", port);
	fetch(&o, url, NULL, NULL, &g);
	assert_int_equal(g.result, POLL_FAILED);
	assert_int_equal(g.kind, POLL_ERROR_NETWORK);
	assert_string_equal(g.error, error);
	assert_int_equal(g.status, 0);
	got_clear(&g);
	free(error);
	free(url);
}

static void
test_tls_and_dns(void **state)
{
	struct poll_options	 o;
	struct got		 g;
	const char		*prefix;
	char			*url;

	poll_options_default(&o);
	o.connect_timeout = 5;
	/* TLS spoken to a plain HTTP server: the handshake fails. */
	url = xasprintf("https://127.0.0.1:%d/feed/a.xml", srv.port);
	fetch(&o, url, NULL, NULL, &g);
	assert_int_equal(g.result, POLL_FAILED);
	assert_int_equal(g.kind, POLL_ERROR_TLS);
	prefix = "the TLS handshake with 127.0.0.1 failed: ";
	assert_int_equal(strncmp(g.error, prefix, strlen(prefix)), 0);
	assert_true(strlen(g.error) > strlen(prefix));
	got_clear(&g);
	free(url);

	/* Resolvers answer .invalid at once; a slow one may time out. */
	fetch(&o, "http://no-such-host.invalid/feed.xml", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_FAILED);
	if (g.kind != POLL_ERROR_TIMEOUT) {
		assert_int_equal(g.kind, POLL_ERROR_NETWORK);
		assert_string_equal(g.error,
		    "cannot resolve host no-such-host.invalid");
	}
	got_clear(&g);
}

static void
test_bad_urls(void **state)
{
	struct poll_options	 o;
	struct got		 g;

	poll_options_default(&o);
	fetch(&o, "ftp://127.0.0.1/feed.xml", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_FAILED);
	assert_int_equal(g.kind, POLL_ERROR_OTHER);
	assert_string_equal(g.error,
	    "telex fetches only http, https and file URLs, not ftp://");
	got_clear(&g);

	fetch(&o, "", NULL, NULL, &g);
	assert_int_equal(g.result, POLL_FAILED);
	assert_int_equal(g.kind, POLL_ERROR_OTHER);
	assert_string_equal(g.error, "the URL is not valid");
	got_clear(&g);
}

static void
test_file(void **state)
{
	struct poll_options	 o;
	struct got		 g;
	char			*url, *error;

	poll_options_default(&o);
	url = xasprintf("file://%s/a.xml", srv.www);
	fetch(&o, url, NULL, NULL, &g);
	assert_int_equal(g.result, POLL_OK);
	assert_int_equal(g.status, 0);
	assert_string_equal(g.body, feed_a);
	got_clear(&g);

	o.allow_file = 0;
	fetch(&o, url, NULL, NULL, &g);
	assert_int_equal(g.result, POLL_FAILED);
	assert_string_equal(g.error, "file:// URLs are not allowed here");
	got_clear(&g);
	free(url);

	o.allow_file = 1;
	url = xasprintf("file://%s/missing.xml", srv.www);
	error = xasprintf("cannot read %s/missing.xml: No such file or "
	    "directory", srv.www);
	fetch(&o, url, NULL, NULL, &g);
	assert_int_equal(g.result, POLL_FAILED);
	assert_int_equal(g.kind, POLL_ERROR_FILE);
	assert_string_equal(g.error, error);
	got_clear(&g);
	free(error);
	free(url);
}

/* Six one-second requests side by side finish in about one second. */
static void
test_parallel(void **state)
{
	static const char	*paths[6] = {
		"/slow/a.xml?s=1&t=par", "/slow/b.xml?s=1&t=par",
		"/slow/c.xml?s=1&t=par", "/slow/a.xml?s=1&t=par2",
		"/slow/b.xml?s=1&t=par2", "/slow/c.xml?s=1&t=par2",
	};
	struct poll_options	 o;
	struct got		 g[6];
	double			 start, took;
	size_t			 i;

	poll_options_default(&o);
	o.parallel = 8;
	o.per_host = 8;
	start = util_monotonic();
	fetch_many(&o, paths, 6, g);
	took = util_monotonic() - start;
	assert_true(took < 4);
	for (i = 0; i < 6; i++) {
		assert_int_equal(g[i].result, POLL_OK);
		got_clear(&g[i]);
	}
}

/* Most requests to the same host at once, found from the server's log. */
static int
log_overlap(const char *marker)
{
	struct buf	 b;
	char		*cause = NULL, *line, *next, *tab;
	double		 start[64], end[64], t;
	int		 n = 0, i, j, at, most = 0;

	buf_init(&b, 0);
	if (util_read_file(srv.log, &b, &cause) != 0)
		free(cause);
	for (line = b.data; line != NULL && n < 64; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (strstr(line, marker) == NULL ||
		    (tab = strrchr(line, '\t')) == NULL)
			continue;
		end[n] = strtod(tab + 1, NULL);
		*tab = '\0';
		if ((tab = strrchr(line, '\t')) == NULL)
			continue;
		start[n++] = strtod(tab + 1, NULL);
	}
	buf_free(&b);
	for (i = 0; i < n; i++) {
		t = start[i] + 0.1;
		for (at = 0, j = 0; j < n; j++)
			at += (start[j] <= t && t < end[j]);
		most = at > most ? at : most;
	}
	return (n == 6 ? most : -n);
}

static void
test_per_host(void **state)
{
	static const char	*paths[6] = {
		"/slow/a.xml?s=1&t=ph", "/slow/b.xml?s=1&t=ph",
		"/slow/c.xml?s=1&t=ph", "/slow/a.xml?s=1&t=ph&u=2",
		"/slow/b.xml?s=1&t=ph&u=2", "/slow/c.xml?s=1&t=ph&u=2",
	};
	struct poll_options	 o;
	struct got		 g[6];
	double			 start, took;
	size_t			 i;
	int			 most;

	poll_options_default(&o);
	o.parallel = 8;
	o.per_host = 2;
	start = util_monotonic();
	fetch_many(&o, paths, 6, g);
	took = util_monotonic() - start;
	assert_true(took >= 2.8);
	for (i = 0; i < 6; i++) {
		assert_int_equal(g[i].result, POLL_OK);
		got_clear(&g[i]);
	}
	nap(0.2);
	most = log_overlap("t=ph");
	assert_in_range(most, 1, 2);
}

/*
 * With one transfer at a time (in all, then per host) and a 2 s limit,
 * three 1 s requests all succeed: a queued request's clock starts when
 * it does.
 */
static void
test_queue_timers(void **state)
{
	static const char	*paths[3] = {
		"/slow/a.xml?s=1&t=q", "/slow/b.xml?s=1&t=q",
		"/slow/c.xml?s=1&t=q",
	};
	struct poll_options	 o;
	struct got		 g[3];
	size_t			 i, round;

	for (round = 0; round < 2; round++) {
		poll_options_default(&o);
		if (round == 0)
			o.parallel = 1;
		else
			o.per_host = 1;
		o.transfer_timeout = 2;
		fetch_many(&o, paths, 3, g);
		for (i = 0; i < 3; i++) {
			assert_int_equal(g[i].result, POLL_OK);
			got_clear(&g[i]);
		}
	}
}

/* A mixed batch: each request is answered once, whatever its fate. */
static void
test_one_callback_each(void **state)
{
	const char		*paths[8];
	struct poll_options	 o;
	struct got		 g[8];
	char			*refused, *missing;
	size_t			 i;

	refused = xasprintf("http://127.0.0.1:%d/", closed_port());
	missing = xasprintf("file://%s/nothing-here.xml", srv.www);
	paths[0] = "/feed/a.xml";
	paths[1] = "/status/404";
	paths[2] = "/loop";
	paths[3] = refused;
	paths[4] = missing;
	paths[5] = "/redirect301/b.xml";
	paths[6] = "/gzip/c.xml";
	paths[7] = "/to-file";
	poll_options_default(&o);
	o.parallel = 3;
	fetch_many(&o, paths, 8, g);
	assert_int_equal(g[0].result, POLL_OK);
	assert_int_equal(g[1].kind, POLL_ERROR_HTTP);
	assert_int_equal(g[2].kind, POLL_ERROR_REDIRECT);
	assert_int_equal(g[3].kind, POLL_ERROR_NETWORK);
	assert_int_equal(g[4].kind, POLL_ERROR_FILE);
	assert_int_equal(g[5].result, POLL_OK);
	assert_string_equal(g[5].body, feed_b);
	assert_string_equal(g[6].body, feed_a);
	assert_int_equal(g[7].kind, POLL_ERROR_REDIRECT);
	for (i = 0; i < 8; i++)
		got_clear(&g[i]);
	free(refused);
	free(missing);
}

/* Freeing with transfers running and queued makes no callbacks. */
static void
test_free_unfinished(void **state)
{
	struct poll_options	 o;
	struct poll_request	 req;
	struct poll		*p;
	struct got		 g[4];
	char			*url;
	int			 total = 0, i;

	poll_options_default(&o);
	o.parallel = 2;
	url = url_of("/drip?n=30");
	p = poll_create(&o, got_cb, &total);
	for (i = 0; i < 4; i++) {
		memset(&g[i], 0, sizeof g[i]);
		memset(&req, 0, sizeof req);
		req.url = url;
		req.user = &g[i];
		poll_add(p, &req);
	}
	assert_int_equal(poll_step(p, 100), 4);
	assert_int_equal(poll_step(p, 100), 4);
	poll_free(p);
	assert_int_equal(total, 0);
	free(url);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ok_validators),
		cmocka_unit_test(test_charset),
		cmocka_unit_test(test_not_modified),
		cmocka_unit_test(test_request_headers),
		cmocka_unit_test(test_feed_options),
		cmocka_unit_test(test_gzip),
		cmocka_unit_test(test_redirects),
		cmocka_unit_test(test_bad_redirects),
		cmocka_unit_test(test_http_errors),
		cmocka_unit_test(test_retry_after_date),
		cmocka_unit_test(test_no_content),
		cmocka_unit_test(test_too_big),
		cmocka_unit_test(test_low_speed),
		cmocka_unit_test(test_transfer_timeout),
		cmocka_unit_test(test_broken_connection),
		cmocka_unit_test(test_connection_refused),
		cmocka_unit_test(test_tls_and_dns),
		cmocka_unit_test(test_bad_urls),
		cmocka_unit_test(test_file),
		cmocka_unit_test(test_parallel),
		cmocka_unit_test(test_per_host),
		cmocka_unit_test(test_queue_timers),
		cmocka_unit_test(test_one_callback_each),
		cmocka_unit_test(test_free_unfinished),
	};

	signal(SIGPIPE, SIG_IGN);
	return (cmocka_run_group_tests(tests, server_start, server_stop));
}
