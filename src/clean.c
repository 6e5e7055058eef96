/*
 * The cleaner's entry points: a feed item's HTML or a whole web page in,
 * reading text out.  Pages go through charset detection, metadata and
 * article extraction, with relaxed passes when the first finds too little.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clean-int.h"
#include "clean.h"
#include "util.h"
#include "xml.h"

/* Articles shorter than this (bytes of text) get a relaxed pass. */
#define CLEAN_MIN_TEXT	500

/* The longest item (bytes, with its link's mark) of a row of links. */
#define CLEAN_ROW_ITEM	64

/* The first child element of n named name, or NULL. */
static xmlNode *
clean_child(xmlNode *n, const char *name)
{
	for (n = n->children; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, name) == 0)
			return (n);
	}
	return (NULL);
}

/* Move the children of from to the end of to. */
static void
clean_move_children(xmlNode *from, xmlNode *to)
{
	xmlNode	*c, *next;

	for (c = from->children; c != NULL; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlAddChild(to, c);
	}
}

/* Move the elements from s on into body, a stray <html>'s content. */
static void
clean_join_after(xmlNode *s, xmlNode *body)
{
	xmlNode	*next, *inner;

	for (; s != NULL; s = next) {
		next = s->next;
		if (s->type != XML_ELEMENT_NODE)
			continue;
		xmlUnlinkNode(s);
		if (strcmp((const char *)s->name, "html") == 0) {
			if ((inner = clean_child(s, "body")) != NULL) {
				clean_move_children(inner, s);
				xmlUnlinkNode(inner);
				xmlFreeNode(inner);
			}
			clean_move_children(s, body);
			xmlFreeNode(s);
		} else
			xmlAddChild(body, s);
	}
}

/*
 * Markup after an early </html> becomes a second <html>, after the
 * first one or after its body: put it in the body, where a browser
 * shows it.
 */
static void
clean_join_roots(xmlDoc *doc)
{
	xmlNode	*root, *body;

	if ((root = xmlDocGetRootElement(doc)) == NULL)
		return;
	if ((body = clean_child(root, "body")) == NULL)
		body = root;
	else
		clean_join_after(body->next, body);
	clean_join_after(root->next, body);
}

static xmlDoc *
clean_parse(const char *html, size_t len, const char *base)
{
	xmlDoc	*doc;

	if (html == NULL || len == 0 || len > INT32_MAX ||
	    xml_need(NULL) != 0)
		return (NULL);
	doc = htmlReadMemory(html, (int)len, base, "UTF-8",
	    CLEAN_PARSE_OPTIONS);
	if (doc != NULL)
		clean_join_roots(doc);
	return (doc);
}

/*
 * A page whose entities spelled its UTF-8 out as Windows-1252 ("we
 * &acirc;&euro;&trade;ve" for "we’ve"), its text showing it: every
 * field decoded once more.
 */
static void
clean_mend(struct clean_article *a)
{
	size_t	i;

	if (!clean_charset_garbled(a->text, strlen(a->text)))
		return;
	clean_charset_mend(&a->text);
	clean_charset_mend(&a->numbered);
	clean_charset_mend(&a->title);
	clean_charset_mend(&a->byline);
	clean_charset_mend(&a->site_name);
	clean_charset_mend(&a->image_alt);
	for (i = 0; i < a->nauthors; i++)
		clean_charset_mend(&a->authors[i]);
	for (i = 0; i < a->nlinks; i++)
		clean_charset_mend(&a->links[i].text);
}

/*
 * Content escaped twice ("&lt;p&gt;Text&lt;/p&gt;" with no real tags)
 * unescaped once into a new string, or NULL when it is not.
 */
static char *
clean_unescape_twice(const char *html, size_t len)
{
	const char	*p, *end = html + len;
	struct buf	 b;
	size_t		 escaped = 0;

	for (p = html; p < end; p++) {
		if (*p == '<' && p + 1 < end && (p[1] == '/' ||
		    (p[1] | 0x20) >= 'a') && (p[1] | 0x20) <= 'z')
			return (NULL);
		if (*p == '&' && end - p > 4 && strncmp(p, "&lt;", 4) == 0 &&
		    (p[4] == '/' || ((p[4] | 0x20) >= 'a' &&
		    (p[4] | 0x20) <= 'z')))
			escaped++;
	}
	if (escaped == 0)
		return (NULL);
	buf_init(&b, 0);
	for (p = html; p < end; p++) {
		if (*p == '&' && strncmp(p, "&lt;", 4) == 0) {
			buf_addc(&b, '<');
			p += 3;
		} else if (*p == '&' && strncmp(p, "&gt;", 4) == 0) {
			buf_addc(&b, '>');
			p += 3;
		} else if (*p == '&' && strncmp(p, "&quot;", 6) == 0) {
			buf_addc(&b, '"');
			p += 5;
		} else if (*p == '&' && strncmp(p, "&amp;", 5) == 0) {
			buf_addc(&b, '&');
			p += 4;
		} else
			buf_addc(&b, *p);
	}
	return (buf_steal(&b));
}

void
clean_fragment_article(const char *html, size_t len, const char *base,
    struct clean_article *out)
{
	struct clean_render	 cs;
	xmlDoc			*doc;
	xmlNode			*root;
	char			*plain;

