/*
 * Unit tests for src/feedopt.c: "feed FEED OPTION VALUE" lines read and
 * checked (table-driven: good lines and the error each bad one gets),
 * which feeds a FEED names, what a feed ends up with, and the lines that
 * name no feed.
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

#include "conf.h"
#include "feedopt.h"
#include "util.h"

/* The config of text, read from a file as telex reads it. */
static struct conf *
load(const char *text)
{
	struct conf	*cf;
	char		 path[] = "/tmp/telex-feedopt-XXXXXX";
	char		*cause = NULL;
	int		 fd;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	assert_int_equal(conf_load(path, &cf, &cause), 0);
	unlink(path);
	return (cf);
}

static const struct {
	const char	*line;
	const char	*error;	/* NULL: accepted; else part of the cause */
} parse_cases[] = {
	{ "feed 1 user-agent 'Mozilla/5.0 (X11) telex'", NULL },
	{ "feed 1 header 'X-Api-Key: 9f8e7d'", NULL },
	{ "feed 1 header \"Accept-Language: fi, sv;q=0.5\"", NULL },
	{ "feed 1 auth basic anna", NULL },
	{ "feed 1 password-command 'pass show rss/club'", NULL },
	{ "feed 1 cookie-file ~/.cookies.txt", NULL },
	{ "feed 1 proxy http://proxy.example:3128", NULL },
	{ "feed 1 proxy none", NULL },
	{ "feed 1 poll-interval 90m", NULL },
	{ "feed 1 poll-interval 1d", NULL },
	{ "feed 1 keep 30d", NULL },
	{ "feed 1 keep 200", NULL },
	{ "feed 1 archive yes", NULL },
	{ "feed 1 archive no", NULL },
	{ "feed 'Le Monde*' tags actualité france", NULL },
	{ "archive-feed \"Harbour Gazette\"", NULL },
	{ "archive-feed", NULL },	/* said when a poll starts */
	{ "feed 1", "a feed line is: feed FEED OPTION VALUE" },
	{ "feed 1 colour red", "line 1: feed: unknown option \"colour\"" },
	{ "feed 1 user-agent", "the line is: feed FEED user-agent 'TEXT'" },
	{ "feed 1 user-agent a b", "the line is: feed FEED user-agent" },
	{ "feed 1 user-agent 'tab\there'", "user-agent wants printable" },
	{ "feed 1 header 'X-Key 1'", "header wants one quoted 'Name: value'" },
	{ "feed 1 header ': empty name'", "header wants one quoted" },
	{ "feed 1 header 'Bad Name: x'", "header wants one quoted" },
	{ "feed 1 auth digest anna", "auth knows only basic" },
	{ "feed 1 auth basic an:na", "auth wants a user name without a colon" },
	{ "feed 1 auth basic", "the line is: feed FEED auth basic USER" },
	{ "feed 1 password-command ''", "password-command wants a value" },
	{ "feed 1 poll-interval soon", "poll-interval wants a time such as" },
	{ "feed 1 poll-interval 0m", "poll-interval wants a time" },
	{ "feed 1 poll-interval 30", "poll-interval wants a time" },
	{ "feed 1 poll-interval 400d", "at most a year" },
	{ "feed 1 poll-interval -5m", "poll-interval wants a time" },
	{ "feed 1 keep forever", "keep wants an age (30d, 12w, 1y, 48h)" },
	{ "feed 1 keep 0", "keep wants an age" },
	{ "feed 1 archive maybe", "archive wants yes or no" },
	{ "feed 1 tags", "the line is: feed FEED tags TAG..." },
	{ "feed 1 proxy ''", "proxy wants a URL" },
};

