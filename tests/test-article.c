/*
 * Unit tests for src/article.c: an item loaded for reading with and
 * without an archived page (its text, headline and metadata in place of
 * the feed's), its links numbered, a missing item, and the meta line.
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

#include <cmocka.h>

#include "article.h"
#include "date.h"
#include "fixture.h"
#include "store.h"
#include "util.h"

struct fixture {
	char		 dir[64];
	char		*path;
	struct store	*st;
	int64_t		 feed;
};

#define FEED_TEXT	"The night ferry stays, says the board."
#define PAGE_TEXT	"The breakwater will be rebuilt in spring."

/* Item 1: a short summary with two links, relative to its base. */
static const char *feed_html =
    "<p>The night ferry <a href=\"../timetable\">stays</a>, says the "
    "<a href=\"https://board.example/\">board</a>.</p>";

/* Long enough for the cleaner to take it for the article. */
static const char *page_html =
    "<html><head><title>Night ferry stays until January</title></head>"
    "<body><nav><a href=\"/\">Home</a></nav><article><h1>Night ferry "
    "stays until January</h1><p>The harbour board met on Tuesday evening "
    "to settle the winter timetable, and after three hours of argument "
    "the members agreed that the night ferry would keep running until "
    "the end of January, when the ice usually closes the northern "
    "channel.</p><p>The breakwater will be rebuilt in spring, the chair "
    "said, and the <a href=\"/works/breakwater\">plans for the works</a> "
    "go on show at the library on Monday; fishermen, shopkeepers and "
    "the ferry crews are all asked to look at them before the board "
    "decides in December.</p></article></body></html>";