	memset(out, 0, sizeof *out);
	clean_render_init(&cs, base);
	if (html != NULL && (plain = clean_unescape_twice(html, len)) != NULL) {
		doc = clean_parse(plain, strlen(plain), base);
		free(plain);
	} else
		doc = clean_parse(html, len, base);
	if (doc != NULL) {
		if ((root = xmlDocGetRootElement(doc)) != NULL) {
			clean_prune(root, 0);
			clean_render_tree(&cs, (xmlNode *)doc, 0);
		}
		xmlFreeDoc(doc);
	}
	clean_render_done(&cs, out);
	clean_mend(out);
	clean_split_marks(out);
}

char *
clean_fragment(const char *html, size_t len, const char *base)
{
	struct clean_article	 a;
	char			*text;

	clean_fragment_article(html, len, base, &a);
	text = a.text;
	a.text = NULL;
	clean_article_free(&a);
	return (text);
}

char *
clean_inline(const char *html)
{
	char	*text, *line;

	if (strchr(html, '<') == NULL && strchr(html, '&') == NULL)
		return (util_display_safe(html));
	text = clean_fragment(html, strlen(html), NULL);
	line = util_display_safe(text);
	free(text);
	return (line);
}

/* One extraction pass with flags over doc: the article's text. */
static void
clean_page_pass(xmlDoc *doc, int flags, const char *url,
    struct clean_article *a)
{
	struct clean_render	 cs;
	xmlNode			**nodes;
	size_t			 n, i;

	clean_render_init(&cs, url);
	n = clean_extract(doc, flags, &nodes);
	for (i = 0; i < n; i++)
		clean_render_tree(&cs, nodes[i], 1);
	free(nodes);
	clean_render_done(&cs, a);
}

/* Move the text and links of src into dst, freeing dst's. */
static void
clean_take_text(struct clean_article *dst, struct clean_article *src)
{
	struct clean_article	 old;

	memset(&old, 0, sizeof old);
	old.text = dst->text;
	old.links = dst->links;
	old.nlinks = dst->nlinks;
	clean_article_free(&old);
	dst->text = src->text;
	dst->links = src->links;
	dst->nlinks = src->nlinks;
	memset(src, 0, sizeof *src);
}

/* Passes with fewer filters while the article stays too short. */
static void
clean_page_text(const char *html, size_t len, const char *url,
    xmlDoc *doc, struct clean_article *out)
{
	static const int passes[] = {
		CLEAN_ALL_FLAGS,
		CLEAN_WEIGHT_CLASSES | CLEAN_CONDITIONALLY,
		CLEAN_CONDITIONALLY,
		0,
	};
	struct clean_article	 a;
	size_t			 i;

	for (i = 0; i < UTIL_ARRLEN(passes); i++) {
		if (i > 0 && (doc = clean_parse(html, len, url)) == NULL)
			break;
		memset(&a, 0, sizeof a);
		clean_page_pass(doc, passes[i], url, &a);
		xmlFreeDoc(doc);
		if (out->text == NULL || strlen(a.text) > strlen(out->text))
			clean_take_text(out, &a);
		else
			clean_article_free(&a);
		if (strlen(out->text) >= CLEAN_MIN_TEXT)
			break;
	}
}

/* The end of the text's last n blocks (paragraphs), for cutting. */
static size_t
clean_blocks_end(const char *text, size_t n)
{
	const char	*p = text;

	while (n > 0 && (p = strstr(p, "\n\n")) != NULL) {
		if (--n == 0)
			return (p - text);
		p += 2;
	}
	return (strlen(text));
}

/*
 * Does s introduce the author by their first name, "Hi, I'm Ana" ("I'm"
 * with either apostrophe, "I am", "My name is")?
 */
static int
clean_introduces(const char *s, const char *author)
{
	static const char *const opens[] = {
		"I'm ", "I\xe2\x80\x99m ", "I am ", "my name is ",
	};
	const char	*p;
	size_t		 i, first = strcspn(author, " "), n;

	for (i = 0; i < UTIL_ARRLEN(opens); i++) {
		n = strlen(opens[i]);
		for (p = s; (p = util_strcasestr(p, opens[i])) != NULL;
		    p += n) {
			if (strncmp(p + n, author, first) == 0 &&
			    !isalpha((unsigned char)p[n + first]))
				return (1);
		}
	}
	return (0);
}

/*
 * Is this block a note on the author, the page's metadata naming them
 * (a person's name, not the site's): their name early in a short
 * paragraph ("Ana Ruiz covers ports for us", "Hi, I'm Ana, and ..."),
 * or their picture?
 */
static int
clean_author_note(const struct clean_article *a, const char *block,
    size_t len)
{
	size_t	 i, head = len < 80 ? len : 80;
	char	*s;
	int	 yes = 0;

	if (a->nauthors == 0 || len > 600)
		return (0);
	s = xstrndup(block, head);
	for (i = 0; i < a->nauthors && !yes; i++)
		yes = strchr(a->authors[i], ' ') != NULL &&
		    (a->site_name == NULL ||
		    strcmp(a->site_name, a->authors[i]) != 0) &&
		    (strstr(s, a->authors[i]) != NULL ||
		    clean_introduces(s, a->authors[i]));
	free(s);
	return (yes);
}

/*
 * Is this block a note on the site itself ("Hechinger Report is a
 * nonprofit...", "Note from Harbour Post: ..."): the site's name, as
 * the metadata gives it (before a " | " or " - " tagline), early in a
 * short paragraph?
 */
