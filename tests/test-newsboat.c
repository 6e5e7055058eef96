/*
 * Unit tests for src/newsboat*.c: newsboat's filter language into
 * telex's queries (and what must not translate), urls files with tags,
 * titles, queries and exec feeds, config lines into telex's, and the
 * config block appended once.
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

#include "newsboat.h"
#include "util.h"

/* A filter and its translation; NULL: it must fail with why holding it. */
static const struct {
	const char	*filter;
	const char	*query;
	const char	*why;
} filter_cases[] = {
	{ "unread = \"yes\"", "is:unread", NULL },
	{ "unread == \"no\"", "is:read", NULL },
	{ "unread != \"yes\"", "is:read", NULL },
	{ "title =~ \"ferry\"", "title:ferry", NULL },
	{ "title =~ \"[Ss]ponsored\"", "title:sponsored", NULL },
	{ "title =~ \".*night ferry.*\"", "title:\"night ferry\"", NULL },
	{ "title # \"storm\"", "title:storm", NULL },
	{ "title !~ \"ads\"", "-title:ads", NULL },
	{ "author = \"Ana Okafor\"", "author:\"Ana Okafor\"", NULL },
	{ "content =~ \"Überschwemmung\"", "Überschwemmung", NULL },
	{ "feedtitle = \"Harbour Gazette\"", "feed:\"Harbour Gazette\"",
	    NULL },
	{ "rssurl =~ \"example\\\\.org\"", "feed:\"example.org\"", NULL },
	{ "tags # \"science\"", "tag:science", NULL },
	{ "tags !# \"sport\"", "-tag:sport", NULL },
	{ "flags # \"s\"", "tag:flag-s", NULL },
	{ "flags # \"sA\"", "tag:flag-s tag:flag-upper-a", NULL },
	{ "flags !# \"sA\"", "NOT (tag:flag-s tag:flag-upper-a)", NULL },
	{ "age < 7", "date:7d", NULL },
	{ "age <= 7", "date:8d", NULL },
	{ "age > 30", "-date:31d", NULL },
	{ "age >= 30", "-date:30d", NULL },
	{ "age between 0:6", "date:7d", NULL },
	{ "age between 2:6", "date:7d -date:2d", NULL },
	{ "enclosure_url != \"\"", "has:enclosure", NULL },
	{ "unread = \"yes\" and tags # \"news\"", "is:unread tag:news",
	    NULL },
	{ "unread = \"yes\" or flags # \"s\"", "is:unread OR tag:flag-s",
	    NULL },
	{ "(tags # \"a\" or tags # \"b\") and unread = \"yes\"",
	    "(tag:a OR tag:b) is:unread", NULL },
	{ "unread = \"yes\" and (age < 2 or title =~ \"урок\")",
	    "is:unread (date:2d OR title:урок)", NULL },
	{ "title =~ \"^Breaking\"", NULL, "regular expression" },
	{ "title =~ \"a|b\"", NULL, "regular expression" },
	{ "link =~ \"x\"", NULL, "newsboat's link" },
	{ "guid = \"x\"", NULL, "newsboat's guid" },
	{ "age = 3", NULL, "age =" },
	{ "unread = \"maybe\"", NULL, "yes" },
	{ "tags # \"two words\"", NULL, "tag name" },
	{ "title =~ \"x\" and", NULL, "attribute" },
	{ "(unread = \"yes\"", NULL, "parenthesis" },
	{ "title", NULL, "operator" },
	{ "title = ", NULL, "value" },
	{ "title = \"say \\\"hi\\\"\"", NULL, "double quote" },
	{ "unread = \"yes\" junk", NULL, "junk" },
};

static void
test_filter(void **state)
{
	char	*query, *why;
	size_t	 i;
	int	 bad = 0, rc;

	for (i = 0; i < UTIL_ARRLEN(filter_cases); i++) {
		rc = newsboat_filter(filter_cases[i].filter, &query, &why);
		if (filter_cases[i].query != NULL && (rc != 0 ||
		    strcmp(query, filter_cases[i].query) != 0)) {
			print_error("%s: got %s (%s), wanted %s\n",
			    filter_cases[i].filter, query ? query : "NULL",
			    why ? why : "", filter_cases[i].query);
			bad++;
		} else if (filter_cases[i].query == NULL && (rc == 0 ||
		    why == NULL || strstr(why, filter_cases[i].why) == NULL)) {
			print_error("%s: got %s / %s, wanted a failure about "
			    "%s\n", filter_cases[i].filter,
			    query ? query : "NULL", why ? why : "NULL",
			    filter_cases[i].why);
			bad++;
		}
		free(query);
		free(why);
	}
	assert_int_equal(bad, 0);
}

