/*
 * Unit tests for src/opml.c: OPML 1 and 2 with folders and categories,
 * newsboat urls files, garbage, entities that must not be read, and an
 * export that imports back to the same list.
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

#include "opml.h"
#include "util.h"

#define NOT_A_LIST "not an OPML file or a newsboat urls file"

/* What one feed should read as; tags as "a,b" in order, "" for none. */
struct want_feed {
	const char	*url;
	const char	*title;
	const char	*site_url;
	const char	*tags;
};

static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == b);
	return (strcmp(a, b) == 0);
}

static char *
join_tags(const struct opml_feed *f)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b, 0);
	for (i = 0; i < f->ntags; i++) {
		if (i > 0)
			buf_addc(&b, ',');
		buf_adds(&b, f->tags[i]);
	}
	return (b.data);
}

/* Read doc and compare the result with want (n rows), row by row. */
static void
check_read(const char *doc, const struct want_feed *want, size_t n)
{
	struct opml_feed	*feeds;
	size_t			 got, i;
	char			*cause = NULL, *tags;
	int			 bad = 0;

	assert_int_equal(opml_read(doc, strlen(doc), &feeds, &got, &cause), 0);
	assert_null(cause);
	assert_int_equal(got, n);
	for (i = 0; i < n; i++) {
		tags = join_tags(&feeds[i]);
		if (!same(feeds[i].url, want[i].url) ||
		    !same(feeds[i].title, want[i].title) ||
		    !same(feeds[i].site_url, want[i].site_url) ||
		    strcmp(tags, want[i].tags) != 0) {
			print_error("feed %zu: got %s | %s | %s | %s\n", i,
			    feeds[i].url,
			    feeds[i].title ? feeds[i].title : "NULL",
			    feeds[i].site_url ? feeds[i].site_url : "NULL",
			    tags);
			bad++;
		}
		free(tags);
	}
	opml_free(feeds, got);
	assert_int_equal(bad, 0);
}

static void
check_fails(const char *doc, size_t len)
{
	struct opml_feed	*feeds = (struct opml_feed *)1;
	size_t			 n = 99;
	char			*cause = NULL;

	assert_int_equal(opml_read(doc, len, &feeds, &n, &cause), -1);
	assert_non_null(cause);
	assert_string_equal(cause, NOT_A_LIST);
	assert_null(feeds);
	assert_int_equal(n, 0);
	free(cause);
}

static const char opml1_doc[] =
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    "<opml version=\"1.0\">\n"
    "<head><title>Morning reading</title></head>\n"
    "<body>\n"
    "<outline text=\"Harbour Gazette\" type=\"rss\"\n"
    "  xmlUrl=\"https://harbour.example/rss\"\n"
    "  htmlUrl=\"https://harbour.example/\"/>\n"
    "<outline text=\"Caf\xe9 &amp; Crumbs\" type=\"rss\"\n"
    "  xmlUrl=\"http://crumbs.example/feed?fmt=rss&amp;lang=fr\"/>\n"
    "</body>\n"
    "</opml>\n";

static const struct want_feed opml1_want[] = {
	{ "https://harbour.example/rss", "Harbour Gazette",
	    "https://harbour.example/", "" },
	{ "http://crumbs.example/feed?fmt=rss&lang=fr",
	    "Caf\xc3\xa9 & Crumbs", NULL, "" }
};

static void
test_opml1(void **state)
{
	check_read(opml1_doc, opml1_want, UTIL_ARRLEN(opml1_want));
}

static const char opml2_doc[] =
    "\xef\xbb\xbf  <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<opml version=\"2.0\">\n"
    "  <head><title>Folders</title><dateCreated>Sun, 29 Nov 2026 "
    "08:24:55 GMT</dateCreated></head>\n"
    "  <body>\n"
    "    <outline text=\"News\">\n"
    "      <outline text=\"World\" title=\"World news\">\n"
    "        <outline type=\"rss\" text=\"Lakeside text\" title=\"Lakeside"
    " Tech\" xmlUrl=\"https://lakeside.example/atom.xml\"/>\n"
    "      </outline>\n"
    "      <outline type=\"rss\" text=\"Fil du Rh\xc3\xb4ne\"\n"
    "        xmlUrl=\"https://fil.example/rss\" category=\"/Region/Europe,"
    " local ,News\"/>\n"
    "    </outline>\n"
    "    <outline text=\"  Tech \n  weekly \">\n"
    "      <outline type=\"rss\" title=\"Lakeside again\"\n"
    "        xmlUrl=\"https://lakeside.example/atom.xml\"/>\n"
    "    </outline>\n"
    "    <outline type=\"rss\" text=\"Top level\" "
    "xmlUrl=\"https://top.example/feed\" category=\"a/b\"/>\n"
    "  </body>\n"
    "</opml>\n";

