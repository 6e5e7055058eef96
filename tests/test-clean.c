/*
 * Unit tests for the cleaner: feed item HTML into reading text as tables
 * of {html, expected text}, page metadata and charsets, and the fixture
 * pages of tests/data/pages with their expected output.
 */
#include "config.h"

#include <dirent.h>
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
	{ "br in a hand-wrapped sentence", "<p>Die F\xc3\xa4hre nach Borkum "
	  "f\xc3\xa4hrt im Winter nur zweimal am Tag, und<br>\xc3\xbc" "ber "
	  "Weihnachten gar nicht.<br>Tickets gibt es am Hafen.</p>",
	  "Die F\xc3\xa4hre nach Borkum f\xc3\xa4hrt im Winter nur zweimal "
	  "am Tag, und \xc3\xbc" "ber Weihnachten gar nicht.\nTickets gibt es am "
	  "Hafen." },
	{ "br after a short verse line", "<p>the tide comes in at night<br>"
	  "and leaves the harbour bare</p>",
	  "the tide comes in at night\nand leaves the harbour bare" },
	{ "br before an address", "<p>Sources for the timetable and the "
	  "winter service of the ferry<br>https://faehre.example/winter</p>",
	  "Sources for the timetable and the winter service of the ferry\n"
	  "https://faehre.example/winter" },
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
	{ "a list opening a list item", "<ul><li><ul><li>Kai</li></ul></li>"
	  "</ul>", "- Kai" },
	{ "list items whose text is in blocks keep their marks",
	  "<ul><li><p>Sauerteig</p></li><li><p>Roggenmehl</p></li></ul>",
	  "- Sauerteig\n\n- Roggenmehl" },
	{ "a numbered item's heading on its number's line",
	  "<ol><li><h3>Fotografia m\xc3\xb3vel</h3><p>Os telem\xc3\xb3veis "
	  "rivalizam com as c\xc3\xa2maras.</p></li><li><div><h3>Macro</h3>"
	  "</div></li></ol>", "1. Fotografia m\xc3\xb3vel\n\nOs "
	  "telem\xc3\xb3veis rivalizam com as c\xc3\xa2maras.\n\n2. Macro" },
	{ "blockquote", "<p>He said:</p><blockquote><p>Not today.</p>"
	  "</blockquote>", "He said:\n\n> Not today." },
	{ "table", "<table><tr><th>City</th><th>Rain</th></tr><tr><td>Brest"
	  "</td><td>12 mm</td></tr></table>", "City | Rain\nBrest | 12 mm" },
	{ "pre", "<pre>  x = 1\n  y = 2</pre>", "  x = 1\n  y = 2" },
	{ "image alt", "<p><img src=\"a.jpg\" alt=\"The quay at dawn\"> "
	  "Photo.</p>", "[image: The quay at dawn] Photo." },
	{ "image no alt", "<p><img src=\"a.jpg\">Caption</p>", "Caption" },
	{ "image file name", "<p><img src=\"a.jpg\" alt=\"IMG_3886.JPG\"> "
	  "Photo.</p>", "Photo." },
	{ "image one word", "<p><img src=\"a.jpg\" alt=\"hero-image\"> "
	  "Photo.</p>", "Photo." },
	{ "an icon font's glyph name", "<p>Weiter zum Hafen <span class=\""
	  "material-symbols-outlined\">arrow_forward</span></p><p><i class=\""
	  "material-icons\">expand_more</i> Mehr</p>",
	  "Weiter zum Hafen\n\nMehr" },
	{ "image a logo", "<p><img src=\"a.png\" alt=\"Radio Bremen "
	  "Logo\"> Text.</p>", "Text." },
	{ "image an icon, first word", "<p><img src=\"c.svg\" alt=\"Icono de "
	  "reloj\"> Text.</p>", "Text." },
	{ "image of a logo contest", "<p><img src=\"k.jpg\" alt=\"Kinder "
	  "beim Logo-Wettbewerb\"> Text.</p>",
	  "[image: Kinder beim Logo-Wettbewerb] Text." },
	{ "image a headshot", "<p><img src=\"h.jpg\" alt=\"Headshot of "
	  "Ana Ruiz\"> Text.</p>", "Text." },
	{ "image of an ecologist", "<p><img src=\"e.jpg\" alt=\"Retrato de "
	  "un ec\xc3\xb3logo\"> Text.</p>",
	  "[image: Retrato de un ec\xc3\xb3logo] Text." },
	{ "image and its caption", "<figure><img src=\"a.jpg\" alt=\"The "
	  "quay at dawn\"><figcaption>The quay at dawn, from the ferry."
	  "</figcaption></figure>", "The quay at dawn, from the ferry." },
	{ "image in a link", "<p><a href=\"/sale\"><img src=\"b.png\" "
	  "alt=\"Spring sale banner\"></a> Text.</p>", "Text." },
	{ "image linked to itself", "<p><a href=\"/big.jpg\"><img src=\"a.jpg"
	  "\" alt=\"The quay\"></a></p>", "[image: The quay]" },
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

