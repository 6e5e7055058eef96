/*
 * The renderer: a DOM tree as reading text.  Blocks on their own lines
 * with one blank line between, lists, quotes, tables and preformatted
 * text kept readable, links numbered, furniture lines dropped.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "clean-int.h"
#include "url.h"
#include "util.h"
#include "xml.h"

static size_t	clean_link_number(struct clean_render *, char *, size_t);

/* Bytes of text before an image searched for its alt text. */
#define CLEAN_ALT_WINDOW	65536

/* A data: address shorter than this (bytes) holds no real picture. */
#define CLEAN_PLACEHOLDER_MAX	256

enum clean_kind {
	CLEAN_INLINE,
	CLEAN_BLOCK,
	CLEAN_SKIP,
	CLEAN_BREAK,
	CLEAN_LIST,
	CLEAN_ITEM,
	CLEAN_QUOTE,
	CLEAN_PRE,
	CLEAN_ROW,
	CLEAN_CELL,
	CLEAN_IMAGE,
	CLEAN_LINK
};

static const struct {
	const char	*name;
	enum clean_kind	 kind;
} clean_tags[] = {
	{ "a", CLEAN_LINK },
	{ "address", CLEAN_BLOCK }, { "article", CLEAN_BLOCK },
	{ "aside", CLEAN_BLOCK }, { "blockquote", CLEAN_QUOTE },
	{ "br", CLEAN_BREAK }, { "button", CLEAN_SKIP },
	{ "caption", CLEAN_BLOCK }, { "dd", CLEAN_BLOCK },
	{ "details", CLEAN_BLOCK }, { "div", CLEAN_BLOCK },
	{ "dl", CLEAN_BLOCK }, { "dt", CLEAN_BLOCK },
	{ "embed", CLEAN_SKIP }, { "figcaption", CLEAN_BLOCK },
	{ "figure", CLEAN_BLOCK }, { "footer", CLEAN_BLOCK },
	{ "form", CLEAN_BLOCK }, { "h1", CLEAN_BLOCK }, { "h2", CLEAN_BLOCK },
	{ "h3", CLEAN_BLOCK }, { "h4", CLEAN_BLOCK }, { "h5", CLEAN_BLOCK },
	{ "h6", CLEAN_BLOCK }, { "head", CLEAN_SKIP },
	{ "header", CLEAN_BLOCK }, { "hr", CLEAN_BLOCK },
	{ "iframe", CLEAN_SKIP }, { "img", CLEAN_IMAGE },
	{ "input", CLEAN_SKIP }, { "li", CLEAN_ITEM }, { "main", CLEAN_BLOCK },
	{ "nav", CLEAN_BLOCK }, { "noscript", CLEAN_SKIP },
	{ "object", CLEAN_SKIP }, { "ol", CLEAN_LIST }, { "p", CLEAN_BLOCK },
	{ "pre", CLEAN_PRE }, { "script", CLEAN_SKIP },
	{ "section", CLEAN_BLOCK }, { "select", CLEAN_SKIP },
	{ "style", CLEAN_SKIP }, { "summary", CLEAN_BLOCK },
	{ "svg", CLEAN_SKIP }, { "table", CLEAN_BLOCK },
	{ "tbody", CLEAN_ROW }, { "td", CLEAN_CELL },
	{ "template", CLEAN_SKIP }, { "textarea", CLEAN_SKIP },
	{ "tfoot", CLEAN_ROW }, { "th", CLEAN_CELL },
	{ "thead", CLEAN_ROW }, { "title", CLEAN_SKIP },
	{ "tr", CLEAN_ROW }, { "ul", CLEAN_LIST },
};

static enum clean_kind
clean_kind_of(const xmlNode *n)
{
	const char	*name = (const char *)n->name;
	size_t		 lo = 0, hi = UTIL_ARRLEN(clean_tags), mid;
	int		 c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(name, clean_tags[mid].name);
		if (c == 0)
			return (clean_tags[mid].kind);
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (CLEAN_INLINE);
}

/* Does this element start a block of its own (not inline, not skipped)? */
int
clean_is_block(const xmlNode *n)
{
	enum clean_kind	 k = clean_kind_of(n);

	return (k != CLEAN_INLINE && k != CLEAN_LINK && k != CLEAN_IMAGE &&
	    k != CLEAN_SKIP && k != CLEAN_BREAK);
}