static const struct want_feed opml2_want[] = {
	{ "https://lakeside.example/atom.xml", "Lakeside Tech", NULL,
	    "News,World,Tech weekly" },
	{ "https://fil.example/rss", "Fil du Rh\xc3\xb4ne", NULL,
	    "News,Region,Europe,local" },
	{ "https://top.example/feed", "Top level", NULL, "a/b" }
};

static void
test_opml2_folders(void **state)
{
	check_read(opml2_doc, opml2_want, UTIL_ARRLEN(opml2_want));
}

/* What other exporters write: lower-case xmlurl, url, text only. */
static const char exporters_doc[] =
    "<opml version=\"1.1\"><body>\n"
    "<outline text=\"lower\" xmlurl=\"https://lower.example/rss\"/>\n"
    "<outline text=\"plain url\" url=\"https://url.example/rss\"/>\n"
    "<outline text=\"https://untitled.example/rss\" "
    "xmlUrl=\"https://untitled.example/rss\"/>\n"
    "<outline type=\"include\" text=\"more\" "
    "url=\"https://lists.example/more.opml\"/>\n"
    "<outline text=\"relative\" xmlUrl=\"feed.xml\"/>\n"
    "<outline text=\"blank\" xmlUrl=\"   \"/>\n"
    "<outline text=\" \" title=\"\" xmlUrl=\" https://ws.example/rss \"/>\n"
    "<OUTLINE TEXT=\"Caps\" XMLURL=\"https://caps.example/rss\"/>\n"
    "</body></opml>\n";

static const struct want_feed exporters_want[] = {
	{ "https://lower.example/rss", "lower", NULL, "" },
	{ "https://url.example/rss", "plain url", NULL, "" },
	{ "https://untitled.example/rss", NULL, NULL, "" },
	{ "https://ws.example/rss", NULL, NULL, "" },
	{ "https://caps.example/rss", "Caps", NULL, "" }
};

static void
test_opml_exporters(void **state)
{
	check_read(exporters_doc, exporters_want, UTIL_ARRLEN(exporters_want));
}

static void
test_opml_empty(void **state)
{
	const char		*doc =
	    "<opml version=\"2.0\"><head/><body/></opml>";
	struct opml_feed	*feeds;
	size_t			 n;
	char			*cause = NULL;

	assert_int_equal(opml_read(doc, strlen(doc), &feeds, &n, &cause), 0);
	assert_int_equal(n, 0);
	opml_free(feeds, n);
}

static const char urls_doc[] =
    "# newsboat urls\r\n"
    "\r\n"
    "https://harbour.example/rss news \"local news\" ~Gazette\r\n"
    "   # indented comment\n"
    "http://crumbs.example/feed?a=1&b=2 \"~Crumbs and more\" ! food\n"
    "\"https://quoted.example/rss\"\tfood \"say \\\"hi\\\"\"\n"
    "\"query:Unread:unread = \\\"yes\\\"\"\n"
    "exec:~/bin/make-feed\n"
    "filter:~/bin/clean:https://filtered.example/rss\n"
    "not a url at all\n"
    "https://harbour.example/rss extra\n"
    "file:///home/reader/local.xml\n";

static const struct want_feed urls_want[] = {
	{ "https://harbour.example/rss", "Gazette", NULL,
	    "news,local news,extra" },
	{ "http://crumbs.example/feed?a=1&b=2", "Crumbs and more", NULL,
	    "food" },
	{ "https://quoted.example/rss", NULL, NULL, "food,say \"hi\"" },
	{ "exec:~/bin/make-feed", NULL, NULL, "" },
	{ "filter:~/bin/clean:https://filtered.example/rss", NULL, NULL, "" },
	{ "file:///home/reader/local.xml", NULL, NULL, "" }
};

static void
test_newsboat_urls(void **state)
{
	check_read(urls_doc, urls_want, UTIL_ARRLEN(urls_want));
}

/*
 * What import may take from a list without being told: a NULL why means
 * kept, else a part of the reason it was skipped.
 */