static void
test_parse(void **state)
{
	struct conf	*cf;
	struct feedopt	*fo;
	char		*text, *cause;
	size_t		 i;
	int		 bad = 0, rc;

	(void)state;
	for (i = 0; i < UTIL_ARRLEN(parse_cases); i++) {
		text = xasprintf("%s\n", parse_cases[i].line);
		cf = load(text);
		cause = NULL;
		rc = feedopt_load(cf, &fo, &cause);
		if (parse_cases[i].error == NULL && rc != 0) {
			print_error("%s: refused: %s\n", parse_cases[i].line,
			    cause);
			bad++;
		} else if (parse_cases[i].error != NULL && (rc == 0 ||
		    strstr(cause, parse_cases[i].error) == NULL)) {
			print_error("%s: got %s, want \"%s\"\n",
			    parse_cases[i].line, rc == 0 ? "no error" : cause,
			    parse_cases[i].error);
			bad++;
		}
		if (rc == 0 && feedopt_count(fo) != 1) {
			print_error("%s: %zu lines kept\n", parse_cases[i].line,
			    feedopt_count(fo));
			bad++;
		}
		if (rc != 0 && fo != NULL) {
			print_error("%s: *out not NULL\n", parse_cases[i].line);
			bad++;
		}
		free(cause);
		feedopt_free(fo);
		conf_free(cf);
		free(text);
	}
	assert_int_equal(bad, 0);
}

static const struct {
	const char	*pattern;
	int		 substring;	/* as archive-feed */
	int		 match;
} match_cases[] = {
	{ "7", 0, 1 },
	{ "70", 0, 0 },
	{ "https://gazette.example/rss.xml", 0, 1 },
	{ "https://gazette.example/rss", 0, 0 },
	{ "Harbour Gazette", 0, 1 },
	{ "harbour gazette", 0, 1 },
	{ "Harbour", 0, 0 },
	{ "Harbour*", 0, 1 },
	{ "*GAZETTE", 0, 1 },
	{ "Harb?ur Gazette", 0, 1 },
	{ "https://gazette.example/*", 0, 1 },
	{ "*.org/*", 0, 0 },
	{ "Harbour", 1, 1 },
	{ "gazet", 1, 1 },
	{ "Harbour*", 1, 0 },
	{ "7", 1, 1 },
	{ "", 0, 0 },
};