static const struct clean_case furniture_cases[] = {
	{ "a rating widget's numbers as a list", "<p>Story.</p><ul><li>1</li>"
	  "<li>2</li><li>3</li><li>4</li><li>5</li></ul><p>More.</p>",
	  "Story.\n\nMore." },
	{ "a guide's step number alone stays", "<p>Story.</p><p>3</p>"
	  "<h3>Knead the dough</h3>", "Story.\n\n3\n\nKnead the dough" },
	{ "a pager's place and a loading placeholder", "<p>Story.</p><p>Page 1 "
	  "of 8</p><p>Loading specifications\xe2\x80\xa6</p><p>Loading "
	  "paragraph...</p><p>More.</p>", "Story.\n\nMore." },
	{ "an advertisement's label inside the story",
	  "<p>Story.</p><p>Article continues below</p><p>More.</p>",
	  "Story.\n\nMore." },
	{ "a comparison widget's label", "<p>Story.</p><p>Select up to 3</p>"
	  "<p>More.</p>", "Story.\n\nMore." },
	{ "a button's words without a link", "<p>Story.</p><p>Get it now</p>"
	  "<p>Read reviews</p><p>More.</p>", "Story.\n\nMore." },
	{ "a picture waiting for its script says nothing", "<p>Story.</p>"
	  "<p><img src=\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/"
	  "2000/svg' viewBox='0 0 0 0'%3E%3C/svg%3E\" alt=\"Die Messehalle am "
	  "Abend\"></p><p>More.</p>", "Story.\n\nMore." },
	{ "a picture with no address at all says nothing", "<p>Story.</p>"
	  "<p><img alt=\"Le quai des p\xc3\xaa" "cheurs\"></p><p>More.</p>",
	  "Story.\n\nMore." },
	{ "an inline drawing keeps its alt",
	  "<p><img src=\"data:image/svg+xml,<svg xmlns='http://www.w3.org/"
	  "2000/svg'><path d='M0 0h9v9z'/></svg>\" alt=\"Plan du port de "
	  "Brest\"></p>",
	  "[image: Plan du port de Brest]" },
	{ "a placeholder with its picture waiting elsewhere keeps its alt",
	  "<p><img src=\"data:image/svg+xml,<svg></svg>\" data-src=\"/k.jpg\" "
	  "alt=\"Der Kai im Winter\"></p>", "[image: Der Kai im Winter]" },
	{ "a call to rate the recipe", "<p>Story.</p><p>Did you bake this "
	  "loaf? Please take a moment to leave a star rating below, and tell "
	  "me in the comments how your crust turned out and which flour you "
	  "used for it.</p><p>More.</p>", "Story.\n\nMore." },
	{ "a Spanish call to rate the recipe", "<p>Story.</p><p>\xc2\xbf"
	  "Hiciste esta receta? Por favor, deja tu valoraci\xc3\xb3n con "
	  "estrellas.</p><p>More.</p>", "Story.\n\nMore." },
	{ "how ratings work asks nothing", "<p>Buyers can leave a review "
	  "after each order, and the shop shows the average star rating.</p>",
	  "Buyers can leave a review after each order, and the shop shows "
	  "the average star rating." },
	{ "a call with a dash before its link", "<p>Story.</p><p><strong>"
	  "Lesen Sie auch</strong>\xe2\x80\x93<a href=\"/hafen\">Die "
	  "F\xc3\xa4hre f\xc3\xa4hrt wieder nach Plan, sagt die Reederei, "
	  "und zwar ab Montag</a></p><p>More.</p>", "Story.\n\nMore." },
	{ "a phrase running into a letter beyond ASCII stays", "<p>Story.</p>"
	  "<p>Compartir\xc3\xa9 la receta de mi abuela.</p><p>More.</p>",
	  "Story.\n\nCompartir\xc3\xa9 la receta de mi abuela.\n\nMore." },
	{ "a sign-up line its link cuts in two", "<p>Story.</p><p><em>Want "
	  "more from the harbour desk?</em> <a href=\"/join\">Sign up</a> for "
	  "our newsletter and read the week's best.</p><p>More.</p>",
	  "Story.\n\nMore." },
	{ "a row of rating stars", "<p>Story.</p><p>\xe2\x98\x85\xe2\x98\x85"
	  "\xe2\x98\x85 \xe2\x98\x86</p><p>More.</p>", "Story.\n\nMore." },
	{ "a paragraph of a lone joiner", "<p>Story.</p><p>\xe2\x80\x8d</p>"
	  "<p>More.</p>", "Story.\n\nMore." },
	{ "a reading time", "<p>Lesezeit: 4 Minuten</p><p>Story.</p>",
	  "Story." },
	{ "a sentence on reading time stays", "<p>Reading time fell by a "
	  "third once the harbour library opened.</p>", "Reading time fell by "
	  "a third once the harbour library opened." },
	{ "a post's tags", "<p>Story.</p><p>Schlagw\xc3\xb6rter: Hafen, "
	  "F\xc3\xa4hren, Kr\xc3\xa4ne</p><p>More.</p>", "Story.\n\nMore." },
	{ "a sentence opening with 'Posted in' stays", "<p>Posted in 1902, "
	  "the letter reached the harbour a year late.</p>", "Posted in 1902, "
	  "the letter reached the harbour a year late." },
	{ "an unexpanded shortcode", "<p>Story.</p><p>[video-player "
	  "id=\"k7\" title=\"Ein Film \xc3\xbc" "ber den Hafen\"]</p><p>More."
	  "</p>", "Story.\n\nMore." },
	{ "a bracketed aside with an equals sign stays", "<p>[note: x = 2 "
	  "here]</p>", "[note: x = 2 here]" },
	{ "code's closing brace stays", "<p>if (x) {</p><p>}</p>",
	  "if (x) {\n\n}" },
	{ "a line of emoji and words stays", "<p>\xe2\x98\x85 Stern "
	  "\xe2\x98\x85</p>", "\xe2\x98\x85 Stern \xe2\x98\x85" },
	{ "read also link", "<p>Story.</p><p><b>Read Also:</b> <a href=\"/a\">"
	  "Another story about the harbour wall and its repairs</a></p>",
	  "Story." },
	{ "phrase in prose stays", "<p>Residents who read also the small "
	  "print found that the plan had changed twice since spring.</p>",
	  "Residents who read also the small print found that the plan had "
	  "changed twice since spring." },
	{ "comment form lines", "<p>Story.</p><div>Leave A Reply</div>"
	  "<div>Please enter your comment!</div><div>Please enter your name "
	  "here</div>", "Story." },
	{ "calls to share and to jump", "<p>Story.</p><p>SHARE YOUR STORY</p>"
	  "<p><a href=\"#r\">Jump to Recipe</a></p><p>Sponsor this "
	  "newsletter</p>", "Story." },
	{ "author box and time stamp", "<p>Story.</p><p>Updated 12:24 am "
	  "EST</p><p>-</p><p><a href=\"/a\">View author archive</a></p><p>"
	  "<a href=\"/f\">Get author RSS feed</a></p>", "Story." },
	{ "russian", "<p>Новость.</p><p>Читайте также: <a href=\"/b\">Другая "
	  "новость о мосте</a></p>", "Новость." },
	{ "french", "<p>Texte.</p><p>Lire aussi : <a href=\"/c\">Un autre "
	  "article</a></p>", "Texte." },
	{ "german", "<p>Text.</p><p>Lesen Sie auch: <a href=\"/d\">Ein "
	  "anderer Artikel</a></p>", "Text." },
	{ "spanish", "<p>Texto.</p><p>Lee también: <a href=\"/e\">Otra "
	  "noticia</a></p>", "Texto." },
	{ "advertisement", "<p>One.</p><p>ADVERTISEMENT</p><p>Two.</p>",
	  "One.\n\nTwo." },
	{ "appeared first", "<p>Body.</p><p>The post <a href=\"/p\">Tide "
	  "tables</a> appeared first on <a href=\"/\">Port News</a>.</p>",
	  "Body." },
	{ "share and related classes", "<p>Body.</p><div class=\"share-"
	  "buttons\"><a href=\"/f\">Facebook</a></div><div class=\"related-"
	  "posts\"><a href=\"/g\">Other</a></div><div id=\"respond\">"
	  "Reply</div>", "Body." },
	{ "hidden", "<p>Seen.</p><p style=\"display: none\">Unseen.</p>"
	  "<div hidden>Nor this.</div>", "Seen." },
	{ "double escaped", "&lt;p&gt;First.&lt;/p&gt;&lt;p&gt;Second &amp;amp;"
	  " third.&lt;/p&gt;", "First.\n\nSecond & third." },
	{ "links numbered once", "<p><a href=\"https://a.example/\">A</a>, "
	  "<a href=\"https://b.example/\">B</a>, <a href=\"https://a.example/"
	  "\">A again</a>, <a href=\"#top\">top</a>.</p>",
	  "A, B, A again, top." },
	{ "zero width and bidi", "<p>a\xe2\x80\x8b" "b\xe2\x80\xae" "c</p>",
	  "abc" },
	{ "photo credit", "<p>Story.</p><p>(Photo credit: Jane Doe / "
	  "Harbour Press)</p>", "Story." },
	{ "call to action", "<p>Story.</p><p>Get the week's stories "
	  "delivered to your inbox.</p>", "Story." },
	{ "related link", "<p>Story.</p><p>Related: <a href=\"/w\">The "
	  "wall that held</a></p>", "Story." },
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
test_furniture(void **state)
{
	clean_run(furniture_cases, UTIL_ARRLEN(furniture_cases));
}

static void
test_links(void **state)
{
	struct clean_article	 a;
	const char		*html = "<p>See <a href=\"/tides/\">the tide "
	    "tables</a> and <a href=\"https://x.example/\">X</a>.</p>";

	clean_fragment_article(html, strlen(html), "https://port.example/news/",
	    &a);
	/* Stored and searched text has no marks; the shown copy numbers. */
	assert_string_equal(a.text, "See the tide tables and X.");
	assert_string_equal(a.numbered, "See the tide tables[1] and X[2].");
	assert_int_equal(a.nlinks, 2);
	assert_string_equal(a.links[0].url, "https://port.example/tides/");
	assert_string_equal(a.links[0].text, "the tide tables");
	assert_string_equal(a.links[1].url, "https://x.example/");
	clean_article_free(&a);
	/* The same link twice keeps its number in the shown copy. */
	html = "<p><a href=\"https://a.example/\">A</a> then <a href=\""
	    "https://a.example/\">A again</a></p>";
	clean_fragment_article(html, strlen(html), NULL, &a);
	assert_string_equal(a.numbered, "A[1] then A again[1]");
	assert_int_equal(a.nlinks, 1);
	clean_article_free(&a);
}

/* Page metadata: headline without the site name, byline, date, JSON-LD. */
static void
test_page_meta(void **state)
{
	struct clean_article	 a;
	const char		*html = "<html lang=\"de\"><head><title>Die "
	    "Fähre fährt wieder | Stadtnotizen</title><meta property=\""
	    "og:site_name\" content=\"Stadtnotizen\"><meta name=\"author\" "
	    "content=\"Jonas Weber\"><meta property=\"article:published_time"
	    "\" content=\"2026-06-03\"><meta property=\"og:image\" content=\""
	    "/img/f.jpg\"></head><body><h1>Die Fähre fährt wieder</h1><p>Seit "
	    "Montag verkehrt die Fähre zwischen Ziegelhausen und Schlierbach "
	    "wieder nach dem alten Fahrplan, teilte die Stadt mit.</p></body>"
	    "</html>";

	assert_int_equal(clean_page(html, strlen(html),
	    "https://stadt.example/a/", NULL, &a), 0);
	assert_string_equal(a.title, "Die Fähre fährt wieder");
	assert_string_equal(a.site_name, "Stadtnotizen");
	assert_string_equal(a.byline, "Jonas Weber");
	assert_string_equal(a.published, "2026-06-03");
	assert_string_equal(a.lang, "de");
	assert_string_equal(a.image, "https://stadt.example/img/f.jpg");
	assert_non_null(strstr(a.text, "Seit Montag"));
	assert_null(strstr(a.text, "Die Fähre fährt wieder"));
	clean_article_free(&a);
}

/* Whole pages: a sentence that must be in the text and one that must not. */
struct clean_page_case {
	const char	*name;
	const char	*html;
	const char	*want;
	const char	*unwanted;
};

#define PAGE_PROSE "<p>The harbour board met on Tuesday evening, and after " \
	"two hours of questions it agreed to rebuild the eastern wall.</p>" \
	"<p>Work begins in March, the board said, and the ferry keeps its " \
	"timetable while the cranes are on the quay.</p><p>Fishermen, who " \
	"had asked for the repair since the storms of 2019, welcomed it.</p>"

/* Teasers of other stories: a headline link, then a short standfirst. */
#define TEASER(tag, head, text) "<" tag " class=\"teaser\"><h3><a href=" \
	"\"/t\">" head "</a></h3><p>" text "</p></" tag ">"
#define TEASERS_DE \
	TEASER("div", "Stadtrat streitet über neue Parkgebühren am Hafen", \
	"Die Gebühren sollen im Sommer steigen, doch Händler, Anwohner und " \
	"Gastwirte fürchten, dass weniger Gäste kommen, und sammeln " \
	"Unterschriften.") \
	TEASER("div", "Hochwasser: Pegel am Rhein sinkt langsam wieder", \
	"Nach Tagen mit Regen, Sturm und vollen Kellern entspannt sich die " \
	"Lage, die Feuerwehr bleibt aber bereit, und die Stege bleiben zu.") \
	TEASER("div", "Neue Radwege rund um den See sind fertig", \
	"Auf fast zwanzig Kilometern fahren Radfahrer jetzt getrennt vom " \
	"Autoverkehr, die Gemeinden teilen sich die Kosten, und im Frühjahr " \
	"folgt der nächste Abschnitt.") \
	TEASER("div", "Schulen bekommen mehr Geld für Sanierungen", \
	"Das Land gibt zusätzliche Mittel, damit Dächer, Fenster und " \
	"Heizungen erneuert werden, doch die Anträge müssen bis März " \
	"gestellt sein.") \
	TEASER("div", "Markthalle öffnet nach dem Umbau wieder", \
	"Nach zwei Jahren Bauzeit, vielen Verzögerungen und höheren Kosten " \
	"kehren die Händler zurück, und am Wochenende gibt es ein Fest.") \
	TEASER("div", "Eishockey: Lindau gewinnt das Derby knapp", \
	"Vor vollem Haus, mit viel Lärm und zwei Toren im letzten Drittel, " \
	"holten die Gastgeber den Sieg, und sie stehen wieder auf einem " \
	"Playoff-Platz.")
#define TEASERS_ES \
	TEASER("li", "Los estibadores convocan huelga en el puerto", \
	"El paro afectaría a la descarga de contenedores durante cinco días, " \
	"según los sindicatos, que piden más plantilla y mejores turnos.") \
	TEASER("li", "La biblioteca amplía su horario en época de exámenes", \
	"Abrirá hasta la medianoche de lunes a sábado, con más personal, más " \
	"puestos de estudio y préstamo de portátiles.") \
	TEASER("li", "Vecinos del casco antiguo piden más limpieza", \
	"La asociación ha reunido mil firmas, las entregará el jueves en el " \
	"pleno y exige un nuevo contrato de recogida de basura.") \
	TEASER("li", "El equipo de balonmano asciende de categoría", \
	"Ganó todos los partidos de la liga, con un pabellón lleno cada " \
	"semana, y jugará en la categoría de plata el próximo otoño.")

/* A story told twice: in JSON-LD's articleBody and in the page. */
#define MOST_1 "Budowa nowego mostu na Wiśle w Toruniu ruszy w kwietniu, " \
	"poinformował w poniedziałek prezydent miasta."
#define MOST_2 "Przeprawa połączy osiedla na prawym brzegu z centrum i ma " \
	"odciążyć stary most, po którym codziennie przejeżdżają tysiące aut."
#define MOST_3 "Most będzie miał dwie jezdnie, ścieżkę rowerową i chodniki, " \
	"a jego koszt szacuje się na ponad czterysta milionów złotych."
#define MOST_4 "Prace mają potrwać trzy lata, a w tym czasie kierowcy muszą " \
	"liczyć się z utrudnieniami na bulwarze."
#define MOST_5 "Mieszkańcy pytali o hałas i o drzewa, które trzeba będzie " \
	"wyciąć; urzędnicy obiecali nowe nasadzenia wzdłuż trasy."
#define MOST_LD(body) "<script type=\"application/ld+json\">{\"@type\":" \
	"\"NewsArticle\",\"articleBody\":\"" body "\"}</script>"

/* A page's indents, as a site's account of a story may keep them. */
#define MOST_PAD "\\n                                                  " \
	"                                                            " \
	"                                                            " \
	"                                                            \\n"

/* A reader's comment, in a layout whose classes say nothing. */
#define REPLY(text) "<div class=\"c-item\"><div class=\"c-who\">Lecteur" \
	"</div><div class=\"c-body\"><p>" text "</p></div></div>"

/* One part of a guide, its text five wrappers down, its class its own. */
#define SECTION(n, body) "<section class=\"part-" n "\"><h2>Teil " n \
	"</h2><div class=\"w1\"><div class=\"w2\"><div class=\"w3\"><div " \
	"class=\"w4\"><div class=\"w5\">" body "</div></div></div></div>" \
	"</div></section>"

/* One pick of a round-up: its number, picture, name and summary. */
#define PICK(n, name, text) "<div class=\"pick\"><div>" n "</div><div><a " \
	"href=\"/r" n "\"><img src=\"/r" n ".jpg\" alt=\"\"></a></div><div>" \
	"<h3>" name "</h3><div><span>" text "</span></div><a href=\"/r" n \
	"\">Alla ricetta</a></div></div>"

/* A university in a guide: prose, then a row of its own links. */
#define UNI(name, text) "<div class=\"uni\"><h3>" name "</h3><p>" text \
	"</p><div class=\"enlaces\"><a href=\"/u/admision\">Admisi\xc3\xb3n y " \
	"plazos de matr\xc3\xad" "cula en la " name "</a> <a href=\"/u/becas\">" \
	"Becas y ayudas al estudio</a> <a href=\"/u/web\">Visitar la web " \
	"oficial</a></div></div>"

/* A second story's paragraphs, and a last one, for promotions amid. */
#define KAI_PROSE "<p>Der Kai im S\xc3\xbc" "dhafen wird ab Mai gesperrt, " \
	"weil die alten Spundw\xc3\xa4nde nachgeben, wie ein Gutachten " \
	"zeigt.</p><p>Die Fischer m\xc3\xbcssen f\xc3\xbcr ein Jahr an " \
	"den Nordsteg umziehen, wo die Stadt neue Poller setzen l\xc3\xa4sst." \
	"</p><p>Der Hafenmeister rechnet mit Staus an der Tankstelle, " \
	"vor allem im Sommer, wenn die Segler kommen.</p>"
#define KAI_LAST "<p>Die Hafenbeh\xc3\xb6rde will die Arbeiten im Herbst " \
	"ausschreiben, und die F\xc3\xa4hren fahren weiter nach Plan.</p>"

/* A story, its questions in a section of the body's kind, a box after. */
#define MUELLE_HEAD \
	"<html><body><div class=\"page\"><div class=\"node\"><div " \
	"class=\"blog-body\"><div class=\"field field--name-body\"><p>El " \
	"ayuntamiento de Cádiz aprobó el martes, tras un largo debate, el " \
	"plan para reformar el muelle de poniente, que lleva años cerrado " \
	"al público.</p><p>Las obras, que costarán once millones de euros, " \
	"empezarán en otoño y durarán, según el proyecto, unos dieciocho " \
	"meses.</p><p>Los pescadores, que temían perder sus amarres, " \
	"tendrán un pantalán provisional junto a la lonja, con agua, luz y " \
	"vigilancia.</p><p>La oposición, aunque apoyó el plan, pidió que " \
	"se publiquen los informes técnicos, las cuentas y el calendario " \
	"de cada fase.</p><p>El alcalde, por su parte, prometió una " \
	"reunión con los vecinos del barrio antes de que lleguen las " \
	"primeras máquinas.</p><p>Los comerciantes del paseo, que llevan " \
	"años pidiendo la reforma, celebraron la noticia, aunque temen, " \
	"dicen, un verano sin clientes.</p><p>El proyecto incluye, además, " \
	"un carril para bicicletas, bancos nuevos, árboles y una pasarela " \
	"que unirá el muelle con la playa.</p><p>Las primeras " \
	"licitaciones, según la concejala de Urbanismo, se publicarán en " \
	"junio, con plazos cortos y reglas claras.</p></div><div " \
	"class=\"share-bar\"><a href=\"/s/fb\">Facebook</a> <a " \
	"href=\"/s/x\">X</a></div><div class=\"field " \
	"field--name-more-sections\"><div class=\"item\"><div " \
	"class=\"row\"><div class=\"col\"><h2>Preguntas " \
	"frecuentes</h2><div class=\"qa\"><div class=\"qa-in\"><p>¿Cuándo " \
	"se podrá volver a pasear por el muelle? Según el proyecto, el " \
	"paseo abrirá por tramos a partir del verano siguiente, cuando " \
	"termine la primera fase de la obra.</p></div></div><div " \
	"class=\"qa\"><div class=\"qa-in\"><p>¿Qué pasa con los barcos de " \
	"recreo? Se trasladarán al puerto deportivo durante las obras, sin " \
	"coste para sus dueños, y volverán cuando el nuevo pantalán esté " \
	"listo.</p></div></div><div class=\"qa\"><div " \
	"class=\"qa-in\"><p>¿Quién paga la reforma? La Autoridad Portuaria " \
	"pone la mitad del dinero, y el resto llega de fondos europeos y " \
	"de la Junta, según el convenio firmado en " \
	"marzo.</p></div></div><div class=\"qa\"><div " \
	"class=\"qa-in\"><p>¿Habrá cortes de tráfico? Solo en la avenida " \
	"del puerto y de noche, mientras llegan los camiones con las " \
	"piedras del nuevo " \
	"dique.</p></div></div></div></div></div></div><div "
#define MUELLE_TAIL \
	"><div class=\"inner\"><div class=\"box\"><div " \
	"class=\"box-in\"><p>Suscríbase a nuestro boletín de la mañana y " \
	"reciba cada día en su correo las noticias de la bahía y del " \
	"puerto antes que nadie, cada mañana, y sin pagar nada por ello ni " \
	"dar más datos que su dirección de correo.</p><p>Nuestros " \
	"periodistas responden a las preguntas de los lectores cada " \
	"viernes por la tarde en directo desde la redacción del periódico " \
	"y también por teléfono a quien llame antes de las doce del " \
	"mediodía.</p><p>También puede escribirnos para enviar fotos o " \
	"proponer temas que le parezcan importantes para la vida de la " \
	"ciudad y de sus barrios más olvidados por el ayuntamiento, por la " \
	"prensa y por los periódicos de la " \
	"capital.</p></div></div></div></div></div></div></div></body></html>"

/* A French round-up's three kettles, as two of the cases give it. */
#define KETTLE_PICKS \
	"class=\"picks\"><div class=\"grid\"><div " \
	"class=\"picks-title\"><h2>Nos trois bouilloires " \
	"préférées</h2></div><ul class=\"pick-list\"><li><h3>1. La Vapeur " \
	"17</h3><p>Elle chauffe un litre en deux minutes, sans bruit, et " \
	"son filtre, facile à rincer, retient bien le calcaire.</p><p>Le " \
	"couvercle, large, s'ouvre d'une main, et la poignée, en bois, ne " \
	"chauffe jamais, même après plusieurs cycles.</p><p>Son seul " \
	"défaut, selon nous, tient au cordon, un peu court, qui oblige à " \
	"la poser près de la prise.</p></li><li><h3>2. Kettle " \
	"Duo</h3><p>Ce modèle, plus cher, règle la température au degré " \
	"près, ce qui plaira, sans doute, aux amateurs de thé " \
	"vert.</p><p>Le socle, stable, garde l'eau au chaud pendant trente " \
	"minutes, et l'écran, lisible, affiche la température " \
	"exacte.</p><p>En revanche, la cuve, en acier brossé, garde les " \
	"traces de doigts, et le bip, strident, finit par " \
	"agacer.</p></li><li><h3>3. Petit Matin</h3><p>Petite, légère, bon " \
	"marché, elle convient aux studios, aux bureaux et, pourquoi pas, " \
	"aux vacances en camping.</p><p>Sa contenance, de huit cents " \
	"millilitres, suffit pour quatre tasses, et elle coupe seule, à " \
	"vide, sans danger.</p><p>Le plastique, hélas, donne à l'eau un " \
	"goût léger les premiers jours, qui disparaît, heureusement, après " \
	"quelques usages.</p></li></ul></div></section><section "

static const struct clean_page_case page_cases[] = {
	{ "furniture around the story that articleBody tells cut",
	  "<html><head>" MOST_LD(MOST_1 " " MOST_2 " " MOST_3 " " MOST_4 " "
	  MOST_5) "</head><body><div class=\"tresc\"><p>Posłuchaj artykułu "
	  "w wersji skróconej</p><p>" MOST_1 "</p><p>" MOST_2 "</p><p>" MOST_3
	  "</p><p>" MOST_4 "</p><p>" MOST_5 "</p><p>Anna Kowalczyk od lat "
	  "pisze o inwestycjach miejskich i transporcie.</p></div></body>"
	  "</html>", "nasadzenia wzdłuż trasy.", "Anna Kowalczyk" },
	{ "a summary in articleBody cuts none of the story",
	  "<html><head>" MOST_LD(MOST_1 " " MOST_2 " " MOST_3 " " MOST_4)
	  "</head><body><div class=\"tresc\"><p>" MOST_1 "</p><p>" MOST_2
	  "</p><p>" MOST_3 "</p><p>" MOST_4 "</p><p>" MOST_5 "</p><p>Wojewoda "
	  "zapowiedział, że w przyszłym roku ogłosi przetarg na drugi etap "
	  "trasy, który połączy most z obwodnicą i z nowym dworcem.</p><p>"
	  "Spotkanie z mieszkańcami odbędzie się w czwartek.</p></div>"
	  "</body></html>", "odbędzie się w czwartek.", NULL },
	{ "an Italian note on the author named in the metadata cut",
	  "<html><head><meta name=\"author\" content=\"Giulia Russo\">"
	  "</head><body><article>" PAGE_PROSE "<p><img src=\"/gr.jpg\" "
	  "alt=\"Giulia Russo\"></p><p>Giulia Russo segue da dieci anni la "
	  "cronaca del porto di Genova e dei suoi cantieri.</p></article>"
	  "</body></html>", "welcomed it.", "cronaca del porto" },
	{ "French readers' comments beside the microdata story left out",
	  "<html><body><div class=\"page\"><div itemscope><h1>Piscine</h1>"
	  "<div itemprop=\"articleBody\"><p>Le conseil municipal a voté "
	  "jeudi la rénovation de la piscine, fermée depuis deux ans pour des "
	  "raisons de sécurité.</p><p>Les travaux, estimés à six millions "
	  "d'euros, commenceront au printemps et dureront dix-huit mois.</p>"
	  "<p>Les clubs de natation ont salué une décision attendue.</p><p>La "
	  "nouvelle piscine aura un bassin de cinquante mètres.</p></div>"
	  "</div><div class=\"reactions\">" REPLY("Enfin, il était temps, "
	  "mais six millions, c'est beaucoup d'argent, quand on voit l'état "
	  "des écoles, des routes et des trottoirs du quartier.") REPLY("Je "
	  "nage depuis trente ans dans cette piscine, et le problème, ce n'est "
	  "pas le bâtiment, c'est l'entretien, jamais fait correctement.")
	  REPLY("Dix-huit mois, vous y croyez, vous ? Moi, je parie sur trois "
	  "ans, comme pour la médiathèque, comme pour le gymnase, comme pour "
	  "tout le reste.") REPLY("Les panneaux solaires, c'est bien, mais qui "
	  "va payer le chauffage de l'eau en hiver, et les tarifs vont-ils "
	  "encore augmenter ?") "</div></div></body></html>",
	  "bassin de cinquante mètres.", "Dix-huit mois, vous" },
	{ "short Dutch cells of a data table kept",
	  "<html><body><article>" PAGE_PROSE "<table><tr><td><div>Traject"
	  "</div></td><td><div>Lengte</div></td></tr><tr><td><div>Noordkade"
	  "</div></td><td><div>12,4 km</div></td></tr><tr><td><div>Oosthaven"
	  "</div></td><td><div>8,1 km</div></td></tr><tr><td><div>Zuidpier"
	  "</div></td><td><div>3,7 km</div></td></tr></table>" PAGE_PROSE
	  "</article></body></html>", "12,4 km", NULL },
	{ "a Dutch caption under slide, thumbnail and lightbox kept once",
	  "<html><body><article><div class=\"gallery\"><div><img src=\"/1.jpg"
	  "\" alt=\"De sluis\"><p>De nieuwe sluis bij zonsopgang, gezien vanaf "
	  "de dijk.</p></div><div><img src=\"/1t.jpg\" alt=\"De sluis\"><span>"
	  "De nieuwe sluis bij zonsopgang, gezien vanaf de dijk.</span></div>"
	  "<div><p>De nieuwe sluis bij zonsopgang, gezien vanaf de dijk.</p>"
	  "</div></div>" PAGE_PROSE "</article></body></html>",
	  "gezien vanaf de dijk.", "de dijk.\n\nDe nieuwe sluis" },
	{ "Swedish answers folded in an accordion kept",
	  "<html><body><article>" PAGE_PROSE "<h2>Vanliga frågor</h2><div "
	  "class=\"faq\"><h3><button id=\"q1\">Hur mycket kostar en "
	  "solpanel?</button></h3><div role=\"region\" aria-labelledby=\"q1\" "
	  "style=\"display:none\"><p>En vanlig anläggning på ett villatak "
	  "kostar mellan 80 000 och 150 000 kronor före skatteavdrag.</p>"
	  "</div><h3><button id=\"q2\">Hur länge håller panelerna?</button>"
	  "</h3><div class=\"accordion-body\" style=\"display: none\"><p>De "
	  "flesta tillverkare lovar att panelerna ger minst åttio procent "
	  "efter tjugofem år.</p></div></div><p style=\"display:none\">Dold "
	  "reklam som ingen ser.</p></article></body></html>",
	  "minst åttio procent", "Dold reklam" },
	{ "a Swedish table of contents cut with its heading",
	  "<html><body><article>" PAGE_PROSE "<h2>Innehåll</h2><ul><li><a "
	  "href=\"#kostnad\">Vad kostar det</a></li><li><a href=\"#bidrag\">"
	  "Bidrag och avdrag</a></li><li><a href=\"#tid\">Hur länge håller "
	  "de</a></li></ul><h2 id=\"kostnad\">Vad kostar det</h2><p>En "
	  "anläggning på ett villatak kostar mellan 80 000 och 150 000 "
	  "kronor.</p></article></body></html>", "150 000 kronor.",
	  "Innehåll" },
	{ "a Portuguese closing note on the site itself cut",
	  "<html><head><meta property=\"og:site_name\" content=\"Jornal do "
	  "Porto | Notícias da cidade\"></head><body><article>" PAGE_PROSE
	  "<p>O Jornal do Porto é um diário independente, feito por vinte "
	  "jornalistas e pago pelos seus leitores desde 1998.</p></article>"
	  "</body></html>", "welcomed it.", "diário independente" },
	{ "German teasers beside a short story left out",
	  "<html><body><div class=\"main\"><div class=\"story\"><h1>Fähre "
	  "fällt aus</h1><div class=\"story-body\"><p>Die Fähre zwischen "
	  "Bregenz und Lindau fährt bis Freitag nicht, weil ein Motor nach "
	  "dem Sturm repariert werden muss.</p><p>Pendler sollen auf den Zug "
	  "ausweichen, teilte die Reederei mit, die Tickets gelten dort.</p>"
	  "<p>Ab Samstag gilt wieder der Fahrplan.</p></div></div><div "
	  "class=\"more\">" TEASERS_DE "</div></div></body></html>",
	  "Ab Samstag gilt wieder", "Radwege" },
	{ "Spanish teasers with pictures beside a short story left out",
	  "<html><body><main><div class=\"nota\"><p>El ayuntamiento cerrará "
	  "el mercado central durante tres semanas para cambiar la cubierta "
	  "dañada por el granizo.</p><p>Los puestos de fruta y pescado se "
	  "trasladan a la plaza de la estación, dijo la concejala.</p><p>La "
	  "obra costará unos 400.000 euros.</p></div><ul class=\"otras\">"
	  TEASERS_ES "</ul></main></body></html>", "400.000 euros",
	  "estibadores" },
	{ "a round-up inside the story itself stays",
	  "<html><body><div class=\"post\"><div class=\"entry\">" PAGE_PROSE
	  "<div class=\"roundup\">" TEASER("div", "The ferry timetable for "
	  "the winter months", "Every crossing from November to March, with "
	  "the fares, the night boats and the holiday changes.")
	  TEASER("div", "How the eastern wall was built in 1911", "The "
	  "story of the first wall, the men who built it and the storm that "
	  "tested it a year later.") TEASER("div", "A walk along the quay "
	  "at low tide", "What to see between the lighthouse and the old "
	  "fish market, and where to stop for lunch.") "</div></div></div>"
	  "</body></html>", "the men who built it", NULL },
	{ "streamed parts moved into their holes",
	  "<html><body><main><h1>Wall</h1><template id=\"B:1\"></template>"
	  "<p>Short intro.</p></main><div hidden id=\"S:1\">" PAGE_PROSE
	  "</div></body></html>", "Fishermen, who had asked", NULL },
	{ "author note and call to action cut from the end",
	  "<html><body><article>" PAGE_PROSE "<p>Marta Vidal is a freelance "
	  "writer who covers ports and shipping.</p><p>Subscribe to our "
	  "weekly letter</p><p>Privacy Policy</p></article></body></html>",
	  "welcomed it.", "freelance writer" },
	{ "the author introducing herself by first name at the end, cut",
	  "<html><head><meta name=\"author\" content=\"Shivya Nath\"></head>"
	  "<body><article>" PAGE_PROSE KAI_PROSE "<p>Hi there! I\xe2\x80\x99m "
	  "Shivya, and I started this travel blog back in 2011, when ferries "
	  "still sold paper tickets.</p></article></body></html>", "Segler",
	  "started this travel blog" },
	{ "\"I'm\" before a word that starts with the author's name stays",
	  "<html><head><meta name=\"author\" content=\"Ana Ruiz\"></head>"
	  "<body><article>" PAGE_PROSE KAI_PROSE "<p>Tomorrow I\xe2\x80\x99m "
	  "Anaheim-bound with the crew, and the ferry waits for no one.</p>"
	  "</article></body></html>", "Anaheim-bound", NULL },
	{ "a note on the site, its name before a colon's tagline, cut",
	  "<html><head><meta property=\"og:site_name\" content=\"Hafenblatt: "
	  "Nachrichten von der K\xc3\xbcste\"></head><body><article>" PAGE_PROSE
	  KAI_PROSE "<p>Ich schreibe seit zehn Jahren f\xc3\xbcr das Hafenblatt "
	  "\xc3\xbc" "ber Schiffe, Werften und die Menschen am Kai.</p>"
	  "</article></body></html>", "Segler", "zehn Jahren" },
	{ "disclosure cut from the start",
	  "<html><body><article><p>Disclosure: this page may contain "
	  "affiliate links, and we may earn a commission.</p>" PAGE_PROSE
	  "</article></body></html>", "The harbour board met", "commission" },
	{ "a real closing sentence stays",
	  "<html><body><article>" PAGE_PROSE "<p>The board meets again on "
	  "the first Monday of May.</p></article></body></html>",
	  "first Monday of May.", NULL },
	{ "a closing link list stays away",
	  "<html><body><article>" PAGE_PROSE "<h3>More from the harbour</h3>"
	  "<p>Ferry fares for 2026</p></article></body></html>",
	  "welcomed it.", "Ferry fares" },
	{ "markup after an early </html>",
	  "<html><body><h1>Wall</h1></body></html><div>" PAGE_PROSE "</div>",
	  "Fishermen, who had asked", NULL },
	{ "streamed part moved into its placeholder",
	  "<html><body><main><h1>Wall</h1><div><template id=\"P:2\">"
	  "</template></div><p>Short intro.</p></main><div hidden id=\"S:2\">"
	  PAGE_PROSE "</div></body></html>", "Fishermen, who had asked", NULL },
	{ "a closing list of more to read cut",
	  "<html><body><article>" PAGE_PROSE "<h3>Other posts you may enjoy"
	  "</h3><ul><li>Ferry fares for 2026, and what they buy</li></ul>"
	  "</article></body></html>", "welcomed it.", "Ferry fares" },
	{ "labels above the repeated headline cut",
	  "<html><head><meta property=\"og:title\" content=\"The wall will "
	  "be rebuilt\"></head><body><article><p>Harbour Notes</p><h1>The "
	  "wall will be rebuilt</h1>" PAGE_PROSE "</article></body></html>",
	  "The harbour board met", "Harbour Notes" },
	{ "a date alone at the start cut",
	  "<html><body><article><p>15 Dec, 2025</p>" PAGE_PROSE
	  "</article></body></html>", "The harbour board met", "Dec, 2025" },
	{ "footnotes cut",
	  "<html><body><article>" PAGE_PROSE "<section data-footnotes "
	  "class=\"footnotes\"><ol><li><p>The wall was last rebuilt in "
	  "1911. <a href=\"#ref-1\">back</a></p></li></ol></section>"
	  "</article></body></html>", "welcomed it.", "rebuilt in 1911" },
	{ "a link dressed as a button cut",
	  "<html><body><article>" PAGE_PROSE "<p><a class=\"btn btn-lg\" "
	  "href=\"/shop\">Buy the chart</a></p><p>The chart shows every "
	  "berth, and the board printed a thousand copies of it.</p>"
	  "</article></body></html>", "every berth", "Buy the chart" },
	{ "a button dressed as a link stays",
	  "<html><body><article>" PAGE_PROSE "<p><a class=\"btn-link\" "
	  "href=\"/fares\">Ferry fares for 2026</a></p><p>The chart shows "
	  "every berth, and the board printed a thousand copies of it.</p>"
	  "</article></body></html>", "Ferry fares for 2026", NULL },
	{ "the same link between items cut",
	  "<html><body><article><h2>Ferries</h2>" PAGE_PROSE
	  "<p><a href=\"https://fares.example/\">Compare fares at "
	  "fares.example</a></p><h2>Tugs</h2>" PAGE_PROSE
	  "<p><a href=\"https://fares.example/\">Compare fares at "
	  "fares.example</a></p><h2>Cranes</h2>" PAGE_PROSE
	  "<p><a href=\"https://fares.example/\">Compare fares at "
	  "fares.example</a></p><h2>Wall</h2>" PAGE_PROSE
	  "</article></body></html>", "Cranes", "Compare fares" },
	{ "a byline run into the name cut",
	  "<html><body><article><p>Written by<span>Marta Vidal</span></p>"
	  PAGE_PROSE "</article></body></html>", "The harbour board met",
	  "Marta Vidal" },
	{ "a photo credit under every picture kept once",
	  "<html><body><article><p><img src=\"/1.jpg\" alt=\"The quay at "
	  "dawn\"></p><p>Photo: Lena Berg / Harbour Post</p>" PAGE_PROSE
	  "<p><img src=\"/2.jpg\" alt=\"Cranes on the wall\"></p><p>Photo: "
	  "Lena Berg / Harbour Post</p><p>The chart shows every berth, and "
	  "the board printed a thousand copies of it.</p></article></body>"
	  "</html>", "every berth", "Harbour Post\n\nThe chart" },
	{ "a German most-read list cut with its heading",
	  "<html><body><article>" PAGE_PROSE "<h3>Meistgelesen</h3><ol><li>"
	  "<a href=\"/a\">Neue Fähre für den Bodensee bestellt</a></li><li>"
	  "<a href=\"/b\">Stadtrat streitet über Parkgebühren</a></li><li>"
	  "<a href=\"/c\">Hochwasser: Pegel am Rhein sinkt wieder</a></li>"
	  "</ol><p>The chart shows every berth, and the board printed a "
	  "thousand copies of it.</p></article></body></html>", "every berth",
	  "Meistgelesen" },
	{ "a Spanish most-read list cut, its headlines too",
	  "<html><body><article>" PAGE_PROSE "<p>Lo más leído</p><ul><li>"
	  "<a href=\"/a\">El puerto amplía el muelle norte</a></li><li>"
	  "<a href=\"/b\">Huelga de estibadores en Valencia</a></li><li>"
	  "<a href=\"/c\">Cae el tráfico de contenedores</a></li></ul>"
	  "<p>The chart shows every berth, and the board printed a thousand "
	  "copies of it.</p></article></body></html>", "every berth",
	  "Huelga de estibadores" },
	{ "a list under \"More ... guides\" cut, its headlines too",
	  "<html><body><article>" PAGE_PROSE "<h3>More Japan travel guides"
	  "</h3><ul><li><a href=\"/a\">Three days in Tottori by train</a>"
	  "</li><li><a href=\"/b\">Where to stay in Kanazawa</a></li><li>"
	  "<a href=\"/c\">A week on the Kumano Kodo</a></li></ul>"
	  "<p>The chart shows every berth, and the board printed a thousand "
	  "copies of it.</p></article></body></html>", "every berth",
	  "Where to stay in Kanazawa" },
	{ "a list under \"you may also be interested in\" cut",
	  "<html><body><article>" PAGE_PROSE "<p>You may also be interested "
	  "in the following reports:</p><ul><li><a href=\"/a\">State of "
	  "the ports, spring 2026</a></li><li><a href=\"/b\">Ferry traffic "
	  "in the Baltic</a></li><li><a href=\"/c\">Container prices this "
	  "winter</a></li></ul><p>The chart shows every berth, and the "
	  "board printed a thousand copies of it.</p></article></body>"
	  "</html>", "every berth", "Ferry traffic in the Baltic" },
	{ "a heading that says more than it lists stays",
	  "<html><body><article>" PAGE_PROSE "<h3>More ferries this summer"
	  "</h3><ul><li><a href=\"/a\">A second boat to the island</a>"
	  "</li><li><a href=\"/b\">Night crossings on Fridays</a></li><li>"
	  "<a href=\"/c\">Bicycles carried for free</a></li></ul>"
	  PAGE_PROSE "</article></body></html>", "Night crossings on Fridays",
	  NULL },
	{ "a list of sources without such a heading stays",
	  "<html><body><article>" PAGE_PROSE "<p>Sources</p><ul><li>"
	  "<a href=\"/a\">Harbour board minutes, March 2026</a></li><li>"
	  "<a href=\"/b\">Survey of the eastern wall</a></li><li>"
	  "<a href=\"/c\">Storm damage report of 2019</a></li></ul>"
	  PAGE_PROSE "</article></body></html>",
	  "Survey of the eastern wall", NULL },
	{ "a poem's last stanza, bare like the rest, stays",
	  "<html><body><article><h1>Talvisatama</h1><p>Jää narisee laiturin "
	  "alla<br>lokit istuvat paaluilla</p><p>kalastaja kantaa verkkoja"
	  "<br>kohti harmaata vajaa</p><p>ja illalla satama hiljenee</p>"
	  "</article></body></html>", "satama hiljenee", NULL },
	{ "a German cookie notice inside the story cut",
	  "<html><body><article>" PAGE_PROSE "<p>Diese Website verwendet "
	  "Cookies, um Ihnen das beste Erlebnis zu bieten. Mit einem Klick "
	  "auf \xe2\x80\x9e" "Akzeptieren\xe2\x80\x9c stimmen Sie der Nutzung "
	  "zu.</p>" PAGE_PROSE "</article></body></html>", "welcomed it.",
	  "verwendet Cookies" },
	{ "a story about browser cookies keeps them",
	  "<html><body><article>" PAGE_PROSE "<p>Safari blocks third-party "
	  "cookies by default, and Firefox keeps each site's cookies apart, so "
	  "a tracker sees far less of where a reader goes.</p>" PAGE_PROSE
	  "</article></body></html>", "third-party cookies", NULL },
	{ "everything after a Spanish copyright line cut",
	  "<html><body><article>" PAGE_PROSE PAGE_PROSE "<p>\xc2\xa9 2026 "
	  "Diario del Puerto. Todos los derechos reservados.</p><p>Redacci"
	  "\xc3\xb3n: calle del Muelle 4, Vigo. Tel\xc3\xa9" "fono 986 000 "
	  "123.</p></article></body></html>", "welcomed it.",
	  "calle del Muelle" },
	{ "a note on the author under its heading cut",
	  "<html><body><article>" PAGE_PROSE PAGE_PROSE "<h3>About the "
	  "author</h3><p>Mara Lindqvist has covered the harbour for ten years "
	  "and lives in Gothenburg with two dogs.</p></article></body></html>",
	  "welcomed it.", "Mara Lindqvist" },
	{ "a closing disclaimer cut",
	  "<html><body><article>" PAGE_PROSE PAGE_PROSE "<p>This article is "
	  "for informational purposes only; the harbour board's decisions "
	  "are published in its minutes.</p></article></body></html>",
	  "welcomed it.", "informational purposes" },
	{ "a German guide split into sections, each deep in wrappers, whole",
	  "<html><body><div class=\"page\"><div class=\"col\">"
	  SECTION("1", "<p>Wer im Herbst Tulpen setzt, braucht einen sonnigen "
	  "Platz, lockeren Boden und etwas Geduld, denn die Zwiebeln wollen "
	  "erst Wurzeln bilden, bevor der Frost kommt, und sie faulen, wenn "
	  "das Wasser steht.</p><p>Die Zwiebeln kommen etwa doppelt so tief "
	  "in die Erde, wie sie hoch sind, mit der Spitze nach oben, und wer "
	  "W\xc3\xbchlm\xc3\xa4use im Garten hat, setzt sie in einen Korb aus "
	  "feinem Draht.</p>")
	  SECTION("2", "<p>Im Fr\xc3\xbchjahr, wenn die ersten Bl\xc3\xa4tter "
	  "kommen, reicht etwas Kompost, und gegossen wird nur, wenn es lange "
	  "trocken bleibt.</p>")
	  SECTION("3", "<p>Nach der Bl\xc3\xbcte schneidet man nur die "
	  "Samenst\xc3\xa4nde ab, die Bl\xc3\xa4tter bleiben stehen, bis sie "
	  "gelb sind, denn sie n\xc3\xa4hren die Zwiebel.</p>")
	  SECTION("4", "<p>Fr\xc3\xbche Sorten bl\xc3\xbchen schon im "
	  "M\xc3\xa4rz, sp\xc3\xa4te erst im Mai, und wer beide mischt, hat "
	  "zwei Monate lang Farbe im Beet.</p>")
	  "</div></div></body></html>", "Farbe im Beet", NULL },
	{ "an Italian round-up of recipes, a picture and a summary each, kept",
	  "<html><body><article>" PAGE_PROSE "<div class=\"roundup\">"
	  PICK("1", "Risotto alla zucca", "Un risotto cremoso, pronto in "
	  "mezz'ora, con la zucca arrostita al forno e una grattugiata di "
	  "parmigiano, per le sere d'autunno.")
	  PICK("2", "Pasta e ceci", "La ricetta della nonna, con rosmarino, "
	  "un filo d'olio e i ceci passati a met\xc3\xa0, che rendono il brodo "
	  "denso e saporito.")
	  PICK("3", "Polpette al sugo", "Polpette morbide di carne e pane "
	  "raffermo, cotte piano nel pomodoro, da servire con un pezzo di "
	  "pane per la scarpetta.")
	  "</div>" PAGE_PROSE PAGE_PROSE PAGE_PROSE "</article></body></html>",
	  "pane per la scarpetta.", NULL },
	{ "a gallery of pictures with short credits cut",
	  "<html><body><article>" PAGE_PROSE PAGE_PROSE PAGE_PROSE "<div>"
	  "<div><img src=\"/g1.jpg\"><span>Foto: Porto</span></div><div><img "
	  "src=\"/g2.jpg\"><span>Foto: Molo</span></div><div><img src=\""
	  "/g3.jpg\"><span>Foto: Faro</span></div></div>" PAGE_PROSE
	  "</article></body></html>", "welcomed it.", "Foto: Molo" },
	{ "Spanish sections of a guide, each with a row of links, kept",
	  "<html><body><article>" PAGE_PROSE PAGE_PROSE "<div class=\"guia\">"
	  UNI("Universidad de Salamanca", "Fundada en 1218, es la m\xc3\xa1s "
	  "antigua de Espa\xc3\xb1" "a en activo, y su facultad de Filolog\xc3\xad" "a "
	  "atrae cada a\xc3\xb1o a miles de estudiantes extranjeros, que llenan "
	  "las aulas, las bibliotecas y los bares de la Plaza Mayor.")
	  UNI("Universidad de Granada", "Con m\xc3\xa1s de cincuenta mil "
	  "alumnos, es el destino favorito de los estudiantes de Erasmus, "
	  "por su vida barata, la Alhambra a un paso y una oferta de grados "
	  "que va de la Medicina a la Traducci\xc3\xb3n.")
	  UNI("Universidad de Santiago", "Sus facultades, repartidas entre "
	  "dos campus, mezclan edificios de piedra con laboratorios nuevos, y "
	  "la ciudad entera vive al ritmo de los estudiantes y de los "
	  "peregrinos que llegan a la catedral.")
	  "</div>" PAGE_PROSE "</article></body></html>",
	  "los peregrinos que llegan",
	  NULL },
	{ "a Dutch intro set apart from the review by a list of links, kept "
	  "(the blocks numbered by the page builder)",
	  "<html><body><main><div class=\"kop\"><div class=\"tekst blok-17\"><p>"
	  "Drie maanden lang reden wij op twaalf elektrische fietsen door "
	  "regen, wind en over kasseien, we woog elke accu en hielden elke "
	  "kilometer bij, van de polder tot de Posbank.</p></div></div>"
	  "<div class=\"snel\"><div><a href=\"#a\">Beste keuze</a></div>"
	  "<div><a href=\"#b\">Beste koop</a></div><div><a href=\"#c\">"
	  "Lichtste fiets</a></div></div><div><div class=\"tekst blok-42\">"
	  PAGE_PROSE PAGE_PROSE PAGE_PROSE PAGE_PROSE "</div></div>"
	  "</main></body></html>", "elke kilometer bij", "Beste koop" },
	{ "a Spanish author box at the end cut from its signature on",
	  "<html><body><article>" PAGE_PROSE PAGE_PROSE PAGE_PROSE
	  "<p>Escrito por Luc\xc3\xad" "a Ferrer</p><p>Luc\xc3\xad" "a Ferrer "
	  "escribe sobre puertos y pesca desde 2011.</p></article></body>"
	  "</html>", "welcomed it.", "Ferrer" },
	{ "a sentence opening with 'written by' stays",
	  "<html><body><article>" PAGE_PROSE "<p>Written by hand in 1902, "
	  "the harbour log survives.</p><p>It is kept in the museum on the "
	  "quay.</p></article></body></html>", "the harbour log survives",
	  NULL },
	{ "a book's title opening with 'Written By' stays",
	  "<html><body><article>" PAGE_PROSE "<p>Her favourite book?</p>"
	  "<p>Written By Sailors Who Never Came Home</p><p>She reads it "
	  "every winter.</p></article></body></html>", "Never Came Home",
	  NULL },
	{ "a Czech intro in its own section before the review, kept",
	  "<html><body><main><div class=\"obsah\"><section "
	  "class=\"uvod\"><p>Vysava\xc4\x8d" "e jsme testovali celou zimu v "
	  "panel\xc3\xa1ku i na chalup\xc4\x9b, na koberc\xc3\xad" "ch, "
	  "dla\xc5\xbe" "b\xc3\xa1" "ch a ps\xc3\xad" "ch chlupech, "
	  "m\xc4\x9b\xc5\x99ili jsme hluk, v\xc3\xbd" "dr\xc5\xbe baterie a "
	  "to, jak snadno se vyprazd\xc5\x88uj\xc3\xad. Nejv\xc3\xad" "c "
	  "n\xc3\xa1s p\xc5\x99" "ekvapilo, kolik prachu nechaj\xc3\xad "
	  "levn\xc3\xa9 modely v roz\xc3\xad" "ch a pod postel\xc3\xad." "</p>"
	  "</section><section "
	  "class=\"kotvy\"><a href=\"#a\">Nejlep\xc5\xa1\xc3\xad "
	  "celkov\xc4\x9b</a> <a "
	  "href=\"#b\">Nejlevn\xc4\x9bj\xc5\xa1\xc3\xad</a></section><section "
	  "class=\"recenze\"><div><div>"
	  PAGE_PROSE PAGE_PROSE
	  "<p>The harbour office will post the timetable for the cranes on "
	  "its door every "
	  "Monday.</p></div></div></section></div></main></body></html>",
	  "jak snadno se vyprazd", "Nejlevn" },
	{ "French headings, each in a numbered page-builder widget, kept",
	  "<html><body><div class=\"page\"><div class=\"col col-8\"><div "
	  "class=\"el-element el-element-a1f3c9 el-widget "
	  "el-widget-heading\"><div "
	  "class=\"el-widget-container\"><h2>Choisir la bonne "
	  "saison</h2></div></div><div class=\"el-element "
	  "el-element-b72e0d el-widget el-widget-text\"><div "
	  "class=\"el-widget-container\"><p>Les tulipes se plantent en "
	  "octobre, quand la terre est encore ti\xc3\xa8" "de mais que "
	  "les gel\xc3\xa9" "es approchent, pour que les bulbes aient le "
	  "temps de faire leurs racines.</p></div></div><div "
	  "class=\"el-element el-element-c5d81a el-widget "
	  "el-widget-heading\"><div "
	  "class=\"el-widget-container\"><h2>Pr\xc3\xa9parer le "
	  "sol</h2></div></div><div class=\"el-element el-element-d90b4e "
	  "el-widget el-widget-text\"><div "
	  "class=\"el-widget-container\"><p>Un sol l\xc3\xa9ger, bien "
	  "drain\xc3\xa9, enrichi d\xe2\x80\x99un peu de compost, "
	  "\xc3\xa9vite que les bulbes pourrissent pendant les pluies "
	  "d\xe2\x80\x99hiver.</p></div></div><div class=\"el-element "
	  "el-element-e3a6f2 el-widget el-widget-heading\"><div "
	  "class=\"el-widget-container\"><h2>Planter \xc3\xa0 la bonne "
	  "profondeur</h2></div></div><div class=\"el-element "
	  "el-element-f18c7b el-widget el-widget-text\"><div "
	  "class=\"el-widget-container\"><p>On compte deux fois la "
	  "hauteur du bulbe, pointe vers le haut, et on tasse "
	  "l\xc3\xa9g\xc3\xa8rement la terre avant "
	  "d\xe2\x80\x99" "arroser une seule fois.</p></div></div><div "
	  "class=\"el-element el-element-0a9d5e el-widget "
	  "el-widget-heading\"><div "
	  "class=\"el-widget-container\"><h2>Prot\xc3\xa9ger des "
	  "rongeurs</h2></div></div><div class=\"el-element "
	  "el-element-1be4c3 el-widget el-widget-text\"><div "
	  "class=\"el-widget-container\"><p>Un panier de grillage fin "
	  "autour des bulbes d\xc3\xa9" "courage les campagnols, qui "
	  "adorent les tulipes autant que les "
	  "jardiniers.</p></div></div><div class=\"el-element "
	  "el-element-2c7f90 el-widget el-widget-heading\"><div "
	  "class=\"el-widget-container\"><h2>Apr\xc3\xa8s la "
	  "floraison</h2></div></div><div class=\"el-element "
	  "el-element-3d0a6b el-widget el-widget-text\"><div "
	  "class=\"el-widget-container\"><p>On coupe la fleur "
	  "fan\xc3\xa9" "e mais on laisse les feuilles jaunir, car elles "
	  "nourrissent le bulbe pour l\xe2\x80\x99" "ann\xc3\xa9" "e "
	  "suivante.</p></div></div></div></div></body></html>",
	  "Planter \xc3\xa0 la bonne profondeur", NULL },
	{ "a Portuguese image whose alt its caption repeats: [image], "
	  "the words once",
	  "<html><body><article>"
	  PAGE_PROSE
	  "<div class=\"foto\"><img src=\"/duna.jpg\" alt=\"Duna do Pilar "
	  "- a maior duna da Europa ao amanhecer, vista "
	  "do...\"></div><div class=\"legenda\">A maior duna da Europa ao "
	  "amanhecer, vista do lado do mar. Foto: Rui Lopes</div>"
	  PAGE_PROSE
	  "</article></body></html>",
	  "[image]", "[image: Duna" },
	{ "a Portuguese image whose alt says something else keeps it",
	  "<html><body><article>"
	  PAGE_PROSE
	  "<div class=\"foto\"><img src=\"/farol.jpg\" alt=\"O farol de "
	  "Aveiro, o mais alto de Portugal\"></div><div "
	  "class=\"legenda\">Os pescadores chegam ao cais antes das seis "
	  "da manh\xc3\xa3.</div>"
	  PAGE_PROSE
	  "</article></body></html>",
	  "[image: O farol de Aveiro", NULL },
	{ "an Italian note on the author past the middle of a short story "
	  "cut",
	  "<html><body><article>" PAGE_PROSE "<h2>Sull'autore</h2><p>Marco "
	  "Bellini scrive di porti e di navi da vent'anni e vive a Genova "
	  "con due gatti; ha pubblicato tre libri sul Mediterraneo.</p>"
	  "</article></body></html>", "welcomed it.", "Marco Bellini" },
	{ "a Swedish round-up with the same shop links under every entry: "
	  "the entries kept, the shop links and their lead-in cut",
	  "<html><body><article><p>Vi har testat fyra bryggare hemma i "
	  "tre veckor, med samma b\xc3\xb6nor, samma vatten och samma "
	  "m\xc3\xa5tt, och smakat blint varje morgon innan jobbet, "
	  "f\xc3\xb6r att hitta den som g\xc3\xb6r b\xc3\xa4st kaffe "
	  "f\xc3\xb6r pengarna.</p>"
	  PAGE_PROSE
	  "<ol><li><h2>Rusta Kaffebryggare 12</h2><div "
	  "class=\"txt\"><p>Den billigaste bryggaren i testet g\xc3\xb6r "
	  "helt okej kaffe, men plattan h\xc3\xa5ller v\xc3\xa4rmen "
	  "d\xc3\xa5ligt och kannan droppar n\xc3\xa4r man h\xc3\xa4ller, "
	  "s\xc3\xa5 den passar b\xc3\xa4st f\xc3\xb6r den som dricker "
	  "sitt kaffe direkt.</p><p>Betyg 4 av 5.</p><p><a "
	  "href=\"/test/rusta\">L\xc3\xa4s "
	  "hela testet</a></p><p>Finns hos:</p><p><a "
	  "href=\"https://prisjakt.example/k\">J\xc3\xa4mf\xc3\xb6r "
	  "priser hos Prisjakt</a></p><p><a "
	  "href=\"https://butik.example/k\">K\xc3\xb6p hos "
	  "Elgiganten</a></p></div></li><li><h2>Moccamaster KBG "
	  "Select</h2><div class=\"txt\"><p>Bryggaren fr\xc3\xa5n Holland "
	  "\xc3\xa4r dyr men byggd f\xc3\xb6r att h\xc3\xa5lla i tjugo "
	  "\xc3\xa5r, och den n\xc3\xa5r r\xc3\xa4tt temperatur p\xc3\xa5 "
	  "n\xc3\xa5gra sekunder, vilket m\xc3\xa4rks i koppen som blir "
	  "fyllig och ren i smaken.</p><p><a "
	  "href=\"/test/moccamaster\">L\xc3\xa4s hela "
	  "testet</a></p><p>Finns hos:</p><p><a "
	  "href=\"https://prisjakt.example/k\">J\xc3\xa4mf\xc3\xb6r "
	  "priser hos Prisjakt</a></p><p><a "
	  "href=\"https://butik.example/k\">K\xc3\xb6p hos "
	  "Elgiganten</a></p></div></li><li><h2>Wilfa Classic "
	  "Plus</h2><div class=\"txt\"><p>Den norska bryggaren har en "
	  "inst\xc3\xa4llning f\xc3\xb6r halv kanna, en stark termos och "
	  "ett filter som \xc3\xa4r l\xc3\xa4tt att diska, men den "
	  "\xc3\xa4r h\xc3\xb6gljudd och tar stor plats i ett litet "
	  "k\xc3\xb6k.</p><p><a href=\"/test/wilfa\">L\xc3\xa4s hela "
	  "testet</a></p><p>Finns hos:</p><p><a "
	  "href=\"https://prisjakt.example/k\">J\xc3\xa4mf\xc3\xb6r "
	  "priser hos Prisjakt</a></p><p><a "
	  "href=\"https://butik.example/k\">K\xc3\xb6p hos "
	  "Elgiganten</a></p></div></li><li><h2>OBH Nordica "
	  "Aroma</h2><div class=\"txt\"><p>Ett bra mellanalternativ med "
	  "glaskanna och automatisk avst\xc3\xa4ngning, som g\xc3\xb6r "
	  "j\xc3\xa4mnt kaffe men saknar m\xc3\xb6jlighet att justera "
	  "styrkan eller m\xc3\xa4ngden vatten.</p><p><a "
	  "href=\"/test/obh\">L\xc3\xa4s hela testet</a></p><p>Finns "
	  "hos:</p><p><a "
	  "href=\"https://prisjakt.example/k\">J\xc3\xa4mf\xc3\xb6r "
	  "priser hos Prisjakt</a></p><p><a "
	  "href=\"https://butik.example/k\">K\xc3\xb6p hos "
	  "Elgiganten</a></p></div></li></ol></article></body></html>",
	  "Betyg 4 av 5.", "Finns hos" },
	{ "a one-word link under each of three German trails stays",
	  "<html><body><article><p>Drei Klammen in Bayern, die man an "
	  "einem langen Wochenende schaffen kann, alle mit dem Zug "
	  "erreichbar und im Sommer angenehm k\xc3\xbchl, wenn das Tal in "
	  "der Hitze liegt.</p><h2>H\xc3\xb6llentalklamm</h2><p>Die Klamm "
	  "ist eng, nass und laut; Stege und Tunnel f\xc3\xbchren eine "
	  "Stunde lang am tosenden Bach entlang bis zur "
	  "H\xc3\xbctte.</p><p><a "
	  "href=\"/karte/h\xc3\xb6ll\">Karte</a></p><h2>Partnachklamm</h2><p>Im "
	  "Winter h\xc3\xa4ngen Eiszapfen von den W\xc3\xa4nden, im "
	  "Sommer zieht k\xc3\xbchle Luft durch die Schlucht, und der Weg "
	  "ist auch mit Kindern gut zu gehen.</p><p><a "
	  "href=\"/karte/part\">Karte</a></p><h2>Breitachklamm</h2><p>Die "
	  "tiefste Klamm der Allg\xc3\xa4uer Alpen ist \xc3\xbc" "ber "
	  "zwei Kilometer lang; wer fr\xc3\xbch kommt, hat die Holzstege "
	  "fast f\xc3\xbcr sich allein.</p><p><a "
	  "href=\"/karte/brei\">Karte</a></p></article></body></html>",
	  "Karte", NULL },
	{ "a closing note on a veterinarian who wrote it cut",
	  "<html><body><article>" PAGE_PROSE PAGE_PROSE "<p>Dr. Marta "
	  "Lindqvist is a veterinarian at the harbour clinic in "
	  "Gothenburg.</p></article></body></html>", "welcomed it.",
	  "veterinarian" },
	{ "a German author box at the end, opened by the author's picture, "
	  "cut",
	  "<html><body><article>" PAGE_PROSE PAGE_PROSE "<p>Die F\xc3\xa4hre "
	  "f\xc3\xa4hrt weiter nach Plan.</p><figure><img src=\"/jonas.jpg\" "
	  "alt=\"Jonas Becker\"></figure><p>Jonas Becker, Redakteur "
	  "f\xc3\xbcr Wissenschaft</p><p>Er schreibt seit 2015 \xc3\xbc"
	  "ber Klima, Meer und H\xc3\xa4" "fen.</p></article></body></html>",
	  "nach Plan.", "seit 2015" },
	{ "a closing 'Our Services' list cut",
	  "<html><body><article>" PAGE_PROSE PAGE_PROSE "<p>Call the clinic "
	  "for an appointment.</p><h3>Our Services</h3><p>Family therapy "
	  "for parents and teenagers, in person or online.</p><p>Couples "
	  "counselling, with evening hours on Thursdays.</p></article>"
	  "</body></html>", "appointment.", "Couples counselling" },
	{ "an account (articleBody) long only by its layout's indents does "
	  "not replace the story",
	  "<html><head>" MOST_LD(MOST_1 MOST_PAD MOST_2 MOST_PAD
	  "Otw\xc3\xb3rz w nowym oknie" MOST_PAD MOST_3 MOST_PAD MOST_4
	  MOST_PAD MOST_5 MOST_PAD)
	  "</head><body><article><p>" MOST_1 "</p><p>" MOST_2 "</p><p>" MOST_3
	  "</p><p>" MOST_4 "</p><p>" MOST_5 "</p></article></body></html>",
	  "nowe nasadzenia", "nowym oknie" },
	{ "a form's consent line cut",
	  "<html><body><article>" PAGE_PROSE "<p>By signing up, you agree "
	  "to receive recurring messages from the Harbour Post at the number "
	  "provided; reply STOP to opt out.</p>" PAGE_PROSE
	  "</article></body></html>", "welcomed it.", "reply STOP" },
	{ "a Finnish newsletter's section headings marked 'section-header' "
	  "kept",
	  "<html><body><article><div class=\"body markup\">" PAGE_PROSE
	  "<h2 class=\"section-header\">Satama rakennetaan "
	  "uudelleen</h2>" PAGE_PROSE "</div></article></body></html>",
	  "Satama rakennetaan uudelleen", NULL },
	{ "a Hungarian heading whose utility classes say 'extra' kept",
	  "<html><body><article>" PAGE_PROSE "<h3 class=\"font-bold "
	  "leading-extra-tight mt-6\">Mi\xc3\xa9rt fontos a kik\xc3\xb6t\xc5"
	  "\x91?</h3>" PAGE_PROSE "</article></body></html>",
	  "rt fontos a kik", NULL },
	{ "a newsletter's 'How was this issue?' past the middle ends it",
	  "<html><body><article>" PAGE_PROSE "<h2>How was this issue?</h2>"
	  "<p>Rate it with one click; it tells me what to write next.</p>"
	  "<p>Good</p><p>Bad</p><h2>Back to work</h2><p>My course on harbour "
	  "law starts on Monday, and forty seats are left for readers.</p>"
	  "</article></body></html>", "welcomed it.", "forty seats" },
	{ "a newsletter's closing call to tell friends cut",
	  "<html><body><article>" PAGE_PROSE PAGE_PROSE "<p>Love the Harbour "
	  "Letter? Tell your friends and get rewards for every new reader."
	  "</p></article></body></html>", "welcomed it.", "Tell your friends" },
	{ "a Spanish FAQ's questions, each in an accordion's header, kept",
	  "<html><body><article>" PAGE_PROSE "<h2>Preguntas frecuentes</h2>"
	  "<div class=\"faq\"><div class=\"faq-item\"><div class=\""
	  "faq-item-header\">\xc2\xbf" "Cu\xc3\xa1ndo abre el nuevo "
	  "muelle?</div><div class=\"faq-item-body\"><p>Las obras terminan "
	  "en octubre y el muelle abre en noviembre, si el tiempo lo "
	  "permite.</p></div></div><div class=\"faq-item\"><div class=\""
	  "faq-item-header\">\xc2\xbf" "Cambia el horario del ferry?</div>"
	  "<div class=\"faq-item-body\"><p>No, el ferry mantiene su "
	  "horario durante todas las obras del puerto.</p></div></div></div>"
	  PAGE_PROSE "</article></body></html>", "Cambia el horario del ferry",
	  NULL },
	{ "the page's one <h1>, worded otherwise than the metadata's "
	  "headline, not said again in the text",
	  "<html><head><meta property=\"og:title\" content=\"Havnen f\xc3\xa5r "
	  "ny mur i marts\"></head><body><article><h1>Ny havnemur: arbejdet "
	  "begynder i marts</h1>" PAGE_PROSE "</article></body></html>",
	  "welcomed it.", "Ny havnemur" },
	{ "investors' fine print at the end cut",
	  "<html><body><article>" PAGE_PROSE PAGE_PROSE "<p>For more about "
	  "the Harbour Bond Fund, obtain a prospectus from your adviser and "
	  "read it before you invest; it says what the fund costs.</p><p>All "
	  "investing is subject to risk, including the possible loss of the "
	  "money you invest. Past performance is no guarantee of future "
	  "returns.</p></article></body></html>", "welcomed it.",
	  "obtain a prospectus" },
	{ "a note on commissions from links, opening the story, cut",
	  "<html><body><article><p>Our reviewers pick every kettle on their "
	  "own; purchases made through our links may earn us a commission."
	  "</p>" PAGE_PROSE KAI_PROSE "</article></body></html>",
	  "welcomed it.", "earn us a commission" },
	{ "a German note on commissions, opening the story, cut",
	  "<html><body><article><p>Wenn Sie \xc3\xbc" "ber einen Link auf "
	  "dieser Seite kaufen, erhalten wir eine Provision.</p>" KAI_PROSE
	  PAGE_PROSE "</article></body></html>", "Nordsteg",
	  "Provision" },
	{ "a Spanish note on commissions, closing the story, cut",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<p>Si compra a "
	  "trav\xc3\xa9s de nuestros enlaces, recibimos una comisi\xc3\xb3n "
	  "sin coste para usted.</p></article></body></html>", "Segler",
	  "recibimos" },
	{ "a note that the article was updated, closing it, cut",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<p>We updated this "
	  "article on 3 May 2026 with the board's new timetable. Our editors "
	  "check every guide twice a year.</p></article></body></html>",
	  "Segler", "We updated" },
	{ "a trademark notice after an adviser's fine print cut",
	  "<html><body><article>" PAGE_PROSE PAGE_PROSE "<p>Harbour Wealth "
	  "is a registered investment adviser; it does not give tax, legal "
	  "or accounting advice.</p><p>Kettle Duo and Petit Matin are "
	  "registered trademarks of Harbour Goods Ltd. and are used here "
	  "with its leave.</p></article></body></html>", "welcomed it.",
	  "Harbour Wealth" },
	{ "a link jumping down the page, opening a paragraph, cut",
	  "<html><body><article><p><a href=\"#list\">JUMP TO THE LIST "
	  "\xe2\xa4\xb5</a> Moving house in Lisbon is an adventure, and the "
	  "hills make it a long one.</p>" PAGE_PROSE KAI_PROSE
	  "<h2 id=\"list\">The list</h2><p>First, the movers.</p></article>"
	  "</body></html>", "Moving house in Lisbon", "JUMP TO" },
	{ "a link jumping down the page, inside a sentence, kept",
	  "<html><body><article><p>You can <a href=\"#end\">jump to the "
	  "end</a> to see the prices of every mover.</p>" PAGE_PROSE
	  KAI_PROSE "<h2 id=\"end\">Prices</h2><p>They vary.</p></article>"
	  "</body></html>", "You can jump to the end to see", NULL },
	{ "a fund-raising appeal closing the story, its signature with it",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<p>Since you made "
	  "it to the bottom of this story, we have a small favor to ask: "
	  "please consider pitching in what you can.</p><p>Thank you.<br>"
	  "Ana Ruiz<br>Editor in chief</p></article></body></html>",
	  "Segler", "Ana Ruiz" },
	{ "a letter's signature after the letter itself kept",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<p>Thank you for "
	  "reading.<br>Ana Ruiz<br>Harbourmaster</p></article></body></html>",
	  "Ana Ruiz", NULL },
	{ "a price list laid out in short blocks keeps its prices",
	  "<html><body><article>" PAGE_PROSE "<div class=\"prices\"><div "
	  "class=\"row\"><div class=\"what\">Neuer Sicherungskasten</div>"
	  "<div class=\"cost\">349 - 749 \xe2\x82\xac</div></div><div class="
	  "\"row\"><div class=\"what\">Steckdose tauschen</div><div class="
	  "\"cost\">59 - 189 \xe2\x82\xac</div></div><div class=\"row\"><div "
	  "class=\"what\">Dimmer einbauen</div><div class=\"cost\">89 - 189 "
	  "\xe2\x82\xac</div></div></div>" PAGE_PROSE "</article></body></html>",
	  "Steckdose tauschen\n\n59 - 189 \xe2\x82\xac", NULL },
	{ "a short block that is a link, amid the story, cut",
	  "<html><body><article>" PAGE_PROSE "<div class=\"x\"><a href=\"/n\">"
	  "N\xc3\xa4" "chster Artikel</a></div>" PAGE_PROSE "</article></body>"
	  "</html>", "welcomed it.", "chster Artikel" },
	{ "a German card pointing to another story, set in this one, cut",
	  "<html><body><article>" PAGE_PROSE "<div class=\"article-card\">"
	  "<span>Lesen Sie auch</span><a href=\"/kran\"><img src=\"/k.jpg\" "
	  "alt=\"Der Kran im Nebel\"></a><h5><a href=\"/kran\">Der alte Kran "
	  "wird abgebaut</a></h5><p>Nach achtzig Jahren am Kai kommt er ins "
	  "Museum.</p></div><p>The ferry company said it would add a second "
	  "boat on Saturdays while the wall is rebuilt.</p>" PAGE_PROSE
	  "</article></body></html>", "second boat", "Der alte Kran" },
	{ "a long row of section labels above the headline: both out of "
	  "the text",
	  "<html><head><meta property=\"og:title\" content=\"Der Hafen "
	  "bekommt eine neue Mauer\"></head><body><article><p>Hafen & "
	  "Schifffahrt \xe2\x80\xa2 Stadtentwicklung \xe2\x80\xa2 Bauen & "
	  "Wohnen \xe2\x80\xa2 Wirtschaft in der Region</p><h1>Der Hafen "
	  "bekommt eine neue Mauer</h1>" PAGE_PROSE PAGE_PROSE
	  "</article></body></html>", "welcomed it.", "neue Mauer" },
	{ "a row of section labels opening the text cut",
	  "<html><body><article><p>Hafen \xe2\x80\xa2 Stadtentwicklung "
	  "\xe2\x80\xa2 Wirtschaft</p>" PAGE_PROSE PAGE_PROSE
	  "</article></body></html>", "welcomed it.", "Stadtentwicklung" },
	{ "a sales line cut",
	  "<html><body><article>" PAGE_PROSE "<p><strong>Planning a quay? "
	  "Talk to our harbour engineering experts</strong></p><p>The chart "
	  "shows every berth, and the board printed a thousand copies of "
	  "it.</p></article></body></html>", "every berth", "Talk to our" },
	{ "a Spanish promotion in the story cut, heading and sales line",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<div class=\"caja\">"
	  "<h3>Aprende a navegar con nuestra escuela</h3><p>Cursos de vela "
	  "para principiantes todos los fines de semana del verano.</p><div>"
	  "<a class=\"wp-block-button__link\" href=\"/cursos\">M\xc3\xa1s "
	  "informaci\xc3\xb3n</a></div></div>" KAI_LAST "<p>The chart shows "
	  "every berth, and the board printed a thousand copies of it.</p>"
	  "</article></body></html>", "every berth", "Aprende a navegar" },
	{ "a German promotion drawn with utility classes cut",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<div class=\"grid "
	  "gap-4\"><div class=\"col-span-5\"><h2>Schulungen einfach "
	  "verwalten, mit einer Plattform</h2><a class=\"inline-flex px-5 "
	  "py-3 md:px-8 rounded-full\" href=\"/demo\">Demo buchen</a></div>"
	  "</div>" KAI_LAST "<p>The chart shows every berth, and the board "
	  "printed a thousand copies of it.</p></article></body></html>",
	  "every berth", "Schulungen einfach" },
	{ "a builder's promotion cut whole, its heading with it",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<section class=\""
	  "elementor-section\"><div class=\"elementor-col-33\"><img src=\""
	  "/kredit.jpg\" alt=\"\"><h3>Das eigene Haus, endlich</h3></div><div class="
	  "\"elementor-col-66\"><div><p>Ein Kredit zu fairen Zinsen, ohne "
	  "lange Wartezeit</p></div><div><a class=\"elementor-button "
	  "elementor-button-link\" href=\"/antrag\">Jetzt beantragen</a>"
	  "</div></div></section>" KAI_LAST "<p>The chart shows every berth, "
	  "and the board printed a thousand copies of it.</p></article>"
	  "</body></html>", "every berth", "Das eigene Haus" },
	{ "a promotion beside the story's sections left out",
	  "<html><body><div class=\"page\">"
	  "<div class=\"row\"><div class=\"text\"><p>Le port de plaisance a "
	  "accueilli cet \xc3\xa9t\xc3\xa9 plus de bateaux que jamais, "
	  "selon la capitainerie, qui a d\xc3\xbb ouvrir des places sur la "
	  "digue nord.</p><p>Les plaisanciers se plaignent pourtant du prix "
	  "des places, qui a doubl\xc3\xa9 en cinq ans, et des douches, "
	  "jamais r\xc3\xa9nov\xc3\xa9" "es.</p></div></div>"
	  "<div class=\"row\"><div class=\"text\"><h3>Passez votre permis "
	  "bateau avec nous</h3><p>Formation en deux week-ends, \xc3\xa0 "
	  "Brest ou \xc3\xa0 Lorient, examen compris, et la navigation de "
	  "nuit offerte aux cinquante premiers inscrits.</p></div><div><a class=\"btn\" href=\"/permis\">"
	  "S'inscrire</a></div></div>"
	  "<div class=\"row\"><div class=\"text\"><p>La mairie promet des "
	  "travaux pour l'hiver, financ\xc3\xa9s par une hausse de la taxe "
	  "de s\xc3\xa9jour, et un nouveau ponton pour les visiteurs.</p><p>"
	  "Les p\xc3\xaa" "cheurs, eux, demandent surtout que leurs places "
	  "au quai restent gratuites, comme depuis toujours.</p>" KAI_PROSE
	  PAGE_PROSE "</div></div>"
	  "</div></body></html>", "restent gratuites", "permis bateau" },
	{ "Italian boxes side by side, each with its button, kept",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<div class=\"lista\">"
	  "<div class=\"prodotto\"><h3>Caffettiera in acciaio</h3><p>Sei "
	  "tazze, manico che non scotta, adatta anche all'induzione.</p><a "
	  "class=\"button\" href=\"/c1\">Vedi il prezzo</a></div><div class="
	  "\"prodotto\"><h3>Macinacaff\xc3\xa8 manuale</h3><p>Macine in "
	  "ceramica, regolazione fine, ideale per la moka.</p><a class=\""
	  "button\" href=\"/c2\">Vedi il prezzo</a></div></div>" KAI_LAST
	  "</article></body></html>", "Macine in ceramica", NULL },
	{ "a Dutch box that opens with its button keeps its text",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<div class=\"blok\">"
	  "<div><a class=\"button\" href=\"/gids.pdf\">Download de gids</a>"
	  "</div><div><p>Of je nu net begint met zeilen of al jaren vaart, "
	  "deze gids helpt je de haven veilig in en uit te komen, bij elk "
	  "weer en elk tij.</p></div></div>" KAI_LAST "</article></body>"
	  "</html>", "bij elk weer", NULL },
	{ "a Portuguese box that is all of a listed <article> kept",
	  "<html><body><main><h1>Aplicativos de notas</h1><p>Comparamos os "
	  "aplicativos de notas mais usados por quem escreve no celular e no "
	  "computador.</p>" PAGE_PROSE KAI_PROSE
	  "<article><div><h3>Caderno</h3><p>Notas em texto simples, "
	  "sincronizadas entre aparelhos, com busca r\xc3\xa1pida e "
	  "etiquetas, sem an\xc3\xba" "ncios nem conta obrigat\xc3\xb3ria, e com "
	  "c\xc3\xb3pia local.</p><a class=\"button\" href=\"/a/caderno\">"
	  "Ver detalhes</a></div></article><hr>"
	  "<article><div><h3>Rascunho</h3><p>Um editor de markdown com "
	  "pr\xc3\xa9via ao vivo, temas escuros e exporta\xc3\xa7\xc3\xa3o "
	  "para PDF, gratuito para uso pessoal e aberto para quem quiser "
	  "contribuir.</p><a class=\"button\" href=\"/a/rascunho\">Ver "
	  "detalhes</a></div></article><hr>"
	  "<article><div><h3>Quadro</h3><p>Notas em cart\xc3\xb5" "es que se "
	  "arrastam num quadro, boas para planejar projetos em grupo, com "
	  "lembretes e listas de tarefas compartilhadas.</p><a class=\""
	  "button\" href=\"/a/quadro\">Ver detalhes</a></div></article>"
	  "</main></body></html>", "Notas em texto simples", NULL },
	{ "a promotion whose button is a labelled link over hidden words cut",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<section><div><h3>"
	  "Ihr Hafen in der Cloud</h3></div><div><div>Neukunden erhalten "
	  "drei Monate gratis.</div><div><span aria-hidden=\"true\">Jetzt "
	  "starten</span><a href=\"https://cloud.example/start\" aria-label="
	  "\"Jetzt starten\"></a></div></div></section>" KAI_LAST "<p>The "
	  "chart shows every berth, and the board printed a thousand copies "
	  "of it.</p></article></body></html>", "every berth",
	  "Neukunden erhalten" },
	{ "a heading's anchor is no button: its section stays",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<div><h3>Neue "
	  "Liegepreise</h3><a href=\"#preise\" aria-label=\"Permalink: Neue "
	  "Liegepreise\"></a></div><p>Ein Liegeplatz kostet k\xc3\xbcnftig "
	  "900 Euro im Jahr.</p>" KAI_LAST "</article></body></html>",
	  "Neue Liegepreise", NULL },
	{ "the headline that the page's title adds its site to dropped",
	  "<html><head><title>Der Kai im S\xc3\xbc" "dhafen wird gesperrt "
	  "(Hafenblatt)</title></head><body><article><h2>Der Kai im S\xc3\xbc"
	  "dhafen wird gesperrt</h2>" KAI_PROSE KAI_LAST "</article></body>"
	  "</html>", "nach Plan.", "gesperrt\n" },
	{ "numbered source notes at the foot cut",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<p>[1] \xe2\x80\x9e"
	  "Verkehr im Hafen 2024\xe2\x80\x9c, Hafenamt Kiel (2025). "
	  "https://hafen.example/bericht-2024</p><p>[2] \"Trafic portuaire\", "
	  "Port de Brest (2024). https://port.example/trafic</p></article>"
	  "</body></html>", "die Segler kommen.", "Hafenamt Kiel" },
	{ "a numbered note without an address kept",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<p>[1] Nach Angaben "
	  "des Hafenamts, im Gespr\xc3\xa4" "ch am 3. Mai.</p></article>"
	  "</body></html>", "im Gespr\xc3\xa4" "ch am 3. Mai.", NULL },
	{ "a row of links to the site's pages at the foot cut",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<p>Vous cherchez : "
	  "<a href=\"/lyon\">Agence web Lyon</a> / <a href=\"/nantes\">"
	  "Agence web Nantes</a> / Agence web Lille / <a href=\"/rennes\">"
	  "Agence web Rennes</a> / <a href=\"/brest\">Agence web Brest</a>"
	  "</p></article></body></html>", "die Segler kommen.",
	  "Agence web Nantes" },
	{ "a line of words between slashes, no links, kept at the foot",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE "<p>Zutaten: Mehl / "
	  "Wasser / Salz / Hefe, dazu Zucker.</p></article></body></html>",
	  "Mehl / Wasser", NULL },
	{ "a long closing sales pitch cut",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE KAI_LAST "<p>The chart "
	  "shows every berth, and the board printed a thousand copies of it, "
	  "one for each skipper, with the new rules for the winter on the "
	  "back and the harbour master's number.</p><p>Skippers who moor "
	  "for a single night pay at the fuel dock, where the office opens at "
	  "seven, and the board will add a second pump before the regatta "
	  "weeks in August, when the marina is full.</p><p>Vous pr\xc3\xa9"
	  "parez un chantier portuaire et vous cherchez un bureau d'\xc3\xa9"
	  "tudes qui conna\xc3\xaet les quais, les digues et les "
	  "pontons\xc2\xa0? N'h\xc3\xa9sitez pas \xc3\xa0 nous contacter\xc2"
	  "\xa0: nos ing\xc3\xa9nieurs vous conseillent sur le choix des "
	  "mat\xc3\xa9riaux, le calendrier des travaux et les autorisations, "
	  "et notre \xc3\xa9quipe vous accompagne de l'\xc3\xa9tude au "
	  "chantier, partout en France et en Belgique, avec des devis "
	  "clairs et sans engagement.</p></article></body></html>",
	  "every berth", "nous contacter" },
	{ "the latest guides to explore at the foot cut, heading and cards",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE KAI_LAST "<h2>Explore "
	  "the Latest Harbour Guides</h2><h3>Tides</h3><p>Tide tables for "
	  "every port on the coast.</p></article></body></html>",
	  "nach Plan.", "Tide tables for every port" },
	{ "a box that says more than a promotion kept with its button",
	  "<html><body><article>" PAGE_PROSE KAI_PROSE
	  "<div class=\"rapport\"><h3>Was der Bericht empfiehlt</h3><p>Die "
	  "Gutachter raten, die Ostmauer auf ganzer L\xc3\xa4nge zu erneuern, "
	  "statt sie St\xc3\xbc" "ck f\xc3\xbcr St\xc3\xbc" "ck zu flicken, und "
	  "die Arbeiten in den Winter zu legen, wenn weniger F\xc3\xa4hren "
	  "fahren.</p><p>Sie sch\xc3\xa4tzen die Kosten auf elf Millionen "
	  "Euro, zwei mehr als geplant, und empfehlen, die Fischer fr\xc3\xbc"
	  "h \xc3\xbc" "ber die Sperrungen des Kais zu informieren, damit sie "
	  "ihre Boote rechtzeitig verlegen.</p><a class=\"button\" href=\""
	  "/bericht.pdf\">Bericht lesen</a></div>" KAI_LAST "</article>"
	  "</body></html>", "elf Millionen", NULL },
	{ "a section of the body's kind after the story joins it",
	  MUELLE_HEAD "class=\"aside-note\"" MUELLE_TAIL,
	  "¿Habrá cortes de tráfico?", "Suscríbase a nuestro boletín" },
	{ "a block of the body's kind that scores below zero stays out",
	  MUELLE_HEAD "class=\"field field--name-promo\"" MUELLE_TAIL,
	  "¿Habrá cortes de tráfico?", "Suscríbase a nuestro boletín" },
	{ "a wrapper adding a heading does not stop the climb",
	  "<html><body><div class=\"page\"><div class=\"column\"><section "
	  "class=\"intro\"><p>Choisir une bouilloire n'a rien de compliqué, "
	  "mais les modèles se ressemblent tant, en rayon comme en ligne, "
	  "qu'on hésite longtemps.</p><p>Nous en avons testé vingt, pendant "
	  "trois mois, dans une cuisine ordinaire, avec l'eau calcaire de "
	  "Lyon, et voici nos préférées.</p></section><section "
	  KETTLE_PICKS
	  "class=\"method\"><h2>Notre méthode</h2><p>Chaque bouilloire a "
	  "chauffé, matin et soir, un litre d'eau du robinet, que nous avons "
	  "pesé, chronométré et goûté.</p><p>Nous avons mesuré le bruit, à "
	  "un mètre, avec un sonomètre, et noté la température de la "
	  "poignée, de la cuve et du socle.</p><p>Enfin, nous avons compté "
	  "les traces de calcaire, au bout d'un mois, sans détartrer, pour "
	  "juger de la qualité des "
	  "filtres.</p></section></div></div></body></html>",
	  "Choisir une bouilloire", NULL },
	{ "over a wrapper the climb takes no ancestor twice the story",
	  "<html><body><div class=\"page\"><div class=\"column\"><section "
	  KETTLE_PICKS
	  "class=\"letters\"><h2>Vos messages</h2><div class=\"note\"><div "
	  "class=\"note-in\"><p>J'ai acheté la Vapeur 17 l'an dernier, sur "
	  "vos conseils, et je la trouve toujours aussi silencieuse, même le "
	  "matin, quand toute la maison dort encore.</p></div></div><div "
	  "class=\"note\"><div class=\"note-in\"><p>Chez nous, à Grenoble, "
	  "l'eau est douce, et le filtre, du coup, ne sert presque à rien, "
	  "mais la bouilloire, elle, marche très bien depuis deux "
	  "ans.</p></div></div><div class=\"note\"><div "
	  "class=\"note-in\"><p>Pourquoi ne pas avoir testé de modèle en "
	  "verre ? On en voit partout, en magasin, et j'aurais aimé savoir "
	  "s'ils résistent aux chocs et au calcaire.</p></div></div><div "
	  "class=\"note\"><div class=\"note-in\"><p>Le cordon trop court est "
	  "un vrai problème, chez moi, car la seule prise libre se trouve "
	  "derrière le micro-ondes, au fond du plan de "
	  "travail.</p></div></div><div class=\"note\"><div "
	  "class=\"note-in\"><p>Merci pour ce comparatif, clair et honnête, "
	  "qui m'a évité, je crois, un achat trop cher pour l'usage que j'en "
	  "ai, deux tasses de thé par jour.</p></div></div><div "
	  "class=\"note\"><div class=\"note-in\"><p>Une question : la Kettle "
	  "Duo se règle-t-elle aussi en degrés Fahrenheit ? Mon mari, "
	  "américain, ne s'y retrouve pas avec les degrés "
	  "Celsius.</p></div></div><div class=\"note\"><div "
	  "class=\"note-in\"><p>J'ai eu la Petit Matin, et le goût de "
	  "plastique, contrairement à ce que vous dites, n'est jamais parti, "
	  "même après des semaines, hélas.</p></div></div><div "
	  "class=\"note\"><div class=\"note-in\"><p>Vous devriez refaire ce "
	  "test chaque année, car les marques changent souvent leurs "
	  "modèles, leurs prix, et parfois, malheureusement, leur "
	  "qualité.</p></div></div></section></div></div></body></html>",
	  "Le plastique, hélas", "Mon mari, américain" },
};

static void
test_page_cases(void **state)
{
	struct clean_article	 a;
	size_t			 i;
	const struct clean_page_case *c;

	for (i = 0; i < sizeof page_cases / sizeof page_cases[0]; i++) {
		c = &page_cases[i];
		if (clean_page(c->html, strlen(c->html),
		    "https://harbour.example/a/", NULL, &a) != 0)
			fail_msg("%s: no text", c->name);
		if (strstr(a.text, c->want) == NULL)
			fail_msg("%s: \"%s\" missing from \"%s\"", c->name,
			    c->want, a.text);
		if (c->unwanted != NULL && strstr(a.text, c->unwanted) != NULL)
			fail_msg("%s: \"%s\" left in \"%s\"", c->name,
			    c->unwanted, a.text);
		if (strstr(a.numbered, c->want) == NULL ||
		    (c->unwanted != NULL && strstr(a.numbered, c->unwanted)
		    != NULL))
			fail_msg("%s: numbered text differs", c->name);
		clean_article_free(&a);
	}
}

static size_t
count_of(const char *hay, const char *needle)
{
	size_t	n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return (n);
}

/* Portuguese paragraphs of one story, its copy for small screens after. */
#define FEIRA "<p>A feira do livro abriu as portas no s\xc3\xa1" "bado, com " \
	"cento e vinte editoras na pra\xc3\xa7" "a central.</p><p>Os " \
	"organizadores esperam mais visitantes do que no ano passado, " \
	"quando a chuva afastou o p\xc3\xba" "blico.</p><p>H\xc3\xa1 " \
	"sess\xc3\xb5" "es de aut\xc3\xb3grafos todas as tardes e um " \
	"espa\xc3\xa7o para crian\xc3\xa7" "as junto ao coreto.</p><p>A " \
	"entrada " \
	"\xc3\xa9 livre, e a feira fica aberta at\xc3\xa9 ao fim do " \
	"m\xc3\xaas, das dez da manh\xc3\xa3 \xc3\xa0 meia-noite.</p>"

/* A song's refrain, sung five times over (too long for a caption). */
#define CHORUS "<p>Toca o sino, que os barcos voltam para casa pela " \
	"barra esta noite, carregados de sardinha e de cansa\xc3\xa7o, e " \
	"as mulheres esperam no cais com as lanternas acesas e os " \
	"xailes pretos, a contar as velas que aparecem no escuro.</p>"

/*
 * A story printed twice (for wide and narrow screens) is read once; a
 * paragraph the text says twice on purpose, or five times running,
 * stays.
 */
static void
test_page_reprint(void **state)
{
	static const char copies[] = "<html><body><article><div class="
	    "\"wide\">" FEIRA "</div><div class=\"narrow\">" FEIRA "</div>"
	    "</article></body></html>";
	static const char refrain[] = "<html><body><article>" PAGE_PROSE
	    "<p>Ningu\xc3\xa9m sai da feira sem um livro debaixo do "
	    "bra\xc3\xa7o, dizem os livreiros.</p><p>Este ano, pela primeira "
	    "vez, h\xc3\xa1 uma banca s\xc3\xb3 de poesia.</p><p>Os "
	    "alfarrabistas ficam ao fundo, junto ao rio.</p><p>As "
	    "editoras pequenas partilham tr\xc3\xaas tendas.</p>"
	    "<p>Ningu\xc3\xa9m sai da feira sem um livro debaixo do "
	    "bra\xc3\xa7o, dizem os livreiros.</p>" PAGE_PROSE
	    "</article></body></html>";
	static const char chorus[] = "<html><body><article>" PAGE_PROSE
	    CHORUS CHORUS CHORUS CHORUS CHORUS PAGE_PROSE
	    "</article></body></html>";
	struct clean_article	 a;

	(void)state;
	assert_int_equal(clean_page(copies, strlen(copies),
	    "https://feira.example/", NULL, &a), 0);
	assert_int_equal(count_of(a.text, "A entrada"), 1);
	assert_int_equal(count_of(a.text, "A feira do livro"), 1);
	assert_int_equal(count_of(a.numbered, "A entrada"), 1);
	clean_article_free(&a);
	assert_int_equal(clean_page(refrain, strlen(refrain),
	    "https://feira.example/", NULL, &a), 0);
	assert_int_equal(count_of(a.text, "sem um livro"), 2);
	assert_int_equal(count_of(a.text, "welcomed it."), 2);
	clean_article_free(&a);
	assert_int_equal(clean_page(chorus, strlen(chorus),
	    "https://feira.example/", NULL, &a), 0);
	assert_int_equal(count_of(a.text, "Toca o sino"), 5);
	clean_article_free(&a);
}

/* JSON-LD's strings written as HTML, some twice over, decoded. */
static void
test_page_jsonld_entities(void **state)
{
	static const char html[] = "<html><head><script type=\"application/"
	    "ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Le port"
	    "&amp;#8230; rouvre enfin\",\"author\":[\"Ren&eacute;e Dubois\"]}"
	    "</script></head><body><article><h1>Le port\xe2\x80\xa6 rouvre "
	    "enfin</h1>" PAGE_PROSE "</article></body></html>";
	struct clean_article	 a;

	(void)state;
	assert_int_equal(clean_page(html, strlen(html),
	    "https://port.example/", NULL, &a), 0);
	assert_string_equal(a.title, "Le port\xe2\x80\xa6 rouvre enfin");
	assert_int_equal(a.nauthors, 1);
	assert_string_equal(a.authors[0], "Ren\xc3\xa9" "e Dubois");
	/* Known as the headline, it is not said again in the text. */
	assert_null(strstr(a.text, "rouvre enfin"));
	clean_article_free(&a);
}

/* An image the caption under it describes: "[image]", still a link. */
/*
 * A block cut after rendering (a disclosure opening the story) takes its
 * links along: those left are numbered from 1 as the text shows them,
 * and a page's own "[2]" stays as it is.
 */
static void
test_page_links_renumbered(void **state)
{
	static const char html[] = "<html><body><article><p>Disclosure: "
	    "this page may contain affiliate links; see <a href=\"/policy\">"
	    "our policy</a>.</p><p>The harbour board met on Tuesday evening, "
	    "and after two hours of questions it agreed to rebuild <a href="
	    "\"/wall\">the eastern wall</a>[2].</p>" KAI_PROSE PAGE_PROSE
	    "<p>The survey is <a href=\"/survey\">online</a>; read <a href="
	    "\"/survey\">the survey</a> first.</p></article>"
	    "</body></html>";
	struct clean_article	 a;

	(void)state;
	assert_int_equal(clean_page(html, strlen(html),
	    "https://harbour.example/", NULL, &a), 0);
	assert_null(strstr(a.text, "Disclosure"));
	assert_non_null(strstr(a.numbered, "the eastern wall[1][2]."));
	assert_non_null(strstr(a.text, "the eastern wall[2]."));
	assert_non_null(strstr(a.numbered, "online[2]; read the survey[2]"));
	assert_int_equal(a.nlinks, 2);
	assert_string_equal(a.links[0].url, "https://harbour.example/wall");
	assert_string_equal(a.links[1].url, "https://harbour.example/survey");
	clean_article_free(&a);
}

static void
test_page_bare_image(void **state)
{
	static const char html[] = "<html><body><article>" PAGE_PROSE
	    "<div class=\"foto\"><img src=\"/duna.jpg\" alt=\"Duna do Pilar "
	    "- a maior duna da Europa ao amanhecer, vista do...\"></div><div "
	    "class=\"legenda\">A maior duna da Europa ao amanhecer, vista do "
	    "lado do mar. Foto: Rui Lopes</div>" PAGE_PROSE
	    "</article></body></html>";
	static const char longer[] = "<html><body><article>" PAGE_PROSE
	    "<div class=\"foto\"><img src=\"/duna.jpg\" alt=\"Duna ao "
	    "amanhecer\"></div><div class=\"legenda\">Duna ao amanhecer, "
	    "vista do lado do mar no primeiro dia da festa, com os barcos "
	    "de pesca j\xc3\xa1 para al\xc3\xa9m da barra. Foto: Rui "
	    "Lopes</div>" PAGE_PROSE "</article></body></html>";
	static const char lead[] = "<html><head><title>Dunas no Pilar: a "
	    "maior duna da Europa</title></head><body><article><img "
	    "src=\"/d.jpg\" alt=\"A maior duna da Europa\">" PAGE_PROSE
	    "</article></body></html>";
	struct clean_article	 a;

	(void)state;
	assert_int_equal(clean_page(html, strlen(html),
	    "https://dunas.example/", NULL, &a), 0);
	assert_non_null(strstr(a.text, "\n\n[image]\n\nA maior duna"));
	assert_non_null(strstr(a.numbered, "\n\n[image][1]\n\nA maior"));
	assert_int_equal(a.nlinks, 1);
	assert_string_equal(a.links[0].url, "https://dunas.example/duna.jpg");
	clean_article_free(&a);
	/* A lead picture whose alt is the headline again. */
	assert_int_equal(clean_page(lead, strlen(lead),
	    "https://dunas.example/", NULL, &a), 0);
	assert_non_null(strstr(a.text, "[image]\n\nThe harbour board"));
	assert_null(strstr(a.text, "[image: "));
	assert_int_equal(a.nlinks, 1);
	clean_article_free(&a);
	/* A long caption that opens with the alt's words. */
	assert_int_equal(clean_page(longer, strlen(longer),
	    "https://dunas.example/", NULL, &a), 0);
	assert_non_null(strstr(a.text, "\n\n[image]\n\nDuna ao amanhecer,"));
	clean_article_free(&a);
}

/* Metadata apart from the text: who wrote it, when, the lead image. */
struct clean_meta_case {
	const char	*name;
	const char	*html;
	const char	*byline;	/* the authors joined, or NULL */
	size_t		 nauthors;
	const char	*modified;
	const char	*image_alt;
	const char	*unwanted;	/* not in the text */
};

#define META_PROSE "<p>El ayuntamiento aprobó el martes la reforma del " \
	"mercado central, que cerrará seis meses a partir de enero.</p>" \
	"<p>Los puestos se trasladarán a la plaza del Carmen, donde una " \
	"carpa acogerá a los ochenta comerciantes durante las obras.</p>"

static const struct clean_meta_case meta_cases[] = {
	{ "JSON-LD authors as an array of objects",
	  "<html><head><script type=\"application/ld+json\">{\"@type\":"
	  "\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":"
	  "\"Lucía Gil\",\"sameAs\":[\"https://x.example/lg\"]},{\"name\":"
	  "\"Pau Serra\"}],\"dateModified\":\"2026-03-02T09:00:00Z\"}"
	  "</script></head><body><article>" META_PROSE "</article></body>"
	  "</html>", "Lucía Gil, Pau Serra", 2, "2026-03-02T09:00:00Z", NULL,
	  NULL },
	{ "JSON-LD author as a string",
	  "<html><head><script type=\"application/ld+json\">{\"author\":"
	  "\"Ana Ruiz\"}</script></head><body><article>" META_PROSE
	  "</article></body></html>", "Ana Ruiz", 1, NULL, NULL, NULL },
	{ "meta authors, a profile URL left out",
	  "<html><head><meta name=\"author\" content=\"Ana Ruiz\"><meta "
	  "property=\"article:author\" content=\"https://fb.example/ana\">"
	  "<meta name=\"author\" content=\"Luis  Mora\"><meta property=\""
	  "og:updated_time\" content=\"2026-03-03\"></head><body><article>"
	  META_PROSE "</article></body></html>", "Ana Ruiz, Luis Mora", 2,
	  "2026-03-03", NULL, NULL },
	{ "a French byline split and cut from the text",
	  "<html><body><article><p class=\"byline\">Par Claire Dubois et "
	  "Marc Petit | 4 mars 2026</p>" META_PROSE "</article></body>"
	  "</html>", "Claire Dubois, Marc Petit", 2, NULL, NULL, "Par Claire" },
	{ "a Russian byline",
	  "<html><body><article><div class=\"article-byline\">Автор: "
	  "Ирина Соколова</div>" META_PROSE "</article></body></html>",
	  "Ирина Соколова", 1, NULL, NULL, "Ирина" },
	{ "a Dutch byline in the text names the author",
	  "<html><body><article><p>Door Pieter de Vries</p>" META_PROSE
	  "</article></body></html>", "Pieter de Vries", 1, NULL, NULL,
	  "Door Pieter" },
	{ "a byline under the lead picture, and the note on its author",
	  "<html><body><article><p><img src=\"/m.jpg\" alt=\"El mercado "
	  "central\"></p><p>Foto: Pau Serra</p><p>By Tom Hale</p><p>Tom Hale "
	  "is a reporter who has covered markets for a decade.</p>" META_PROSE
	  META_PROSE META_PROSE "</article></body></html>", "Tom Hale", 1,
	  NULL, NULL, "reporter" },
	{ "the lead image's alt text",
	  "<html><head><meta property=\"og:image\" content=\"/m.jpg\">"
	  "<meta property=\"og:image:alt\" content=\"La fachada del "
	  "mercado\"></head><body><article>" META_PROSE "</article></body>"
	  "</html>", NULL, 0, NULL, "La fachada del mercado", NULL },
	{ "an author box and a time stamp out of the text",
	  "<html><body><article><p>Actualizado: 12:24 CET</p><p>-</p>"
	  META_PROSE "<p><a href=\"/autores/ana\">View author archive</a>"
	  "</p><p><a href=\"mailto:a@x.example\">Email the author</a></p>"
	  "</article></body></html>", NULL, 0, NULL, NULL, "author" },
};

static void
test_page_meta_cases(void **state)
{
	const struct clean_meta_case	*c;
	struct clean_article		 a;
	size_t				 i;

	for (i = 0; i < sizeof meta_cases / sizeof meta_cases[0]; i++) {
		c = &meta_cases[i];
		if (clean_page(c->html, strlen(c->html),
		    "https://diario.example/a/", NULL, &a) != 0)
			fail_msg("%s: no text", c->name);
		if ((c->byline == NULL) != (a.byline == NULL) ||
		    (c->byline != NULL && strcmp(c->byline, a.byline) != 0))
			fail_msg("%s: byline \"%s\"", c->name,
			    a.byline != NULL ? a.byline : "(null)");
		if (a.nauthors != c->nauthors)
			fail_msg("%s: %zu authors", c->name, a.nauthors);
		if ((c->modified == NULL) != (a.modified == NULL) ||
		    (c->modified != NULL && strcmp(c->modified,
		    a.modified) != 0))
			fail_msg("%s: modified \"%s\"", c->name,
			    a.modified != NULL ? a.modified : "(null)");
		if ((c->image_alt == NULL) != (a.image_alt == NULL) ||
		    (c->image_alt != NULL && strcmp(c->image_alt,
		    a.image_alt) != 0))
			fail_msg("%s: image alt", c->name);
		if (strstr(a.text, "El ayuntamiento aprobó") == NULL ||
		    (c->unwanted != NULL && strstr(a.text, c->unwanted) !=
		    NULL))
			fail_msg("%s: text \"%s\"", c->name, a.text);
		clean_article_free(&a);
	}
}

/*
 * JSON-LD's articleBody in place of a choice that shares nothing with
 * it (a legal notice), and left alone when the choice holds it.
 */
static void
test_page_jsonld(void **state)
{
	static const char *const notice = "<div class=\"content\"><p>Nous "
	    "utilisons des traceurs pour mesurer l'audience, adapter les "
	    "contenus, proposer des publicités et partager des données avec "
	    "nos partenaires, dont la liste complète figure dans notre "
	    "politique de confidentialité, que vous pouvez consulter à tout "
	    "moment.</p><p>Vous pouvez accepter, refuser ou paramétrer ces "
	    "traceurs, et retirer votre consentement à tout moment depuis le "
	    "lien situé en bas de chaque page, sans que cela n'affecte la "
	    "licéité du traitement déjà effectué.</p></div>";
	static const char *const story = "Le conseil municipal de Brest a "
	    "voté jeudi la rénovation du port de commerce, un chantier de "
	    "quatre ans qui commencera au printemps. Les quais seront "
	    "renforcés, deux grues remplacées et la gare maritime agrandie "
	    "pour accueillir les ferries venus d'Irlande. Les pêcheurs, qui "
	    "réclamaient ces travaux depuis les tempêtes de 2020, ont salué "
	    "la décision, tout en demandant que les criées restent ouvertes "
	    "pendant toute la durée du chantier.";
	struct clean_article	 a;
	char			*html;

	html = xasprintf("<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"articleBody\":\"%s\"}</script>"
	    "</head><body><div id=\"app\"></div>%s</body></html>", story,
	    notice);
	assert_int_equal(clean_page(html, strlen(html),
	    "https://ouest.example/a", NULL, &a), 0);
	assert_non_null(strstr(a.text, "Le conseil municipal de Brest"));
	assert_null(strstr(a.text, "traceurs"));
	clean_article_free(&a);
	free(html);
	html = xasprintf("<html><head><script type=\"application/ld+json\">"
	    "{\"articleBody\":\"%s\"}</script></head><body><article><p>%s"
	    "</p><p>Le maire a précisé que le budget serait voté en mars, "
	    "après une réunion publique au port.</p></article></body></html>",
	    story, story);
	assert_int_equal(clean_page(html, strlen(html),
	    "https://ouest.example/a", NULL, &a), 0);
	assert_non_null(strstr(a.text, "budget serait voté en mars"));
	clean_article_free(&a);
	free(html);
}

/* An <h1> that is the site's logo is not the headline. */
static void
test_page_logo(void **state)
{
	static const char *const pages[] = {
		"<html><head><title>The wall will be rebuilt</title></head>"
		"<body><a href=\"/\"><h1>Harbour Notes</h1></a><article>"
		PAGE_PROSE
		"</article></body></html>",
		"<html><head><title>The wall will be rebuilt | Harbour Notes"
		"</title></head><body><h1><a href=\"https://harbour.example/\">"
		"Harbour Notes</a></h1><article>" PAGE_PROSE
		"</article></body></html>",
		"<html><head><title>harbour.example The wall will be rebuilt"
		"</title></head><body><h1 class=\"site-logo\">harbour.example"
		"</h1><article>" PAGE_PROSE "</article></body></html>",
	};
	struct clean_article	 a;
	size_t			 i;

	for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		clean_page(pages[i], strlen(pages[i]),
		    "https://harbour.example/a/", NULL, &a);
		assert_non_null(a.title);
		assert_string_equal(a.title, "The wall will be rebuilt");
		clean_article_free(&a);
	}
}

