/*
 * Unit tests for feeds/parse-json.c: JSON Feed 1.0 and 1.1 fixtures with
 * every field (tests/data/jsonfeed), detection by content and by type,
 * relative URLs, ids, authors, broken documents and members of the wrong
 * type, and nesting deep enough to run a recursive reader out of stack.
 */
#include "config.h"

#include <assert.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"
#include "parse.h"
#include "util.h"

#define MAX_ITEMS	4
#define NFIELDS		10

/*
 * What one item must look like.  NULL: not checked; "": must be absent.
 * categories are joined with '|'; enclosures are "url|type|length" joined
 * with ' '; html is a part the content must contain.  A published date
 * taken from date_modified ends in " (inferred)".
 */
struct want_item {
	const char	*guid;
	const char	*url;
	const char	*title;
	const char	*author;
	const char	*published;
	const char	*updated;
	const char	*categories;
	const char	*enclosures;
	const char	*html;
	const char	*base;
};

struct json_case {
	const char		*name;
	const char		*file;		/* in tests/data/jsonfeed, or */
	const char		*doc;		/* the document itself */
	const char		*url;
	const char		*content_type;
	enum feed_format	 format;	/* UNKNOWN: not a feed */
	const char		*feed_title;
	const char		*site_url;
	size_t			 nitems;
	int			 state;		/* 0 clean, 1 repaired, 2 damaged */
	const char		*damage;	/* part of damage or cause */
	struct want_item	 items[MAX_ITEMS];
};

struct seen {
	size_t	 n;
	char	*field[MAX_ITEMS][NFIELDS];
};

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

static char *
date_string(int64_t t, int inferred)
{
	char	 iso[32];

	if (t == DATE_NONE)
		return (NULL);
	date_format_iso(t, iso, sizeof iso);
	return (xasprintf("%s%s", iso, inferred ? " (inferred)" : ""));
}

static char *
join_lists(const struct feed_item *it, int enclosures)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b, 0);
	for (i = 0; enclosures && i < it->nenclosures; i++)
		buf_printf(&b, "%s%s|%s|%lld", i > 0 ? " " : "",
		    it->enclosures[i].url, it->enclosures[i].type != NULL ?
		    it->enclosures[i].type : "",
		    (long long)it->enclosures[i].length);
	for (i = 0; !enclosures && i < it->ncategories; i++)
		buf_printf(&b, "%s%s", i > 0 ? "|" : "", it->categories[i]);
	if (b.len == 0) {
		buf_free(&b);
		return (NULL);
	}
	return (buf_steal(&b));
}

static int
record_item(const struct feed_item *it, void *arg)
{
	struct seen	*seen = arg;
	char		**f;

	if (seen->n >= MAX_ITEMS)
		return (0);
	f = seen->field[seen->n++];
	f[0] = xstrdup(it->guid);
	f[1] = dup_or_null(it->url);
	f[2] = dup_or_null(it->title);
	f[3] = dup_or_null(it->author);
	f[4] = date_string(it->published, it->published_inferred);
	f[5] = date_string(it->updated, 0);
	f[6] = join_lists(it, 0);
	f[7] = join_lists(it, 1);
	f[8] = dup_or_null(it->html);
	f[9] = dup_or_null(it->base);
	return (0);
}

static void
seen_free(struct seen *seen)
{
	size_t	 i, j;

	for (i = 0; i < seen->n; i++) {
		for (j = 0; j < NFIELDS; j++)
			free(seen->field[i][j]);
	}
}

static void
check_field(const char *name, size_t item, const char *what,
    const char *want, const char *got, int substring)
{
	if (want == NULL || (*want == '\0' && got == NULL))
		return;
	if (*want == '\0')
		fail_msg("%s: item %zu %s: got \"%s\", want none", name, item,
		    what, got);
	if (got == NULL)
		fail_msg("%s: item %zu %s: got none, want \"%s\"", name, item,
		    what, want);
	if (substring ? strstr(got, want) == NULL : strcmp(got, want) != 0)
		fail_msg("%s: item %zu %s: got \"%s\", want \"%s\"", name,
		    item, what, got, want);
}