static int
clean_site_note(const struct clean_article *a, const char *block,
    size_t len)
{
	static const char *const seps[] = {
		" | ", " - ", " \xe2\x80\x93 ", ": ",
	};
	size_t		 i, name, head = len < 100 ? len : 100;
	const char	*sep;
	char		*s, *site;
	int		 yes;

	if (a->site_name == NULL || len > 600)
		return (0);
	name = strlen(a->site_name);
	for (i = 0; i < UTIL_ARRLEN(seps); i++) {
		if ((sep = strstr(a->site_name, seps[i])) != NULL &&
		    (size_t)(sep - a->site_name) < name)
			name = sep - a->site_name;
	}
	if (name < 4)
		return (0);
	s = xstrndup(block, head);
	site = xstrndup(a->site_name, name);
	yes = strstr(s, site) != NULL;
	free(site);
	free(s);
	return (yes);
}

/* The numbered form of the text's block at start, and its length. */
static const char *
clean_numbered_block(const struct clean_article *a, const char *start,
    size_t *len)
{
	const char	*p, *end;
	size_t		 k = 0;

	for (p = a->text; (p = strstr(p, "\n\n")) != NULL && p < start;
	    p += 2)
		k++;
	for (p = a->numbered; k > 0 && (p = strstr(p, "\n\n")) != NULL;
	    k--)
		p += 2;
	if (p == NULL)
		return (NULL);
	end = strstr(p, "\n\n");
	*len = end != NULL ? (size_t)(end - p) : strlen(p);
	return (p);
}

/* Does the item end with a link's mark, "[12]"? */
static int
clean_item_linked(const char *item, size_t len)
{
	size_t	 d = 0;

	if (len < 3 || item[len - 1] != ']')
		return (0);
	while (d + 2 < len && isdigit((unsigned char)item[len - 2 - d]))
		d++;
	return (d > 0 && item[len - 2 - d] == '[');
}

/*
 * A row of links to the site's pages, "You are looking for: Agency
 * Berlin / Agency Cologne / ...": a short label perhaps, then items of
 * a few words between slashes or bars, three in four of them links.
 * num is the block's numbered form.
 */
static int
clean_link_row(const char *num, size_t len)
{
	const char	*p = num, *end = num + len, *sep, *colon;
	size_t		 items = 0, links = 0;

	if (len > 4000 || memchr(num, '\n', len) != NULL)
		return (0);
	colon = memchr(num, ':', len < 40 ? len : 40);
	if (colon != NULL && colon + 1 < end && colon[1] == ' ')
		p = colon + 2;
	while (p < end) {
		for (sep = p; sep + 3 <= end && memcmp(sep, " / ", 3) != 0 &&
		    memcmp(sep, " | ", 3) != 0; sep++)
			;
		if (sep + 3 > end)
			sep = end;
		if (sep == p || sep - p > CLEAN_ROW_ITEM)
			return (0);
		items++;
		links += clean_item_linked(p, (size_t)(sep - p));
		p = sep + 3;
	}
	return (items >= 2 && links * 4 >= items * 3);
}

/* The start of the block (paragraph) of text that ends at end. */
static char *
clean_block_start(char *text, size_t end)
{
	char	*start;

	for (start = text + end; start > text && !(start - text >= 2 &&
	    start[-1] == '\n' && start[-2] == '\n'); start--)
		;
	return (start);
}

/*
 * Is this block at the article's end furniture: a bare label, a call to
 * action, a note on the author or the site, a row of links?
 */
static int
clean_tail_block(const struct clean_article *a, const char *start,
    size_t len, int prose)
{
	const char	*num;
	size_t		 nlen;

	return (clean_tail_furniture(start, len, prose) ||
	    clean_author_note(a, start, len) ||
	    clean_site_note(a, start, len) ||
	    ((num = clean_numbered_block(a, start, &nlen)) != NULL &&
	    clean_link_row(num, nlen)));
}

/*
 * Blocks at the article's end that are furniture (a bare label, a call
 * to action, a note on the author or the site) cut from both texts,
 * within limits.
 */
static void
clean_trim_tail(struct clean_article *a)
{
	char		*text = a->text, *start, *next, *before;
	size_t		 end = strlen(text), total = end, blocks = 1;
	size_t		 cut = 0, len;
	int		 prose = clean_has_prose(text, end);

	/*
	 * A closing "more to read" section in the last quarter, a note on
	 * the author in the second half: all of it.
	 */
	for (start = text; start != NULL; start = next) {
		next = strstr(start, "\n\n");
		len = next != NULL ? (size_t)(next - start) : strlen(start);
		if (start > text && (((size_t)(start - text) * 4 >= total * 3 &&
		    (clean_related_heading(start, len) ||
		    clean_closing_block(start, len) ||
		    (next != NULL && clean_author_picture(start, len,
		    next + 2, strlen(next + 2))))) ||
		    ((size_t)(start - text) * 2 >= total &&
		    clean_closing_block(start, len) == 2))) {
			end = start - text - 2;
			cut++;
			break;
		}
		if (next != NULL)
			next += 2;
	}
	while (cut < 8 && end > 0) {
		start = clean_block_start(text, end);
		len = text + end - start;
		if (start == text || (total - (start - text)) * 3 > total)
			break;
		/* A signature goes with the appeal it signs. */
		if (!clean_tail_block(a, start, len, prose) &&
		    !(clean_signature(start, len) && start - text > 2 &&
		    (before = clean_block_start(text, start - text - 2)) >
		    text && clean_tail_block(a, before, start - 2 - before,
		    prose)))
			break;
		end = start - text - 2;
		cut++;
	}
	if (cut == 0)
		return;
	text[end] = '\0';
	for (start = text; (start = strstr(start, "\n\n")) != NULL;
	    start += 2)
		blocks++;
	a->numbered[clean_blocks_end(a->numbered, blocks)] = '\0';
}

