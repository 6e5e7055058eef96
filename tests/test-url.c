/*
 * Unit tests for src/url.c: reference resolution against the examples of
 * RFC 3986 section 5.4 and cases feeds produce, scheme tests, hosts.
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

#include "url.h"

struct resolve_case {
	const char	*base;
	const char	*ref;
	const char	*want;		/* NULL: url_resolve gives NULL */
};

#define RFC_BASE "http://a/b/c/d;p?q"

/* RFC 3986 5.4.1. */
static const struct resolve_case normal_cases[] = {
	{ RFC_BASE, "g:h", "g:h" },
	{ RFC_BASE, "g", "http://a/b/c/g" },
	{ RFC_BASE, "./g", "http://a/b/c/g" },
	{ RFC_BASE, "g/", "http://a/b/c/g/" },
	{ RFC_BASE, "/g", "http://a/g" },
	{ RFC_BASE, "//g", "http://g" },
	{ RFC_BASE, "?y", "http://a/b/c/d;p?y" },
	{ RFC_BASE, "g?y", "http://a/b/c/g?y" },
	{ RFC_BASE, "#s", "http://a/b/c/d;p?q#s" },
	{ RFC_BASE, "g#s", "http://a/b/c/g#s" },
	{ RFC_BASE, "g?y#s", "http://a/b/c/g?y#s" },
	{ RFC_BASE, ";x", "http://a/b/c/;x" },
	{ RFC_BASE, "g;x", "http://a/b/c/g;x" },
	{ RFC_BASE, "g;x?y#s", "http://a/b/c/g;x?y#s" },
	{ RFC_BASE, ".", "http://a/b/c/" },
	{ RFC_BASE, "./", "http://a/b/c/" },
	{ RFC_BASE, "..", "http://a/b/" },
	{ RFC_BASE, "../", "http://a/b/" },
	{ RFC_BASE, "../g", "http://a/b/g" },
	{ RFC_BASE, "../..", "http://a/" },
	{ RFC_BASE, "../../", "http://a/" },
	{ RFC_BASE, "../../g", "http://a/g" }
};

/* RFC 3986 5.4.2 (strict: "http:g" keeps its scheme). */
static const struct resolve_case abnormal_cases[] = {
	{ RFC_BASE, "../../../g", "http://a/g" },
	{ RFC_BASE, "../../../../g", "http://a/g" },
	{ RFC_BASE, "/./g", "http://a/g" },
	{ RFC_BASE, "/../g", "http://a/g" },
	{ RFC_BASE, "g.", "http://a/b/c/g." },
	{ RFC_BASE, ".g", "http://a/b/c/.g" },
	{ RFC_BASE, "g..", "http://a/b/c/g.." },
	{ RFC_BASE, "..g", "http://a/b/c/..g" },
	{ RFC_BASE, "./../g", "http://a/b/g" },
	{ RFC_BASE, "./g/.", "http://a/b/c/g/" },
	{ RFC_BASE, "g/./h", "http://a/b/c/g/h" },
	{ RFC_BASE, "g/../h", "http://a/b/c/h" },
	{ RFC_BASE, "g;x=1/./y", "http://a/b/c/g;x=1/y" },
	{ RFC_BASE, "g;x=1/../y", "http://a/b/c/y" },
	{ RFC_BASE, "g?y/./x", "http://a/b/c/g?y/./x" },
	{ RFC_BASE, "g?y/../x", "http://a/b/c/g?y/../x" },
	{ RFC_BASE, "g#s/./x", "http://a/b/c/g#s/./x" },
	{ RFC_BASE, "g#s/../x", "http://a/b/c/g#s/../x" },
	{ RFC_BASE, "http:g", "http:g" }
};