/* Charset from the HTTP header beats the page; invalid UTF-8 is 1252. */
static void
test_page_charset(void **state)
{
	struct clean_article	 a;
	const char		*koi8 = "<p>\xf0\xd2\xc9\xd3\xd4\xc1\xce\xd8 "
	    "\xd7 \xd3\xc5\xcc\xc5.</p>";
	const char		*cp1252 = "<p>Caf\xe9 \x80 5 \x93quoted\x94</p>";
	const char		*twice = "<p>We\xc3\xa2\xc2\x80\xc2\x99ve "
	    "\xc3\xa2\xc2\x80\xc2\x94 caf\xc3\x83\xc2\xa9 \xc3\x82</p>";
	const char		*own = "<p>Ã© and Â are letters here.</p>";
	const char		*twice1252 = "<p>L\xc3\xa2\xe2\x82\xac\xe2\x84"
	    "\xa2\xc3\x83\xc2\xa9t\xc3\x83\xc2\xa9 \xc3\xa2\xe2\x82\xac"
	    "\xe2\x80\x9d l\xc3\xa2\xe2\x82\xac\xe2\x84\xa2hiver.</p>";
	const char		*entities = "<html><head><title>L&acirc;&euro;"
	    "&trade;&Atilde;&copy;t&Atilde;&copy; au port</title></head>"
	    "<body><h1>L&acirc;&euro;&trade;&Atilde;&copy;t&Atilde;&copy; au "
	    "port</h1><p>Le ferry reprend ses rotations, ce qu&acirc;&euro;"
	    "&trade;on attendait &acirc;&euro;&rdquo; enfin.</p></body>"
	    "</html>";
	const char		*once = "<p>Le signe \xc3\xa2\xe2\x82\xac\xe2"
	    "\x84\xa2 est cit\xc3\xa9 tel quel.</p>";

	clean_page(koi8, strlen(koi8), NULL, "KOI8-R", &a);
	assert_string_equal(a.text, "Пристань в селе.");
	clean_article_free(&a);
	clean_page(cp1252, strlen(cp1252), NULL, NULL, &a);
	assert_string_equal(a.text, "Café € 5 \xe2\x80\x9cquoted\xe2\x80\x9d");
	clean_article_free(&a);
	/* Encoded twice: "we’ve — café", then a lone "Â" left. */
	clean_page(twice, strlen(twice), NULL, NULL, &a);
	assert_string_equal(a.text, "We\xe2\x80\x99ve \xe2\x80\x94 "
	    "caf\xc3\xa9 \xc3\x82");
	clean_article_free(&a);
	/* Without C1 characters the same letters are the page's own. */
	clean_page(own, strlen(own), NULL, NULL, &a);
	assert_string_equal(a.text, "Ã© and Â are letters here.");
	clean_article_free(&a);
	/* Twice through Windows-1252, in the bytes: "’" as "â€™". */
	clean_page(twice1252, strlen(twice1252), NULL, NULL, &a);
	assert_string_equal(a.text, "L\xe2\x80\x99" "\xc3\xa9t\xc3\xa9 "
	    "\xe2\x80\x94 l\xe2\x80\x99hiver.");
	clean_article_free(&a);
	/* The same through entities, headline and text alike. */
	clean_page(entities, strlen(entities), NULL, NULL, &a);
	assert_string_equal(a.title, "L\xe2\x80\x99" "\xc3\xa9t\xc3\xa9 "
	    "au port");
	assert_non_null(strstr(a.text, "qu\xe2\x80\x99on attendait "
	    "\xe2\x80\x94 enfin."));
	clean_article_free(&a);
	/* Once is not enough to tell: the page may mean it. */
	clean_page(once, strlen(once), NULL, NULL, &a);
	assert_string_equal(a.text, "Le signe \xc3\xa2\xe2\x82\xac\xe2\x84"
	    "\xa2 est cit\xc3\xa9 tel quel.");
	clean_article_free(&a);
}