/*
 * Does a <button> hold a page's text?  Unclosed markup inside a button
 * makes the HTML parser put the rest of the page in it.
 */
static int
clean_button_holds_text(const xmlNode *button)
{
	const xmlNode	*n = button->children;
	size_t		 text = 0;

	while (n != NULL && n != button) {
		if (n->type == XML_TEXT_NODE && n->content != NULL &&
		    (text += strlen((const char *)n->content)) > 400)
			return (1);
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != button && n->next == NULL)
			n = n->parent;
		if (n != button)
			n = n->next;
	}
	return (0);
}

/* Is n text (or CDATA) with more than white space in it? */
int
clean_words_node(const xmlNode *n)
{
	return ((n->type == XML_TEXT_NODE ||
	    n->type == XML_CDATA_SECTION_NODE) && n->content != NULL &&
	    n->content[strspn((const char *)n->content, " \t\r\n\f")] !=
	    '\0');
}

/* An attribute's text without copying, or NULL. */
const char *
clean_attr(const xmlNode *n, const char *name)
{
	const xmlAttr	*a;

	for (a = n->properties; a != NULL; a = a->next) {
		if (strcmp((const char *)a->name, name) == 0)
			return (a->children != NULL && a->children->content !=
			    NULL ? (const char *)a->children->content : "");
	}
	return (NULL);
}

/*
 * An icon font's glyph, named by a word that the font draws as a
 * picture: <i class="material-icons">chevron_right</i>.  The word is
 * not the page's text.
 */
static int
clean_icon_font(const xmlNode *n)
{
	const char	*v;

	return (n->type == XML_ELEMENT_NODE &&
	    (strcmp((const char *)n->name, "i") == 0 ||
	    strcmp((const char *)n->name, "span") == 0) &&
	    (v = clean_attr(n, "class")) != NULL &&
	    (strstr(v, "material-icons") != NULL ||
	    strstr(v, "material-symbols") != NULL));
}

/* Is this element dropped whole by the renderer? */
int
clean_is_skipped(const xmlNode *n)
{
	if (clean_icon_font(n))
		return (1);
	if (clean_kind_of(n) != CLEAN_SKIP)
		return (0);
	return (strcmp((const char *)n->name, "button") != 0 ||
	    !clean_button_holds_text(n));
}

static int
clean_at_line_start(const struct clean_render *cs)
{
	return (cs->out.len == 0 || cs->out.data[cs->out.len - 1] == '\n');
}

/*
 * Drop the line being written when it is furniture, with the links it
 * introduced.  Returns 1 when it was dropped.
 */
static int
clean_drop_line(struct clean_render *cs)
{
	const char	*line = cs->out.data + cs->line_start;
	size_t		 len = cs->out.len - cs->line_start, i;

	if (cs->pre || len == 0 || !clean_boiler_line(line, len,
	    cs->line_links))
		return (0);
	cs->out.len = cs->line_start;
	cs->out.data[cs->out.len] = '\0';
	for (i = cs->line_nlinks; i < cs->nlinks; i++) {
		free(cs->links[i].url);
		free(cs->links[i].text);
	}
	cs->nlinks = cs->line_nlinks;
	if (cs->link_start > cs->out.len)
		cs->link_start = cs->out.len;
	return (1);
}

static void
clean_newline(struct clean_render *cs)
{
	cs->soft = 0;
	if (!clean_at_line_start(cs) && clean_drop_line(cs))
		return;
	buf_addc(&cs->out, '\n');
	cs->line_start = cs->out.len;
	cs->line_links = 0;
	cs->line_nlinks = cs->nlinks;
}

/* End the current line and leave lines - 1 blank lines after it. */
static void
clean_break(struct clean_render *cs, int lines)
{
	int	 have = 0;
	size_t	 i;

	/* A list item's first block goes on its mark's line: "1. Title". */
	if (cs->marker_end != 0 && cs->marker_end == cs->out.len) {
		cs->space = 1;
		return;
	}
	cs->space = 0;
	if (!clean_at_line_start(cs))
		clean_newline(cs);
	if (cs->out.len == 0)
		return;
	for (i = cs->out.len; i > 0 && cs->out.data[i - 1] == '\n'; i--)
		have++;
	while (have < lines) {
		clean_newline(cs);
		have++;
	}
}