static int
setup(void **state)
{
	struct fixture		*fx;
	struct feed_item	 it;
	enum store_upsert	 outcome;

	fx = xcalloc(1, sizeof *fx);
	if (fixture_dir(fx->dir, sizeof fx->dir, "article") != 0)
		return (-1);
	fx->path = xasprintf("%s/archive.db", fx->dir);
	if ((fx->st = fixture_store(fx->path)) == NULL)
		return (-1);
	if (store_feed_add(fx->st, "http://gazette.example/feed",
	    "The Harbour Gazette", &fx->feed) != 0)
		return (-1);
	memset(&it, 0, sizeof it);
	it.guid = (char *)"g1";
	it.url = (char *)"http://gazette.example/2026/ferry";
	it.base = (char *)"http://gazette.example/news/";
	it.title = (char *)"Night ferry stays";
	it.author = (char *)"Mara Quist";
	it.html = (char *)feed_html;
	it.published = date_parse("2026-11-03T09:15:00Z");
	it.updated = DATE_NONE;
	if (store_item_upsert(fx->st, fx->feed, &it, FEED_TEXT,
	    &outcome) != 0)
		return (-1);
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

static void
put_page(struct fixture *fx, const char *title, const char *text)
{
	struct store_page	 p;

	memset(&p, 0, sizeof p);
	p.item_id = 1;
	p.url = (char *)"http://gazette.example/2026/ferry";
	p.final_url = (char *)"https://gazette.example/2026/11/ferry";
	p.html = (char *)page_html;
	p.archived = p.checked = 1790000000;
	p.http_status = 200;
	p.title = (char *)title;
	p.byline = (char *)"Mara Quist";
	p.site_name = (char *)"Harbour Gazette";
	p.published = (char *)"3 November 2026";
	p.text = (char *)text;
	assert_int_equal(store_page_put(fx->st, &p), 0);
}

static void
test_feed_only(void **state)
{
	struct fixture	*fx = *state;
	struct article	 a;

	assert_int_equal(article_load(fx->st, 1, 0, &a), 0);
	assert_int_equal(a.item.id, 1);
	assert_string_equal(a.item.title, "Night ferry stays");
	assert_string_equal(a.item.text, FEED_TEXT);
	assert_false(a.archived);
	assert_true(a.summary_only);
	assert_null(a.byline);
	assert_null(a.numbered);
	assert_int_equal(a.nlinks, 0);
	article_free(&a);
	assert_null(a.item.title);
}

/* The feed's links, resolved against its base, numbered in order. */
static void
test_feed_links(void **state)
{
	struct fixture	*fx = *state;
	struct article	 a;

	assert_int_equal(article_load(fx->st, 1, ARTICLE_LINKS, &a), 0);
	assert_non_null(a.numbered);
	assert_non_null(strstr(a.numbered, "stays[1]"));
	assert_non_null(strstr(a.numbered, "board[2]"));
	assert_int_equal(a.nlinks, 2);
	assert_string_equal(a.links[0].url, "http://gazette.example/timetable");
	assert_string_equal(a.links[1].url, "https://board.example/");
	assert_string_equal(a.item.text, FEED_TEXT);
	article_free(&a);
}

static void
test_page(void **state)
{
	struct fixture	*fx = *state;
	struct article	 a;

	put_page(fx, "Night ferry stays until January", PAGE_TEXT);
	assert_int_equal(article_load(fx->st, 1, 0, &a), 0);
	assert_true(a.archived);
	assert_true(a.summary_only);
	assert_string_equal(a.item.title, "Night ferry stays until January");
	assert_string_equal(a.item.text, PAGE_TEXT);
	assert_string_equal(a.item.author, "Mara Quist");
	assert_string_equal(a.byline, "Mara Quist");
	assert_string_equal(a.site_name, "Harbour Gazette");
	assert_string_equal(a.published, "3 November 2026");
	assert_null(a.numbered);
	article_free(&a);
}

/* With a page, its HTML is cleaned again: its links, from its address. */
static void
test_page_links(void **state)
{
	struct fixture	*fx = *state;
	struct article	 a;

	put_page(fx, "", PAGE_TEXT);
	assert_int_equal(article_load(fx->st, 1, ARTICLE_LINKS, &a), 0);
	assert_true(a.archived);
	assert_string_equal(a.item.title, "Night ferry stays");
	assert_string_equal(a.item.text, PAGE_TEXT);
	assert_non_null(a.numbered);
	assert_non_null(strstr(a.numbered, "plans for the works[1]"));
	assert_null(strstr(a.numbered, "Home"));
	assert_int_equal(a.nlinks, 1);
	assert_string_equal(a.links[0].url,
	    "https://gazette.example/works/breakwater");
	article_free(&a);
}

/* A fetch that kept no text leaves the feed's text and links. */
static void
test_page_without_text(void **state)
{
	struct fixture	*fx = *state;
	struct article	 a;

	assert_int_equal(store_page_checked(fx->st, 1,
	    "http://gazette.example/2026/ferry", 1790000000, 404,
	    "404 Not Found"), 0);
	assert_int_equal(article_load(fx->st, 1, ARTICLE_LINKS, &a), 0);
	assert_false(a.archived);
	assert_string_equal(a.item.text, FEED_TEXT);
	assert_null(a.byline);
	assert_int_equal(a.nlinks, 2);
	article_free(&a);
}

static void
test_missing(void **state)
{
	struct fixture	*fx = *state;
	struct article	 a;

	assert_int_equal(article_load(fx->st, 42, ARTICLE_LINKS, &a), 1);
	assert_null(a.item.title);
	assert_int_equal(a.nlinks, 0);
	article_free(&a);
}

struct meta_case {
	const char	*feed;
	const char	*author;
	const char	*date;		/* NULL: unknown */
	const char	*line;
};

static const struct meta_case meta_cases[] = {
	{ "The Harbour Gazette", "Mara Quist", "2026-11-03T09:15:00Z",
	  "The Harbour Gazette | Mara Quist | 2026-11-03 09:15" },
	{ "The Harbour Gazette", "", "2026-11-03T09:15:00Z",
	  "The Harbour Gazette | 2026-11-03 09:15" },
	{ "The Harbour Gazette", NULL, NULL, "The Harbour Gazette | -" },
	{ NULL, NULL, NULL, " | -" },
	{ "Evil\033]0;pwned\007 Gazette ", "A\tB\n C", NULL,
	  "Evil]0;pwned Gazette | A B C | -" },
};

static void
test_meta(void **state)
{
	struct store_item	 it;
	struct buf		 b;
	size_t			 i;

	(void)state;
	buf_init(&b, 0);
	for (i = 0; i < UTIL_ARRLEN(meta_cases); i++) {
		memset(&it, 0, sizeof it);
		it.feed = (char *)meta_cases[i].feed;
		it.author = (char *)meta_cases[i].author;
		it.date = meta_cases[i].date != NULL ?
		    date_parse(meta_cases[i].date) : DATE_NONE;
		buf_reset(&b);
		article_meta(&it, &b);
		if (strcmp(b.data, meta_cases[i].line) != 0)
			fail_msg("case %zu: \"%s\", wanted \"%s\"", i, b.data,
			    meta_cases[i].line);
	}
	buf_free(&b);
}

/* The page's own line: site, byline, dates, the parts that are there. */
static const struct page_meta_case {
	const char	*site, *byline, *published, *modified, *line;
} page_meta_cases[] = {
	{ "Bergblick Zeitung", "Eva Roth, Jonas Kälin",
	  "2026-11-28T08:00:00+01:00", "2026-11-29T10:15:00+01:00",
	  "Bergblick Zeitung | by Eva Roth, Jonas Kälin | 2026-11-28 07:00 "
	  "| updated 2026-11-29 09:15" },
	{ NULL, "Ана Ruiz", "3 de marzo", NULL, "by Ана Ruiz | 3 de marzo" },
	{ NULL, NULL, NULL, "2026-11-29", "updated 2026-11-29 00:00" },
	{ "Le Quotidien", NULL, "2026-03-04", "2026-03-04", "Le Quotidien | "
	  "2026-03-04 00:00" },
	{ NULL, NULL, NULL, NULL, "" },
};

static void
test_page_meta(void **state)
{
	const struct page_meta_case	*c;
	struct article			 a;
	struct buf			 b;
	size_t				 i;

	(void)state;
	buf_init(&b, 0);
	for (i = 0; i < UTIL_ARRLEN(page_meta_cases); i++) {
		c = &page_meta_cases[i];
		memset(&a, 0, sizeof a);
		a.site_name = (char *)c->site;
		a.byline = (char *)c->byline;
		a.published = (char *)c->published;
		a.modified = (char *)c->modified;
		buf_reset(&b);
		article_page_meta(&a, &b);
		if (strcmp(b.data, c->line) != 0)
			fail_msg("case %zu: \"%s\", wanted \"%s\"", i, b.data,
			    c->line);
	}
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_feed_only, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_feed_links, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_page_links, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_page_without_text, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_missing, setup, teardown),
		cmocka_unit_test(test_meta),
		cmocka_unit_test(test_page_meta),
	};

	setenv("TZ", "UTC", 1);
	tzset();
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