static const char urls_file[] =
    "# my feeds\n"
    "https://gazette.example/rss.xml news \"~Harbour Gazette\" local\n"
    "\n"
    "http://vestnik.example/feed ru \"два слова\" !\n"
    "\"query:Unread news:unread = \\\"yes\\\" and tags # \\\"news\\\"\"\n"
    "\"query:Links:link =~ \\\"x\\\"\"\n"
    "\"exec:~/bin/weather --feed\" weather\n"
    "\"filter:~/bin/fix.sh:https://broken.example/atom\"\n"
    "gopher://old.example/\n"
    "https://gazette.example/rss.xml extra\n";

static void
test_urls(void **state)
{
	struct newsboat_urls	 u;
	size_t			 i;

	newsboat_urls_read(urls_file, strlen(urls_file), "urls", &u);
	assert_int_equal(u.nfeeds, 4);
	assert_string_equal(u.feeds[0].url, "https://gazette.example/rss.xml");
	assert_string_equal(u.feeds[0].title, "Harbour Gazette");
	assert_int_equal(u.feeds[0].ntags, 3);
	assert_string_equal(u.feeds[0].tags[0], "news");
	assert_string_equal(u.feeds[0].tags[1], "local");
	assert_string_equal(u.feeds[0].tags[2], "extra");
	assert_int_equal(u.feeds[0].exec, 0);
	assert_null(u.feeds[1].title);
	assert_int_equal(u.feeds[1].ntags, 1);
	assert_string_equal(u.feeds[1].tags[0], "ru");
	assert_string_equal(u.feeds[2].url, "exec:~/bin/weather --feed");
	assert_int_equal(u.feeds[2].exec, 1);
	assert_int_equal(u.feeds[3].exec, 1);
	assert_int_equal(u.nqueries, 2);
	assert_string_equal(u.queries[0].name, "Unread news");
	assert_string_equal(u.queries[0].query, "is:unread tag:news");
	assert_null(u.queries[1].query);
	/* The tag with a space, the link query, the gopher line. */
	assert_int_equal(u.nskips, 3);
	assert_string_equal(u.skips[0].where, "urls:4");
	assert_non_null(strstr(u.skips[0].reason, "два слова"));
	assert_string_equal(u.skips[1].where, "urls:6");
	assert_non_null(strstr(u.skips[1].reason, "Links"));
	assert_string_equal(u.skips[2].where, "urls:9");
	for (i = 0; i < u.nskips; i++)
		assert_non_null(u.skips[i].reason);
	newsboat_urls_free(&u);
}

static void
test_urls_write(void **state)
{
	struct store_feed	 f[2];
	char			 news[] = "news", local[] = "local";
	char			 title[] = "Say \"hi\"";
	char			 url0[] = "https://gazette.example/rss.xml";
	char			 url1[] = "exec:~/bin/weather --feed";
	char			*tags[] = { news, local };
	char			*titles[] = { title, NULL };
	char			*out = NULL;
	size_t			 len = 0;
	FILE			*fp;

	memset(f, 0, sizeof f);
	f[0].url = url0;
	f[0].tags = tags;
	f[0].ntags = 2;
	f[1].url = url1;
	fp = open_memstream(&out, &len);
	assert_int_equal(newsboat_urls_write(fp, f, 2, titles), 0);
	fclose(fp);
	assert_string_equal(out, "https://gazette.example/rss.xml news local "
	    "\"~Say \\\"hi\\\"\"\n\"exec:~/bin/weather --feed\"\n");
	free(out);
}