static const struct {
	const char	*url;
	int		 flags;
	const char	*why;
} screen_cases[] = {
	{ "https://harbour.example/rss", 0, NULL },
	{ "file:///etc/passwd", 0, "reads a local file; telex import "
	    "--allow-local" },
	{ "FILE:///home/ana/feed.xml", OPML_ALLOW_EXEC, "local file" },
	{ "file:///home/ana/feed.xml", OPML_ALLOW_LOCAL, NULL },
	{ "exec:~/bin/make-feed", 0, "runs a command; telex import "
	    "--allow-exec" },
	{ "  Exec:rm -rf ~", OPML_ALLOW_LOCAL, "runs a command" },
	{ "exec:~/bin/make-feed", OPML_ALLOW_EXEC, NULL },
	{ "filter:tr a-z A-Z:https://n.example/rss", 0, "runs a command" },
	{ "filter:tr a-z A-Z:https://n.example/rss", OPML_ALLOW_EXEC, NULL },
	{ "filter:cat:file:///etc/passwd", OPML_ALLOW_EXEC, "local file" },
	{ "filter:cat:file:///etc/passwd", OPML_ALLOW_EXEC |
	    OPML_ALLOW_LOCAL, NULL },
	{ "filter:no url here", OPML_ALLOW_LOCAL, "runs a command" },
	{ "filter:no url here", OPML_ALLOW_EXEC, NULL }
};

static void
test_screen(void **state)
{
	struct opml_feed	 feed;
	struct opml_skip	*skipped;
	size_t			 i, n, nskipped;
	int			 bad = 0;

	for (i = 0; i < UTIL_ARRLEN(screen_cases); i++) {
		memset(&feed, 0, sizeof feed);
		feed.url = xstrdup(screen_cases[i].url);
		feed.title = xstrdup("Título");
		n = 1;
		opml_screen(&feed, &n, screen_cases[i].flags, &skipped,
		    &nskipped);
		if (screen_cases[i].why == NULL ? n != 1 || nskipped != 0 ||
		    strcmp(feed.url, screen_cases[i].url) != 0 : n != 0 ||
		    nskipped != 1 || strcmp(skipped[0].url,
		    screen_cases[i].url) != 0 || strstr(skipped[0].why,
		    screen_cases[i].why) == NULL) {
			print_error("screen(%s, %d): kept %zu, skipped %zu\n",
			    screen_cases[i].url, screen_cases[i].flags, n,
			    nskipped);
			bad++;
		}
		if (n == 1) {
			free(feed.url);
			free(feed.title);
		}
		opml_skips_free(skipped, nskipped);
	}
	assert_int_equal(bad, 0);
}

/* Skipped feeds leave the others in order. */
static void
test_screen_order(void **state)
{
	static const char	 doc[] =
	    "https://a.example/rss\nexec:make-feed\n"
	    "https://b.example/rss\nfile:///tmp/c.xml\n"
	    "https://c.example/rss\n";
	struct opml_feed	*feeds;
	struct opml_skip	*skipped;
	size_t			 n, nskipped;
	char			*cause = NULL;

	assert_int_equal(opml_read(doc, strlen(doc), &feeds, &n, &cause), 0);
	assert_int_equal(n, 5);
	opml_screen(feeds, &n, 0, &skipped, &nskipped);
	assert_int_equal(n, 3);
	assert_string_equal(feeds[0].url, "https://a.example/rss");
	assert_string_equal(feeds[1].url, "https://b.example/rss");
	assert_string_equal(feeds[2].url, "https://c.example/rss");
	assert_int_equal(nskipped, 2);
	assert_string_equal(skipped[0].url, "exec:make-feed");
	assert_string_equal(skipped[1].url, "file:///tmp/c.xml");
	opml_skips_free(skipped, nskipped);
	opml_free(feeds, n);
}

static void
test_garbage(void **state)
{
	static const char	 binary[] = "\x00\x01\x02\xff\xfe http:// \x00";
	static const char	*docs[] = {
		"",
		"   \n\n",
		"# only a comment\n",
		"hello world\nthis is not a list of feeds\n",
		"Note: see https://example.org for details\n",
		"<rss version=\"2.0\"><channel><title>x</title>"
		    "</channel></rss>",
		"<html><body><p>a web page</p></body></html>",
		"<<<>>>",
		"<opml",
		"<opml version=\"2.0\"><body><outline text=\"cut here"
	};
	size_t			 i;

	for (i = 0; i < UTIL_ARRLEN(docs); i++)
		check_fails(docs[i], strlen(docs[i]));
	check_fails(binary, sizeof binary - 1);
}

/*
 * Entities declared in the document (a file on this machine, an
 * external DTD, nested internal entities) must be neither read nor
 * expanded.
 */
