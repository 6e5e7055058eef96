/*
 * Unit tests for feeds/parse.c over small feeds of every format: links
 * and xml:base, guid fallbacks, dates, authors, categories, enclosures,
 * content precedence, HTML titles, broken and non-feed documents.
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

#define MAX_ITEMS 4

/*
 * What one item must look like.  NULL: not checked; "": must be absent.
 * categories are joined with '|'; enclosure is "url|type|length" of the
 * first one; html is a part the content must contain.  A published
 * date the parser took from updated ends in " (inferred)".
 */
struct want_item {
	const char	*guid;
	const char	*url;
	const char	*title;
	const char	*author;
	const char	*published;
	const char	*updated;
	const char	*categories;
	const char	*enclosure;
	const char	*html;
	const char	*base;
};

struct parse_case {
	const char		*name;
	const char		*url;
	const char		*xml;
	enum feed_format	 format;
	const char		*feed_title;
	const char		*site_url;
	size_t			 nitems;
	int			 state;		/* 0 clean, 1 repaired, 2 damaged */
	struct want_item	 items[MAX_ITEMS];
};

/* Items as the callback saw them, flattened to strings. */
struct seen {
	size_t	 n;
	char	*field[MAX_ITEMS][10];
};

static char *
join_categories(const struct feed_item *it)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b, 0);
	for (i = 0; i < it->ncategories; i++)
		buf_printf(&b, "%s%s", i > 0 ? "|" : "", it->categories[i]);
	return (buf_steal(&b));
}

static char *
date_string(int64_t t)
{
	char	 iso[32];

	if (t == DATE_NONE)
		return (NULL);
	date_format_iso(t, iso, sizeof iso);
	return (xstrdup(iso));
}

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

static int
record_item(const struct feed_item *it, void *arg)
{
	struct seen	*seen = arg;
	char		**f, *tmp;

	if (seen->n >= MAX_ITEMS)
		return (0);
	f = seen->field[seen->n++];
	f[0] = xstrdup(it->guid);
	f[1] = dup_or_null(it->url);
	f[2] = dup_or_null(it->title);
	f[3] = dup_or_null(it->author);
	f[4] = date_string(it->published);
	if (f[4] != NULL && it->published_inferred) {
		tmp = f[4];
		f[4] = xasprintf("%s (inferred)", tmp);
		free(tmp);
	}
	f[5] = date_string(it->updated);
	f[6] = join_categories(it);
	if (*f[6] == '\0') {
		free(f[6]);
		f[6] = NULL;
	}
	f[7] = it->nenclosures == 0 ? NULL : xasprintf("%s|%s|%lld",
	    it->enclosures[0].url, it->enclosures[0].type ?
	    it->enclosures[0].type : "", (long long)it->enclosures[0].length);
	f[8] = dup_or_null(it->html);
	f[9] = dup_or_null(it->base);
	return (0);
}

static void
seen_free(struct seen *seen)
{
	size_t	 i, j;

	for (i = 0; i < seen->n; i++) {
		for (j = 0; j < 10; j++)
			free(seen->field[i][j]);
	}
}

