/*
 * Unit tests for feeds/prepass.c: charset detection and conversion,
 * entity and '&' repair, control characters, DOCTYPE removal, the limit.
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

#include "prepass.h"
#include "util.h"

/* A byte string and its length (it may hold NUL bytes). */
#define BYTES(s)	s, sizeof(s) - 1

struct prepass_case {
	const char	*name;
	const char	*in;
	size_t		 len;
	const char	*http_charset;
	const char	*want;
	const char	*encoding;
	int		 repaired;
};

static const struct prepass_case charset_cases[] = {
	{ "UTF-8 by default, declaration dropped",
	  BYTES("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	  "<rss><title>Grüße aus Köln</title></rss>"), NULL,
	  "<rss><title>Grüße aus Köln</title></rss>", "utf-8", 0 },
	{ "UTF-8 byte order mark",
	  BYTES("\xef\xbb\xbf<a>été</a>"), NULL, "<a>été</a>", "utf-8", 0 },
	{ "UTF-16LE byte order mark",
	  BYTES("\xff\xfe<\0a\0>\0\xe9\0<\0/\0a\0>\0"), NULL,
	  "<a>é</a>", "utf-16le", 0 },
	{ "UTF-16BE byte order mark",
	  BYTES("\xfe\xff\0<\0a\0>\x04\x1f\0<\0/\0a\0>"), NULL,
	  "<a>П</a>", "utf-16be", 0 },
	{ "UTF-16LE without a mark, from its '<?'",
	  BYTES("<\0?\0x\0m\0l\0 \0?\0>\0<\0b\0/\0>\0"), NULL,
	  "<b/>", "utf-16le", 0 },
	{ "UTF-32BE byte order mark",
	  BYTES("\0\0\xfe\xff\0\0\0<\0\0\0a\0\0\0/\0\0\0>"), NULL,
	  "<a/>", "utf-32be", 0 },
	{ "ISO-8859-1 declared is read as windows-1252",
	  BYTES("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
	  "<a>caf\xe9 \x93oui\x94</a>"), NULL,
	  "<a>café “oui”</a>", "iso-8859-1", 0 },
	{ "US-ASCII declared is read as windows-1252",
	  BYTES("<?xml version='1.0' encoding='us-ascii'?><a>\x80 5</a>"),
	  NULL, "<a>€ 5</a>", "us-ascii", 0 },
	{ "HTTP charset beats the declaration",
	  BYTES("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>"
	  "<a>\xcf\xf0\xe8\xe2\xe5\xf2</a>"), "windows-1251",
	  "<a>Привет</a>", "windows-1251", 0 },
	{ "HTTP charset KOI8-R, quoted and in capitals",
	  BYTES("<a>\xf0\xd2\xc9\xd7\xc5\xd4</a>"), "\"KOI8-R\"",
	  "<a>Привет</a>", "koi8-r", 0 },
	{ "byte order mark beats the HTTP charset",
	  BYTES("\xef\xbb\xbf<a>ñ</a>"), "iso-8859-1", "<a>ñ</a>", "utf-8", 0 },
	{ "Shift_JIS declared",
	  BYTES("<?xml version='1.0' encoding='Shift_JIS'?>"
	  "<a>\x93\xfa\x96\x7b</a>"), NULL, "<a>日本</a>", "shift_jis", 0 },
	{ "GB2312 is read as its superset GB18030",
	  BYTES("<?xml version='1.0' encoding='gb2312'?><a>\xd6\xd0\xce\xc4</a>"),
	  NULL, "<a>中文</a>", "gb18030", 0 },
	{ "an unknown charset falls back to UTF-8",
	  BYTES("<?xml version='1.0' encoding='x-no-such-set'?><a>ok</a>"),
	  NULL, "<a>ok</a>", "utf-8", 1 },
	{ "bad bytes in UTF-8 are read as windows-1252",
	  BYTES("<a>na\xefve \x80 caf\xc3\xa9</a>"), NULL,
	  "<a>naïve € café</a>", "utf-8", 1 },
	{ "C1 controls stand for windows-1252 characters",
	  BYTES("<a>don\xc2\x92t</a>"), NULL, "<a>don’t</a>", "utf-8", 0 },
	{ "a UTF-16 declaration in ASCII bytes is not believed",
	  BYTES("<?xml version='1.0' encoding='utf-16'?><a>ok</a>"), NULL,
	  "<a>ok</a>", "utf-8", 0 }
};

static const struct prepass_case entity_cases[] = {
	{ "HTML entities become character references",
	  BYTES("<t>caf&eacute; &mdash; &hellip; &euro;&trade;&nbsp;&copy;"
	  "&rsquo;&ldquo;&Omega;</t>"), NULL,
	  "<t>caf&#233; &#8212; &#8230; &#8364;&#8482;&#160;&#169;"
	  "&#8217;&#8220;&#937;</t>", "utf-8", 1 },
	{ "the five XML entities stay",
	  BYTES("<t a=\"&quot;\">&amp;&lt;&gt;&quot;&apos;</t>"), NULL,
	  "<t a=\"&quot;\">&amp;&lt;&gt;&quot;&apos;</t>", "utf-8", 0 },
	{ "character references are kept, in decimal",
	  BYTES("<t>&#233;&#xE9;&#X41;</t>"), NULL,
	  "<t>&#233;&#233;&#65;</t>", "utf-8", 0 },
	{ "references to characters XML forbids are dropped",
	  BYTES("<t>a&#0;b&#xD800;c&#1;d&#1114112;e</t>"), NULL,
	  "<t>abcde</t>", "utf-8", 1 },
	{ "C1 references are read as windows-1252",
	  BYTES("<t>it&#146;s</t>"), NULL, "<t>it&#8217;s</t>", "utf-8", 0 },
	{ "a stray '&' is escaped",
	  BYTES("<t>AT&T, Q&A; ?a=1&b=2 & more&</t>"), NULL,
	  "<t>AT&amp;T, Q&amp;A; ?a=1&amp;b=2 &amp; more&amp;</t>",
	  "utf-8", 1 },
	{ "unknown entities become text",
	  BYTES("<t>&foo; &bar-baz;</t>"), NULL,
	  "<t>&amp;foo; &amp;bar-baz;</t>", "utf-8", 1 },
	{ "entity names are case-sensitive",
	  BYTES("<t>&Eacute;&eacute;&EACUTE;</t>"), NULL,
	  "<t>&#201;&#233;&amp;EACUTE;</t>", "utf-8", 1 },
	{ "a stray '<' is escaped",
	  BYTES("<t>1 < 2 <= 3</t>"), NULL, "<t>1 &lt; 2 &lt;= 3</t>",
	  "utf-8", 1 }
};

static const struct prepass_case markup_cases[] = {
	{ "control characters are removed",
	  BYTES("<t>a\x01" "b\x1b" "c\x0b\x0c\td\x00" "e\xef\xbf\xbe" "f</t>"),
	  NULL, "<t>abc\tdef</t>", "utf-8", 1 },
	{ "a DOCTYPE goes",
	  BYTES("<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC "
	  "\"-//Netscape Communications//DTD RSS 0.91//EN\" "
	  "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
	  "<rss version=\"0.91\"/>"), NULL, "<rss version=\"0.91\"/>",
	  "utf-8", 0 },
	{ "an XML bomb is disarmed with its internal subset",
	  BYTES("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
	  " <!ENTITY lol \"lol\">\n"
	  " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
	  " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
	  " <!ELEMENT rss (#PCDATA)> <!-- ] > -->\n"
	  "]>\n<rss>&lol3;</rss>"), NULL, "<rss>&amp;lol3;</rss>",
	  "utf-8", 1 },
	{ "comments go, CDATA stays untouched",
	  BYTES("<a><!-- AT&T < --><![CDATA[AT&T <b>&nbsp;]]></a>"), NULL,
	  "<a><![CDATA[AT&T <b>&nbsp;]]></a>", "utf-8", 0 },
	{ "other processing instructions stay",
	  BYTES("<?xml-stylesheet href=\"s.xsl\" type=\"text/xsl\"?><rss/>"),
	  NULL, "<?xml-stylesheet href=\"s.xsl\" type=\"text/xsl\"?><rss/>",
	  "utf-8", 0 },
	{ "a tag cut off at the end counts as a repair",
	  BYTES("<rss><channel></channel></rss"), NULL,
	  "<rss><channel></channel></rss", "utf-8", 1 },
	{ "leading white space goes",
	  BYTES("\n\n  <rss/>"), NULL, "<rss/>", "utf-8", 0 },
	/* Long text is read eight bytes at a time: every byte still counts. */
	{ "a control character deep in a long run",
	  BYTES("<t>Abendnachrichten aus Hamburg\x01 und L\xc3\xbc" "beck"
	  "\x1b: Sturmflut erwartet</t>"), NULL,
	  "<t>Abendnachrichten aus Hamburg und L\xc3\xbc" "beck: Sturmflut "
	  "erwartet</t>", "utf-8", 1 },
	{ "markup and entities after long runs",
	  BYTES("<t>Procter &amp; Gamble, Johnson & Johnson, AT&T</t>"
	  "<u>Le conseil a vot\xc3\xa9 &eacute;galement</u>"), NULL,
	  "<t>Procter &amp; Gamble, Johnson &amp; Johnson, AT&amp;T</t>"
	  "<u>Le conseil a vot\xc3\xa9 &#233;galement</u>", "utf-8", 1 },
	{ "a C1 control after eight plain bytes",
	  BYTES("<t>Prices rose\xc2\x80 5 across the board</t>"), NULL,
	  "<t>Prices rose\xe2\x82\xac 5 across the board</t>", "utf-8", 0 }
};

static void
check_case(const struct prepass_case *c)
{
	struct prepass_result	 res;
	struct buf		 out;
	char			*cause = NULL;

	buf_init(&out, 1 << 20);
	if (prepass_run(c->in, c->len, c->http_charset, &out, &res,
	    &cause) != 0)
		fail_msg("%s: %s", c->name, cause);
	if (strcmp(out.data, c->want) != 0)
		fail_msg("%s: got \"%s\", want \"%s\"", c->name, out.data,
		    c->want);
	if (strcmp(res.encoding, c->encoding) != 0)
		fail_msg("%s: encoding %s, want %s", c->name, res.encoding,
		    c->encoding);
	if (res.repaired != c->repaired)
		fail_msg("%s: repaired %d, want %d", c->name, res.repaired,
		    c->repaired);
	buf_free(&out);
}

static void
test_charsets(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < UTIL_ARRLEN(charset_cases); i++)
		check_case(&charset_cases[i]);
}