static void
test_matches(void **state)
{
	struct store_feed	 f;
	size_t			 i;
	int			 bad = 0;

	(void)state;
	memset(&f, 0, sizeof f);
	f.id = 7;
	f.url = (char *)"https://gazette.example/rss.xml";
	f.title = (char *)"Harbour Gazette";
	for (i = 0; i < UTIL_ARRLEN(match_cases); i++) {
		if (feedopt_matches(match_cases[i].pattern,
		    match_cases[i].substring, &f) != match_cases[i].match) {
			print_error("\"%s\" (%s): want %d\n",
			    match_cases[i].pattern, match_cases[i].substring ?
			    "substring" : "glob", match_cases[i].match);
			bad++;
		}
	}
	f.title = NULL;
	if (feedopt_matches("Harbour*", 0, &f) || !feedopt_matches("7", 0,
	    &f)) {
		print_error("a feed not polled yet has no title to match\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

/* Later lines win; headers and tags add up; other feeds get nothing. */
static void
test_get(void **state)
{
	struct conf		*cf;
	struct feedopt		*fo;
	struct feedopt_set	 set;
	struct store_feed	 f, other;
	char			*cause = NULL;

	(void)state;
	cf = load("feed 'Rowing*' user-agent first/1\n"
	    "feed 3 header 'X-A: 1'\n"
	    "archive-feed Rowing\n"
	    "feed 3 user-agent second/2\n"
	    "feed 3 header 'X-B: 2'\n"
	    "feed https://club.example/feed auth basic anna\n"
	    "feed 3 password-command 'pass show club'\n"
	    "feed 3 poll-interval 2h\n"
	    "feed 3 keep 12w\n"
	    "feed 3 tags club\n"
	    "feed 3 tags sport rowing\n"
	    "feed 3 proxy none\n"
	    "feed 3 cookie-file /tmp/c.txt\n"
	    "feed 4 archive yes\n");
	assert_int_equal(feedopt_load(cf, &fo, &cause), 0);
	assert_int_equal(feedopt_count(fo), 14);
	memset(&f, 0, sizeof f);
	f.id = 3;
	f.url = (char *)"https://club.example/feed";
	f.title = (char *)"Rowing Club";
	feedopt_get(fo, &f, &set);
	assert_string_equal(set.user_agent, "second/2");
	assert_int_equal(set.nheaders, 2);
	assert_string_equal(set.headers[0], "X-A: 1");
	assert_string_equal(set.headers[1], "X-B: 2");
	assert_string_equal(set.auth_user, "anna");
	assert_string_equal(set.password_command, "pass show club");
	assert_int_equal(set.poll_interval, 7200);
	assert_string_equal(set.keep, "12w");
	assert_int_equal(set.ntags, 3);
	assert_string_equal(set.tags[2], "rowing");
	assert_string_equal(set.proxy, "none");
	assert_string_equal(set.cookie_file, "/tmp/c.txt");
	assert_int_equal(set.archive, 1);
	feedopt_set_clear(&set);
	memset(&other, 0, sizeof other);
	other.id = 5;
	other.url = (char *)"https://other.example/";
	feedopt_get(fo, &other, &set);
	assert_null(set.user_agent);
	assert_int_equal(set.nheaders, 0);
	assert_null(set.auth_user);
	assert_int_equal(set.archive, 0);
	assert_int_equal(set.poll_interval, 0);
	feedopt_set_clear(&set);
	feedopt_free(fo);
	conf_free(cf);
}

static void
count_warning(const char *why, void *arg)
{
	char	**last = arg;

	free(*last);
	*last = xstrdup(why);
}

/* Lines naming no feed are said once each, with file and line. */
static void
test_unmatched(void **state)
{
	struct conf		*cf;
	struct feedopt		*fo;
	struct store_feed	 feeds[2];
	char			*cause = NULL, *last = NULL;

	(void)state;
	cf = load("feed 1 tags a\nfeed 'Nope*' tags b\nfeed 'Nope*' keep 3\n"
	    "archive-feed\narchive-feed Gazette\n");
	assert_int_equal(feedopt_load(cf, &fo, &cause), 0);
	memset(feeds, 0, sizeof feeds);
	feeds[0].id = 1;
	feeds[0].url = (char *)"https://a.example/";
	feeds[1].id = 2;
	feeds[1].url = (char *)"https://b.example/";
	feeds[1].title = (char *)"Harbour Gazette";
	assert_int_equal(feedopt_unmatched(fo, feeds, 2, NULL, NULL), 2);
	assert_int_equal(feedopt_unmatched(fo, feeds, 1, count_warning,
	    &last), 3);
	assert_non_null(strstr(last, ", line 5: archive-feed: no feed "
	    "\"Gazette\"; telex feeds lists them"));
	assert_int_equal(feedopt_unmatched(fo, NULL, 0, NULL, NULL), 4);
	free(last);
	feedopt_free(fo);
	conf_free(cf);
}

static const struct {
	const char	*text;
	long		 seconds;
} duration_cases[] = {
	{ "45s", 45 }, { "15m", 900 }, { "2h", 7200 }, { "1d", 86400 },
	{ "365d", 365L * 86400 }, { "366d", -1 }, { "0s", -1 }, { "5", -1 },
	{ "5x", -1 }, { "m", -1 }, { "5mm", -1 }, { "+5m", -1 }, { "", -1 },
};

static void
test_duration(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < UTIL_ARRLEN(duration_cases); i++) {
		if (feedopt_duration(duration_cases[i].text) !=
		    duration_cases[i].seconds)
			fail_msg("duration \"%s\": got %ld, want %ld",
			    duration_cases[i].text,
			    feedopt_duration(duration_cases[i].text),
			    duration_cases[i].seconds);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_matches),
		cmocka_unit_test(test_get),
		cmocka_unit_test(test_unmatched),
		cmocka_unit_test(test_duration),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