/* A config line and the telex line it gives; NULL: skipped, why has it. */
static const struct {
	const char	*line;
	const char	*telex;
	const char	*why;
} config_cases[] = {
	{ "browser \"firefox %u\"", "set browser 'firefox %u'", NULL },
	{ "bind-key j down", "bind j down", NULL },
	{ "bind-key ^R reload-all", "bind ^R poll-all", NULL },
	{ "bind-key ENTER open feedlist", "bind Enter open", NULL },
	{ "bind-key N toggle-article-read", "bind N toggle-read", NULL },
	{ "unbind-key q", "bind q none", NULL },
	{ "bind-key x edit-flags", NULL, "edit-flags" },
	{ "bind-key F5 reload", NULL, "F5" },
	{ "color listfocus black yellow bold", "color selected black yellow "
	    "bold", NULL },
	{ "color listnormal_unread color208 default underline protect",
	    "color unread 208 default underline", NULL },
	{ "color background white black", NULL, "background" },
	{ "color info red puce", NULL, "puce" },
	{ "ignore-article \"*\" \"title =~ \\\"Sponsored\\\"\"",
	    "rule title:Sponsored hide", NULL },
	{ "ignore-article \"https://a.example/rss\" \"author = \\\"Bot\\\"\"",
	    "rule 'feed:\"https://a.example/rss\" author:Bot' hide", NULL },
	{ "ignore-article \"*\" \"link =~ \\\"x\\\"\"", NULL, "link" },
	{ "keep-articles-days 90", "keep all 90d", NULL },
	{ "keep-articles-days 0", NULL, "every article" },
	{ "user-agent \"Mozilla/5.0 (X11)\"",
	    "set user-agent 'Mozilla/5.0 (X11)'", NULL },
	{ "text-width 72", "set reader-width 72", NULL },
	{ "highlight article \"x\" red", NULL, "highlight" },
	{ "include ~/.newsboat/colors", NULL, "include" },
	{ "auto-reload yes\nreload-time 15", "set poll-interval 15m", NULL },
	{ "auto-reload yes", "set poll-interval 60m", NULL },
	{ "reload-time 15", NULL, "auto-reload" },
	{ "use-proxy yes\nproxy-type socks5\nproxy 127.0.0.1:9050",
	    "set proxy socks5://127.0.0.1:9050", NULL },
	{ "proxy 127.0.0.1:3128", NULL, "use-proxy" },
	{ "max-items 50", "keep 'feed:\"https://gazette.example/rss.xml\"' 50",
	    NULL },
	{ "max-items none", NULL, "number" },
};

static void
test_config(void **state)
{
	struct newsboat_config	 c;
	struct newsboat_feed	 feed;
	char			 url[] = "https://gazette.example/rss.xml";
	size_t			 i;
	int			 bad = 0;

	memset(&feed, 0, sizeof feed);
	feed.url = url;
	for (i = 0; i < UTIL_ARRLEN(config_cases); i++) {
		newsboat_config_read(config_cases[i].line,
		    strlen(config_cases[i].line), "config", &feed, 1, &c);
		if (config_cases[i].telex != NULL && (c.nlines != 1 ||
		    strcmp(c.lines[0], config_cases[i].telex) != 0 ||
		    c.nskips != 0)) {
			print_error("%s: got %zu lines (%s), %zu skipped\n",
			    config_cases[i].line, c.nlines,
			    c.nlines > 0 ? c.lines[0] : "", c.nskips);
			bad++;
		} else if (config_cases[i].telex == NULL && (c.nlines != 0 ||
		    c.nskips != 1 ||
		    strstr(c.skips[0].reason, config_cases[i].why) == NULL)) {
			print_error("%s: got %zu lines, %zu skipped (%s)\n",
			    config_cases[i].line, c.nlines, c.nskips,
			    c.nskips > 0 ? c.skips[0].reason : "");
			bad++;
		}
		newsboat_config_free(&c);
	}
	assert_int_equal(bad, 0);
}

static char *
read_all(const char *path)
{
	struct buf	 b;
	char		*cause = NULL;

	buf_init(&b, 0);
	assert_int_equal(util_read_file(path, &b, &cause), 0);
	buf_addc(&b, '\0');
	return (b.data);
}

/* The block goes after the user's lines, once; a folder is made. */
static void
test_config_append(void **state)
{
	static const char conf[] = "bind-key j down\nbrowser lynx\n";
	struct newsboat_config	 c;
	char			 dir[] = "/tmp/telex-nb.XXXXXX";
	char			*path, *text, *cause = NULL;
	size_t			 added;
	FILE			*f;

	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/sub/config", dir);
	newsboat_config_read(conf, strlen(conf), "nb", NULL, 0, &c);
	assert_int_equal(newsboat_config_append(path, &c, "nb", &added,
	    &cause), 0);
	assert_int_equal(added, 2);
	assert_int_equal(newsboat_config_append(path, &c, "nb", &added,
	    &cause), 0);
	assert_int_equal(added, 0);
	text = read_all(path);
	assert_string_equal(text, "# From newsboat's nb (telex import "
	    "--newsboat)\nbind j down\nset browser lynx\n"
	    "# End of the lines from newsboat\n");
	free(text);
	/* A line the user wrote is not written again; theirs stay first. */
	f = fopen(path, "w");
	fputs("set browser lynx", f);
	fclose(f);
	assert_int_equal(newsboat_config_append(path, &c, "nb", &added,
	    &cause), 0);
	assert_int_equal(added, 1);
	text = read_all(path);
	assert_string_equal(text, "set browser lynx\n\n# From newsboat's nb "
	    "(telex import --newsboat)\nbind j down\n"
	    "# End of the lines from newsboat\n");
	free(text);
	newsboat_config_free(&c);
	unlink(path);
	free(path);
	path = xasprintf("%s/sub", dir);
	rmdir(path);
	free(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_urls_write),
		cmocka_unit_test(test_config),
		cmocka_unit_test(test_config_append),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