/* The blocks (paragraphs) of text: their starts and lengths. */
static size_t
clean_blocks(const char *text, const char **start, size_t *len)
{
	const char	*p = text, *end;
	size_t		 n = 0;

	for (;;) {
		end = strstr(p, "\n\n");
		if (start != NULL) {
			start[n] = p;
			len[n] = end != NULL ? (size_t)(end - p) : strlen(p);
		}
		n++;
		if (end == NULL)
			return (n);
		p = end + 2;
	}
}

/*
 * Is block k wholly one link: its numbered form is its text and one
 * mark, and the link's words are the block's?
 */
static int
clean_link_block(const struct clean_article *a, const char *text,
    size_t tlen, const char *num, size_t nlen)
{
	size_t	 n = 0, i, llen;

	if (tlen == 0 || tlen > 100 || nlen < tlen + 3 ||
	    memcmp(text, num, tlen) != 0 || num[tlen] != '[' ||
	    num[nlen - 1] != ']')
		return (0);
	for (i = tlen + 1; i < nlen - 1; i++) {
		if (num[i] < '0' || num[i] > '9' || n > 100000)
			return (0);
		n = n * 10 + (size_t)(num[i] - '0');
	}
	if (n == 0 || n > a->nlinks || a->links[n - 1].text == NULL)
		return (0);
	llen = strlen(a->links[n - 1].text);
	return (llen * 10 >= tlen * 8);
}

/* The blocks of both texts, side by side, and which of them to drop. */
struct clean_blocks {
	const char	**ts, **ns;
	size_t		 *tl, *nl;
	size_t		  n;
	unsigned char	 *drop;
	unsigned char	 *bare;		/* an image line, its alt left out */
};

/* a's texts as blocks, or NULL when the two do not pair up. */
static struct clean_blocks *
clean_blocks_new(const struct clean_article *a)
{
	struct clean_blocks	*b;

	b = xcalloc(1, sizeof *b);
	b->n = clean_blocks(a->text, NULL, NULL);
	if (clean_blocks(a->numbered, NULL, NULL) != b->n) {
		free(b);
		return (NULL);
	}
	b->ts = xreallocarray(NULL, b->n, sizeof *b->ts);
	b->ns = xreallocarray(NULL, b->n, sizeof *b->ns);
	b->tl = xreallocarray(NULL, b->n, sizeof *b->tl);
	b->nl = xreallocarray(NULL, b->n, sizeof *b->nl);
	b->drop = xcalloc(b->n, 1);
	b->bare = xcalloc(b->n, 1);
	clean_blocks(a->text, b->ts, b->tl);
	clean_blocks(a->numbered, b->ns, b->nl);
	return (b);
}

static void
clean_blocks_free(struct clean_blocks *b)
{
	if (b == NULL)
		return;
	free(b->ts);
	free(b->ns);
	free(b->tl);
	free(b->nl);
	free(b->drop);
	free(b->bare);
	free(b);
}

/*
 * A block that is a link alone, the same words three times or more
 * ("Compare deals at ...", "Buy it at ..."): a recurring advertisement
 * between the items of a list, every copy dropped.
 */
static void
clean_mark_repeats(const struct clean_article *a, struct clean_blocks *b)
{
	size_t	 i, k, same;

	for (i = 0; i < b->n; i++) {
		if (b->drop[i] || !clean_link_block(a, b->ts[i], b->tl[i],
		    b->ns[i], b->nl[i]))
			continue;
		for (same = 1, k = i + 1; k < b->n; k++)
			same += b->tl[k] == b->tl[i] && memcmp(b->ts[k],
			    b->ts[i], b->tl[i]) == 0;
		if (same < 3)
			continue;
		for (k = i; k < b->n; k++) {
			if (b->tl[k] == b->tl[i] && memcmp(b->ts[k], b->ts[i],
			    b->tl[i]) == 0 && clean_link_block(a, b->ts[k],
			    b->tl[k], b->ns[k], b->nl[k]))
				b->drop[k] = 1;
		}
	}
}

/* Is this line a picture's credit ("Photo: Ana Ruiz / Reuters")? */
static int
clean_credit_line(const char *line, size_t len)
{
	static const char *const words[] = {
		"photo", "foto", "фото", "image", "credit:", "credits:",
		"courtesy", "\xc2\xa9", "getty", "reuters", "afp",
		"associated press", "shutterstock", "bild:", "quelle:",
		"crédit",
	};
	char	 low[152];
	size_t	 i;

	if (len < 8 || len > 150 || memchr(line, '\n', len) != NULL)
		return (0);
	for (i = 0; i < len; i++)
		low[i] = (char)tolower((unsigned char)line[i]);
	low[len] = '\0';
	for (i = 0; i < UTIL_ARRLEN(words); i++) {
		if (strstr(low, words[i]) != NULL)
			return (1);
	}
	return (0);
}

/*
 * A picture's credit written again word for word under every picture:
 * every copy after the first dropped.
 */