/* Before the first character of a line: quote marks. */
static void
clean_line_prefix(struct clean_render *cs)
{
	int	 i;

	if (!clean_at_line_start(cs))
		return;
	for (i = 0; i < cs->quote; i++)
		buf_adds(&cs->out, "> ");
}

/* Length of a Unicode space (other than ASCII) at p, or 0. */
static size_t
clean_unicode_space(const unsigned char *p)
{
	if (p[0] == 0xc2 && p[1] == 0xa0)
		return (2);
	if (p[0] == 0xe2 && p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8a) ||
	    p[2] == 0xaf))
		return (3);
	if ((p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0x9f) ||
	    (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80))
		return (3);
	return (0);
}

/* Bytes up to the next white space of any kind (at least one). */
static size_t
clean_word_length(const unsigned char *p)
{
	const unsigned char	*q = p + 1;

	while (*q != '\0' && *q != ' ' && *q != '\n' && *q != '\t' &&
	    *q != '\r' && *q != '\f') {
		if (*q >= 0xc2 && clean_unicode_space(q) != 0)
			break;
		q++;
	}
	return ((size_t)(q - p));
}

/*
 * Does the line end inside a sentence, long enough to be prose wrapped by
 * hand ("used in a<br>fitness facility") rather than a verse or a list?
 */
static int
clean_wrapped_line(const struct clean_render *cs)
{
	const unsigned char	*line;
	size_t			 len = cs->out.len - cs->line_start;

	if (len < 50)
		return (0);
	line = (const unsigned char *)cs->out.data + cs->line_start;
	/* Sentence marks, closing quotes and brackets, CJK full stops. */
	if (strchr(".!?:;\")]", line[len - 1]) != NULL ||
	    line[len - 3] == 0xe2 || line[len - 3] == 0xe3)
		return (0);
	return (1);
}

/* Does the word at p begin with a lower-case letter (not an address)? */
static int
clean_lower_start(const unsigned char *p)
{
	utf8proc_int32_t	 c;

	if (strncmp((const char *)p, "http", 4) == 0 ||
	    strncmp((const char *)p, "www.", 4) == 0)
		return (0);
	if (*p < 0x80)
		return (islower(*p) != 0);
	if (utf8proc_iterate(p, 4, &c) <= 0)
		return (0);
	return (utf8proc_category(c) == UTF8PROC_CATEGORY_LL);
}

static void
clean_text(struct clean_render *cs, const unsigned char *p)
{
	size_t	 n;

	while (*p != '\0') {
		if (cs->pre) {
			if (*p == '\n')
				clean_newline(cs);
			else {
				clean_line_prefix(cs);
				buf_addc(&cs->out, (char)*p);
			}
			p++;
			continue;
		}
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f') {
			cs->space = 1;
			p++;
			continue;
		}
		if ((n = clean_unicode_space(p)) != 0) {
			cs->space = 1;
			p += n;
			continue;
		}
		/* A hand-wrapped sentence goes on; anything else breaks. */
		if (cs->soft && clean_lower_start(p))
			cs->soft = 0;
		else if (cs->soft)
			clean_newline(cs);
		if (cs->space && !clean_at_line_start(cs))
			buf_addc(&cs->out, ' ');
		cs->space = 0;
		clean_line_prefix(cs);
		n = clean_word_length(p);
		buf_add(&cs->out, p, n);
		if (cs->link != NULL)
			cs->line_links += n;
		p += n;
	}
}

static void
clean_item_marker(struct clean_render *cs)
{
	int	 level = cs->list_depth - 1;
	char	 mark[16];

	cs->marker_end = 0;
	clean_break(cs, 1);
	if (level < 0 || level >= (int)UTIL_ARRLEN(cs->ordinal) ||
	    cs->ordinal[level] == 0) {
		clean_text(cs, (const unsigned char *)"-");
	} else {
		snprintf(mark, sizeof mark, "%d.", cs->ordinal[level]++);
		clean_text(cs, (const unsigned char *)mark);
	}
	cs->space = 1;
	cs->marker_end = cs->out.len;
}