/* What feeds and web pages hand us. */
static const struct resolve_case feed_cases[] = {
	{ "http://example.org", "item/1.html",
	    "http://example.org/item/1.html" },
	{ "http://example.org", "?page=2", "http://example.org?page=2" },
	{ "https://news.example/feed.xml", "  /story/7  ",
	    "https://news.example/story/7" },
	{ "https://news.example/a/feed.xml", "//cdn.example/img.png",
	    "https://cdn.example/img.png" },
	{ "https://news.example/a/feed.xml", "#top",
	    "https://news.example/a/feed.xml#top" },
	{ "https://news.example/a/b/", "../c?x=1#f",
	    "https://news.example/a/c?x=1#f" },
	{ "https://news.example/a/", "HTTPS://Other.example/x",
	    "HTTPS://Other.example/x" },
	{ "https://news.example/a/", "mailto:desk@news.example",
	    "mailto:desk@news.example" },
	{ "https://news.example/a/", "/story/\n8\t",
	    "https://news.example/story/8" },
	{ "  https://news.example/a/x  ", "y", "https://news.example/a/y" },
	{ "file:///home/reader/feeds/local.xml", "img/a.png",
	    "file:///home/reader/feeds/img/a.png" },
	{ "https://u:p@news.example:8443/a/b", "c",
	    "https://u:p@news.example:8443/a/c" },
	{ "https://news.example/a?q=1", "", NULL },
	{ "https://news.example/a?q=1", "   ", NULL },
	{ NULL, " relative/path ", "relative/path" },
	{ "not-absolute/base", "x/y", "x/y" },
	{ "", "https://news.example/", "https://news.example/" }
};

static void
check_resolve(const struct resolve_case *cases, size_t n)
{
	char	*got;
	size_t	 i, bad = 0;

	for (i = 0; i < n; i++) {
		got = url_resolve(cases[i].base, cases[i].ref);
		if ((got == NULL) != (cases[i].want == NULL) ||
		    (got != NULL && strcmp(got, cases[i].want) != 0)) {
			print_error("resolve(%s, %s): got %s, want %s\n",
			    cases[i].base ? cases[i].base : "NULL",
			    cases[i].ref,
			    got ? got : "NULL",
			    cases[i].want ? cases[i].want : "NULL");
			bad++;
		}
		free(got);
	}
	assert_int_equal(bad, 0);
}

static void
test_resolve_normal(void **state)
{
	check_resolve(normal_cases,
	    sizeof normal_cases / sizeof normal_cases[0]);
}

static void
test_resolve_abnormal(void **state)
{
	check_resolve(abnormal_cases,
	    sizeof abnormal_cases / sizeof abnormal_cases[0]);
}

static void
test_resolve_feeds(void **state)
{
	check_resolve(feed_cases, sizeof feed_cases / sizeof feed_cases[0]);
}

static void
test_resolve_null(void **state)
{
	assert_null(url_resolve("http://a/", NULL));
	assert_null(url_resolve(NULL, NULL));
}

static const struct {
	const char	*url;
	int		 absolute;
	int		 http;
	int		 file;
} scheme_cases[] = {
	{ "http://example.org/", 1, 1, 0 },
	{ "HTTPS://example.org/", 1, 1, 0 },
	{ "  https://example.org/", 1, 1, 0 },
	{ "file:///tmp/feed.xml", 1, 0, 1 },
	{ "FILE://localhost/tmp/feed.xml", 1, 0, 1 },
	{ "feed+https://example.org/", 1, 0, 0 },
	{ "svn.ssh-x://host/", 1, 0, 0 },
	{ "mailto:a@b", 1, 0, 0 },
	{ "httpx://example.org/", 1, 0, 0 },
	{ "http:/example.org/", 1, 0, 0 },
	{ "//example.org/x", 0, 0, 0 },
	{ "/x:y", 0, 0, 0 },
	{ "1http://x", 0, 0, 0 },
	{ "ht tp://x", 0, 0, 0 },
	{ "example.org/x", 0, 0, 0 },
	{ ":nothing", 0, 0, 0 },
	{ "", 0, 0, 0 },
	{ NULL, 0, 0, 0 }
};