static void
clean_mark_echoes(struct clean_blocks *b)
{
	size_t	 i, k;

	for (i = 0; i < b->n; i++) {
		if (b->drop[i] || !clean_credit_line(b->ts[i], b->tl[i]))
			continue;
		for (k = i + 1; k < b->n; k++) {
			if (b->tl[k] == b->tl[i] && memcmp(b->ts[k], b->ts[i],
			    b->tl[i]) == 0)
				b->drop[k] = 1;
		}
	}
}

/*
 * A block written again right after itself (a gallery's caption under
 * the slide, the thumbnail and the lightbox): the copies within the
 * next CLEAN_COPY_WINDOW blocks dropped.
 */
#define CLEAN_COPY_WINDOW	3

/* A caption's kind of block: one short line, not a quote or table row. */
static int
clean_copy_kind(const char *block, size_t len)
{
	size_t	 i;

	if (len < 20 || len > 200 || memchr(block, '\n', len) != NULL ||
	    block[0] == '>' || block[0] == '|' || block[0] == ' ' ||
	    block[0] == '\t')
		return (0);
	for (i = 0; i + 3 <= len; i++) {
		if (memcmp(block + i, " | ", 3) == 0)
			return (0);
	}
	return (1);
}

static void
clean_mark_copies(struct clean_blocks *b)
{
	size_t	 i, k;

	for (i = 0; i < b->n; i++) {
		if (b->drop[i] || !clean_copy_kind(b->ts[i], b->tl[i]))
			continue;
		for (k = i + 1; k < b->n && k <= i + CLEAN_COPY_WINDOW; k++) {
			if (b->tl[k] == b->tl[i] && memcmp(b->ts[k], b->ts[i],
			    b->tl[i]) == 0)
				b->drop[k] = 1;
		}
	}
}

/*
 * The story printed again further down (the page's copy of it for
 * another screen size, a tab repeating it): a run of this many
 * paragraphs or more, each the same as the one the same distance
 * before, the first of them this long (bytes) or longer.  A paragraph
 * said twice on its own stays: texts do quote themselves.
 */
#define CLEAN_REPRINT_RUN	4
#define CLEAN_REPRINT_MIN	60

struct clean_print {
	uint32_t	 hash;
	size_t		 i;
};

static int
clean_print_cmp(const void *a, const void *b)
{
	const struct clean_print *x = a, *y = b;

	if (x->hash != y->hash)
		return (x->hash < y->hash ? -1 : 1);
	return (x->i < y->i ? -1 : x->i > y->i);
}

static int
clean_same_block(const struct clean_blocks *b, size_t i, size_t k)
{
	return (b->tl[i] == b->tl[k] &&
	    memcmp(b->ts[i], b->ts[k], b->tl[k]) == 0);
}

/* first[k]: the first block before k with k's text, or k itself. */
static void
clean_first_copies(const struct clean_blocks *b, size_t *first)
{
	struct clean_print	*p;
	size_t			 i, k, g, m = 0;
	uint32_t		 h;

	p = xreallocarray(NULL, b->n, sizeof *p);
	for (i = 0; i < b->n; i++) {
		first[i] = i;
		if (b->tl[i] < CLEAN_REPRINT_MIN)
			continue;
		for (h = 2166136261u, k = 0; k < b->tl[i]; k++)
			h = (h ^ (unsigned char)b->ts[i][k]) * 16777619u;
		p[m].hash = h;
		p[m++].i = i;
	}
	qsort(p, m, sizeof *p, clean_print_cmp);
	for (g = 0, k = 1; k < m; k++) {
		if (p[k].hash != p[g].hash) {
			g = k;
			continue;
		}
		for (i = g; i < k && first[p[k].i] == p[k].i; i++) {
			if (first[p[i].i] == p[i].i &&
			    clean_same_block(b, p[i].i, p[k].i))
				first[p[k].i] = p[i].i;
		}
	}
	free(p);
}

static void
clean_mark_reprints(struct clean_blocks *b)
{
	size_t	*first, k, i, r;

	first = xreallocarray(NULL, b->n, sizeof *first);
	clean_first_copies(b, first);
	for (k = 0; k < b->n; k++) {
		if ((i = first[k]) == k || b->drop[k])
			continue;
		for (r = 0; k + r < b->n && i + r < k &&
		    clean_same_block(b, i + r, k + r); r++)
			;
		if (r < CLEAN_REPRINT_RUN)
			continue;
		while (r-- > 0)
			b->drop[k++] = 1;
		k--;
	}
	free(first);
}

/* Length of a list item's "- " or "12. " opening, or 0. */
static size_t
clean_item_prefix(const char *line, size_t len)
{
	size_t	 d;

	if (len > 2 && line[0] == '-' && line[1] == ' ')
		return (2);
	d = strspn(line, "0123456789");
	if (d > 0 && d < 4 && d + 2 < len && line[d] == '.' &&
	    line[d + 1] == ' ')
		return (d + 2);
	return (0);
}

/*
 * Is this block a list of headlines: three items or more, each a link
 * alone of three words or more ("Most read", "More from us")?
 */
static int
clean_headline_list(const struct clean_article *a, const char *t, size_t tl,
    const char *n, size_t nl)
{
	const char	*te, *ne;
	size_t		 items = 0, p, len, nlen;

	while (tl > 0) {
		te = memchr(t, '\n', tl);
		ne = memchr(n, '\n', nl);
		len = te != NULL ? (size_t)(te - t) : tl;
		nlen = ne != NULL ? (size_t)(ne - n) : nl;
		if ((te == NULL) != (ne == NULL) ||
		    (p = clean_item_prefix(t, len)) == 0 || nlen < p ||
		    memchr(t + p, ' ', len - p) == NULL ||
		    !clean_link_block(a, t + p, len - p, n + p, nlen - p))
			return (0);
		items++;
		if (te == NULL)
			break;
		tl -= len + 1;
		nl -= nlen + 1;
		t = te + 1;
		n = ne + 1;
	}
	return (items >= 3);
}