/* Is an image's alt text only a file name ("IMG_3886.jpg")? */
static int
clean_alt_filename(const char *alt)
{
	static const char *const exts[] = {
		".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif",
		".bmp", ".tif", ".tiff", ".heic",
	};
	const char	*dot;
	size_t		 i, len;

	alt += strspn(alt, " \t\r\n");
	len = strcspn(alt, " \t\r\n");
	if (alt[len + strspn(alt + len, " \t\r\n")] != '\0')
		return (0);
	for (dot = alt + len; dot > alt && dot[-1] != '.'; dot--)
		;
	if (dot == alt)
		return (0);
	for (i = 0; i < UTIL_ARRLEN(exts); i++) {
		if (strlen(exts[i]) == (size_t)(alt + len - dot + 1) &&
		    util_starts_nocase(dot - 1, exts[i]))
			return (1);
	}
	return (0);
}

/*
 * Is alt a single word of Latin letters ("image", "logo", "hero-img-2")?
 * It names the picture for the page's code, not for a reader; scripts
 * written without spaces say whole sentences in one "word".
 */
static int
clean_alt_word(const char *alt)
{
	alt += strspn(alt, " \t\r\n");
	for (; *alt != '\0' && strchr(" \t\r\n", *alt) == NULL; alt++) {
		if ((unsigned char)*alt >= 0x80)
			return (0);
	}
	return (alt[strspn(alt, " \t\r\n")] == '\0');
}

/*
 * Does alt call the picture a logo or an icon ("NordVPN logo", "Clock
 * icon", "Logo von Radio Bremen"), a headshot, an avatar or a
 * placeholder?  Its own words say it decorates.
 */
static int
clean_alt_decor(const char *alt)
{
	static const char *const words[] = {
		"logo", "icon", "icono", "ic\xc3\xb4ne",
	};
	static const char *const anywhere[] = {
		"headshot", "avatar", "placeholder",
	};
	const char	*end = alt + strlen(alt), *w;
	size_t		 i, n;

	for (i = 0; i < UTIL_ARRLEN(anywhere); i++) {
		if (util_strcasestr(alt, anywhere[i]) != NULL)
			return (1);
	}

	while (end > alt && strchr(" \t\r\n.", end[-1]) != NULL)
		end--;
	alt += strspn(alt, " \t\r\n");
	for (i = 0; i < UTIL_ARRLEN(words); i++) {
		n = strlen(words[i]);
		/* The last word, or the first ("Logo of ..."). */
		w = end - n;
		if (w >= alt && strncasecmp(w, words[i], n) == 0 &&
		    (w == alt || w[-1] == ' '))
			return (1);
		if ((size_t)(end - alt) > n && strncasecmp(alt, words[i], n)
		    == 0 && alt[n] == ' ')
			return (1);
	}
	return (0);
}

/* A copy of s with white space runs as one space, the ends trimmed. */
char *
clean_squeeze(const char *s)
{
	char	*out = xmalloc(strlen(s) + 1), *o = out;
	int	 space = 0;

	for (; *s != '\0'; s++) {
		if (strchr(" \t\r\n\f", *s) != NULL) {
			space = o > out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *s;
	}
	*o = '\0';
	return (out);
}

/* Does the caption of the figure around img hold alt? */
static int
clean_alt_in_caption(xmlNode *img, const char *alt)
{
	xmlNode	*fig, *c;
	xmlChar	*t;
	char	*caption;
	int	 depth, found = 0;

	for (fig = img->parent, depth = 0; fig != NULL && depth < 4 &&
	    fig->type == XML_ELEMENT_NODE; fig = fig->parent, depth++) {
		if (strcmp((const char *)fig->name, "figure") == 0)
			break;
	}
	if (fig == NULL || fig->type != XML_ELEMENT_NODE ||
	    strcmp((const char *)fig->name, "figure") != 0)
		return (0);
	for (c = fig->children; c != NULL && !found; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)c->name, "figcaption") != 0 ||
		    (t = xmlNodeGetContent(c)) == NULL)
			continue;
		caption = clean_squeeze((char *)t);
		found = strstr(caption, alt) != NULL;
		free(caption);
		xmlFree(t);
	}
	return (found);
}

/*
 * Is the image inside a link to another page (a banner, a teaser, a
 * logo) rather than to a larger copy of itself?
 */