static void
test_entities(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < UTIL_ARRLEN(entity_cases); i++)
		check_case(&entity_cases[i]);
}

static void
test_markup(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < UTIL_ARRLEN(markup_cases); i++)
		check_case(&markup_cases[i]);
}

/* The output buffer's limit is the caller's; passing it is an error. */
static void
test_limit(void **state)
{
	static const char	 in[] = "<rss><title>Zu lang für den Puffer"
	    "</title></rss>";
	struct prepass_result	 res;
	struct buf		 out;
	char			*cause = NULL;

	(void)state;
	buf_init(&out, 16);
	assert_int_equal(prepass_run(in, sizeof in - 1, NULL, &out, &res,
	    &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "too large"));
	free(cause);
	buf_free(&out);

	/* windows-1252 grows on conversion: the limit counts UTF-8. */
	buf_init(&out, 20);
	cause = NULL;
	assert_int_equal(prepass_run("<a>\xe9\xe9\xe9\xe9\xe9\xe9\xe9\xe9"
	    "\xe9</a>", 16, "iso-8859-1", &out, &res, &cause), -1);
	free(cause);
	buf_free(&out);
}

/* Inputs built to be slow for a careless scanner stay fast. */
static void
test_linear(void **state)
{
	static const char	*units[] = { "&", "<", "&#", "<!--", "<!DOCTYPE [",
	    "<?", "&a" };
	struct prepass_result	 res;
	struct buf		 in, out;
	char			*cause = NULL;
	double			 start;
	size_t			 i, n;

	(void)state;
	for (i = 0; i < UTIL_ARRLEN(units); i++) {
		buf_init(&in, 0);
		for (n = 0; in.len < (2U << 20); n++)
			buf_adds(&in, units[i]);
		buf_init(&out, 0);
		start = util_monotonic();
		assert_int_equal(prepass_run(in.data, in.len, NULL, &out, &res,
		    &cause), 0);
		if (util_monotonic() - start > 1.0)
			fail_msg("\"%s\" x %zu took %.2f s", units[i], n,
			    util_monotonic() - start);
		buf_free(&in);
		buf_free(&out);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_charsets),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_markup),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_linear)
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