/*
 * Headline lists under a heading that names them ("Most read",
 * "Trending", "More from ..."), dropped with their heading.
 */
static void
clean_mark_headline_lists(const struct clean_article *a,
    struct clean_blocks *b)
{
	size_t	 i;

	for (i = 1; i < b->n; i++) {
		if (b->drop[i] || !clean_list_heading(b->ts[i - 1],
		    b->tl[i - 1]) || !clean_headline_list(a, b->ts[i],
		    b->tl[i], b->ns[i], b->nl[i]))
			continue;
		b->drop[i - 1] = b->drop[i] = 1;
	}
}

/* The next word of s (letters and digits, any beyond ASCII), or NULL. */
static const char *
clean_next_word(const char *s, const char *end, size_t *len)
{
	const char	*w;

	while (s < end && !isalnum((unsigned char)*s) &&
	    (unsigned char)*s < 0x80)
		s++;
	if (s == end)
		return (NULL);
	for (w = s; s < end && (isalnum((unsigned char)*s) ||
	    (unsigned char)*s >= 0x80); s++)
		;
	*len = s - w;
	return (w);
}

/* Up to max words of s: their starts and lengths; returns the count. */
static size_t
clean_words(const char *s, size_t len, const char **w, size_t *wl,
    size_t max)
{
	const char	*p = s, *end = s + len;
	size_t		 n = 0;

	while (n < max && (w[n] = clean_next_word(p, end, &wl[n])) != NULL) {
		p = w[n] + wl[n];
		n++;
	}
	return (n);
}

/*
 * Does a block beside an image's line say what its alt text says: the
 * alt's words (three at least), three in five of them running in the
 * block in the same order, or four in five in a caption not much
 * longer than the alt?  A caption under the picture, the alt a cut copy
 * of it ("[image: a dune at dawn...]"); a paragraph that only shares
 * its words says something else.
 */
static int
clean_alt_echoed(const char *alt, size_t alen, const char *block,
    size_t blen)
{
	const char	*aw[64], *bw[256];
	size_t		 al[64], bl[256], na, nb, i, k, run, best = 0, found;
	size_t		 prev[257], cur[257];

	if (blen > 1000)
		return (0);
	na = clean_words(alt, alen, aw, al, UTIL_ARRLEN(aw));
	nb = clean_words(block, blen, bw, bl, UTIL_ARRLEN(bw));
	if (na < 3)
		return (0);
	/*
	 * The longest run of words the two share, in order, and how many
	 * of the alt's words the block has at all.
	 */
	memset(prev, 0, sizeof prev);
	for (i = 0, found = 0; i < na; i++) {
		cur[0] = 0;
		for (k = 0, run = 0; k < nb; k++) {
			cur[k + 1] = al[i] == bl[k] && strncasecmp(aw[i], bw[k],
			    al[i]) == 0 ? prev[k] + 1 : 0;
			if (cur[k + 1] > best)
				best = cur[k + 1];
			run |= cur[k + 1] > 0;
		}
		found += run;
		memcpy(prev, cur, sizeof prev);
	}
	/* A caption not much longer may say them in its own order. */
	return (best * 5 >= na * 3 ||
	    (blen <= alen * 2 + 40 && found * 5 >= na * 4));
}

/* Is block i an image's line, "[image: ALT]", its mark after it? */
static int
clean_image_line(const struct clean_blocks *b, size_t i)
{
	return (b->tl[i] > 9 && strncmp(b->ts[i], "[image: ", 8) == 0 &&
	    b->ts[i][b->tl[i] - 1] == ']' &&
	    memchr(b->ts[i], '\n', b->tl[i]) == NULL &&
	    b->nl[i] >= b->tl[i] && memcmp(b->ns[i], b->ts[i], b->tl[i]) == 0);
}

/*
 * An image whose alt text the caption beside it repeats, or the
 * headline (a lead picture's alt is often the headline again): the line
 * says "[image]" and keeps its link, the words are said once.
 */
static void
clean_mark_bare_images(const struct clean_article *a, struct clean_blocks *b)
{
	size_t	 i, k;

	for (i = 0; i < b->n; i++) {
		if (b->drop[i] || !clean_image_line(b, i))
			continue;
		if (a->title != NULL && clean_alt_echoed(b->ts[i] + 8,
		    b->tl[i] - 9, a->title, strlen(a->title))) {
			b->bare[i] = 1;
			continue;
		}
		for (k = i > 0 ? i - 1 : i + 1; k <= i + 1 && k < b->n;
		    k += 2) {
			if (!b->drop[k] && !clean_image_line(b, k) &&
			    clean_alt_echoed(b->ts[i] + 8, b->tl[i] - 9,
			    b->ts[k], b->tl[k])) {
				b->bare[i] = 1;
				break;
			}
		}
	}
}