static int
clean_image_linked(const struct clean_render *cs)
{
	xmlChar	*href;
	char	*end;
	int	 yes;

	if (cs->link == NULL || (href = xmlGetProp(cs->link,
	    (const xmlChar *)"href")) == NULL)
		return (0);
	if ((end = strpbrk((char *)href, "?#")) != NULL)
		*end = '\0';
	yes = !clean_alt_filename((char *)href);
	xmlFree(href);
	return (yes);
}

/*
 * Does the reader have an image's alt text already: written just before
 * (a caption above, the same image again) or in the figure's caption?
 */
static int
clean_alt_known(struct clean_render *cs, xmlNode *img, const char *alt)
{
	char	*a = clean_squeeze(alt);
	size_t	 from;
	int	 known;

	from = cs->out.len > CLEAN_ALT_WINDOW ? cs->out.len -
	    CLEAN_ALT_WINDOW : 0;
	known = (cs->out.data != NULL && strstr(cs->out.data + from, a) !=
	    NULL) || clean_alt_in_caption(img, a);
	free(a);
	return (known);
}

/* The address of an image outside any link, or NULL (data: too). */
static char *
clean_image_url(struct clean_render *cs, xmlNode *n)
{
	xmlChar	*src;
	char	*url = NULL;

	if (cs->link != NULL)
		return (NULL);
	if ((src = xmlGetProp(n, (const xmlChar *)"src")) == NULL ||
	    util_starts_nocase((char *)src, "data:")) {
		xmlFree(src);
		src = xmlGetProp(n, (const xmlChar *)"data-src");
	}
	if (src != NULL && src[strspn((char *)src, " \t\r\n")] != '\0' &&
	    !util_starts_nocase((char *)src, "data:"))
		url = url_resolve(cs->base, (char *)src);
	xmlFree(src);
	return (url);
}

/* "[image: ALT]", numbered as a link to the image when it has one. */
static void
clean_image_label(struct clean_render *cs, xmlNode *n, const char *alt)
{
	char	*label, *url, mark[32];
	size_t	 start;

	label = xasprintf("[image: %s]", alt);
	if (!clean_at_line_start(cs))
		cs->space = 1;
	start = cs->out.len;
	clean_text(cs, (const unsigned char *)label);
	free(label);
	if ((url = clean_image_url(cs, n)) == NULL)
		return;
	while (start < cs->out.len && strchr(" \n", cs->out.data[start]) != NULL)
		start++;
	snprintf(mark, sizeof mark, CLEAN_MARK_OPEN "%zu" CLEAN_MARK_CLOSE,
	    clean_link_number(cs, url, start));
	buf_adds(&cs->out, mark);
}

/*
 * Is an image's address an SVG drawing nothing, "<svg ...></svg>" in a
 * data: address, its marks written as they are or escaped?
 */
static int
clean_empty_svg(const char *src)
{
	const char	*p;
	size_t		 tags = 0;

	if (!util_starts_nocase(src, "data:image/svg+xml") ||
	    strlen(src) >= CLEAN_PLACEHOLDER_MAX)
		return (0);
	for (p = src; *p != '\0'; p++)
		tags += *p == '<' || strncasecmp(p, "%3c", 3) == 0;
	return (tags <= 2);
}

/*
 * Is the image a placeholder that a script was to fill: no address but
 * a few bytes of data: (an empty SVG, a blank pixel), none waiting in
 * another attribute?  There is no picture to open.
 */
static int
clean_image_placeholder(xmlNode *n)
{
	static const char *const lazy[] = {
		"data-src", "data-lazy-src", "data-original", "srcset",
		"data-srcset",
	};
	const xmlAttr	*a;
	const char	*src;
	size_t		 i;
	int		 empty;

	if (n->parent != NULL && n->parent->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->parent->name, "picture") == 0)
		return (0);
	src = clean_attr(n, "src");
	empty = src == NULL || clean_empty_svg(src);
	for (a = n->properties; empty && a != NULL; a = a->next) {
		for (i = 0; i < UTIL_ARRLEN(lazy); i++) {
			if (strcmp((const char *)a->name, lazy[i]) == 0)
				empty = 0;
		}
	}
	return (empty);
}