static void
test_schemes(void **state)
{
	size_t	 i;
	int	 bad = 0;

	for (i = 0; i < sizeof scheme_cases / sizeof scheme_cases[0]; i++) {
		if (url_is_absolute(scheme_cases[i].url) !=
		    scheme_cases[i].absolute ||
		    url_is_http(scheme_cases[i].url) != scheme_cases[i].http ||
		    url_is_file(scheme_cases[i].url) != scheme_cases[i].file) {
			print_error("scheme tests wrong for %s\n",
			    scheme_cases[i].url ? scheme_cases[i].url : "NULL");
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static const struct {
	const char	*url;
	const char	*host;
} host_cases[] = {
	{ "http://Example.ORG/feed", "example.org" },
	{ "https://user:secret@news.example:8443/x?y#z", "news.example" },
	{ "https://news.example?x", "news.example" },
	{ "https://news.example#x", "news.example" },
	{ "http://[2001:DB8::1]:8080/", "[2001:db8::1]" },
	{ "//cdn.example/img.png", "cdn.example" },
	{ " http://spaced.example/ ", "spaced.example" },
	{ "file:///tmp/feed.xml", NULL },
	{ "http://:80/", NULL },
	{ "mailto:desk@news.example", NULL },
	{ "relative/path", NULL },
	{ NULL, NULL }
};

static void
test_host(void **state)
{
	char	*got;
	size_t	 i;
	int	 bad = 0;

	for (i = 0; i < sizeof host_cases / sizeof host_cases[0]; i++) {
		got = url_host(host_cases[i].url);
		if ((got == NULL) != (host_cases[i].host == NULL) ||
		    (got != NULL && strcmp(got, host_cases[i].host) != 0)) {
			print_error("host(%s): got %s, want %s\n",
			    host_cases[i].url ? host_cases[i].url : "NULL",
			    got ? got : "NULL",
			    host_cases[i].host ? host_cases[i].host : "NULL");
			bad++;
		}
		free(got);
	}
	assert_int_equal(bad, 0);
}

static const struct {
	const char	*url;
	enum url_kind	 kind;
} kind_cases[] = {
	{ "https://news.example/feed.xml", URL_KIND_HTTP },
	{ "HTTP://news.example/", URL_KIND_HTTP },
	{ "file:///home/ana/feed.xml", URL_KIND_FILE },
	{ "  FILE:///etc/passwd", URL_KIND_FILE },
	{ "exec:~/bin/almanac.sh", URL_KIND_EXEC },
	{ " EXEC:cat feed.xml", URL_KIND_EXEC },
	{ "exec:", URL_KIND_EXEC },
	{ "filter:tr a-z A-Z:https://news.example/", URL_KIND_FILTER },
	{ "Filter:sed s/x/y/", URL_KIND_FILTER },
	{ "query:Unread:unread = \"yes\"", URL_KIND_OTHER },
	{ "ftp://files.example/feed.xml", URL_KIND_OTHER },
	{ "executive.example/feed", URL_KIND_OTHER },
	{ "", URL_KIND_OTHER },
	{ NULL, URL_KIND_OTHER }
};

static void
test_kind(void **state)
{
	size_t	 i;
	int	 bad = 0;

	for (i = 0; i < sizeof kind_cases / sizeof kind_cases[0]; i++) {
		if (url_kind(kind_cases[i].url) != kind_cases[i].kind) {
			print_error("kind(%s): got %s, want %s\n",
			    kind_cases[i].url ? kind_cases[i].url : "NULL",
			    url_kind_name(url_kind(kind_cases[i].url)),
			    url_kind_name(kind_cases[i].kind));
			bad++;
		}
	}
	assert_string_equal(url_kind_name(URL_KIND_FILTER), "filter");
	assert_int_equal(bad, 0);
}

/* want_command NULL: url_command fails, and cause holds want_inner. */
static const struct {
	const char	*url;
	const char	*want_command;
	const char	*want_inner;
} command_cases[] = {
	{ "exec:cat ~/feeds/almanac.xml", "cat ~/feeds/almanac.xml", NULL },
	{ "  exec:printf '%s' \"a:b\"", "printf '%s' \"a:b\"", NULL },
	{ "filter:tr a-z A-Z:https://news.example/feed.xml", "tr a-z A-Z",
	    "https://news.example/feed.xml" },
	{ "filter:~/bin/fix.sh:http://news.example:8080/rss?a=b:c",
	    "~/bin/fix.sh", "http://news.example:8080/rss?a=b:c" },
	{ "filter:sed 's|http://x|y|':file:///tmp/feed.xml",
	    "sed 's|http://x|y|'", "file:///tmp/feed.xml" },
	{ "filter:a:b:https://n.example/x:https://m.example/", "a:b",
	    "https://n.example/x:https://m.example/" },
	{ "exec:", NULL, "the command is empty" },
	{ "exec:   ", NULL, "the command is empty" },
	{ "filter::https://news.example/", NULL, "the command is empty" },
	{ "filter:tr a-z A-Z", NULL, "filter:COMMAND:URL" },
	{ "filter:cat:ftp://files.example/x", NULL, "filter:COMMAND:URL" },
	{ "https://news.example/", NULL, "not exec:COMMAND" }
};

static void
test_command(void **state)
{
	char	*command, *inner, *cause;
	size_t	 i;
	int	 bad = 0, rc;

	for (i = 0; i < sizeof command_cases / sizeof command_cases[0]; i++) {
		cause = NULL;
		rc = url_command(command_cases[i].url, &command, &inner,
		    &cause);
		if (command_cases[i].want_command == NULL ? rc != -1 ||
		    command != NULL || strstr(cause,
		    command_cases[i].want_inner) == NULL : rc != 0 ||
		    strcmp(command, command_cases[i].want_command) != 0 ||
		    (inner == NULL) != (command_cases[i].want_inner == NULL) ||
		    (inner != NULL && strcmp(inner,
		    command_cases[i].want_inner) != 0)) {
			print_error("command(%s): got %d [%s] [%s] [%s]\n",
			    command_cases[i].url, rc,
			    command ? command : "NULL",
			    inner ? inner : "NULL", cause ? cause : "NULL");
			bad++;
		}
		free(command);
		free(inner);
		free(cause);
	}
	(void)state;
	assert_int_equal(bad, 0);
}

/* A password in the URL is shown as ***; nothing else changes. */
static const struct {
	const char	*url;
	const char	*shown;
} mask_cases[] = {
	{ "https://ann:s3cret@feeds.example/rss", "https://ann:***@feeds.example/rss" },
	{ "http://ann:p%40ss@h.example:8080/a?b=c", "http://ann:***@h.example:8080/a?b=c" },
	{ "https://ann@feeds.example/rss", "https://ann@feeds.example/rss" },
	{ "https://ann:@feeds.example/rss", "https://ann:@feeds.example/rss" },
	{ "https://feeds.example/a@b:c", "https://feeds.example/a@b:c" },
	{ "https://feeds.example/?u=a:b@c", "https://feeds.example/?u=a:b@c" },
	{ "https://a:b@c@host.example/", "https://a:***@host.example/" },
	{ "HTTPS://Ann:Pw@Host.Example/", "HTTPS://Ann:***@Host.Example/" },
	{ "file:///home/ann/feed.xml", "file:///home/ann/feed.xml" },
	{ "mailto:ann:pw@example.org", "mailto:ann:pw@example.org" },
	{ "", "" },
};

static void
test_mask(void **state)
{
	char	*got;
	size_t	 i;
	int	 bad = 0;

	(void)state;
	for (i = 0; i < sizeof mask_cases / sizeof mask_cases[0]; i++) {
		got = url_mask(mask_cases[i].url);
		if (strcmp(got, mask_cases[i].shown) != 0) {
			print_error("mask(%s): got %s, want %s\n",
			    mask_cases[i].url, got, mask_cases[i].shown);
			bad++;
		}
		if (url_has_password(mask_cases[i].url) !=
		    (strcmp(mask_cases[i].url, mask_cases[i].shown) != 0)) {
			print_error("has_password(%s) is wrong\n",
			    mask_cases[i].url);
			bad++;
		}
		free(got);
	}
	assert_null(url_mask(NULL));
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve_normal),
		cmocka_unit_test(test_resolve_abnormal),
		cmocka_unit_test(test_resolve_feeds),
		cmocka_unit_test(test_resolve_null),
		cmocka_unit_test(test_schemes),
		cmocka_unit_test(test_host),
		cmocka_unit_test(test_kind),
		cmocka_unit_test(test_command),
		cmocka_unit_test(test_mask),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