/* Both texts again without the blocks marked to drop. */
static void
clean_rebuild(struct clean_article *a, const struct clean_blocks *b)
{
	struct buf	 t, n;
	size_t		 i;
	int		 first = 1;

	buf_init(&t, 0);
	buf_init(&n, 0);
	for (i = 0; i < b->n; i++) {
		if (b->drop[i])
			continue;
		if (!first) {
			buf_adds(&t, "\n\n");
			buf_adds(&n, "\n\n");
		}
		first = 0;
		if (b->bare[i]) {
			/* The numbered line is the text line and its mark. */
			buf_adds(&t, "[image]");
			buf_adds(&n, "[image]");
			buf_add(&n, b->ns[i] + b->tl[i], b->nl[i] - b->tl[i]);
			continue;
		}
		buf_add(&t, b->ts[i], b->tl[i]);
		buf_add(&n, b->ns[i], b->nl[i]);
	}
	free(a->text);
	free(a->numbered);
	a->text = buf_steal(&t);
	a->numbered = buf_steal(&n);
}

/* Blocks that are furniture wherever they stand, cut from both texts. */
static void
clean_drop_blocks(struct clean_article *a)
{
	struct clean_blocks	*b;
	size_t			 i;

	if ((b = clean_blocks_new(a)) == NULL)
		return;
	clean_mark_repeats(a, b);
	clean_mark_echoes(b);
	clean_mark_copies(b);
	clean_mark_reprints(b);
	clean_mark_headline_lists(a, b);
	clean_mark_bare_images(a, b);
	for (i = 0; i < b->n; i++) {
		if (b->drop[i] || b->bare[i]) {
			clean_rebuild(a, b);
			break;
		}
	}
	clean_blocks_free(b);
}

/* Is this block the byline: short, and naming the first author? */
static int
clean_byline_block(const struct clean_article *a, const char *block,
    size_t len)
{
	char	*s;
	int	 yes;

	if (a->nauthors == 0 || a->byline == NULL ||
	    len > strlen(a->byline) + 60)
		return (0);
	s = xstrndup(block, len);
	yes = strstr(s, a->authors[0]) != NULL;
	free(s);
	return (yes);
}

/* A lead picture's line or its credit, which may stand above a byline. */
static int
clean_picture_block(const char *block, size_t len)
{
	return ((len > 8 && strncmp(block, "[image: ", 8) == 0 &&
	    block[len - 1] == ']') || clean_credit_line(block, len));
}

/*
 * Blocks opening the article that are notes, bylines or the author's
 * note, cut; a lead picture and its credit above them stay.  A byline
 * found here names the authors when the page's metadata did not.
 */
static void
clean_trim_head(struct clean_article *a)
{
	struct clean_blocks	*b;
	size_t			 i, cut = 0, total = strlen(a->text), end;

	if ((b = clean_blocks_new(a)) == NULL)
		return;
	for (i = 0; i + 1 < b->n && i < 8 && cut < 4; i++) {
		end = (size_t)(b->ts[i] - a->text) + b->tl[i];
		if (end * 4 > total)
			break;
		if (clean_picture_block(b->ts[i], b->tl[i]))
			continue;
		if (!clean_head_furniture(b->ts[i], b->tl[i]) &&
		    !clean_byline_block(a, b->ts[i], b->tl[i]) &&
		    !clean_meta_byline(a, b->ts[i], b->tl[i]))
			break;
		b->drop[i] = 1;
		cut++;
	}
	if (cut > 0)
		clean_rebuild(a, b);
	clean_blocks_free(b);
}

/*
 * Length of a link's mark ("[12]") at n in the numbered text, its number
 * in *k, when t (the plain text at the same place) does not go on with
 * the same characters; a page's own "[3]" is in both.  The mark comes
 * right after the link's words: "[3][3]" against "[3]" is a mark first.
 */
static size_t
clean_mark_at(const char *n, const char *t, size_t nlinks, size_t *k)
{
	size_t	 d = n[0] == '[' ? strspn(n + 1, "0123456789") : 0, len;

	if (d == 0 || d > 6 || n[d + 1] != ']')
		return (0);
	len = d + 2;
	if (strncmp(n, t, len) == 0 && strncmp(n + len, n, len) != 0)
		return (0);
	*k = (size_t)strtoul(n + 1, NULL, 10);
	return (*k >= 1 && *k <= nlinks ? len : 0);
}

/*
 * The links the text still marks, numbered again from 1 in the order
 * they come: the passes that cut blocks after rendering leave the links
 * of those blocks behind, and gaps in the numbers.
 */
static void
clean_renumber(struct clean_article *a)
{
	struct clean_link	*links;
	struct buf		 b;
	const char		*n = a->numbered, *t = a->text;
	size_t			*map, i, k, len, count = 0;

	if (a->nlinks == 0 || n == NULL)
		return;
	map = xcalloc(a->nlinks, sizeof *map);
	buf_init(&b, 0);
	while (*n != '\0') {
		if ((len = clean_mark_at(n, t, a->nlinks, &k)) != 0) {
			if (map[k - 1] == 0)
				map[k - 1] = ++count;
			buf_printf(&b, "[%zu]", map[k - 1]);
			n += len;
		} else if (*n == *t) {
			buf_addc(&b, *n++);
			t++;
		} else
			break;
	}
	if (*n != '\0' || *t != '\0') {
		/* The two texts do not agree: leave them be. */
		free(buf_steal(&b));
		free(map);
		return;
	}
	links = xcalloc(count > 0 ? count : 1, sizeof *links);
	for (i = 0; i < a->nlinks; i++) {
		if (map[i] != 0)
			links[map[i] - 1] = a->links[i];
		else {
			free(a->links[i].url);
			free(a->links[i].text);
		}
	}
	free(a->links);
	a->links = links;
	a->nlinks = count;
	free(a->numbered);
	a->numbered = buf_steal(&b);
	free(map);
}