static void
clean_image(struct clean_render *cs, xmlNode *n)
{
	xmlChar	*alt;

	alt = xmlGetProp(n, (const xmlChar *)"alt");
	if (alt != NULL && alt[strspn((char *)alt, " \t\r\n")] != '\0' &&
	    !clean_alt_filename((char *)alt) && !clean_alt_word((char *)alt) &&
	    !clean_alt_decor((char *)alt) &&
	    !clean_image_linked(cs) && !clean_image_placeholder(n) &&
	    !clean_alt_known(cs, n, (char *)alt))
		clean_image_label(cs, n, (char *)alt);
	xmlFree(alt);
}

static void
clean_link_enter(struct clean_render *cs, xmlNode *n)
{
	if (cs->link != NULL)
		return;
	cs->link = n;
	cs->link_start = cs->out.len;
}

/* The link's number: an earlier one with the same URL, else a new one. */
static size_t
clean_link_number(struct clean_render *cs, char *url, size_t start)
{
	char	*text;
	size_t	 i;

	for (i = 0; i < cs->nlinks; i++) {
		if (strcmp(cs->links[i].url, url) == 0) {
			free(url);
			return (i + 1);
		}
	}
	text = xstrndup(cs->out.data + start, cs->out.len - start);
	cs->links = xreallocarray(cs->links, cs->nlinks + 1,
	    sizeof *cs->links);
	cs->links[cs->nlinks].url = url;
	cs->links[cs->nlinks].text = util_display_safe(text);
	free(text);
	return (++cs->nlinks);
}

/* After a link's text: [n], when it leads somewhere off the page. */
static void
clean_link_leave(struct clean_render *cs, xmlNode *n)
{
	xmlChar	*href;
	char	*url, mark[32];
	size_t	 start = cs->link_start;

	if (cs->link != n)
		return;
	cs->link = NULL;
	if (start >= cs->out.len)
		return;
	href = xmlGetProp(n, (const xmlChar *)"href");
	if (href == NULL || href[0] == '#' || href[0] == '\0' ||
	    util_starts_nocase((char *)href, "javascript:")) {
		xmlFree(href);
		return;
	}
	url = url_resolve(cs->base, (char *)href);
	xmlFree(href);
	if (url == NULL)
		return;
	snprintf(mark, sizeof mark, CLEAN_MARK_OPEN "%zu" CLEAN_MARK_CLOSE,
	    clean_link_number(cs, url, start));
	buf_adds(&cs->out, mark);
}

/* Length of the link mark at p (open, digits, close), or 0. */
static size_t
clean_mark_length(const char *p, size_t *number)
{
	size_t	 n = sizeof CLEAN_MARK_OPEN - 1, digits;
	char	*end;

	if (strncmp(p, CLEAN_MARK_OPEN, n) != 0)
		return (0);
	digits = strspn(p + n, "0123456789");
	if (digits == 0 || digits > 6 || strncmp(p + n + digits,
	    CLEAN_MARK_CLOSE, sizeof CLEAN_MARK_CLOSE - 1) != 0)
		return (0);
	*number = (size_t)strtoul(p + n, &end, 10);
	return (n + digits + sizeof CLEAN_MARK_CLOSE - 1);
}

/*
 * The text carries a mark after each link's words.  Give the article two
 * texts: text without the marks (what is stored, searched and scored)
 * and numbered with "[n]" in their place (what a reader is shown).
 */
void
clean_split_marks(struct clean_article *a)
{
	struct buf	 plain, numbered;
	const char	*p, *m;
	size_t		 len, number;

	buf_init(&plain, 0);
	buf_init(&numbered, 0);
	/* Runs between marks are copied whole. */
	for (p = a->text; (m = strstr(p, CLEAN_MARK_OPEN)) != NULL; p = m) {
		buf_add(&plain, p, (size_t)(m - p));
		buf_add(&numbered, p, (size_t)(m - p));
		if ((len = clean_mark_length(m, &number)) != 0) {
			buf_printf(&numbered, "[%zu]", number);
			m += len;
			continue;
		}
		len = sizeof CLEAN_MARK_OPEN - 1;
		buf_add(&plain, m, len);
		buf_add(&numbered, m, len);
		m += len;
	}
	buf_adds(&plain, p);
	buf_adds(&numbered, p);
	free(a->text);
	free(a->numbered);
	a->text = buf_steal(&plain);
	a->numbered = buf_steal(&numbered);
}