static void
check_item(const struct json_case *c, size_t i, char **f)
{
	static const char *what[NFIELDS] = { "guid", "url", "title",
	    "author", "published", "updated", "categories", "enclosures",
	    "html", "base" };
	const struct want_item	*w = &c->items[i];
	const char		*want[NFIELDS] = { w->guid, w->url, w->title,
	    w->author, w->published, w->updated, w->categories,
	    w->enclosures, w->html, w->base };
	size_t			 j;

	for (j = 0; j < NFIELDS; j++)
		check_field(c->name, i, what[j], want[j], f[j], j == 8);
}

static void
load(const struct json_case *c, struct buf *b)
{
	const char	*src = getenv("TELEX_SRCDIR");
	char		*path, *cause = NULL;

	buf_init(b, 0);
	if (c->file == NULL) {
		buf_adds(b, c->doc);
		return;
	}
	path = xasprintf("%s/tests/data/jsonfeed/%s", src != NULL ? src : ".",
	    c->file);
	if (util_read_file(path, b, &cause) != 0)
		fail_msg("%s: %s", path, cause);
	free(path);
}

static void
run_case(void **state)
{
	const struct json_case	*c = *state;
	struct feed_info	 info;
	struct seen		 seen;
	struct buf		 doc;
	char			*cause = NULL;
	size_t			 i;
	int			 rc, got;

	memset(&seen, 0, sizeof seen);
	load(c, &doc);
	rc = feed_parse_typed(doc.data, doc.len, c->url, c->content_type,
	    NULL, &info, record_item, &seen, &cause);
	if (c->format == FEED_FORMAT_UNKNOWN) {
		if (rc != -1)
			fail_msg("%s: read as %s", c->name,
			    feed_format_name(info.format));
		check_field(c->name, 0, "cause", c->damage, cause, 1);
		assert_int_equal(seen.n, 0);
		free(cause);
		feed_info_free(&info);
		buf_free(&doc);
		return;
	}
	if (rc != 0)
		fail_msg("%s: %s", c->name, cause);
	if (info.format != c->format)
		fail_msg("%s: format %s, want %s", c->name,
		    feed_format_name(info.format), feed_format_name(c->format));
	check_field(c->name, 0, "feed title", c->feed_title, info.title, 0);
	check_field(c->name, 0, "site url", c->site_url, info.site_url, 0);
	if (info.nitems != c->nitems || seen.n != c->nitems)
		fail_msg("%s: %zu items, want %zu", c->name, info.nitems,
		    c->nitems);
	got = info.damaged ? 2 : info.repaired ? 1 : 0;
	if (got != c->state)
		fail_msg("%s: state %d (%s), want %d", c->name, got,
		    info.damage ? info.damage : "-", c->state);
	check_field(c->name, 0, "damage", c->damage, info.damage, 1);
	for (i = 0; i < seen.n; i++)
		check_item(c, i, seen.field[i]);
	seen_free(&seen);
	feed_info_free(&info);
	buf_free(&doc);
}

#define F(file)	file, NULL
#define D(doc)	NULL, doc

