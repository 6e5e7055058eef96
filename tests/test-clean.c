/*
 * Unit tests for src/clean.c: feed item HTML into reading text, as a
 * table of {html, expected text}.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "clean.h"
#include "util.h"

struct clean_case {
	const char	*name;
	const char	*html;
	const char	*text;
};

static const struct clean_case block_cases[] = {
	{ "paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo." },
	{ "collapse", "<p>  lots \n\t of   space </p>", "lots of space" },
	{ "inline", "<p>An <em>emphatic</em> <a href=\"/x\">link</a>.</p>",
	  "An emphatic link." },
	{ "headings", "<h2>Port news</h2><p>Ferries run late.</p>",
	  "Port news\n\nFerries run late." },
	{ "br", "line one<br>line two<br><br>para two",
	  "line one\nline two\n\npara two" },
	{ "bare text", "Just words &amp; more", "Just words & more" },
	{ "div nesting", "<div><div><p>deep</p></div></div><p>after</p>",
	  "deep\n\nafter" },
};

static const struct clean_case structure_cases[] = {
	{ "ul", "<p>Menu:</p><ul><li>soup</li><li>bread</li></ul>",
	  "Menu:\n\n- soup\n- bread" },
	{ "ol", "<ol><li>first</li><li>second</li></ol>",
	  "1. first\n2. second" },
	{ "nested list", "<ul><li>a<ul><li>b</li></ul></li></ul>",
	  "- a\n- b" },
	{ "blockquote", "<p>He said:</p><blockquote><p>Not today.</p>"
	  "</blockquote>", "He said:\n\n> Not today." },
	{ "table", "<table><tr><th>City</th><th>Rain</th></tr><tr><td>Brest"
	  "</td><td>12 mm</td></tr></table>", "City | Rain\nBrest | 12 mm" },
	{ "pre", "<pre>  x = 1\n  y = 2</pre>", "  x = 1\n  y = 2" },
	{ "image alt", "<p><img src=\"a.jpg\" alt=\"The quay at dawn\"> "
	  "Photo.</p>", "[image: The quay at dawn] Photo." },
	{ "image no alt", "<p><img src=\"a.jpg\">Caption</p>", "Caption" },
};

static const struct clean_case safety_cases[] = {
	{ "script", "<p>a</p><script>alert(1)</script><p>b</p>", "a\n\nb" },
	{ "style", "<style>p{}</style><p>text</p>", "text" },
	{ "form", "<p>Story.</p><form><input value=\"x\">Your name"
	  "</form>", "Story." },
	{ "entities", "<p>caf&eacute; &mdash; 5&nbsp;&euro; &#x263A;</p>",
	  "caf\xc3\xa9 \xe2\x80\x94 5 \xe2\x82\xac \xe2\x98\xba" },
	{ "escape removed", "<p>evil\x1b[2Jtitle</p>", "evil[2Jtitle" },
	{ "nfc", "<p>Cafe\xcc\x81</p>", "Caf\xc3\xa9" },
	{ "nfc cyrillic", "<p>\xd0\xb8\xcc\x86</p>", "\xd0\xb9" },
	{ "nfc singleton", "<p>10 \xe2\x84\xa6</p>", "10 \xce\xa9" },
	{ "nfc already", "<p>\xc5\x93uvre \xd0\xb9</p>", "\xc5\x93uvre \xd0\xb9" },
	{ "odd spaces", "<p>a\xe2\x80\x83" "b\xe3\x80\x80" "c</p>", "a b c" },
	{ "empty", "", "" },
};

static void
clean_run(const struct clean_case *cases, size_t n)
{
	size_t	 i;
	char	*text;

	for (i = 0; i < n; i++) {
		text = clean_fragment(cases[i].html, strlen(cases[i].html),
		    "https://example.org/news/");
		if (strcmp(text, cases[i].text) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", cases[i].name,
			    text, cases[i].text);
		free(text);
	}
}

static void
test_blocks(void **state)
{
	clean_run(block_cases, UTIL_ARRLEN(block_cases));
}

static void
test_structure(void **state)
{
	clean_run(structure_cases, UTIL_ARRLEN(structure_cases));
}

static void
test_safety(void **state)
{
	clean_run(safety_cases, UTIL_ARRLEN(safety_cases));
}

static void
test_inline(void **state)
{
	char	*s;

	s = clean_inline("Breaking: <b>storm</b> &amp; floods\n in  Brest");
	assert_string_equal(s, "Breaking: storm & floods in Brest");
	free(s);
	s = clean_inline("No markup at all");
	assert_string_equal(s, "No markup at all");
	free(s);
}

/*
 * 100,000 nested elements must not crash or hang; the parser gives up
 * below its depth limit, but the text before the nesting stays.
 */
static void
test_deep_nesting(void **state)
{
	struct buf	 b;
	char		*text;
	int		 i;

	buf_init(&b, 0);
	buf_adds(&b, "<p>top</p>");
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "<div>");
	buf_adds(&b, "bottom");
	text = clean_fragment(b.data, b.len, NULL);
	assert_non_null(strstr(text, "top"));
	free(text);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_safety),
		cmocka_unit_test(test_inline),
		cmocka_unit_test(test_deep_nesting),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