/* Entering an element; returns 0 when its children are to be skipped. */
static int
clean_enter(struct clean_render *cs, xmlNode *n)
{
	int	 level;

	switch (clean_kind_of(n)) {
	case CLEAN_SKIP:
		if (clean_is_skipped(n))
			return (0);
		clean_break(cs, 2);
		break;
	case CLEAN_BLOCK:
		clean_break(cs, 2);
		break;
	case CLEAN_BREAK:
		/* <br><br> makes a paragraph break, never more. */
		if (cs->soft)
			clean_newline(cs);
		cs->space = 0;
		if (cs->out.len == 0 || (cs->out.len >= 2 &&
		    cs->out.data[cs->out.len - 1] == '\n' &&
		    cs->out.data[cs->out.len - 2] == '\n'))
			break;
		/* Mid-sentence: wait for the next word to say which. */
		if (!cs->pre && !clean_at_line_start(cs) &&
		    clean_wrapped_line(cs)) {
			cs->soft = 1;
			cs->space = 1;
		} else
			clean_newline(cs);
		break;
	case CLEAN_LIST:
		clean_break(cs, cs->list_depth == 0 ? 2 : 1);
		level = cs->list_depth++;
		if (level < (int)UTIL_ARRLEN(cs->ordinal))
			cs->ordinal[level] = strcmp((char *)n->name, "ol") == 0;
		break;
	case CLEAN_ITEM:
		clean_item_marker(cs);
		break;
	case CLEAN_QUOTE:
		clean_break(cs, 2);
		cs->quote++;
		break;
	case CLEAN_PRE:
		clean_break(cs, 2);
		cs->pre++;
		break;
	case CLEAN_ROW:
		clean_break(cs, 1);
		cs->cells = 0;
		break;
	case CLEAN_CELL:
		if (cs->cells++ > 0)
			clean_text(cs, (const unsigned char *)" |");
		cs->space = 1;
		break;
	case CLEAN_IMAGE:
		clean_image(cs, n);
		return (0);
	case CLEAN_LINK:
		clean_link_enter(cs, n);
		break;
	case CLEAN_INLINE:
		break;
	}
	return (1);
}

static void
clean_leave(struct clean_render *cs, xmlNode *n)
{
	switch (clean_kind_of(n)) {
	case CLEAN_BLOCK:
	case CLEAN_SKIP:
		clean_break(cs, 2);
		break;
	case CLEAN_LIST:
		cs->list_depth--;
		clean_break(cs, cs->list_depth == 0 ? 2 : 1);
		break;
	case CLEAN_QUOTE:
		clean_break(cs, 2);
		cs->quote--;
		break;
	case CLEAN_PRE:
		cs->pre--;
		clean_break(cs, 2);
		break;
	case CLEAN_ROW:
		clean_break(cs, 1);
		break;
	case CLEAN_LINK:
		clean_link_leave(cs, n);
		break;
	default:
		break;
	}
}

/*
 * Visit the tree under root without recursion, so deep nesting cannot
 * overflow; with self, root's own element is entered and left too.
 */
void
clean_render_tree(struct clean_render *cs, xmlNode *root, int self)
{
	xmlNode	*n = root->children;
	int	 descend;

	if (self && root->type == XML_ELEMENT_NODE && !clean_enter(cs, root))
		return;
	while (n != NULL) {
		descend = 0;
		if (n->type == XML_ELEMENT_NODE)
			descend = clean_enter(cs, n) && n->children != NULL;
		else if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE)
			clean_text(cs, n->content);
		if (descend) {
			n = n->children;
			continue;
		}
		if (n->type == XML_ELEMENT_NODE && n->children == NULL)
			clean_leave(cs, n);
		while (n->next == NULL) {
			n = n->parent;
			if (n == NULL || n == root)
				goto out;
			clean_leave(cs, n);
		}
		n = n->next;
	}
out:
	if (self && root->type == XML_ELEMENT_NODE)
		clean_leave(cs, root);
}

/*
 * Could composing to NFC change this code point's text?  Only for
 * combining marks, composition exclusions and singletons, Hangul jamo
 * and the few vowel signs that compose with what precedes them; the
 * common precomposed letters of European scripts are left alone.
 */