static const struct json_case file_cases[] = {
	{ "JSON Feed 1.1, every field", F("almanac-1.1.json"),
	  "https://feeds.example/almanaque.json", "application/feed+json",
	  FEED_FORMAT_JSON11, "Almanaque del Río",
	  "https://almanaque.example/", 3, 0, "", {
	  { "almanaque-2026-0412",
	    "https://almanaque.example/2026/04/crecida",
	    "La crecida llega a Rosario", "Lucía Ferreyra, Tomás Ibarra",
	    "2026-04-12T11:30:00Z", "2026-04-12T14:00:00Z",
	    "río|Rosario|clima",
	    "https://almanaque.example/audio/crecida.mp3|audio/mpeg|2841600 "
	    "https://almanaque.example/docs/parte.pdf|application/pdf|-1",
	    "<p><img src=\"https://almanaque.example/img/crecida.jpg\" "
	    "alt=\"La crecida llega a Rosario (image)\"></p>\n<p><img src=\""
	    "https://cdn.almanaque.example/banner/crecida-wide.jpg\" alt=\"La "
	    "crecida llega a Rosario (banner)\"></p>\n<p>El río subió "
	    "<strong>1,2 m</strong>"
	    " en dos días.</p><p>Los muelles del norte están cerrados.</p>\n"
	    "<p><a href=\"https://hidro.example/boletin/412\">",
	    "https://almanaque.example/2026/04/crecida" },
	  { "20260411", "https://almanaque.example/2026/04/barcas",
	    "Las barcas de madera vuelven al agua", "Redacción del Almanaque",
	    "2026-04-11T18:00:00Z (inferred)", "2026-04-11T18:00:00Z", "", "",
	    "<p>Tres astilleros de la costa retoman el oficio.</p>\n<p>La "
	    "primera barca sale en mayo.<br>\nHabrá fiesta en el puerto "
	    "&amp; música.</p>", NULL },
	  { "almanaque-2026-0410", "https://otro.example/nota-sobre-peces",
	    "Enlace: los peces del delta",
	    "https://almanaque.example/invitados/kai", "2026-04-10T12:00:00Z",
	    "", "", "", "<p>Una nota ajena que vale la pena &lt;leer&gt;.</p>",
	    "https://otro.example/nota-sobre-peces" } } },
	{ "JSON Feed 1.0 with the deprecated author", F("hafenblatt-1.0.json"),
	  "https://hafenblatt.example/blog/feed.json", NULL,
	  FEED_FORMAT_JSON10, "Hafenblatt", "https://hafenblatt.example/blog/",
	  4, 0, "", {
	  { "https://hafenblatt.example/blog/2026/kraene",
	    "https://hafenblatt.example/blog/2026/kraene",
	    "Neue Kräne am Burchardkai", "Jens Möller", "2026-02-03T06:45:00Z",
	    "", "Hafen|Technik", "", "<p>Vier neue Containerbrücken, jede 85 "
	    "Meter hoch.</p>", NULL },
	  { "2", "https://hafenblatt.example/blog/fruehling/elbfaehre",
	    "Elbfähre 62 fährt wieder", "Gastbeitrag: Aylin Demir",
	    "2026-02-01T06:00:00Z", "", "",
	    "https://hafenblatt.example/blog/fahrplan.pdf|application/pdf|"
	    "48213", "<p>Ab Montag wieder im 15-Minuten-Takt.</p>", NULL },
	  { "3", "", "", "Jens Möller", "2026-01-30T21:10:00Z", "", "", "",
	    "Nebel über der Elbe.", "https://hafenblatt.example/blog/" },
	  { "4", "https://hafenblatt.example/blog/2026/podcast-7",
	    "Podcast 7: Lotsen bei Nacht", "Jens Möller",
	    "2026-01-28T04:00:00Z", "2026-01-29T11:30:00Z", "Podcast",
	    "https://media.hafenblatt.example/podcast-7.m4a|audio/x-m4a|"
	    "31457280 https://media.hafenblatt.example/podcast-7.mp3|"
	    "audio/mpeg|26214400",
	    "<p><img src=\"https://hafenblatt.example/blog/bilder/lotse.jpg\" "
	    "alt=\"Podcast 7: Lotsen bei Nacht (image)\"></p>\n<p><img src=\""
	    "https://hafenblatt.example/blog/bilder/lotse-breit.jpg\" alt=\""
	    "Podcast 7: Lotsen bei Nacht (banner)\"></p>\n<p>Wir fahren mit "
	    "einem Lotsen von Brunsbüttel nach Hamburg.</p>\n<p><a href=\""
	    "https://radio.example/hafen/7\">https://radio.example/hafen/7</a>"
	    "</p>", "https://hafenblatt.example/blog/2026/podcast-7" } } },
	{ "cut in the middle of item 3: items 1 and 2 kept",
	  F("cut-in-item.json"), NULL, NULL, FEED_FORMAT_JSON11,
	  "Вечерний выпуск", "https://vecher.example/", 2, 2,
	  "the feed ends in the middle of item 3", {
	  { "v-101", "https://vecher.example/101", "Мост открыт после ремонта",
	    "", "2026-03-01T16:00:00Z", "", NULL, NULL, NULL, NULL },
	  { "v-102", NULL, "Новый маршрут трамвая", NULL, NULL, NULL, NULL,
	    NULL, "Трамвай № 7", NULL } } },
	{ "a bad escape in item 2 keeps item 1", F("bad-escape.json"), NULL,
	  NULL, FEED_FORMAT_JSON11, "Ο Φάρος", NULL, 1, 2,
	  "the feed is broken in item 2: line 16, column 21: a string has an "
	  "unknown escape", {
	  { "faros-1", NULL, "Ο φάρος ανάβει ξανά", NULL, NULL, NULL, NULL,
	    NULL, NULL, NULL } } },
	{ "members of the wrong type are passed over", F("wrong-types.json"),
	  NULL, NULL, FEED_FORMAT_JSON11, "", "", 2, 1, "", {
	  { "https://tipos.example/a", "https://tipos.example/a", "",
	    "Beatriz Lima", "2026-01-01T10:00:00Z (inferred)",
	    "2026-01-01T10:00:00Z", "ok", "",
	    "<p>Texto que sobra quando o HTML não serve.</p>", NULL },
	  { "3.5", "https://tipos.example/b", "Segundo item, inteiro", "",
	    "", "", "", "https://tipos.example/b.ogg||-1", "", NULL } } },
	{ "JSON that is no JSON Feed", F("not-jsonfeed.json"), NULL,
	  "application/json", FEED_FORMAT_UNKNOWN, NULL, NULL, 0, 0,
	  "the document is JSON but not a JSON Feed", { { 0 } } },
	{ "nesting inside an item", F("nested.json"), NULL, NULL,
	  FEED_FORMAT_JSON11, "Nested", "", 2, 0, "", {
	  { "n1", NULL, "before", NULL, NULL, NULL, NULL, NULL, "kept", NULL },
	  { "n2", NULL, "deep", NULL, NULL, NULL, NULL, NULL, "",
	    NULL } } }
};