static void
test_entities_not_read(void **state)
{
	char			 path[] = "/tmp/telex-opml-secretXXXXXX";
	char			*doc, *tags;
	struct opml_feed	*feeds;
	size_t			 n, i;
	char			*cause = NULL;
	FILE			*f;
	int			 fd;

	assert_true((fd = mkstemp(path)) != -1);
	assert_non_null(f = fdopen(fd, "w"));
	fputs("TOPSECRET", f);
	fclose(f);
	doc = xasprintf("<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE opml SYSTEM \"file://%s\" [\n"
	    "<!ENTITY secret SYSTEM \"file://%s\">\n"
	    "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    "]>\n<opml version=\"2.0\"><body>\n"
	    "<outline text=\"&secret;\" category=\"&secret;\" "
	    "xmlUrl=\"https://one.example/&secret;\"/>\n"
	    "<outline text=\"x&d;\" xmlUrl=\"https://two.example/rss\"/>\n"
	    "<outline text=\"&#84;itle\" xmlUrl=\"https://three.example/\"/>\n"
	    "</body></opml>\n", path, path);
	assert_int_equal(opml_read(doc, strlen(doc), &feeds, &n, &cause), 0);
	unlink(path);
	assert_true(n >= 2);
	for (i = 0; i < n; i++) {
		tags = join_tags(&feeds[i]);
		assert_null(strstr(feeds[i].url, "TOPSECRET"));
		assert_true(feeds[i].title == NULL ||
		    (strstr(feeds[i].title, "TOPSECRET") == NULL &&
		    strlen(feeds[i].title) < 100));
		assert_null(strstr(tags, "TOPSECRET"));
		free(tags);
		if (strcmp(feeds[i].url, "https://three.example/") == 0)
			assert_string_equal(feeds[i].title, "Title");
	}
	opml_free(feeds, n);
	free(doc);
}

/* A feed built from literals; tags separated by '|'. */
static void
make_feed(struct opml_feed *f, const char *url, const char *title,
    const char *site_url, const char *tags)
{
	const char	*p, *bar;

	memset(f, 0, sizeof *f);
	f->url = xstrdup(url);
	f->title = title ? xstrdup(title) : NULL;
	f->site_url = site_url ? xstrdup(site_url) : NULL;
	for (p = tags; p != NULL && *p != '\0'; p = bar ? bar + 1 : NULL) {
		bar = strchr(p, '|');
		f->tags = xreallocarray(f->tags, f->ntags + 1, sizeof *f->tags);
		f->tags[f->ntags++] = bar ? xstrndup(p, (size_t)(bar - p)) :
		    xstrdup(p);
	}
}

static void
test_round_trip(void **state)
{
	struct opml_feed	*out, *in;
	size_t			 n, len, i, j;
	char			*data = NULL, *cause = NULL;
	FILE			*f;

	out = xcalloc(3, sizeof *out);
	make_feed(&out[0], "https://harbour.example/rss?a=1&b=<2>",
	    "Harbour \"Gazette\" <b>", "https://harbour.example/",
	    "news|local & \"near\"|a/b");
	make_feed(&out[1], "https://plain.example/feed", NULL, NULL, NULL);
	make_feed(&out[2], "https://cafe.example/rss", "Caf\xc3\xa9\tcorner",
	    NULL, "caf\xc3\xa9");
	assert_non_null(f = open_memstream(&data, &len));
	assert_int_equal(opml_write(f, out, 3, "Mine & yours"), 0);
	fclose(f);
	assert_non_null(strstr(data, "<opml version=\"2.0\">"));
	assert_non_null(strstr(data, "<title>Mine &amp; yours</title>"));
	assert_non_null(strstr(data, "category=\"news,local &amp; "
	    "&quot;near&quot;,a/b\""));
	assert_int_equal(opml_read(data, len, &in, &n, &cause), 0);
	assert_int_equal(n, 3);
	for (i = 0; i < n; i++) {
		assert_string_equal(in[i].url, out[i].url);
		assert_true(same(in[i].site_url, out[i].site_url));
		assert_int_equal(in[i].ntags, out[i].ntags);
		for (j = 0; j < in[i].ntags; j++)
			assert_string_equal(in[i].tags[j], out[i].tags[j]);
	}
	assert_string_equal(in[0].title, "Harbour \"Gazette\" <b>");
	assert_null(in[1].title);
	/* Titles are read back as one line. */
	assert_string_equal(in[2].title, "Caf\xc3\xa9 corner");
	opml_free(in, n);
	opml_free(out, 3);
	free(data);
}

static void
test_write_error(void **state)
{
	struct opml_feed	 one;
	FILE			*f;

	if ((f = fopen("/dev/full", "w")) == NULL) {
		printf("# no /dev/full here, write errors not tested\n");
		return;
	}
	make_feed(&one, "https://a.example/", NULL, NULL, NULL);
	assert_int_equal(opml_write(f, &one, 1, NULL), -1);
	fclose(f);
	free(one.url);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_opml1),
		cmocka_unit_test(test_opml2_folders),
		cmocka_unit_test(test_opml_exporters),
		cmocka_unit_test(test_opml_empty),
		cmocka_unit_test(test_newsboat_urls),
		cmocka_unit_test(test_screen),
		cmocka_unit_test(test_screen_order),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_entities_not_read),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_write_error),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