/*
 * tests/data/pages: each NAME.html is a page as a site serves it and
 * NAME.txt what telex clean must print for it (headline, blank line,
 * text).
 */
static void
test_pages(void **state)
{
	const char		*src = getenv("TELEX_SRCDIR");
	char			*dir, *path, *cause = NULL, *got;
	struct buf		 html, want;
	struct clean_article	 a;
	DIR			*d;
	struct dirent		*e;
	size_t			 len, n = 0, bad = 0;

	dir = xasprintf("%s/tests/data/pages", src != NULL ? src : ".");
	if ((d = opendir(dir)) == NULL)
		fail_msg("cannot open %s", dir);
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".html") != 0)
			continue;
		buf_init(&html, 0);
		buf_init(&want, 0);
		path = xasprintf("%s/%s", dir, e->d_name);
		assert_int_equal(util_read_file(path, &html, &cause), 0);
		strcpy(path + strlen(path) - 5, ".txt");
		assert_int_equal(util_read_file(path, &want, &cause), 0);
		clean_page(html.data, html.len, NULL, NULL, &a);
		got = xasprintf("%s\n\n%s\n", a.title != NULL ? a.title : "",
		    a.text);
		if (strcmp(got, want.data) != 0) {
			print_error("%s: got:\n%s\n", e->d_name, got);
			bad++;
		}
		n++;
		free(got);
		free(path);
		clean_article_free(&a);
		buf_free(&html);
		buf_free(&want);
	}
	closedir(d);
	free(dir);
	assert_true(n >= 15);
	assert_int_equal(bad, 0);
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
		cmocka_unit_test(test_furniture),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_page_meta),
		cmocka_unit_test(test_page_meta_cases),
		cmocka_unit_test(test_page_jsonld),
		cmocka_unit_test(test_page_cases),
		cmocka_unit_test(test_page_reprint),
		cmocka_unit_test(test_page_bare_image),
		cmocka_unit_test(test_page_links_renumbered),
		cmocka_unit_test(test_page_jsonld_entities),
		cmocka_unit_test(test_page_logo),
		cmocka_unit_test(test_page_charset),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_deep_nesting),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