#define V11 "\"version\": \"https://jsonfeed.org/version/1.1\""

static const struct json_case doc_cases[] = {
	{ "a byte order mark and white space before the brace",
	  D("\xef\xbb\xbf \r\n\t{" V11 ", \"title\": \"Café\", \"items\": "
	  "[{\"id\": \"1\", \"title\": \"Un\"}]}"), NULL, "text/plain",
	  FEED_FORMAT_JSON11, "Café", NULL, 1, 0, "", {
	  { "1", "", "Un", "", "", "", "", "", "", NULL } } },
	{ "relative URLs against the feed URL without a home page",
	  D("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": "
	  "[{\"id\": \"a\", \"url\": \"posts/a.html\", \"image\": "
	  "\"../img/a.png\", \"attachments\": [{\"url\": \"//cdn.example/a."
	  "mp3\"}]}]}"), "https://blog.example/feeds/main.json", NULL,
	  FEED_FORMAT_JSON10, "", "", 1, 0, "", {
	  { "a", "https://blog.example/feeds/posts/a.html", "", NULL, NULL,
	    NULL, NULL, "https://cdn.example/a.mp3||-1",
	    "<img src=\"https://blog.example/img/a.png\" alt=\"(image)\">",
	    "https://blog.example/feeds/posts/a.html" } } },
	{ "ids: numbers, then the url, then a hash",
	  D("{" V11 ", \"items\": [{\"id\": 7, \"url\": \"https://n.example/7"
	  "\"}, {\"id\": -12}, {\"url\": \"https://n.example/u\"}, "
	  "{\"title\": \"Sin id\", \"content_text\": \"nada más\"}]}"), NULL,
	  NULL, FEED_FORMAT_JSON11, NULL, NULL, 4, 0, "", {
	  { "7", "https://n.example/7", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL, NULL },
	  { "-12", "", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
	  { "https://n.example/u", "https://n.example/u", NULL, NULL, NULL,
	    NULL, NULL, NULL, NULL, NULL },
	  { "telex:070b16277ebea5cd", "", "Sin id", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL } } },
	{ "item authors over feed authors; 1.1 authors over 1.0 author",
	  D("{" V11 ", \"authors\": [{\"name\": \"Feed A\"}, {\"name\": "
	  "\"Feed B\"}], \"author\": {\"name\": \"old\"}, \"items\": ["
	  "{\"id\": \"1\"}, {\"id\": \"2\", \"author\": {\"name\": \"Ana\"}},"
	  " {\"id\": \"3\", \"authors\": [], \"author\": {\"url\": "
	  "\"https://a.example/~bo\"}}]}"), NULL, NULL, FEED_FORMAT_JSON11,
	  NULL, NULL, 3, 0, "", {
	  { "1", NULL, NULL, "Feed A, Feed B", NULL, NULL, NULL, NULL, NULL,
	    NULL },
	  { "2", NULL, NULL, "Ana", NULL, NULL, NULL, NULL, NULL, NULL },
	  { "3", NULL, NULL, "https://a.example/~bo", NULL, NULL, NULL, NULL,
	    NULL, NULL } } },
	{ "content_html over content_text over summary",
	  D("{" V11 ", \"items\": [{\"id\": \"1\", \"content_html\": \"<b>h"
	  "</b>\", \"content_text\": \"t\", \"summary\": \"s\"}, {\"id\": "
	  "\"2\", \"content_html\": \"  \", \"content_text\": \"a < b\\r\\n"
	  "c\"}, {\"id\": \"3\", \"summary\": \"nur \\\"s\\\"\"}]}"), NULL,
	  NULL, FEED_FORMAT_JSON11, NULL, NULL, 3, 0, "", {
	  { "1", NULL, NULL, NULL, NULL, NULL, NULL, NULL, "<b>h</b>", NULL },
	  { "2", NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	    "<p>a &lt; b<br>\nc</p>", NULL },
	  { "3", NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	    "<p>nur &quot;s&quot;</p>", NULL } } },
	{ "titles: one line, controls out; dates with offsets",
	  D("{" V11 ", \"title\": \"  Zeile\\n eins \\u0007\", \"items\": "
	  "[{\"id\": \"1\", \"title\": \"\\u65b0\\u805e\\t \\ud83d\\ude80\", "
	  "\"date_published\": \"2026-07-01T00:30:00+05:30\", "
	  "\"date_modified\": \"not a date\"}]}"), NULL, NULL,
	  FEED_FORMAT_JSON11, "Zeile eins", NULL, 1, 0, "", {
	  { "1", NULL, "新聞 🚀", NULL, "2026-06-30T19:00:00Z", "", NULL, NULL,
	    NULL, NULL } } },
	{ "application/feed+json without a version is read",
	  D("{\"items\": [{\"id\": \"x\"}]}"), NULL,
	  "application/feed+json; charset=utf-8", FEED_FORMAT_JSON11, NULL,
	  NULL, 1, 1, "", { { "x", NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	  NULL, NULL } } },
	{ "application/json without a version is not a feed",
	  D("{\"items\": [{\"id\": \"x\"}]}"), NULL, "application/json",
	  FEED_FORMAT_UNKNOWN, NULL, NULL, 0, 0,
	  "not a feed: the document is JSON but not a JSON Feed", { { 0 } } },
	{ "a JSON type on something that is not JSON",
	  D("Bad gateway"), NULL, "application/feed+json",
	  FEED_FORMAT_UNKNOWN, NULL, NULL, 0, 0,
	  "not a feed: the document is not JSON (line 1, column 1", {
	  { 0 } } },
	{ "an XML feed served as JSON is still XML",
	  D("<rss version=\"2.0\"><channel><title>X</title><item><title>i"
	  "</title></item></channel></rss>"), NULL, "application/json",
	  FEED_FORMAT_RSS20, "X", NULL, 1, 0, NULL, { { 0 } } },
	{ "version over http names 1.0",
	  D("{\"version\": \"http://jsonfeed.org/version/1\", \"items\": []}"),
	  NULL, NULL, FEED_FORMAT_JSON10, NULL, NULL, 0, 0, "", { { 0 } } },
	{ "a version that only mentions jsonfeed.org is not one",
	  D("{\"version\": \"https://api.example/?https://jsonfeed.org/"
	  "version/1.1\", \"items\": []}"), NULL, "application/json",
	  FEED_FORMAT_UNKNOWN, NULL, NULL, 0, 0, "not a JSON Feed",
	  { { 0 } } },
	{ "a JSON array is not a feed", D("[{\"version\": 1}]"), NULL, NULL,
	  FEED_FORMAT_UNKNOWN, NULL, NULL, 0, 0, "JSON but not an object",
	  { { 0 } } },
	{ "broken after the items", D("{" V11 ", \"items\": [{\"id\": \"1\"},"
	  " {\"id\": \"2\"}], \"title\": tru"), NULL, NULL,
	  FEED_FORMAT_JSON11, NULL, NULL, 2, 2,
	  "the feed is broken after item 2", { { "1", NULL, NULL, NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL }, { "2", NULL, NULL, NULL, NULL, NULL,
	  NULL, NULL, NULL, NULL } } },
	{ "broken before the first item", D("{" V11 ", \"title\": \"T\", "
	  "\"items\": [ , {\"id\": \"1\"}]}"), NULL, NULL, FEED_FORMAT_JSON11,
	  "T", NULL, 0, 2, "the feed is broken before its first item: line 1",
	  { { 0 } } },
	{ "cut before the version: still a feed by its items",
	  D("{\"title\": \"Eilig\", \"items\": [{\"id\": \"e1\"}, {\"id\": "
	  "\"e2\", \"ti"), NULL, NULL, FEED_FORMAT_JSON11, "Eilig", NULL, 1, 2,
	  "the feed ends in the middle of item 2", { { "e1", NULL, NULL, NULL,
	  NULL, NULL, NULL, NULL, NULL, NULL } } },
	{ "items that are not objects, and items not an array",
	  D("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": "
	  "{\"id\": \"1\"}}"), NULL, NULL, FEED_FORMAT_JSON10, NULL, NULL, 0,
	  1, "", { { 0 } } }
};

/* Arrays nested 100,000 deep inside an item: no crash, item 1 kept. */
static void
test_deep_nesting(void **state)
{
	struct buf		 b;
	struct feed_info	 info;
	struct seen		 seen;
	char			*cause = NULL;
	size_t			 i;

	(void)state;
	memset(&seen, 0, sizeof seen);
	buf_init(&b, 0);
	buf_adds(&b, "{" V11 ", \"items\": [{\"id\": \"ok\"}, {\"id\": \"x\", "
	    "\"_deep\": ");
	for (i = 0; i < 100000; i++)
		buf_addc(&b, '[');
	for (i = 0; i < 100000; i++)
		buf_addc(&b, ']');
	buf_adds(&b, "}]}");
	assert_int_equal(feed_parse_typed(b.data, b.len, NULL, NULL, NULL,
	    &info, record_item, &seen, &cause), 0);
	assert_int_equal(seen.n, 1);
	assert_string_equal(seen.field[0][0], "ok");
	assert_int_equal(info.damaged, 1);
	assert_non_null(strstr(info.damage, "item 2"));
	seen_free(&seen);
	feed_info_free(&info);
	buf_free(&b);
}

static int
stop_now(const struct feed_item *it, void *arg)
{
	(void)it;
	(*(int *)arg)++;
	return (1);
}

/* The callback may stop the parse, even in a broken feed: no damage. */
static void
test_callback_stops(void **state)
{
	static const char	 doc[] = "{" V11 ", \"items\": [{\"id\": \"1\"},"
	    " {\"id\": \"2\"}, {\"id\": ";
	struct feed_info	 info;
	char			*cause = NULL;
	int			 calls = 0;

	(void)state;
	assert_int_equal(feed_parse(doc, sizeof doc - 1, NULL, NULL, &info,
	    stop_now, &calls, &cause), 0);
	assert_int_equal(calls, 1);
	assert_int_equal(info.nitems, 1);
	assert_int_equal(info.damaged, 0);
	feed_info_free(&info);
}

static void
add_cases(struct CMUnitTest *tests, size_t *n, const struct json_case *c,
    size_t count)
{
	size_t	 i;

	for (i = 0; i < count; i++) {
		tests[*n].name = c[i].name;
		tests[*n].test_func = run_case;
		tests[*n].setup_func = NULL;
		tests[*n].teardown_func = NULL;
		tests[*n].initial_state = (void *)&c[i];
		(*n)++;
	}
}

#define NTESTS (UTIL_ARRLEN(file_cases) + UTIL_ARRLEN(doc_cases) + 2)

int
main(void)
{
	struct CMUnitTest	 tests[NTESTS];
	size_t			 n = 0;

	add_cases(tests, &n, file_cases, UTIL_ARRLEN(file_cases));
	add_cases(tests, &n, doc_cases, UTIL_ARRLEN(doc_cases));
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_deep_nesting);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_callback_stops);
	assert(n == NTESTS);
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