static int
clean_nfc_sensitive(utf8proc_int32_t c)
{
	static const utf8proc_int32_t ranges[][2] = {
		{ 0x0340, 0x0344 }, { 0x0374, 0x0374 }, { 0x037e, 0x037e },
		{ 0x0387, 0x0387 }, { 0x0b3e, 0x0b57 }, { 0x0bbe, 0x0bd7 },
		{ 0x0cc2, 0x0cd6 }, { 0x0d3e, 0x0d57 }, { 0x0dcf, 0x0ddf },
		{ 0x102e, 0x102e }, { 0x1100, 0x11ff }, { 0x1b35, 0x1b35 },
		{ 0x1f00, 0x1fff }, { 0x2000, 0x2001 }, { 0x2126, 0x212b },
		{ 0x2329, 0x232a }, { 0xf900, 0xfaff }, { 0x2f800, 0x2fa1f },
	};
	const utf8proc_property_t *p;
	size_t		 i;

	if (c < 0x300)
		return (0);
	p = utf8proc_get_property(c);
	if (p->combining_class != 0 || p->comp_exclusion)
		return (1);
	for (i = 0; i < UTIL_ARRLEN(ranges); i++) {
		if (c >= ranges[i][0] && c <= ranges[i][1])
			return (1);
	}
	return (0);
}

/* Does s (valid UTF-8) hold anything NFC would change? */
static int
clean_needs_nfc(const char *s)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 c;
	utf8proc_ssize_t	 n;

	while (*p != '\0') {
		if (*p < 0xcc) {	/* below U+0300 */
			p++;
			continue;
		}
		/* Cyrillic U+0400-047F and CJK U+4000-9FFF: none compose. */
		if ((*p == 0xd0 || *p == 0xd1) && (p[1] & 0xc0) == 0x80) {
			p += 2;
			continue;
		}
		if (*p >= 0xe4 && *p <= 0xe9 && (p[1] & 0xc0) == 0x80 &&
		    (p[2] & 0xc0) == 0x80) {
			p += 3;
			continue;
		}
		if ((n = utf8proc_iterate(p, -1, &c)) <= 0)
			return (1);
		if (clean_nfc_sensitive(c))
			return (1);
		p += n;
	}
	return (0);
}

void
clean_render_init(struct clean_render *cs, const char *base)
{
	memset(cs, 0, sizeof *cs);
	buf_init(&cs->out, 0);
	cs->base = base;
}

/* Plain text (no markup) as a paragraph of its own. */
void
clean_render_text(struct clean_render *cs, const char *text)
{
	const char	*p = text, *nl;
	char		*line;

	clean_break(cs, 2);
	while (*p != '\0') {
		nl = strchr(p, '\n');
		line = xstrndup(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		clean_text(cs, (const unsigned char *)line);
		free(line);
		clean_break(cs, 2);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/*
 * Finish: the last line checked, the text sanitized, composed to NFC
 * and trimmed into out->text, the links moved to out->links.
 */
void
clean_render_done(struct clean_render *cs, struct clean_article *out)
{
	char		*safe, *nfc = NULL;
	size_t		 len, skip;

	clean_break(cs, 1);
	safe = util_utf8_sanitize(cs->out.data, cs->out.len);
	if (clean_needs_nfc(safe))
		nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)safe);
	if (nfc != NULL) {
		free(safe);
		safe = nfc;
	}
	len = strlen(safe);
	while (len > 0 && (safe[len - 1] == '\n' || safe[len - 1] == ' '))
		safe[--len] = '\0';
	skip = strspn(safe, "\n");
	if (skip > 0)
		memmove(safe, safe + skip, len - skip + 1);
	buf_free(&cs->out);
	out->text = safe;
	out->links = cs->links;
	out->nlinks = cs->nlinks;
	cs->links = NULL;
	cs->nlinks = 0;
}

/* Discard a render that will not be used. */
void
clean_render_free(struct clean_render *cs)
{
	size_t	 i;

	buf_free(&cs->out);
	for (i = 0; i < cs->nlinks; i++) {
		free(cs->links[i].url);
		free(cs->links[i].text);
	}
	free(cs->links);
	cs->links = NULL;
	cs->nlinks = 0;
}