static void
check_field(const char *name, size_t item, const char *what,
    const char *want, const char *got, int substring)
{
	if (want == NULL)
		return;
	if (*want == '\0' && got == NULL)
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
check_item(const struct parse_case *c, size_t i, char **f)
{
	static const char *what[] = { "guid", "url", "title", "author",
	    "published", "updated", "categories", "enclosure", "html",
	    "base" };
	const struct want_item	*w = &c->items[i];
	const char		*want[10];
	size_t			 j;

	want[0] = w->guid;
	want[1] = w->url;
	want[2] = w->title;
	want[3] = w->author;
	want[4] = w->published;
	want[5] = w->updated;
	want[6] = w->categories;
	want[7] = w->enclosure;
	want[8] = w->html;
	want[9] = w->base;
	for (j = 0; j < 10; j++)
		check_field(c->name, i, what[j], want[j], f[j], j == 8);
}

static void
run_case(void **state)
{
	const struct parse_case	*c = *state;
	struct feed_info	 info;
	struct seen		 seen;
	char			*cause = NULL;
	size_t			 i;
	int			 got;

	memset(&seen, 0, sizeof seen);
	if (feed_parse(c->xml, strlen(c->xml), c->url, NULL, &info,
	    record_item, &seen, &cause) != 0)
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
	for (i = 0; i < seen.n; i++)
		check_item(c, i, seen.field[i]);
	seen_free(&seen);
	feed_info_free(&info);
}

static const struct parse_case format_cases[] = {
	{ "RSS 2.0", "https://harbour.example/feed.xml",
	  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	  "<rss version=\"2.0\">\n<channel>\n"
	  "  <title>Harbour Gazette</title>\n"
	  "  <link>https://harbour.example/</link>\n"
	  "  <description>News from the quay</description>\n"
	  "  <item>\n"
	  "    <title>Ferry timetable changes for winter</title>\n"
	  "    <link>https://harbour.example/2026/ferry-winter</link>\n"
	  "    <guid isPermaLink=\"false\">harbour-1187</guid>\n"
	  "    <author>desk@harbour.example (Mara Quinn)</author>\n"
	  "    <pubDate>Tue, 03 Nov 2026 09:15:00 +0100</pubDate>\n"
	  "    <category>Transport</category>\n"
	  "    <category>Local</category>\n"
	  "    <enclosure url=\"https://harbour.example/a/ferry.mp3\" "
	  "type=\"audio/mpeg\" length=\"1048576\"/>\n"
	  "    <description>&lt;p&gt;The last sailing leaves at "
	  "&lt;b&gt;18:40&lt;/b&gt;.&lt;/p&gt;</description>\n"
	  "  </item>\n"
	  "  <item>\n"
	  "    <title>Lighthouse open day</title>\n"
	  "    <link>https://harbour.example/2026/lighthouse</link>\n"
	  "    <pubDate>Mon, 02 Nov 2026 17:00:00 GMT</pubDate>\n"
	  "  </item>\n"
	  "</channel>\n</rss>\n",
	  FEED_FORMAT_RSS20, "Harbour Gazette", "https://harbour.example/", 2,
	  0, {
	  { "harbour-1187", "https://harbour.example/2026/ferry-winter",
	    "Ferry timetable changes for winter", "Mara Quinn",
	    "2026-11-03T08:15:00Z", "", "Transport|Local",
	    "https://harbour.example/a/ferry.mp3|audio/mpeg|1048576",
	    "<p>The last sailing leaves at <b>18:40</b>.</p>",
	    "https://harbour.example/2026/ferry-winter" },
	  { "https://harbour.example/2026/lighthouse", NULL,
	    "Lighthouse open day", "", "2026-11-02T17:00:00Z", NULL, "", "",
	    "", NULL } } },
	{ "RSS 2.0 in French, content:encoded wins", "https://fil.example/rss",
	  "<rss version=\"2.0\" "
	  "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
	  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n"
	  "<title>Le Fil du Rhône</title><link>https://fil.example/</link>\n"
	  "<item><title>Crue du Rhône : la vigilance levée</title>\n"
	  "<link>https://fil.example/crue</link>\n"
	  "<description>Résumé court.</description>\n"
	  "<content:encoded><![CDATA[<p>Les eaux ont baissé "
	  "d’un mètre à Lyon.</p>]]></content:encoded>\n"
	  "<dc:creator>Élise Martin</dc:creator>\n"
	  "<dc:subject>Météo</dc:subject>\n"
	  "</item></channel></rss>",
	  FEED_FORMAT_RSS20, "Le Fil du Rhône", "https://fil.example/", 1, 0, {
	  { "https://fil.example/crue", "https://fil.example/crue",
	    "Crue du Rhône : la vigilance levée", "Élise Martin", "", "",
	    "Météo", "", "<p>Les eaux ont baissé d’un mètre à Lyon.</p>",
	    NULL } } },
	{ "RSS 0.91 in German with a DOCTYPE and HTML entities",
	  "http://stadt.example/news.rss",
	  "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
	  "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91"
	  "//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
	  "<rss version=\"0.91\"><channel>\n"
	  "<title>Stadtnotizen</title><link>http://stadt.example/</link>\n"
	  "<item><title>Br&uuml;cke &ndash; Sperrung bis Freitag</title>\n"
	  "<link>http://stadt.example/bruecke</link>\n"
	  "<description>Die Stra&szlig;e bleibt zu.</description></item>\n"
	  "</channel></rss>",
	  FEED_FORMAT_RSS091, "Stadtnotizen", "http://stadt.example/", 1, 1, {
	  { "http://stadt.example/bruecke", NULL,
	    "Brücke – Sperrung bis Freitag", NULL, "", NULL, NULL, NULL,
	    "Die Straße bleibt zu.", NULL } } },
	{ "RSS 0.92", NULL,
	  "<rss version=\"0.92\"><channel><title>Radio Ondas</title>"
	  "<item><title>Programa del lunes</title>"
	  "<enclosure url=\"http://ondas.example/lunes.ogg\" "
	  "type=\"audio/ogg\" length=\"many\"/></item></channel></rss>",
	  FEED_FORMAT_RSS092, "Radio Ondas", "", 1, 0, {
	  { NULL, "", "Programa del lunes", NULL, NULL, NULL, NULL,
	    "http://ondas.example/lunes.ogg|audio/ogg|-1", "", NULL } } },
	{ "RSS 1.0 in Russian: items beside the channel",
	  "https://vestnik.example/index.rdf",
	  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	  "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
	  " xmlns=\"http://purl.org/rss/1.0/\" "
	  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
	  "<channel rdf:about=\"https://vestnik.example/\">\n"
	  "  <title>Волжский вестник</title>\n"
	  "  <link>https://vestnik.example/</link>\n"
	  "  <items><rdf:Seq><rdf:li rdf:resource=\"https://vestnik.example/"
	  "n/1\"/></rdf:Seq></items>\n"
	  "</channel>\n"
	  "<image rdf:about=\"https://vestnik.example/logo.png\">"
	  "<title>Логотип</title><link>https://vestnik.example/logo</link>"
	  "</image>\n"
	  "<item rdf:about=\"https://vestnik.example/n/1\">\n"
	  "  <title>Навигация на Волге открыта</title>\n"
	  "  <link>https://vestnik.example/n/1</link>\n"
	  "  <dc:date>2026-04-12T06:30:00+03:00</dc:date>\n"
	  "  <dc:creator>Ирина Соколова</dc:creator>\n"
	  "  <dc:subject>Транспорт</dc:subject>\n"
	  "  <description>Первые теплоходы вышли в рейс.</description>\n"
	  "</item>\n"
	  "<item rdf:about=\"urn:vestnik:2\"><title>Без ссылки</title></item>\n"
	  "</rdf:RDF>",
	  FEED_FORMAT_RSS10, "Волжский вестник", "https://vestnik.example/", 2,
	  0, {
	  { "https://vestnik.example/n/1", "https://vestnik.example/n/1",
	    "Навигация на Волге открыта", "Ирина Соколова",
	    "2026-04-12T03:30:00Z", "", "Транспорт", "",
	    "Первые теплоходы вышли в рейс.", NULL },
	  { "urn:vestnik:2", "", "Без ссылки", NULL, NULL, NULL, NULL, NULL,
	    NULL, NULL } } },
	{ "RSS 0.90", NULL,
	  "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	  "xmlns=\"http://my.netscape.com/rdf/simple/0.9/\">"
	  "<channel><title>Old Net</title><link>http://old.example/</link>"
	  "</channel><item><title>First post</title>"
	  "<link>http://old.example/1</link></item></rdf:RDF>",
	  FEED_FORMAT_RSS090, "Old Net", "http://old.example/", 1, 0, {
	  { "http://old.example/1", "http://old.example/1", "First post",
	    NULL, NULL, NULL, NULL, NULL, NULL, NULL } } },
	{ "Atom 1.0 in Spanish", "https://diario.example/atom",
	  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	  "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"es\">\n"
	  "  <title type=\"text\">Diario del Sur</title>\n"
	  "  <link rel=\"self\" href=\"https://diario.example/atom\"/>\n"
	  "  <link href=\"https://diario.example/\"/>\n"
	  "  <id>tag:diario.example,2026:feed</id>\n"
	  "  <updated>2026-06-01T12:00:00Z</updated>\n"
	  "  <entry>\n"
	  "    <title>Llega la ola de calor</title>\n"
	  "    <link rel=\"alternate\" type=\"application/pdf\" "
	  "href=\"https://diario.example/calor.pdf\"/>\n"
	  "    <link rel=\"alternate\" type=\"text/html\" "
	  "href=\"https://diario.example/calor\"/>\n"
	  "    <link rel=\"enclosure\" type=\"image/jpeg\" length=\"20480\" "
	  "href=\"https://diario.example/sol.jpg\"/>\n"
	  "    <id>tag:diario.example,2026:calor</id>\n"
	  "    <published>2026-06-01T08:00:00+02:00</published>\n"
	  "    <updated>2026-06-01T10:30:00+02:00</updated>\n"
	  "    <author><name>Lucía Ortega</name>"
	  "<email>lucia@diario.example</email></author>\n"
	  "    <category term=\"clima\" label=\"Clima\"/>\n"
	  "    <category term=\"andalucia\"/>\n"
	  "    <summary>Resumen.</summary>\n"
	  "    <content type=\"xhtml\"><div "
	  "xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hasta <em>44 "
	  "&#176;C</em> en Sevilla &amp; Córdoba.</p><br/></div></content>\n"
	  "  </entry>\n"
	  "</feed>\n",
	  FEED_FORMAT_ATOM10, "Diario del Sur", "https://diario.example/", 1,
	  0, {
	  { "tag:diario.example,2026:calor", "https://diario.example/calor",
	    "Llega la ola de calor", "Lucía Ortega", "2026-06-01T06:00:00Z",
	    "2026-06-01T08:30:00Z", "Clima|andalucia",
	    "https://diario.example/sol.jpg|image/jpeg|20480",
	    "<p>Hasta <em>44 °C</em> en Sevilla &amp; Córdoba.</p><br>",
	    "https://diario.example/calor" } } },
	{ "Atom 0.3 in Italian", NULL,
	  "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">\n"
	  "<title>Cronache di Torino</title>\n"
	  "<link rel=\"alternate\" type=\"text/html\" "
	  "href=\"http://cronache.example/\"/>\n"
	  "<entry><title>Nuova linea del tram</title>\n"
	  "<link rel=\"alternate\" type=\"text/html\" "
	  "href=\"http://cronache.example/tram\"/>\n"
	  "<id>urn:cronache:tram</id>\n"
	  "<issued>2026-03-09T07:00:00+01:00</issued>\n"
	  "<modified>2026-03-09T09:00:00Z</modified>\n"
	  "<content type=\"text/html\" mode=\"escaped\">&lt;p&gt;Apre la "
	  "linea 12.&lt;/p&gt;</content></entry></feed>",
	  FEED_FORMAT_ATOM03, "Cronache di Torino", "http://cronache.example/",
	  1, 0, {
	  { "urn:cronache:tram", "http://cronache.example/tram",
	    "Nuova linea del tram", NULL, "2026-03-09T06:00:00Z",
	    "2026-03-09T09:00:00Z", NULL, NULL, "<p>Apre la linea 12.</p>",
	    NULL } } },
	{ "an Atom entry document", "https://solo.example/e.xml",
	  "<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>Solo</title>"
	  "<id>urn:solo:1</id><link href=\"/one\"/></entry>",
	  FEED_FORMAT_ATOM10, NULL, NULL, 1, 0, {
	  { "urn:solo:1", "https://solo.example/one", "Solo", NULL, NULL,
	    NULL, NULL, NULL, NULL, NULL } } }
};

static const struct parse_case link_cases[] = {
	{ "relative links against the feed URL", "https://blog.example/a/feed",
	  "<rss version=\"2.0\"><channel><title>Notes</title>"
	  "<link>/</link>"
	  "<item><title>One</title><link>posts/1.html</link>"
	  "<description>&lt;img src=\"x.png\"&gt;</description></item>"
	  "<item><title>Two</title><link>//cdn.example/2</link></item>"
	  "</channel></rss>",
	  FEED_FORMAT_RSS20, "Notes", "https://blog.example/", 2, 0, {
	  { "https://blog.example/a/posts/1.html",
	    "https://blog.example/a/posts/1.html", NULL, NULL, NULL, NULL,
	    NULL, NULL, NULL, "https://blog.example/a/posts/1.html" },
	  { NULL, "https://cdn.example/2", NULL, NULL, NULL, NULL, NULL,
	    NULL, NULL, NULL } } },
	{ "xml:base on the feed, the entry and the content",
	  "http://feeds.example/numi.xml",
	  "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
	  "xml:base=\"https://numi.example/\">"
	  "<title>Numi</title><link href=\"about/\"/>"
	  "<entry xml:base=\"post/2026/uke/\"><title>Ukulele</title>"
	  "<id>urn:numi:uke</id><link href=\"index.html\"/>"
	  "<content type=\"html\" xml:base=\"media/\">&lt;img "
	  "src=\"u.jpg\"&gt;</content></entry>"
	  "<entry><title>Plain</title><id>urn:numi:plain</id>"
	  "<link href=\"plain\"/><summary>No base here</summary></entry>"
	  "</feed>",
	  FEED_FORMAT_ATOM10, "Numi", "https://numi.example/about/", 2, 0, {
	  { NULL, "https://numi.example/post/2026/uke/index.html", NULL, NULL,
	    NULL, NULL, NULL, NULL, "<img src=\"u.jpg\">",
	    "https://numi.example/post/2026/uke/media/" },
	  { NULL, "https://numi.example/plain", NULL, NULL, NULL, NULL, NULL,
	    NULL, "No base here", "https://numi.example/" } } },
	{ "atom:link inside RSS, self links ignored", NULL,
	  "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">"
	  "<channel><title>Mixed</title>"
	  "<atom:link rel=\"self\" href=\"http://mixed.example/rss\"/>"
	  "<item><title>A</title>"
	  "<atom:link rel=\"alternate\" href=\"http://mixed.example/a\"/>"
	  "</item></channel></rss>",
	  FEED_FORMAT_RSS20, "Mixed", "", 1, 0, {
	  { "http://mixed.example/a", "http://mixed.example/a", NULL, NULL,
	    NULL, NULL, NULL, NULL, NULL, NULL } } }
};

static const struct parse_case guid_cases[] = {
	{ "guid, link, permalink guid and hash", NULL,
	  "<rss version=\"2.0\"><channel><title>G</title>"
	  "<item><title>Has guid</title><guid>urn:g:1</guid>"
	  "<link>http://g.example/1</link></item>"
	  "<item><title>Link only</title><link>http://g.example/2</link>"
	  "</item>"
	  "<item><title>Permalink guid</title>"
	  "<guid>http://g.example/3</guid></item>"
	  "<item><title>Nothing</title>"
	  "<pubDate>Sun, 01 Nov 2026 10:00:00 GMT</pubDate>"
	  "<description>Only words.</description></item>"
	  "</channel></rss>",
	  FEED_FORMAT_RSS20, "G", NULL, 4, 0, {
	  { "urn:g:1", "http://g.example/1", NULL, NULL, NULL, NULL, NULL,
	    NULL, NULL, NULL },
	  { "http://g.example/2", "http://g.example/2", NULL, NULL, NULL,
	    NULL, NULL, NULL, NULL, NULL },
	  { "http://g.example/3", "http://g.example/3", NULL, NULL, NULL,
	    NULL, NULL, NULL, NULL, NULL },
	  { "telex:5f8aac1fcad2d1c7", "", "Nothing", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL } } },
	{ "a guid that is not a permalink is not a link", NULL,
	  "<rss version=\"2.0\"><channel><title>G</title>"
	  "<item><guid isPermaLink=\"false\">http://g.example/x</guid></item>"
	  "</channel></rss>",
	  FEED_FORMAT_RSS20, NULL, NULL, 1, 0, {
	  { "http://g.example/x", "", "", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL } } }
};

static const struct parse_case field_cases[] = {
	{ "dates in both formats; a bad date is none", NULL,
	  "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
	  "<channel><title>D</title>"
	  "<item><title>a</title>"
	  "<pubDate>Wed, 4 Nov 26 23:30:00 EST</pubDate></item>"
	  "<item><title>b</title><dc:date>2026-11-05T01:02:03.5Z</dc:date>"
	  "</item>"
	  "<item><title>c</title><pubDate>yesterday-ish</pubDate></item>"
	  "</channel></rss>",
	  FEED_FORMAT_RSS20, NULL, NULL, 3, 0, {
	  { NULL, NULL, "a", NULL, "2026-11-05T04:30:00Z", "", NULL, NULL,
	    NULL, NULL },
	  { NULL, NULL, "b", NULL, "2026-11-05T01:02:03Z", "", NULL, NULL,
	    NULL, NULL },
	  { NULL, NULL, "c", NULL, "", "", NULL, NULL, NULL, NULL } } },
	{ "authors: RSS forms, dc:creator and itunes:author", NULL,
	  "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	  "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
	  "<channel><title>A</title>"
	  "<item><title>1</title><author>Jan de Vries "
	  "&lt;jan@a.example&gt;</author></item>"
	  "<item><title>2</title><author>Kofi Mensah (kofi@a.example)"
	  "</author><dc:creator>ignored</dc:creator></item>"
	  "<item><title>3</title><itunes:author>Aiko Tanaka</itunes:author>"
	  "<dc:creator>  田中  愛子 </dc:creator></item>"
	  "<item><title>4</title><itunes:author>Only Itunes</itunes:author>"
	  "</item>"
	  "</channel></rss>",
	  FEED_FORMAT_RSS20, NULL, NULL, 4, 0, {
	  { NULL, NULL, "1", "Jan de Vries", NULL, NULL, NULL, NULL, NULL,
	    NULL },
	  { NULL, NULL, "2", "Kofi Mensah", NULL, NULL, NULL, NULL, NULL,
	    NULL },
	  { NULL, NULL, "3", "田中 愛子", NULL, NULL, NULL, NULL, NULL, NULL },
	  { NULL, NULL, "4", "Only Itunes", NULL, NULL, NULL, NULL, NULL,
	    NULL } } },
	{ "categories from RSS, Atom and Dublin Core, once each", NULL,
	  "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
	  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><title>C</title>"
	  "<entry><title>c</title><id>urn:c</id>"
	  "<category term=\"sport\" label=\"Sport\"/>"
	  "<category label=\"Fußball\"/>"
	  "<category term=\"sport\"/>"
	  "<dc:subject>Bundesliga</dc:subject></entry></feed>",
	  FEED_FORMAT_ATOM10, "C", NULL, 1, 0, {
	  { NULL, NULL, NULL, NULL, NULL, NULL, "Sport|Fußball|Bundesliga",
	    NULL, NULL, NULL } } },
	{ "media:content stands in for a missing enclosure",
	  "https://video.example/feed",
	  "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\">"
	  "<channel><title>V</title>"
	  "<item><title>clip</title><media:group>"
	  "<media:content url=\"/v/clip.mp4\" type=\"video/mp4\" "
	  "fileSize=\"900\"/></media:group></item>"
	  "<item><title>both</title>"
	  "<media:content url=\"https://video.example/m.mp4\"/>"
	  "<enclosure url=\"https://video.example/e.mp3\" type=\"audio/mpeg\""
	  " length=\"12\"/></item>"
	  "</channel></rss>",
	  FEED_FORMAT_RSS20, "V", NULL, 2, 0, {
	  { NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	    "https://video.example/v/clip.mp4|video/mp4|900", NULL, NULL },
	  { NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	    "https://video.example/e.mp3|audio/mpeg|12", NULL, NULL } } }
};

/* Fields feeds written by others leave to the channel or to other names. */
static const struct parse_case fallback_cases[] = {
	{ "RSS: the channel's managingEditor for items without an author",
	  NULL,
	  "<rss version=\"2.0\"><channel><title>Kvällsposten</title>"
	  "<managingEditor>red@kvall.example (Elin Berg)</managingEditor>"
	  "<item><title>Snö i Kiruna</title></item>"
	  "<item><title>Egen</title><author>o@kvall.example (Olof Ek)"
	  "</author></item>"
	  "</channel></rss>",
	  FEED_FORMAT_RSS20, "Kvällsposten", NULL, 2, 0, {
	  { NULL, NULL, "Snö i Kiruna", "Elin Berg", NULL, NULL, NULL, NULL,
	    NULL, NULL },
	  { NULL, NULL, "Egen", "Olof Ek", NULL, NULL, NULL, NULL, NULL,
	    NULL } } },
	{ "RSS: channel itunes:author over nothing, dc:creator too", NULL,
	  "<rss version=\"2.0\" "
	  "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
	  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
	  "<title>Hörsaal</title>"
	  "<itunes:author>Jana Köhler</itunes:author>"
	  "<dc:creator>Redaktion Hörsaal</dc:creator>"
	  "<item><title>Folge 12</title></item>"
	  "</channel></rss>",
	  FEED_FORMAT_RSS20, "Hörsaal", NULL, 1, 0, {
	  { NULL, NULL, "Folge 12", "Redaktion Hörsaal", NULL, NULL, NULL,
	    NULL, NULL, NULL } } },
	{ "Atom: the feed author; an author with only an email or a URI",
	  "https://kawa.example/atom.xml",
	  "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Kawa</title>"
	  "<author><name>佐藤 花子</name></author>"
	  "<entry><id>urn:k:1</id><title>一</title></entry>"
	  "<entry><id>urn:k:2</id><title>二</title>"
	  "<author><email>ken@kawa.example</email></author></entry>"
	  "<entry><id>urn:k:3</id><title>三</title>"
	  "<author><uri>/people/mika</uri></author></entry>"
	  "<entry><id>urn:k:4</id><title>四</title>"
	  "<author><name>Mika</name><uri>/people/mika</uri></author></entry>"
	  "</feed>",
	  FEED_FORMAT_ATOM10, "Kawa", NULL, 4, 0, {
	  { NULL, NULL, "一", "佐藤 花子", NULL, NULL, NULL, NULL, NULL,
	    NULL },
	  { NULL, NULL, "二", "ken@kawa.example", NULL, NULL, NULL, NULL,
	    NULL, NULL },
	  { NULL, NULL, "三", "https://kawa.example/people/mika", NULL, NULL,
	    NULL, NULL, NULL, NULL },
	  { NULL, NULL, "四", "Mika", NULL, NULL, NULL, NULL, NULL,
	    NULL } } },
	{ "Atom: a feed author with only an email", NULL,
	  "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Mail</title>"
	  "<author><email>desk@mail.example</email></author>"
	  "<entry><id>urn:m:1</id><title>a</title></entry></feed>",
	  FEED_FORMAT_ATOM10, "Mail", NULL, 1, 0, {
	  { NULL, NULL, "a", "desk@mail.example", NULL, NULL, NULL, NULL,
	    NULL, NULL } } },
	{ "a channel author after the first items reaches them, in order",
	  NULL,
	  "<rss version=\"2.0\"><channel><title>Late</title>"
	  "<item><title>early</title></item>"
	  "<item><title>own</title><author>o@late.example (Olga Ost)"
	  "</author></item>"
	  "<managingEditor>ed@late.example (Late Editor)</managingEditor>"
	  "<item><title>after</title></item>"
	  "</channel></rss>",
	  FEED_FORMAT_RSS20, "Late", NULL, 3, 0, {
	  { NULL, NULL, "early", "Late Editor", NULL, NULL, NULL, NULL, NULL,
	    NULL },
	  { NULL, NULL, "own", "Olga Ost", NULL, NULL, NULL, NULL, NULL,
	    NULL },
	  { NULL, NULL, "after", "Late Editor", NULL, NULL, NULL, NULL, NULL,
	    NULL } } },
	{ "an Atom feed author after the entries, feed cut short", NULL,
	  "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Tarde</title>"
	  "<entry><id>urn:t:1</id><title>uno</title></entry>"
	  "<author><name>Ana Tardía</name></author>"
	  "<entry><id>urn:t:2</id><title>dos</title></entry>"
	  "<entry><id>urn:t:3</id><title>tr",
	  FEED_FORMAT_ATOM10, "Tarde", NULL, 2, 2, {
	  { "urn:t:1", NULL, "uno", "Ana Tardía", NULL, NULL, NULL, NULL,
	    NULL, NULL },
	  { "urn:t:2", NULL, "dos", "Ana Tardía", NULL, NULL, NULL, NULL,
	    NULL, NULL } } },
	{ "no channel author: items held back come out at the end", NULL,
	  "<rss version=\"2.0\"><channel><title>Anon</title>"
	  "<item><title>a</title></item><item><title>b</title></item>"
	  "<item><title>c</title></item>",
	  FEED_FORMAT_RSS20, "Anon", NULL, 3, 2, {
	  { NULL, NULL, "a", "", NULL, NULL, NULL, NULL, NULL, NULL },
	  { NULL, NULL, "b", "", NULL, NULL, NULL, NULL, NULL, NULL },
	  { NULL, NULL, "c", "", NULL, NULL, NULL, NULL, NULL, NULL } } },
	{ "Atom 0.3: created, issued and modified", NULL,
	  "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">"
	  "<title>Diário</title>"
	  "<entry><id>urn:d:1</id><title>criado</title>"
	  "<created>2026-04-02T10:00:00Z</created>"
	  "<modified>2026-04-03T11:00:00Z</modified></entry>"
	  "<entry><id>urn:d:2</id><title>emitido</title>"
	  "<created>2026-04-01T09:00:00Z</created>"
	  "<issued>2026-04-02T09:30:00-03:00</issued></entry>"
	  "<entry><id>urn:d:3</id><title>só modificado</title>"
	  "<modified>2026-04-05T08:00:00Z</modified></entry>"
	  "</feed>",
	  FEED_FORMAT_ATOM03, "Diário", NULL, 3, 0, {
	  { NULL, NULL, "criado", NULL, "2026-04-02T10:00:00Z",
	    "2026-04-03T11:00:00Z", NULL, NULL, NULL, NULL },
	  { NULL, NULL, "emitido", NULL, "2026-04-02T12:30:00Z", "", NULL,
	    NULL, NULL, NULL },
	  { NULL, NULL, "só modificado", NULL,
	    "2026-04-05T08:00:00Z (inferred)", "2026-04-05T08:00:00Z", NULL,
	    NULL, NULL, NULL } } },
	{ "Atom categories show their label", NULL,
	  "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>L</title>"
	  "<entry><id>urn:l:1</id>"
	  "<category term=\"pol\" scheme=\"urn:s\" label=\"Política\"/>"
	  "<category term=\"eco\" label=\"  \"/>"
	  "<category term=\"econ\" label=\"Economía\"/></entry></feed>",
	  FEED_FORMAT_ATOM10, "L", NULL, 1, 0, {
	  { NULL, NULL, NULL, NULL, NULL, NULL, "Política|eco|Economía",
	    NULL, NULL, NULL } } },
	{ "RSS links from atom:link, and from a permalink guid", NULL,
	  "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">"
	  "<channel><title>Ссылки</title>"
	  "<item><title>только atom</title>"
	  "<atom:link rel=\"self\" href=\"http://s.example/self\"/>"
	  "<atom:link rel=\"alternate\" type=\"text/html\" "
	  "href=\"http://s.example/alt\"/><guid isPermaLink=\"false\">s-1"
	  "</guid></item>"
	  "<item><title>пустая ссылка</title><link></link>"
	  "<guid isPermaLink=\"true\">http://s.example/2</guid></item>"
	  "<item><title>пустая, guid без атрибута</title><link> </link>"
	  "<guid>https://s.example/3</guid></item>"
	  "<item><title>guid не ссылка</title><link/>"
	  "<guid isPermaLink=\"false\">https://s.example/4</guid></item>"
	  "</channel></rss>",
	  FEED_FORMAT_RSS20, "Ссылки", NULL, 4, 0, {
	  { "s-1", "http://s.example/alt", NULL, NULL, NULL, NULL, NULL,
	    NULL, NULL, NULL },
	  { "http://s.example/2", "http://s.example/2", NULL, NULL, NULL,
	    NULL, NULL, NULL, NULL, NULL },
	  { "https://s.example/3", "https://s.example/3", NULL, NULL, NULL,
	    NULL, NULL, NULL, NULL, NULL },
	  { "https://s.example/4", "", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL, NULL } } },
	{ "updated without published shows as published, inferred", NULL,
	  "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>U</title>"
	  "<entry><id>urn:u:1</id><title>nur aktualisiert</title>"
	  "<updated>2026-10-10T10:10:10Z</updated></entry>"
	  "<entry><id>urn:u:2</id><title>beide</title>"
	  "<published>2026-10-09T09:00:00Z</published>"
	  "<updated>2026-10-10T10:00:00Z</updated></entry>"
	  "<entry><id>urn:u:3</id><title>keins</title></entry>"
	  "</feed>",
	  FEED_FORMAT_ATOM10, "U", NULL, 3, 0, {
	  { NULL, NULL, "nur aktualisiert", NULL,
	    "2026-10-10T10:10:10Z (inferred)", "2026-10-10T10:10:10Z", NULL,
	    NULL, NULL, NULL },
	  { NULL, NULL, "beide", NULL, "2026-10-09T09:00:00Z",
	    "2026-10-10T10:00:00Z", NULL, NULL, NULL, NULL },
	  { NULL, NULL, "keins", NULL, "", "", NULL, NULL, NULL,
	    NULL } } }
};

static const struct parse_case content_cases[] = {
	{ "Atom content over summary; text content is escaped", NULL,
	  "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
	  "<entry><id>urn:1</id><summary>short</summary>"
	  "<content type=\"text\">1 &lt; 2 &amp; so</content></entry>"
	  "<entry><id>urn:2</id><summary type=\"html\">&lt;i&gt;only "
	  "summary&lt;/i&gt;</summary></entry>"
	  "<entry><id>urn:3</id><content src=\"http://t.example/x\"/>"
	  "<summary>fallback</summary></entry>"
	  "</feed>",
	  FEED_FORMAT_ATOM10, "T", NULL, 3, 0, {
	  { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	    "1 &lt; 2 &amp; so", NULL },
	  { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	    "<i>only summary</i>", NULL },
	  { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "fallback",
	    NULL } } },
	{ "RSS description with markup inline", NULL,
	  "<rss version=\"2.0\"><channel><title>I</title><item>"
	  "<description>Plain <b>bold</b> text</description>"
	  "</item></channel></rss>",
	  FEED_FORMAT_RSS20, "I", NULL, 1, 0, {
	  { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	    "Plain <b>bold</b> text", NULL } } }
};

static const struct parse_case title_cases[] = {
	{ "HTML titles become plain text", NULL,
	  "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
	  "<title type=\"html\">&lt;b&gt;Nachrichten&lt;/b&gt; &amp;amp; "
	  "mehr</title>"
	  "<entry><id>urn:1</id><title type=\"html\">Caf&amp;eacute; "
	  "&lt;em&gt;nuevo&lt;/em&gt;</title></entry>"
	  "<entry><id>urn:2</id><title type=\"text\">&lt;b&gt; is a tag"
	  "</title></entry>"
	  "<entry><id>urn:3</id><title type=\"xhtml\"><div "
	  "xmlns=\"http://www.w3.org/1999/xhtml\">Less: "
	  "<em>&lt;</em></div></title></entry>"
	  "</feed>",
	  FEED_FORMAT_ATOM10, "Nachrichten & mehr", NULL, 3, 0, {
	  { NULL, NULL, "Café nuevo", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL },
	  { NULL, NULL, "<b> is a tag", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL },
	  { NULL, NULL, "Less: <", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL } } },
	{ "RSS titles: markup stripped, space collapsed", NULL,
	  "<rss version=\"2.0\"><channel><title>  Tom &amp; Jerry\n\t"
	  "Weekly  </title>"
	  "<item><title><![CDATA[<i>Hola</i> mundo]]></title></item>"
	  "<item><title>AT&amp;T &amp; you</title></item>"
	  "<item><title>Bell&#7;   rings\r\n</title></item>"
	  "</channel></rss>",
	  FEED_FORMAT_RSS20, "Tom & Jerry Weekly", NULL, 3, 1, {
	  { NULL, NULL, "Hola mundo", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL },
	  { NULL, NULL, "AT&T & you", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL },
	  { NULL, NULL, "Bell rings", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL } } }
};

static const struct parse_case broken_cases[] = {
	{ "a feed cut off in item 3 keeps items 1 and 2", NULL,
	  "<rss version=\"2.0\"><channel><title>Cut</title>"
	  "<item><title>one</title><guid>urn:1</guid></item>"
	  "<item><title>two</title><guid>urn:2</guid></item>"
	  "<item><title>thr",
	  FEED_FORMAT_RSS20, "Cut", NULL, 2, 2, {
	  { "urn:1", NULL, "one", NULL, NULL, NULL, NULL, NULL, NULL, NULL },
	  { "urn:2", NULL, "two", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL } } },
	{ "a mismatched tag in item 2 keeps item 1", NULL,
	  "<rss version=\"2.0\"><channel><title>Bad</title>"
	  "<item><title>fine</title></item>"
	  "<item><title>broken</tilte></item>"
	  "<item><title>lost</title></item></channel></rss>",
	  FEED_FORMAT_RSS20, "Bad", NULL, 1, 2, {
	  { NULL, NULL, "fine", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL } } },
	{ "prefixes nobody declared still work, as a repair", NULL,
	  "<rss version=\"2.0\"><channel><title>NS</title><item>"
	  "<dc:creator>Ana Lima</dc:creator></item></channel></rss>",
	  FEED_FORMAT_RSS20, "NS", NULL, 1, 1, {
	  { NULL, NULL, NULL, "Ana Lima", NULL, NULL, NULL, NULL, NULL,
	    NULL } } }
};

struct not_feed_case {
	const char	*name;
	const char	*doc;
	const char	*cause;		/* a part of the message */
};

static const struct not_feed_case not_feed_cases[] = {
	{ "an HTML page",
	  "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	  "<title>Welcome</title><link rel=\"alternate\" "
	  "type=\"application/rss+xml\" href=\"/feed\"></head>"
	  "<body><p>Hello<br>there</p></body></html>",
	  "HTML page, not a feed" },
	{ "JSON that is no JSON Feed", "{\"error\": \"rate limited\", "
	  "\"retry\": 30}", "JSON but not a JSON Feed" },
	{ "plain text", "Service temporarily unavailable\n", "not XML" },
	{ "an empty body", "  \n", "empty" },
	{ "XML that is not a feed",
	  "<?xml version=\"1.0\"?><catalog><book id=\"b1\"><title>Guide"
	  "</title></book></catalog>", "<catalog>" }
};

static void
run_not_feed(void **state)
{
	const struct not_feed_case	*c = *state;
	struct feed_info		 info;
	struct seen			 seen;
	char				*cause = NULL;

	memset(&seen, 0, sizeof seen);
	if (feed_parse(c->doc, strlen(c->doc), "https://x.example/", NULL,
	    &info, record_item, &seen, &cause) != -1)
		fail_msg("%s: parsed as a feed", c->name);
	assert_non_null(cause);
	if (strstr(cause, c->cause) == NULL)
		fail_msg("%s: cause \"%s\" lacks \"%s\"", c->name, cause,
		    c->cause);
	assert_int_equal(seen.n, 0);
	free(cause);
	feed_info_free(&info);
}

static int
stop_after_one(const struct feed_item *it, void *arg)
{
	(void)it;
	(*(int *)arg)++;
	return (1);
}

/* The callback may stop the parse; that is not damage. */
static void
test_callback_stops(void **state)
{
	static const char	 xml[] = "<rss version=\"2.0\"><channel>"
	    "<title>S</title><item><title>1</title></item>"
	    "<item><title>2</title></item></channel></rss>";
	struct feed_info	 info;
	char			*cause = NULL;
	int			 calls = 0;

	(void)state;
	assert_int_equal(feed_parse(xml, sizeof xml - 1, NULL, NULL, &info,
	    stop_after_one, &calls, &cause), 0);
	assert_int_equal(calls, 1);
	assert_int_equal(info.nitems, 1);
	assert_int_equal(info.damaged, 0);
	feed_info_free(&info);
}

static int
count_item(const struct feed_item *it, void *arg)
{
	(void)it;
	(*(size_t *)arg)++;
	return (0);
}

/* The damage message names the item where the feed broke. */
static void
test_damage_message(void **state)
{
	struct buf		 b;
	struct feed_info	 info;
	char			*cause = NULL;
	size_t			 i, count = 0;

	(void)state;
	buf_init(&b, 0);
	buf_adds(&b, "<rss version=\"2.0\"><channel><title>Long</title>");
	for (i = 1; i <= 39; i++)
		buf_printf(&b, "<item><title>Item %zu</title></item>", i);
	buf_adds(&b, "<item><title>Item 40</ti");
	assert_int_equal(feed_parse(b.data, b.len, NULL, NULL, &info,
	    count_item, &count, &cause), 0);
	assert_int_equal(count, 39);
	assert_int_equal(info.damaged, 1);
	assert_non_null(info.damage);
	if (strstr(info.damage, "item 40") == NULL)
		fail_msg("damage: %s", info.damage);
	feed_info_free(&info);
	buf_free(&b);
}

static int
count_authored(const struct feed_item *it, void *arg)
{
	size_t	*n = arg;

	n[0]++;
	if (it->author != NULL && strcmp(it->author, "Nachzügler") == 0)
		n[1]++;
	return (0);
}

/*
 * Items wait for a late channel author 64 at a time at most: of 100 items
 * before the author, the last 36 get it; the 10 after it too.
 */
static void
test_late_author_bound(void **state)
{
	struct buf		 b;
	struct feed_info	 info;
	char			*cause = NULL;
	size_t			 i, n[2] = { 0, 0 };

	(void)state;
	buf_init(&b, 0);
	buf_adds(&b, "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/"
	    "elements/1.1/\"><channel><title>Spät</title>");
	for (i = 0; i < 100; i++)
		buf_printf(&b, "<item><title>%zu</title></item>", i);
	buf_adds(&b, "<dc:creator>Nachzügler</dc:creator>");
	for (i = 0; i < 10; i++)
		buf_printf(&b, "<item><title>n%zu</title></item>", i);
	buf_adds(&b, "</channel></rss>");
	assert_int_equal(feed_parse(b.data, b.len, NULL, NULL, &info,
	    count_authored, n, &cause), 0);
	assert_int_equal(n[0], 110);
	assert_int_equal(n[1], 46);
	feed_info_free(&info);
	buf_free(&b);
}

/*
 * 200,000 items parse one at a time: every item is freed once handed on,
 * so this runs in bounded memory and quickly.
 */
static void
test_many_items(void **state)
{
	struct buf		 b;
	struct feed_info	 info;
	char			*cause = NULL;
	size_t			 i, count = 0;

	(void)state;
	buf_init(&b, 0);
	buf_adds(&b, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"
	    "<channel><title>Firehose</title>\n");
	for (i = 0; i < 200000; i++)
		buf_printf(&b, "<item><title>Meldung %zu</title>"
		    "<link>https://firehose.example/%zu</link>"
		    "<guid>fh-%zu</guid>"
		    "<pubDate>Sun, 01 Nov 2026 10:00:00 GMT</pubDate>"
		    "<description>Kurz &amp; knapp.</description></item>\n",
		    i, i, i);
	buf_adds(&b, "</channel></rss>\n");
	assert_int_equal(feed_parse(b.data, b.len, NULL, NULL, &info,
	    count_item, &count, &cause), 0);
	assert_int_equal(count, 200000);
	assert_int_equal(info.nitems, 200000);
	assert_int_equal(info.damaged, 0);
	feed_info_free(&info);
	buf_free(&b);
}

static void
add_cases(struct CMUnitTest *tests, size_t *n, const struct parse_case *c,
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

#define NTESTS (UTIL_ARRLEN(format_cases) + UTIL_ARRLEN(link_cases) + \
	UTIL_ARRLEN(guid_cases) + UTIL_ARRLEN(field_cases) + \
	UTIL_ARRLEN(fallback_cases) + \
	UTIL_ARRLEN(content_cases) + UTIL_ARRLEN(title_cases) + \
	UTIL_ARRLEN(broken_cases) + UTIL_ARRLEN(not_feed_cases) + 4)

int
main(void)
{
	struct CMUnitTest	 tests[NTESTS];
	size_t			 n = 0, i;

	add_cases(tests, &n, format_cases, UTIL_ARRLEN(format_cases));
	add_cases(tests, &n, link_cases, UTIL_ARRLEN(link_cases));
	add_cases(tests, &n, guid_cases, UTIL_ARRLEN(guid_cases));
	add_cases(tests, &n, field_cases, UTIL_ARRLEN(field_cases));
	add_cases(tests, &n, fallback_cases, UTIL_ARRLEN(fallback_cases));
	add_cases(tests, &n, content_cases, UTIL_ARRLEN(content_cases));
	add_cases(tests, &n, title_cases, UTIL_ARRLEN(title_cases));
	add_cases(tests, &n, broken_cases, UTIL_ARRLEN(broken_cases));
	for (i = 0; i < UTIL_ARRLEN(not_feed_cases); i++) {
		tests[n].name = not_feed_cases[i].name;
		tests[n].test_func = run_not_feed;
		tests[n].setup_func = NULL;
		tests[n].teardown_func = NULL;
		tests[n].initial_state = (void *)&not_feed_cases[i];
		n++;
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_callback_stops);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_damage_message);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_many_items);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(
	    test_late_author_bound);
	assert(n == NTESTS);
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