/* An account shorter than this (bytes) says nothing of the blocks. */
#define CLEAN_ACCOUNT_MIN	500
/* A block this long (bytes) may be prose the account left out. */
#define CLEAN_ACCOUNT_PROSE	200

/*
 * Mark blocks from to end that share no words with the account, when
 * they are few and small (at most 4 blocks, an eighth of the text):
 * more is a part of the article the account left out.
 */
static size_t
clean_account_cut(struct clean_blocks *b, const int *share, size_t from,
    size_t end, size_t total)
{
	size_t	 i, n = 0, bytes = 0, long_blocks = 0;

	for (i = from; i < end; i++) {
		if (share[i] >= 20)
			return (0);
		if (!clean_picture_block(b->ts[i], b->tl[i])) {
			n++;
			bytes += b->tl[i];
			long_blocks += b->tl[i] >= CLEAN_ACCOUNT_PROSE;
		}
	}
	/* A paragraph of the article the account summed up, perhaps. */
	if (long_blocks > 1)
		return (0);
	if (n == 0 || n > 4 || bytes * 8 > total)
		return (0);
	for (i = from; i < end; i++)
		b->drop[i] = !clean_picture_block(b->ts[i], b->tl[i]);
	return (n);
}

/*
 * A second account of the article (JSON-LD's articleBody) mostly found
 * in the text: the blocks before the first and after the last that it
 * holds, sharing no words with it, are furniture (a "listen to this"
 * line, the author's note), cut from both texts.  Never trusted
 * blindly: many accounts are a summary, so a long run of prose it
 * leaves out stays.
 */
static void
clean_trim_account(struct clean_article *a, const char *body)
{
	struct clean_blocks	*b;
	struct clean_account	*acc;
	size_t			 i, first, last, cut = 0;
	int			*share, found = 0;
	size_t			 total = strlen(a->text);

	if (body == NULL || strlen(body) < CLEAN_ACCOUNT_MIN ||
	    clean_evidence(a->text, body) < 60)
		return;
	if ((b = clean_blocks_new(a)) == NULL)
		return;
	acc = clean_account_new(body);
	share = xreallocarray(NULL, b->n, sizeof *share);
	first = last = 0;
	for (i = 0; i < b->n; i++) {
		share[i] = clean_account_share(acc, b->ts[i], b->tl[i]);
		if (share[i] >= 50) {
			if (!found)
				first = i;
			last = i;
			found = 1;
		}
	}
	if (!found)
		goto out;
	cut += clean_account_cut(b, share, 0, first, total);
	cut += clean_account_cut(b, share, last + 1, b->n, total);
	if (cut > 0)
		clean_rebuild(a, b);
out:
	free(share);
	clean_account_free(acc);
	clean_blocks_free(b);
}

/* Length of s with each run of white space one space. */
static size_t
clean_squeezed_len(const char *s)
{
	char	*t = clean_squeeze(s);
	size_t	 n = strlen(t);

	free(t);
	return (n);
}

int
clean_page(const char *html, size_t len, const char *url,
    const char *http_charset, struct clean_article *out)
{
	struct clean_render	 cs;
	struct clean_article	 a;
	xmlDoc			*doc;
	char			*utf8, *body = NULL, *h1 = NULL;
	size_t			 ulen;
	int			 copied;

	memset(out, 0, sizeof *out);
	if (html == NULL)
		len = 0;
	utf8 = clean_charset_utf8(html != NULL ? html : "", len,
	    http_charset, &ulen, &copied);
	if ((doc = clean_parse(utf8, ulen, url)) != NULL) {
		clean_meta(doc, url, out, &body, &h1);
		clean_page_text(utf8, ulen, url, doc, out);
	}
	/*
	 * The account replaces the text when it is much longer (its runs
	 * of white space counted once: a site's account may be its page's
	 * text with the layout's indents) or when the text holds almost
	 * none of it.
	 */
	if (body != NULL && (out->text == NULL ||
	    clean_squeezed_len(body) > 2 * strlen(out->text) + 200 ||
	    (strlen(body) >= 400 && clean_evidence(out->text, body) < 20))) {
		memset(&a, 0, sizeof a);
		clean_render_init(&cs, url);
		clean_render_text(&cs, body);
		clean_render_done(&cs, &a);
		clean_take_text(out, &a);
	}
	if (out->text == NULL)
		out->text = xstrdup("");
	clean_mend(out);
	clean_drop_headline(out, h1);
	free(h1);
	clean_split_marks(out);
	clean_trim_account(out, body);
	clean_trim_tail(out);
	clean_trim_head(out);
	clean_drop_blocks(out);
	clean_renumber(out);
	free(body);
	if (copied)
		free(utf8);
	return (out->text[0] == '\0' ? -1 : 0);
}

void
clean_article_free(struct clean_article *a)
{
	size_t	 i;

	free(a->title);
	free(a->byline);
	for (i = 0; i < a->nauthors; i++)
		free(a->authors[i]);
	free(a->authors);
	free(a->published);
	free(a->modified);
	free(a->site_name);
	free(a->lang);
	free(a->image);
	free(a->image_alt);
	free(a->canonical);
	free(a->text);
	free(a->numbered);
	for (i = 0; i < a->nlinks; i++) {
		free(a->links[i].url);
		free(a->links[i].text);
	}
	free(a->links);
	memset(a, 0, sizeof *a);
}
