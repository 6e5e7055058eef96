/*
 * Finding the article in a page: furniture pruned by tag, role and
 * class words, paragraphs scored into their ancestors, the best
 * candidate and its qualifying siblings kept, then cleaned conditionally.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clean-int.h"
#include "xml.h"

/* What the scorer knows of one element (in its _private). */
struct clean_info {
	double		 score;
	unsigned	 text;		/* characters, white space aside */
	unsigned	 links;		/* of which inside <a> */
	unsigned	 commas;
	unsigned	 own;		/* text outside child blocks */
	unsigned	 own_commas;
	unsigned	 paragraphs, images, items, inputs, embeds, headings;
	unsigned	 page_links;	/* links to places in the page */
	unsigned	 page_link_text;	/* their characters */
	unsigned	 buttons;	/* links dressed as buttons */
	unsigned	 after_button;	/* text after the last of them */
	int		 weight;	/* class and id words */
	unsigned	 blocks : 1;	/* has a block child */
	unsigned	 scored : 1;
	unsigned	 common : 1;	/* its class is a layout's */
	unsigned	 strong : 1;	/* holds a near-best candidate */
	unsigned	 teasers : 1;	/* a list of other stories' teasers */
	unsigned	 in_teasers : 1;	/* inside such a list */
};

struct clean_scan {
	struct clean_info *info;
	struct clean_info *orig;	/* info before conditional cleaning */
	size_t		   ninfo;
	xmlNode		 **cand;
	size_t		   ncand;
	int		   flags;
	unsigned	   root_text;	/* of the node being cleaned */
	unsigned	   total_text;	/* of all the nodes kept */
	int		   skip_teasers; /* a story stands beside teasers */
	xmlNode		  *story;	/* the best candidate, before climbing */
};

#define INFO(n) ((struct clean_info *)(n)->_private)

/* The most text a promotion's box keeps beside its button. */
#define CLEAN_PROMO_TEXT	300

/* Elements wearing one class that make it a layout's scaffolding. */
#define CLEAN_COMMON_CLASS	5

static int
clean_is(const xmlNode *n, const char *name)
{
	return (n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0);
}

static int
clean_is_heading(const xmlNode *n)
{
	const char	*s = (const char *)n->name;

	return (s[0] == 'h' && s[1] >= '1' && s[1] <= '6' && s[2] == '\0');
}

/* Characters (code points, white space aside) and commas of a text. */
static void
clean_measure(const xmlChar *s, unsigned *chars, unsigned *commas)
{
	unsigned	 n = 0, c = 0;
	xmlChar		 b;

	for (; (b = *s) != '\0'; s++) {
		/* Printable ASCII first: most of any text. */
		if (b > ' ' && b < 0x80) {
			n++;
			c += b == ',';
			continue;
		}
		if (b == ' ' || b == '\n' || b == '\t' || b == '\r' ||
		    (b & 0xc0) == 0x80)
			continue;
		n++;
		/* The full-width, ideographic and Arabic commas. */
		if ((b == 0xef && s[1] == 0xbc && s[2] == 0x8c) ||
		    (b == 0xe3 && s[1] == 0x80 && s[2] == 0x81) ||
		    (b == 0xd8 && s[1] == 0x8c))
			c++;
	}
	*chars += n;
	*commas += c;
}

/*
 * The class or id words v of n.  "Header" says nothing against a
 * heading (a newsletter marks every section heading "header-anchor"),
 * nor against the question heading an accordion's answer
 * ("accordion-item-header", "faq-header").
 */
static int
clean_node_words(const xmlNode *n, const char *v)
{
	char	*copy, *p;
	int	 f;

	if (util_strcasestr(v, "header") == NULL || (!clean_is_heading(n) &&
	    util_strcasestr(v, "accordion") == NULL &&
	    util_strcasestr(v, "faq") == NULL &&
	    util_strcasestr(v, "collaps") == NULL &&
	    util_strcasestr(v, "toggle") == NULL))
		return (clean_attr_words(v));
	copy = xstrdup(v);
	for (p = copy; (p = util_strcasestr(p, "header")) != NULL; p += 6)
		memcpy(p, "xxxxxx", 6);
	f = clean_attr_words(copy);
	free(copy);
	return (f);
}

static int
clean_class_weight(xmlNode *n)
{
	const char	*v;
	int		 w = 0, f, i;
	static const char *const attrs[] = { "class", "id" };

	for (i = 0; i < 2; i++) {
		if ((v = clean_attr(n, attrs[i])) == NULL)
			continue;
		f = clean_node_words(n, v);
		if (f & CLEAN_ATTR_NEGATIVE)
			w -= 25;
		if (f & CLEAN_ATTR_POSITIVE)
			w += 25;
	}
	return (w);
}

/* Is n a link to a place in this same page ("#costs")? */
static int
clean_page_link(const xmlNode *n)
{
	const char	*v;

	return (clean_is(n, "a") && (v = clean_attr(n, "href")) != NULL &&
	    v[0] == '#' && v[1] != '\0');
}

static int	clean_button_link(const xmlNode *);

/* Add a finished child's figures into its parent's. */
static void
clean_stats_add(struct clean_info *p, xmlNode *child)
{
	struct clean_info	*c = INFO(child);
	const char		*name = (const char *)child->name;

	p->text += c->text;
	p->commas += c->commas;
	p->links += strcmp(name, "a") == 0 ? c->text : c->links;
	p->paragraphs += c->paragraphs + (strcmp(name, "p") == 0);
	p->images += c->images + (strcmp(name, "img") == 0);
	p->items += c->items + (strcmp(name, "li") == 0);
	p->inputs += c->inputs + (strcmp(name, "input") == 0 ||
	    strcmp(name, "textarea") == 0 || strcmp(name, "select") == 0);
	p->embeds += c->embeds + (strcmp(name, "iframe") == 0 ||
	    strcmp(name, "embed") == 0 || strcmp(name, "object") == 0 ||
	    strcmp(name, "video") == 0);
	p->headings += c->headings + clean_is_heading(child);
	if (clean_button_link(child)) {
		p->buttons++;
		p->after_button = 0;
	} else if (c->buttons > 0) {
		p->buttons += c->buttons;
		p->after_button = c->after_button;
	} else if (p->buttons > 0)
		p->after_button += c->text;
	if (clean_page_link(child)) {
		p->page_links++;
		p->page_link_text += c->text;
	} else {
		p->page_links += c->page_links;
		p->page_link_text += c->page_link_text;
	}
	if (clean_is_block(child))
		p->blocks = 1;
	else {
		p->own += c->text;
		p->own_commas += c->commas;
	}
}

/* The node after n inside root in document order; children unless skip. */
static xmlNode *
clean_next(xmlNode *n, xmlNode *root, int skip)
{
	if (!skip && n->type == XML_ELEMENT_NODE && n->children != NULL)
		return (n->children);
	while (n != root && n->next == NULL)
		n = n->parent;
	return (n == root ? NULL : n->next);
}

/* Give every element under root (and root) a zeroed clean_info. */
static void
clean_stats_attach(struct clean_scan *sc, xmlNode *root)
{
	xmlNode	*n;
	size_t	 count = 1, i = 0;

	for (n = root; n != NULL; n = clean_next(n, root, 0))
		count += n->type == XML_ELEMENT_NODE;
	free(sc->info);
	sc->info = xcalloc(count, sizeof *sc->info);
	sc->ninfo = count;
	for (n = root; n != NULL; n = clean_next(n, root, 0)) {
		if (n->type == XML_ELEMENT_NODE)
			n->_private = &sc->info[i++];
	}
}

/* Figures for every element under root, bottom up, without recursion. */
static void
clean_stats(xmlNode *root)
{
	xmlNode			*n = root->children;
	struct clean_info	*p;
	unsigned		 chars, commas;

	memset(INFO(root), 0, sizeof *INFO(root));
	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			memset(INFO(n), 0, sizeof *INFO(n));
			if (n->children != NULL && !clean_is_skipped(n)) {
				n = n->children;
				continue;
			}
		} else if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content != NULL) {
			p = INFO(n->parent);
			chars = commas = 0;
			clean_measure(n->content, &chars, &commas);
			p->own += chars;
			p->text += chars;
			p->own_commas += commas;
			p->commas += commas;
			if (p->buttons > 0)
				p->after_button += chars;
		}
		for (;;) {
			if (n->type == XML_ELEMENT_NODE)
				clean_stats_add(INFO(n->parent), n);
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (n == root)
				return;
		}
	}
}

/*
 * Is n a panel that a click opens (an accordion's answer, a tab), kept
 * hidden until then: labelled by its button, or named so?
 */
static int
clean_folded_panel(const xmlNode *n)
{
	const char	*v;

	if (clean_attr(n, "aria-labelledby") != NULL)
		return (1);
	if ((v = clean_attr(n, "role")) != NULL &&
	    (strcmp(v, "region") == 0 || strcmp(v, "tabpanel") == 0))
		return (1);
	return ((v = clean_attr(n, "class")) != NULL &&
	    (util_strcasestr(v, "accordion") != NULL ||
	    util_strcasestr(v, "collapse") != NULL));
}

static int
clean_hidden_style(const xmlNode *n)
{
	const char	*v;

	/* React's streamed content waits in <div hidden id="S:n">. */
	if (clean_attr(n, "hidden") != NULL)
		return ((v = clean_attr(n, "id")) == NULL || v[0] != 'S' ||
		    v[1] != ':');
	if ((v = clean_attr(n, "aria-hidden")) != NULL &&
	    strcmp(v, "true") == 0)
		return (1);
	if ((v = clean_attr(n, "style")) != NULL &&
	    (util_strcasestr(v, "display:none") != NULL ||
	    util_strcasestr(v, "display: none") != NULL ||
	    util_strcasestr(v, "visibility:hidden") != NULL ||
	    util_strcasestr(v, "visibility: hidden") != NULL))
		return (1);
	return (0);
}

/* Is n hidden from a reader who cannot open it? */
static int
clean_hidden(const xmlNode *n)
{
	return (clean_hidden_style(n) && !clean_folded_panel(n));
}

static int
clean_junk_role(const xmlNode *n)
{
	static const char *const roles[] = {
		"navigation", "menu", "menubar", "complementary", "alert",
		"alertdialog", "dialog", "banner", "contentinfo", "search",
	};
	const char	*v;
	size_t		 i;

	if ((v = clean_attr(n, "role")) == NULL)
		return (0);
	for (i = 0; i < UTIL_ARRLEN(roles); i++) {
		if (strcmp(v, roles[i]) == 0)
			return (1);
	}
	return (0);
}

static int
clean_words_of(const xmlNode *n)
{
	const char	*v;
	int		 f = 0;

	if ((v = clean_attr(n, "class")) != NULL)
		f |= clean_node_words(n, v);
	if ((v = clean_attr(n, "id")) != NULL)
		f |= clean_node_words(n, v);
	return (f);
}

static int
clean_is_container(const xmlNode *n)
{
	return (clean_is(n, "body") || clean_is(n, "html") ||
	    clean_is(n, "article") || clean_is(n, "main"));
}

/*
 * Paragraphs of prose under a class word that usually means furniture
 * ("read-more" holding the rest of the story): comments aside, keep it.
 * A list of captions (a gallery's "legends") is no story.
 */
static int
clean_long_prose(const xmlNode *n, int f)
{
	const struct clean_info	*i = INFO(n);

	return (!(f & CLEAN_ATTR_DISCUSSION) && i->text >= 1000 &&
	    i->links * 8 < i->text && i->paragraphs >= 3 &&
	    !clean_is(n, "ul") && !clean_is(n, "ol"));
}

/* Is n inside <pre> or <code>? */
static int
clean_in_code(const xmlNode *n)
{
	for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent) {
		if (clean_is(n, "pre") || clean_is(n, "code"))
			return (1);
	}
	return (0);
}

/*
 * The notes at the foot of a post (Markdown's footnotes, an endnotes
 * section): asides to the text, not the reading text itself.
 */
static int
clean_notes(const xmlNode *n)
{
	const char	*v;

	if (clean_attr(n, "data-footnotes") != NULL)
		return (1);
	if ((v = clean_attr(n, "role")) != NULL &&
	    (strcmp(v, "doc-endnotes") == 0 ||
	    strcmp(v, "doc-footnotes") == 0))
		return (1);
	return ((clean_is(n, "section") || clean_is(n, "div") ||
	    clean_is(n, "ol")) && (v = clean_attr(n, "class")) != NULL &&
	    (strcmp(v, "footnotes") == 0 ||
	    strncmp(v, "footnotes ", 10) == 0));
}

/*
 * A table of contents: three links or more to places in the page, of
 * words, not numbers (a listing's line numbers), and little else beside
 * them (its heading).
 */
static int
clean_contents(const xmlNode *n)
{
	const struct clean_info	*i = INFO(n);

	return (!clean_is_container(n) && i->page_links >= 3 &&
	    i->page_link_text >= i->page_links * 4 &&
	    i->page_link_text + 40 >= i->text &&
	    i->page_link_text * 10 >= i->text * 6);
}

/*
 * A link that moves within the page ("Jump to the list", "Skip to
 * recipe", "Back to top"), opening its line: the page's own
 * navigation, not its words.  Inside a sentence ("you can jump to the
 * end") it is the text.
 */
static int
clean_jump_link(const xmlNode *n)
{
	static const char *const opens[] = {
		"jump to", "skip to", "back to top", "go to top", "scroll to",
		"springe zu", "zum inhalt", "nach oben", "aller \xc3\xa0",
		"retour en haut", "saltar a", "ir a", "volver arriba",
		"\xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb9\xd1\x82\xd0\xb8 \xd0\xba",
	};
	const xmlNode	*s;
	xmlChar		*t;
	const char	*p;
	size_t		 i;
	int		 yes = 0;

	if (!clean_page_link(n) || INFO(n)->text > 40)
		return (0);
	for (s = n->prev; s != NULL; s = s->prev) {
		if (s->type == XML_ELEMENT_NODE || clean_words_node(s))
			return (0);
	}
	if ((t = xmlNodeGetContent(n)) == NULL)
		return (0);
	p = (const char *)t + strspn((const char *)t, " \t\r\n\f");
	for (i = 0; i < UTIL_ARRLEN(opens) && !yes; i++)
		yes = strncasecmp(p, opens[i], strlen(opens[i])) == 0;
	xmlFree(t);
	return (yes);
}

/* The heading of a table of contents: short, right before it. */
static int
clean_contents_label(const xmlNode *n)
{
	const xmlNode	*s;

	if (!clean_is_heading(n) && !clean_is(n, "p"))
		return (0);
	if (INFO(n)->text > 40 || INFO(n)->links > 0)
		return (0);
	for (s = n->next; s != NULL && s->type != XML_ELEMENT_NODE;
	    s = s->next)
		;
	return (s != NULL && s->_private != NULL && clean_contents(s));
}

/*
 * Does one class word name a button ("btn", "btn-primary", "wp-button")?
 * "button-link" names a link: another word may still name the button.
 */
static int
clean_button_word(const char *w, size_t len)
{
	size_t	 i;

	if (len >= 11 && strncasecmp(w + len - 11, "button-link", 11) == 0)
		return (0);
	for (i = 0; i + 3 <= len; i++) {
		if (i + 6 <= len && strncasecmp(w + i, "button", 6) == 0)
			return (1);
		if (strncasecmp(w + i, "btn", 3) == 0 &&
		    (i == 0 || !isalnum((unsigned char)w[i - 1])) &&
		    (i + 3 == len || !isalpha((unsigned char)w[i + 3])))
			return (1);
	}
	return (0);
}

/*
 * Does a class value name or draw a button?  Builders pair their
 * button's word with a link's ("elementor-button elementor-button-link"):
 * any word will do.  "btn-link" is a button made to look like a link.
 */
static int
clean_button_class(const char *v)
{
	const char	*w, *colon;
	size_t		 len;
	int		 shape = 0;

	if (util_strcasestr(v, "btn-link") != NULL)
		return (0);
	for (;;) {
		v += strspn(v, " \t\n\r\f");
		if (*v == '\0')
			break;
		len = strcspn(v, " \t\n\r\f");
		if (clean_button_word(v, len))
			return (1);
		/* Utility classes past their screen prefix ("md:px-8"). */
		w = v;
		if ((colon = memchr(v, ':', len)) != NULL)
			w = colon + 1;
		if (strncmp(w, "px-", 3) == 0)
			shape |= 1;
		else if (strncmp(w, "py-", 3) == 0)
			shape |= 2;
		else if (strncmp(w, "rounded", 7) == 0)
			shape |= 4;
		v += len;
	}
	/* Padded all round with rounded corners: a button drawn by hand. */
	return (shape == 7);
}

/*
 * A link with no words of its own but a short label for screen
 * readers, laid over a button whose visible words are hidden from them
 * ("<a aria-label=\"Get started\"></a>").  A picture's link has its
 * image; a heading's anchor ("Permalink: Costs") leads within the page.
 */
static int
clean_label_link(const xmlNode *n)
{
	const char	*v;
	size_t		 len;

	if (INFO(n)->text > 0 || INFO(n)->images > 0 || n->children != NULL ||
	    (v = clean_attr(n, "href")) == NULL || v[0] == '#' ||
	    (v = clean_attr(n, "aria-label")) == NULL)
		return (0);
	len = strlen(v);
	return (len > 0 && len <= 40);
}

/* A link dressed as a button: a call to act, not reading text. */
static int
clean_button_link(const xmlNode *n)
{
	const char	*v;

	if (!clean_is(n, "a"))
		return (0);
	if (clean_label_link(n))
		return (1);
	return (INFO(n)->text > 0 && INFO(n)->text <= 40 &&
	    (v = clean_attr(n, "class")) != NULL && clean_button_class(v));
}

/* Is n furniture to remove before scoring? */
static int
clean_prune_this(xmlNode *n, int page, int flags, unsigned total)
{
	struct clean_info	*i = INFO(n);
	const char		*v;
	int			 f;

	if (clean_is_container(n) && !clean_is(n, "article"))
		return (0);
	if (clean_is_skipped(n) || clean_hidden(n))
		return (1);
	/*
	 * Broken markup can put the whole page inside a <header>; a list
	 * (a gallery's captions) can be most of a page and still not be
	 * the page.
	 */
	if (total > 500 && (clean_is(n, "ul") || clean_is(n, "ol") ?
	    i->text * 10 > total * 8 : i->text * 2 > total))
		return (0);
	if (clean_junk_role(n))
		return (1);
	if (clean_is(n, "nav") || clean_is(n, "aside") ||
	    clean_is(n, "footer"))
		return (1);
	if (clean_is(n, "form") && (i->text < 1000 || i->inputs > 3))
		return (1);
	f = clean_words_of(n);
	/* Highlighted code wears "comment", "meta", "tag" for its tokens. */
	if ((f & (CLEAN_ATTR_JUNK | CLEAN_ATTR_UNLIKELY)) && clean_in_code(n))
		f = 0;
	if ((f & CLEAN_ATTR_JUNK) && !clean_is_container(n) &&
	    !((f & CLEAN_ATTR_MAYBE) && i->text >= 1000) &&
	    !clean_long_prose(n, f))
		return (1);
	if (clean_jump_link(n))
		return (1);
	if (!page)
		return (0);
	if ((flags & CLEAN_STRIP_UNLIKELY) && (f & CLEAN_ATTR_UNLIKELY) &&
	    !(f & CLEAN_ATTR_MAYBE) && !clean_is_container(n) &&
	    !clean_long_prose(n, f) && !clean_is_heading(n) &&
	    !clean_is(n, "a") && !clean_is(n, "td") && !clean_is(n, "tr"))
		return (1);
	if (clean_is(n, "header") && i->links * 3 > i->text)
		return (1);
	if (clean_notes(n) || clean_contents(n) || clean_contents_label(n))
		return (1);
	if (i->text < 100 && (((v = clean_attr(n, "rel")) != NULL &&
	    strcmp(v, "author") == 0) || ((v = clean_attr(n, "itemprop")) !=
	    NULL && strcmp(v, "author") == 0)))
		return (1);
	return (0);
}

/* Remove furniture under root; page mode also the unlikely parts. */
static void
clean_prune_tree(xmlNode *root, int page, int flags)
{
	xmlNode	*n = root->children, *next;
	unsigned total = INFO(root)->text;

	while (n != NULL) {
		if (n->type == XML_COMMENT_NODE || (n->type ==
		    XML_ELEMENT_NODE && clean_prune_this(n, page, flags,
		    total))) {
			next = clean_next(n, root, 1);
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			n = next;
			continue;
		}
		n = clean_next(n, root, 0);
	}
}

/* Fragment mode: furniture out of a feed item's content. */
void
clean_prune(xmlNode *root, int page)
{
	struct clean_scan	 sc;

	memset(&sc, 0, sizeof sc);
	clean_stats_attach(&sc, root);
	clean_stats(root);
	clean_prune_tree(root, page, CLEAN_ALL_FLAGS);
	free(sc.info);
}

static double
clean_tag_prior(const xmlNode *n)
{
	const char	*s = (const char *)n->name;

	if (strcmp(s, "div") == 0 || strcmp(s, "article") == 0)
		return (5);
	if (strcmp(s, "pre") == 0 || strcmp(s, "td") == 0 ||
	    strcmp(s, "blockquote") == 0)
		return (3);
	if (strcmp(s, "address") == 0 || strcmp(s, "ol") == 0 ||
	    strcmp(s, "ul") == 0 || strcmp(s, "dl") == 0 ||
	    strcmp(s, "dd") == 0 || strcmp(s, "dt") == 0 ||
	    strcmp(s, "li") == 0 || strcmp(s, "form") == 0)
		return (-3);
	if (clean_is_heading(n) || strcmp(s, "th") == 0)
		return (-5);
	return (0);
}

/* A node and a string it is known by, to sort and group nodes by. */
struct clean_keyed {
	char	*key;
	xmlNode	*n;
};

static int
clean_keyed_cmp(const void *a, const void *b)
{
	return (strcmp(((const struct clean_keyed *)a)->key,
	    ((const struct clean_keyed *)b)->key));
}

/*
 * A class value without the words that carry digits: a page builder
 * numbers every block ("elementor-element-4c0ea18", "column-3"), and
 * the blocks of one kind still share the rest.  NULL when nothing is
 * left.
 */
static char *
clean_class_kind(const char *v)
{
	struct buf	 b;
	const char	*p, *end;
	size_t		 i;
	int		 digit;

	buf_init(&b, 0);
	for (p = v; *p != '\0'; p = end) {
		p += strspn(p, " \t\r\n");
		end = p + strcspn(p, " \t\r\n");
		for (i = 0, digit = 0; p + i < end && !digit; i++)
			digit = isdigit((unsigned char)p[i]);
		if (digit || end == p)
			continue;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_add(&b, p, end - p);
	}
	if (b.len == 0) {
		buf_free(&b);
		return (NULL);
	}
	return (buf_steal(&b));
}

/*
 * Mark the elements whose kind of class many elements of the page
 * wear: the scaffolding of a layout ("widget-container" around every
 * block), which says nothing of what one element holds.
 */
static void
clean_classes(xmlNode *root)
{
	struct clean_keyed	*c = NULL;
	xmlNode			*n;
	const char		*v;
	char			*kind;
	size_t			 nc = 0, i, j, k;

	for (n = root; n != NULL; n = clean_next(n, root, 0)) {
		if (n->type != XML_ELEMENT_NODE || n->_private == NULL ||
		    (v = clean_attr(n, "class")) == NULL ||
		    (kind = clean_class_kind(v)) == NULL)
			continue;
		if ((nc & (nc - 1)) == 0)
			c = xreallocarray(c, nc == 0 ? 1 : nc * 2, sizeof *c);
		c[nc].key = kind;
		c[nc++].n = n;
	}
	if (nc > 0)
		qsort(c, nc, sizeof *c, clean_keyed_cmp);
	/* Each run of one kind: common when it is long enough. */
	for (i = 0; i < nc; i = k) {
		for (k = i + 1; k < nc && strcmp(c[k].key, c[i].key) == 0; k++)
			;
		for (j = i; j < k; j++)
			INFO(c[j].n)->common = k - i >= CLEAN_COMMON_CLASS;
	}
	for (i = 0; i < nc; i++)
		free(c[i].key);
	free(c);
}

/* First touch of a candidate: tag prior, class words and hints. */
static void
clean_candidate(struct clean_scan *sc, xmlNode *n)
{
	struct clean_info	*i = INFO(n);
	const char		*v;

	if (i->scored)
		return;
	i->scored = 1;
	i->score = clean_tag_prior(n);
	if (sc->flags & CLEAN_WEIGHT_CLASSES) {
		i->weight = clean_class_weight(n);
		if (i->weight < 0 && i->common)
			i->weight = 0;
		i->score += i->weight;
	}
	if ((v = clean_attr(n, "itemprop")) != NULL &&
	    strstr(v, "articleBody") != NULL)
		i->score += 30;
	if ((sc->ncand & (sc->ncand - 1)) == 0)
		sc->cand = xreallocarray(sc->cand, sc->ncand == 0 ? 1 :
		    sc->ncand * 2, sizeof *sc->cand);
	sc->cand[sc->ncand++] = n;
}

/* Share one paragraph's score out to its ancestors from first up. */
static void
clean_score_up(struct clean_scan *sc, xmlNode *first, double score)
{
	xmlNode	*a = first;
	int	 level;

	for (level = 0; level < 5 && a != NULL &&
	    a->type == XML_ELEMENT_NODE && a->_private != NULL; level++) {
		clean_candidate(sc, a);
		if (level == 0)
			INFO(a)->score += score;
		else if (level == 1)
			INFO(a)->score += score / 2;
		else
			INFO(a)->score += score / (level * 3);
		if (clean_is(a, "body"))
			break;
		a = a->parent;
	}
}

/* Score n when it is a paragraph; see Readability's algorithm. */
static void
clean_score_node(struct clean_scan *sc, xmlNode *n)
{
	struct clean_info	*i = INFO(n);
	const char		*s = (const char *)n->name;
	unsigned		 chars, commas;
	double			 score;
	xmlNode			*first = n->parent;

	if (sc->skip_teasers && i->in_teasers)
		return;
	if (strcmp(s, "p") == 0 || strcmp(s, "pre") == 0 ||
	    (clean_is_heading(n) && s[1] != '1')) {
		chars = i->text;
		commas = i->commas;
	} else if (strcmp(s, "div") == 0 || strcmp(s, "section") == 0 ||
	    strcmp(s, "td") == 0 || strcmp(s, "article") == 0 ||
	    strcmp(s, "font") == 0 || strcmp(s, "center") == 0) {
		chars = i->own;
		commas = i->own_commas;
		if (i->blocks)
			first = n;
	} else
		return;
	if (chars < 25)
		return;
	score = 1 + commas + (chars / 100 > 3 ? 3 : chars / 100);
	clean_score_up(sc, first, score);
}

static double
clean_density(const xmlNode *n)
{
	const struct clean_info	*i = INFO(n);

	return (i->text == 0 ? 0 : (double)i->links / i->text);
}

/* Does a link's text read like a headline: three words or more? */
static int
clean_headline_link(xmlNode *a)
{
	xmlChar	*t;
	size_t	 words = 0;
	int	 space = 1;
	const xmlChar *p;

	if (INFO(a)->text < 20 || (t = xmlNodeGetContent(a)) == NULL)
		return (0);
	for (p = t; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
			space = 1;
		else if (space) {
			words++;
			space = 0;
		}
	}
	xmlFree(t);
	return (words >= 3);
}

/*
 * Does link a stand alone on a line of its own inside e: its nearest
 * block, not e itself, holds little else (the standfirst is apart)?
 */
static int
clean_headline_block(xmlNode *a, xmlNode *e)
{
	xmlNode	*b;

	if (a == e)
		return (0);
	for (b = a->parent; b != NULL && b != e && !clean_is_block(b);
	    b = b->parent)
		;
	return (b != NULL && b != e && b->_private != NULL &&
	    INFO(a)->text * 10 >= INFO(b)->text * 8);
}

/*
 * Is e another story's teaser: a headline link near its start (a short
 * label or a picture may come first) and a short standfirst after it?
 */
static int
clean_teaser(xmlNode *e)
{
	const struct clean_info	*i = INFO(e);
	xmlNode			*n;
	unsigned		 before = 0, chars, commas;
	int			 skip = 0;

	if (i->text < 60 || i->text > 600 || i->paragraphs > 2 ||
	    i->headings > 1)
		return (0);
	for (n = e; n != NULL; n = clean_next(n, e, skip)) {
		skip = 0;
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			chars = commas = 0;
			clean_measure(n->content, &chars, &commas);
			before += chars;
		} else if (clean_is(n, "a") && n->_private != NULL) {
			if (clean_headline_link(n))
				return (clean_headline_block(n, e) &&
				    i->text - INFO(n)->text >= 40 &&
				    i->text - INFO(n)->text <= 400);
			before += INFO(n)->text;
			skip = 1;
		}
		if (before > 40)
			return (0);
	}
	return (0);
}

/* Is c a list of three teasers or more, most of its children? */
static int
clean_teaser_list(xmlNode *c)
{
	xmlNode	*e;
	size_t	 kids = 0, teasers = 0;

	for (e = c->children; e != NULL; e = e->next) {
		if (e->type != XML_ELEMENT_NODE || e->_private == NULL)
			continue;
		kids++;
		teasers += clean_teaser(e);
	}
	return (teasers >= 3 && teasers * 2 >= kids);
}

/*
 * Mark the lists of other stories' teasers under body.  When prose
 * stands outside them (a short story beside long teasers), their
 * paragraphs score nothing and the lists go from the chosen text.
 */
static void
clean_mark_teasers(struct clean_scan *sc, xmlNode *body)
{
	xmlNode		*n, *m;
	unsigned	 prose = 0;
	int		 found = 0;

	for (n = body; n != NULL; n = clean_next(n, body, 0)) {
		if (n->type != XML_ELEMENT_NODE || n->_private == NULL ||
		    INFO(n)->text < 180 || !clean_teaser_list(n))
			continue;
		INFO(n)->teasers = 1;
		for (m = n; m != NULL; m = clean_next(m, n, 0)) {
			if (m->type == XML_ELEMENT_NODE && m->_private != NULL)
				INFO(m)->in_teasers = 1;
		}
		found = 1;
	}
	if (!found)
		return;
	for (n = body; n != NULL; n = clean_next(n, body, 0)) {
		if (clean_is(n, "p") && n->_private != NULL &&
		    !INFO(n)->in_teasers && INFO(n)->text >= 40)
			prose += INFO(n)->text - INFO(n)->links;
	}
	sc->skip_teasers = prose >= 150;
}

/* Score all paragraphs; return the best candidate or NULL. */
static xmlNode *
clean_best(struct clean_scan *sc, xmlNode *body)
{
	xmlNode	*n, *top = NULL;
	size_t	 k;

	for (n = body; n != NULL; n = clean_next(n, body, 0)) {
		if (n->type == XML_ELEMENT_NODE)
			clean_score_node(sc, n);
	}
	for (k = 0; k < sc->ncand; k++) {
		n = sc->cand[k];
		INFO(n)->score *= 1 - clean_density(n);
		if (top == NULL || INFO(n)->score > INFO(top)->score)
			top = n;
	}
	return (top);
}

/* Is a inside b (or b itself)? */
static int
clean_inside(const xmlNode *a, const xmlNode *b)
{
	for (; a != NULL; a = a->parent) {
		if (a == b)
			return (1);
	}
	return (0);
}

/* Several near-best candidates under one ancestor: take the ancestor. */
static xmlNode *
clean_common_ancestor(struct clean_scan *sc, xmlNode *top, xmlNode *body)
{
	xmlNode	*alt[8], *p;
	size_t	 nalt = 0, k, c;
	double	 best = INFO(top)->score;

	for (k = 0; k < sc->ncand && nalt < UTIL_ARRLEN(alt); k++) {
		if (sc->cand[k] != top && INFO(sc->cand[k])->score >=
		    best * 0.75 && !clean_inside(sc->cand[k], top) &&
		    !clean_inside(top, sc->cand[k]))
			alt[nalt++] = sc->cand[k];
	}
	if (nalt < 3)
		return (top);
	for (p = top->parent; p != NULL && p != body; p = p->parent) {
		for (c = 0, k = 0; k < nalt; k++)
			c += clean_inside(alt[k], p);
		if (c >= 3)
			return (p);
	}
	return (top);
}

/*
 * Does p, an ancestor of top, add next to nothing to its text (a
 * heading over a list of products)?  Its score, a share of its
 * grandchildren's, says nothing of the text further up.
 */
static int
clean_wrapper(const xmlNode *p, const xmlNode *top)
{
	return ((INFO(p)->text - INFO(top)->text) * 20 < INFO(top)->text);
}

/*
 * Climb while the parent scores better, or is the only wrapper.  A
 * wrapper scoring low is passed over, but not to an ancestor holding
 * more than twice the story (the comments, the other chapters).
 */
static xmlNode *
clean_climb(struct clean_scan *sc, xmlNode *top, xmlNode *body)
{
	xmlNode	*p;
	double	 last = INFO(top)->score, threshold = last / 3;
	int	 passed = 0;

	top = clean_common_ancestor(sc, top, body);
	for (p = top->parent; p != NULL && p != body &&
	    p->_private != NULL; p = p->parent) {
		if (!INFO(p)->scored)
			continue;
		if (INFO(p)->score < threshold && clean_wrapper(p, top)) {
			passed = 1;
			continue;
		}
		if (INFO(p)->score < threshold)
			break;
		if (passed && INFO(p)->text > INFO(top)->text * 2)
			break;
		if (INFO(p)->score > last) {
			top = p;
			break;
		}
		last = INFO(p)->score;
	}
	while (top->parent != NULL && top->parent != body &&
	    top->parent->type == XML_ELEMENT_NODE &&
	    xmlChildElementCount(top->parent) == 1)
		top = top->parent;
	return (top);
}

/* A short sibling paragraph that reads like prose. */
static int
clean_prose(xmlNode *n)
{
	xmlChar	*t;
	size_t	 len;
	int	 yes;

	if ((t = xmlNodeGetContent(n)) == NULL)
		return (0);
	len = strlen((char *)t);
	while (len > 0 && strchr(" \t\r\n", t[len - 1]) != NULL)
		len--;
	yes = strstr((char *)t, ". ") != NULL || (len > 0 && t[len - 1] ==
	    '.');
	xmlFree(t);
	return (yes);
}

static int
clean_sibling_joins(xmlNode *s, xmlNode *top)
{
	struct clean_info	*i = INFO(s), *t = INFO(top);
	const char		*sc, *tc;
	double			 bonus = 0, need, ld;

	sc = clean_attr(s, "class");
	tc = clean_attr(top, "class");
	if (sc != NULL && tc != NULL && *sc != '\0' && strcmp(sc, tc) == 0)
		bonus = t->score * 0.2;
	need = t->score * 0.2 > 10 ? t->score * 0.2 : 10;
	if (i->scored && i->score + bonus >= need)
		return (1);
	ld = clean_density(s);
	if (!clean_is(s, "p") && !(clean_is(s, "div") && !i->blocks))
		return (0);
	if (i->text > 80 && ld < 0.25)
		return (1);
	return (i->text > 0 && i->text <= 80 && ld == 0 && clean_prose(s));
}

/*
 * Does sibling s, of top's class, hold a candidate near the best one (an
 * article split into sections, each deeper than scores reach)?
 */
static int
clean_sibling_holds(xmlNode *s, xmlNode *top)
{
	const char	*sc_class, *tc_class;

	sc_class = clean_attr(s, "class");
	tc_class = clean_attr(top, "class");
	return (INFO(s)->strong && clean_density(s) <= 0.25 &&
	    sc_class != NULL && tc_class != NULL && *sc_class != '\0' &&
	    strcmp(sc_class, tc_class) == 0);
}

/* Mark the ancestors of the candidates scoring half the best or more. */
static void
clean_mark_strong(struct clean_scan *sc, xmlNode *best)
{
	xmlNode	*a;
	size_t	 k;

	if (best == NULL || INFO(best)->score <= 0)
		return;
	for (k = 0; k < sc->ncand; k++) {
		if (INFO(sc->cand[k])->score * 2 < INFO(best)->score)
			continue;
		for (a = sc->cand[k]; a != NULL &&
		    a->type == XML_ELEMENT_NODE && a->_private != NULL &&
		    !INFO(a)->strong; a = a->parent)
			INFO(a)->strong = 1;
	}
}

/*
 * The article split into a series of sections of one class, the top
 * candidate inside one of them: that section, for its siblings to join.
 */
static xmlNode *
clean_series(xmlNode *top, xmlNode *body)
{
	xmlNode	*a, *s;
	int	 level;

	for (a = top, level = 0; a != NULL && a != body &&
	    a->parent != NULL && a->parent != body && level < 4;
	    a = a->parent, level++) {
		for (s = a->parent->children; s != NULL; s = s->next) {
			if (s != a && s->type == XML_ELEMENT_NODE &&
			    s->_private != NULL &&
			    strcmp((const char *)s->name,
			    (const char *)a->name) == 0 &&
			    clean_sibling_holds(s, a))
				return (a);
		}
	}
	return (top);
}

/* Does this table hold data (rather than lay the page out)? */
static int
clean_data_table(xmlNode *n)
{
	xmlNode	*c;
	size_t	 rows = 0;

	for (c = n; c != NULL; c = clean_next(c, n, 0)) {
		if (c != n && clean_is(c, "table"))
			return (0);
		if (clean_is(c, "th") || clean_is(c, "caption") ||
		    clean_is(c, "thead"))
			return (1);
		rows += clean_is(c, "tr");
	}
	return (rows >= 3);
}

/*
 * Readability's conditional cleaning of one container, judged on the
 * figures i (its own, or as they were before cleaning began).
 */
static int
clean_drop_container(struct clean_scan *sc, xmlNode *n,
    const struct clean_info *i)
{
	int			 w, list, li;
	double			 ld;

	if (!clean_is(n, "div") && !clean_is(n, "section") &&
	    !clean_is(n, "table") && !clean_is(n, "ul") &&
	    !clean_is(n, "ol") && !clean_is(n, "form") &&
	    !clean_is(n, "fieldset"))
		return (0);
	if (clean_is(n, "table") && clean_data_table(n))
		return (0);
	w = (sc->flags & CLEAN_WEIGHT_CLASSES) ? clean_class_weight(n) : 0;
	if (w < 0 && i->common)
		w = 0;
	/* Broken markup can put the whole article inside a "header". */
	if (i->text * 2 > sc->root_text && sc->root_text > 500)
		return (0);
	ld = i->text == 0 ? 0 : (double)i->links / i->text;
	/*
	 * Class words alone, not the score: lists and short blocks of the
	 * article score below zero by their tags.
	 */
	if (w < 0 && (i->text < 500 || ld > 0.3 || i->paragraphs < 2))
		return (1);
	if (i->commas >= 10)
		return (0);
	list = clean_is(n, "ul") || clean_is(n, "ol");
	li = (int)i->items - 100;
	/* Pictures with few paragraphs: a gallery, unless text fills it. */
	if (i->images > 1 && i->paragraphs * 2 < i->images &&
	    i->text - i->links < i->images * 100)
		return (1);
	if (!list && li > (int)i->paragraphs)
		return (1);
	if (i->inputs > i->paragraphs / 3)
		return (1);
	if (!list && i->text < 25 && (i->images == 0 || i->images > 2) &&
	    i->headings == 0 && i->links > 0)
		return (1);
	if (!list && w < 25 && ld > 0.2)
		return (1);
	if (w >= 25 && ld > 0.5)
		return (1);
	return ((i->embeds == 1 && i->text < 75) || i->embeds > 1);
}

/* The element next to n, before it (dir < 0) or after it, or NULL. */
static const xmlNode *
clean_element_beside(const xmlNode *n, int dir)
{
	do
		n = dir < 0 ? n->prev : n->next;
	while (n != NULL && n->type != XML_ELEMENT_NODE);
	return (n);
}

/*
 * Does neither neighbour of n hold a button too?  Boxes side by side,
 * each with its button, are the story's list (products, recipes), not
 * an advertisement.
 */
static int
clean_promo_alone(struct clean_scan *sc, const xmlNode *n)
{
	const xmlNode	*s;
	int		 dir;

	for (dir = -1; dir <= 1; dir += 2) {
		s = clean_element_beside(n, dir);
		if (s != NULL && s->_private != NULL &&
		    (clean_button_link(s) ||
		    sc->orig[INFO(s) - sc->info].buttons > 0))
			return (0);
	}
	return (1);
}

/*
 * Could n be a promotion's box: did it hold a button ("Learn more",
 * "Book a demo") and, once the button is out, keep only what sold it,
 * a heading and a line or two?
 */
static int
clean_promo_fits(struct clean_scan *sc, const xmlNode *n)
{
	const struct clean_info	*i = INFO(n), *was;

	/* An <article> fits: a box that is all of one is no promotion. */
	if (n->_private == NULL || clean_is(n, "body") ||
	    clean_is(n, "html") || clean_is(n, "main"))
		return (0);
	was = &sc->orig[i - sc->info];
	/* The button closes the box; the box is not half the story. */
	if (was->buttons == 0 || was->after_button * 2 > was->text ||
	    i->text == 0 || i->text - i->links > CLEAN_PROMO_TEXT ||
	    was->text * 2 > sc->total_text)
		return (0);
	return (i->headings <= 1 && i->paragraphs <= 3 && i->items == 0 &&
	    i->inputs == 0 && i->embeds == 0);
}

/*
 * A promotion set in the story: the largest box that fits, alone of
 * its kind where it stands.
 */
static int
clean_promo_box(struct clean_scan *sc, xmlNode *n)
{
	if (!clean_is(n, "div") && !clean_is(n, "section") &&
	    !clean_is(n, "aside"))
		return (0);
	return (clean_promo_fits(sc, n) && !clean_promo_fits(sc, n->parent) &&
	    clean_promo_alone(sc, n));
}

/* Take a dropped node's figures out of its ancestors' up to root. */
static void
clean_stats_sub(xmlNode *n, xmlNode *root)
{
	struct clean_info	 d = *INFO(n), *p;
	xmlNode			*a;

#define CLEAN_SUB(f, v) (p->f = p->f > (v) ? p->f - (v) : 0)
	d.links = clean_is(n, "a") ? d.text : d.links;
	d.paragraphs += clean_is(n, "p");
	d.images += clean_is(n, "img");
	d.items += clean_is(n, "li");
	d.headings += clean_is_heading(n);
	for (a = n->parent; a != NULL && a->_private != NULL; a = a->parent) {
		p = INFO(a);
		CLEAN_SUB(text, d.text);
		CLEAN_SUB(commas, d.commas);
		CLEAN_SUB(links, d.links);
		CLEAN_SUB(paragraphs, d.paragraphs);
		CLEAN_SUB(images, d.images);
		CLEAN_SUB(items, d.items);
		CLEAN_SUB(inputs, d.inputs);
		CLEAN_SUB(embeds, d.embeds);
		CLEAN_SUB(headings, d.headings);
		if (clean_is(a, "a"))
			d.links = d.text;
		if (a == root)
			break;
	}
#undef CLEAN_SUB
}

/*
 * Take n out of the page, its figures out of its ancestors' up to
 * root; the best candidate goes with it when inside it.
 */
static void
clean_remove(struct clean_scan *sc, xmlNode *n, xmlNode *root)
{
	if (sc->story != NULL && clean_inside(sc->story, n))
		sc->story = NULL;
	clean_stats_sub(n, root);
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

/*
 * The line that leads in to n ("Buy now from one of our partners:"),
 * short, without links, ending in a colon: out with what it announced.
 */
static void
clean_drop_lead_in(struct clean_scan *sc, xmlNode *n, xmlNode *root)
{
	xmlNode	*p;
	xmlChar	*t;
	size_t	 len;
	int	 colon;

	for (p = n->prev; p != NULL && p->type != XML_ELEMENT_NODE;
	    p = p->prev)
		;
	if (p == NULL || p->_private == NULL || INFO(p)->links > 0 ||
	    INFO(p)->text == 0 || INFO(p)->text > 100 ||
	    (!clean_is(p, "p") && !clean_is_heading(p)) ||
	    (t = xmlNodeGetContent(p)) == NULL)
		return;
	len = strlen((char *)t);
	while (len > 0 && strchr(" \t\r\n", t[len - 1]) != NULL)
		len--;
	colon = len > 0 && t[len - 1] == ':';
	xmlFree(t);
	if (colon)
		clean_remove(sc, p, root);
}

/*
 * Paragraphs that are a link alone, the same words (two or more) three
 * times or more ("Compare deals at ...", "Buy on ..."): an advertisement
 * under every entry of a list.  Out before the containers are judged,
 * so that their links do not sink the entries' text.
 */
static void
clean_drop_sole_links(struct clean_scan *sc, xmlNode *root)
{
	struct clean_keyed	*s = NULL;
	xmlNode			*n;
	xmlChar			*t;
	size_t			 ns = 0, i, k;
	int			 took = 0;

	/* A taken paragraph is taken whole: nothing inside it is looked at. */
	for (n = root->children; n != NULL; n = clean_next(n, root, took)) {
		took = 0;
		if (n->type != XML_ELEMENT_NODE || n->_private == NULL ||
		    !(clean_is(n, "p") || clean_is(n, "li") ||
		    (clean_is(n, "div") && !INFO(n)->blocks)) ||
		    INFO(n)->text == 0 || INFO(n)->text > 100 ||
		    INFO(n)->links != INFO(n)->text ||
		    (t = xmlNodeGetContent(n)) == NULL)
			continue;
		if ((ns & (ns - 1)) == 0)
			s = xreallocarray(s, ns == 0 ? 1 : ns * 2, sizeof *s);
		s[ns].key = clean_squeeze((char *)t);
		xmlFree(t);
		/* One word ("Reply", "link") may be the text's own. */
		if (strchr(s[ns].key, ' ') == NULL) {
			free(s[ns].key);
			continue;
		}
		s[ns++].n = n;
		took = 1;
	}
	if (ns > 0)
		qsort(s, ns, sizeof *s, clean_keyed_cmp);
	for (i = 0; i < ns; i = k) {
		for (k = i + 1; k < ns && strcmp(s[k].key, s[i].key) == 0;
		    k++)
			;
		if (k - i < 3)
			continue;
		for (; i < k; i++) {
			clean_drop_lead_in(sc, s[i].n, root);
			clean_remove(sc, s[i].n, root);
		}
	}
	for (i = 0; i < ns; i++)
		free(s[i].key);
	free(s);
}

/*
 * A card pointing to another story, set in this one: a small block
 * with links whose first words are a label alone ("Related", "Lesen
 * Sie auch"), then a picture, a headline, a line of summary.
 */
static int
clean_related_card(xmlNode *n)
{
	xmlNode	*t;

	if ((!clean_is(n, "div") && !clean_is(n, "aside") &&
	    !clean_is(n, "section")) || INFO(n)->text > 400 ||
	    INFO(n)->links == 0)
		return (0);
	/* The first text with words in it. */
	for (t = n->children; t != NULL; t = clean_next(t, n, 0)) {
		if (clean_words_node(t))
			break;
	}
	return (t != NULL && clean_card_label((char *)t->content));
}

/*
 * Clean the chosen nodes: weak containers and negative headings out; a
 * table of data is left whole.  As Readability does, the innermost go
 * first, so that a block of links inside a story's section is out of
 * the section's figures when the section is judged.  Returns 1 if root
 * itself, one of several sections kept, is a promotion's box.
 */
static int
clean_conditionally(struct clean_scan *sc, xmlNode *root)
{
	xmlNode			*n, **all = NULL;
	size_t			 count = 0, size = 0;
	int			 drop, skip, promo;

	if (sc->flags & CLEAN_CONDITIONALLY)
		clean_drop_sole_links(sc, root);
	for (n = root->children; n != NULL; n = clean_next(n, root, skip)) {
		/* A table of data keeps its cells, short as they are. */
		skip = clean_is(n, "table") && n->_private != NULL &&
		    clean_data_table(n);
		if (skip || n->type != XML_ELEMENT_NODE || n->_private == NULL)
			continue;
		if (count == size) {
			size = size == 0 ? 256 : size * 2;
			all = xreallocarray(all, size, sizeof *all);
		}
		all[count++] = n;
	}
	/* What each node held before any of it was cleaned. */
	sc->orig = xreallocarray(NULL, sc->ninfo, sizeof *sc->orig);
	memcpy(sc->orig, sc->info, sc->ninfo * sizeof *sc->orig);
#define ORIG(n) (&sc->orig[INFO(n) - sc->info])
	while (count > 0) {
		n = all[--count];
		if (clean_button_link(n) || (sc->skip_teasers &&
		    INFO(n)->teasers && !clean_inside(n, sc->story)))
			drop = 1;
		else if (clean_is_heading(n))
			drop = (sc->flags & CLEAN_WEIGHT_CLASSES) &&
			    clean_class_weight(n) < 0;
		else if (sc->flags & CLEAN_CONDITIONALLY)
			drop = clean_promo_box(sc, n) || clean_related_card(n) ||
			    clean_drop_container(sc, n, INFO(n)) ||
			    (clean_drop_container(sc, n, ORIG(n)) &&
			    INFO(n)->text - INFO(n)->links < 150);
		else
			drop = 0;
		if (drop)
			clean_remove(sc, n, root);
	}
#undef ORIG
	promo = (sc->flags & CLEAN_CONDITIONALLY) && (sc->story == NULL ||
	    !clean_inside(sc->story, root)) && clean_promo_box(sc, root);
	free(sc->orig);
	sc->orig = NULL;
	free(all);
	return (promo);
}

static xmlNode *
clean_body(xmlDoc *doc)
{
	xmlNode	*root = xmlDocGetRootElement(doc), *n;

	if (root == NULL)
		return (NULL);
	for (n = root->children; n != NULL; n = n->next) {
		if (clean_is(n, "body"))
			return (n);
	}
	return (root);
}

/* Text outside links: what a container gives a reader. */
static unsigned
clean_prose_chars(const xmlNode *n)
{
	return (INFO(n)->text - INFO(n)->links);
}

/* Is n marked up as the article: <article>, <main>, articleBody? */
static int
clean_marked_article(const xmlNode *n)
{
	const char	*v;

	if (clean_is(n, "article") || clean_is(n, "main"))
		return (1);
	if ((v = clean_attr(n, "itemprop")) != NULL &&
	    strstr(v, "articleBody") != NULL)
		return (1);
	return ((v = clean_attr(n, "role")) != NULL && strcmp(v, "main") == 0);
}

/* Does n carry microdata's articleBody? */
static int
clean_body_prop(const xmlNode *n)
{
	const char	*v;

	return ((v = clean_attr(n, "itemprop")) != NULL &&
	    strstr(v, "articleBody") != NULL);
}

/*
 * The element the markup says is the article: the innermost marked one
 * that still holds most of the prose of the marked ones around it.
 */
static xmlNode *
clean_hint(xmlNode *body)
{
	xmlNode	*n, *hint = NULL;

	for (n = body; n != NULL; n = clean_next(n, body, 0)) {
		if (n->type != XML_ELEMENT_NODE || n->_private == NULL ||
		    !clean_marked_article(n) || INFO(n)->paragraphs < 3 ||
		    clean_prose_chars(n) < (clean_body_prop(n) ? 250 : 500) ||
		    clean_density(n) > 0.3)
			continue;
		if (hint == NULL || (clean_inside(n, hint) &&
		    clean_prose_chars(n) * 10 >= clean_prose_chars(hint) * 7) ||
		    (!clean_inside(n, hint) &&
		    clean_prose_chars(n) > clean_prose_chars(hint)))
			hint = n;
	}
	return (hint);
}

/* Widen or move the scorer's choice to the marked article. */
static xmlNode *
clean_use_hint(xmlNode *top, xmlNode *body)
{
	xmlNode		*hint;
	unsigned	 h, t;

	if ((hint = clean_hint(body)) == NULL || top == NULL)
		return (top);
	h = clean_prose_chars(hint);
	t = clean_prose_chars(top);
	if (clean_inside(top, hint))
		return (t * 10 < h * 6 ? hint : top);
	if (clean_inside(hint, top))
		return (h * 10 >= t * 6 || clean_body_prop(hint) ? hint : top);
	return (h > t ? hint : top);
}

/*
 * The top candidate holding a small part of the prose of an ancestor
 * whose class words say "article" and whose text is prose: the article
 * is spread over many small blocks (one paragraph per layout section),
 * each too deep for the scores: take the ancestor.
 */
static xmlNode *
clean_spread(xmlNode *top, xmlNode *body)
{
	xmlNode		*a;
	unsigned	 t;
	int		 level;

	if (top == NULL || top == body)
		return (top);
	t = clean_prose_chars(top);
	for (a = top->parent, level = 0; a != NULL && a != body &&
	    a->_private != NULL && level < 12; a = a->parent, level++) {
		if (clean_class_weight(a) > 0 && clean_density(a) < 0.2 &&
		    INFO(a)->paragraphs >= 5 && t * 4 < clean_prose_chars(a))
			return (a);
	}
	return (top);
}

/*
 * The article split into sections, each holding a candidate too weak to
 * count on its own, the top one inside one of them: the nearest
 * ancestor whose children hold three such sections or more, when it is
 * mostly prose and not links.
 */
static xmlNode *
clean_sections(struct clean_scan *sc, xmlNode *top, xmlNode *body)
{
	xmlNode	*p, *a, *seen[64];
	size_t	 k, nseen, j;
	double	 best;
	int	 level;

	if (top == NULL || top == body || sc->story == NULL)
		return (top);
	best = INFO(sc->story)->score;
	for (p = top->parent, level = 0; p != NULL && p != body &&
	    p->_private != NULL && level < 12; p = p->parent, level++) {
		nseen = 0;
		for (k = 0; k < sc->ncand && nseen < UTIL_ARRLEN(seen); k++) {
			if (INFO(sc->cand[k])->score < best * 0.3)
				continue;
			for (a = sc->cand[k]; a != NULL && a->parent != p;
			    a = a->parent)
				;
			if (a == NULL)
				continue;
			for (j = 0; j < nseen && seen[j] != a; j++)
				;
			if (j == nseen)
				seen[nseen++] = a;
		}
		if (nseen >= 3 && clean_density(p) < 0.2 &&
		    clean_prose_chars(p) > clean_prose_chars(top) * 2)
			return (p);
	}
	return (top);
}

/*
 * A sibling before the top candidate that reads as the story's intro:
 * paragraphs of prose, few links, not a teaser list, shorter than the
 * story by half, inside the article's own wrapper (at the page's level,
 * beside <main> or <body>, stand the banners and notices).
 */
static int
clean_intro(xmlNode *s, xmlNode *top)
{
	struct clean_info	*i = INFO(s);

	if (clean_is(top->parent, "body") || clean_is(top->parent, "main") ||
	    clean_prose_chars(s) * 2 >= clean_prose_chars(top))
		return (0);
	return (i->paragraphs >= 1 && clean_prose_chars(s) >= 200 &&
	    clean_density(s) < 0.2 && !i->teasers && !i->in_teasers &&
	    clean_prose(s));
}

/*
 * Are s and top blocks of one kind: one tag, one first class word (a
 * CMS's "field" beside its "field": the body, the sections added to it)?
 */
static int
clean_kin(const xmlNode *s, const xmlNode *top)
{
	const char	*a, *b;
	size_t		 len;

	if ((a = clean_attr(s, "class")) == NULL ||
	    (b = clean_attr(top, "class")) == NULL ||
	    strcmp((const char *)s->name, (const char *)top->name) != 0)
		return (0);
	a += strspn(a, " \t\n");
	b += strspn(b, " \t\n");
	len = strcspn(a, " \t\n");
	return (len > 0 && len == strcspn(b, " \t\n") &&
	    strncmp(a, b, len) == 0);
}

/*
 * A sibling after the top candidate, of its kind, that goes on with
 * the story: paragraphs of prose, few links, not a list of teasers.
 */
static int
clean_sequel(xmlNode *s, xmlNode *top)
{
	struct clean_info	*i = INFO(s);

	/* A page builder's blocks all wear one class word. */
	if (i->common || i->score < 0)
		return (0);
	return (clean_kin(s, top) && i->paragraphs >= 3 &&
	    clean_prose_chars(s) >= 500 && clean_density(s) < 0.2 &&
	    !i->teasers && !i->in_teasers && clean_prose(s));
}

/* The top candidate and the siblings that join it, in page order. */
static size_t
clean_gather(struct clean_scan *sc, xmlNode *top, xmlNode *body,
    xmlNode ***nodes)
{
	xmlNode	*s, **out;
	size_t	 n = 0;
	int	 before = 1;

	if (top == NULL || top == body || top->parent == NULL) {
		*nodes = xmalloc(sizeof **nodes);
		(*nodes)[0] = body;
		return (1);
	}
	out = xreallocarray(NULL, xmlChildElementCount(top->parent) + 1,
	    sizeof *out);
	for (s = top->parent->children; s != NULL; s = s->next) {
		if (s == top)
			before = 0;
		if (s == top || (s->type == XML_ELEMENT_NODE &&
		    s->_private != NULL && (clean_sibling_joins(s, top) ||
		    clean_sibling_holds(s, top) ||
		    (before && clean_intro(s, top)) ||
		    (!before && clean_sequel(s, top)))))
			out[n++] = s;
	}
	*nodes = out;
	return (n);
}

/* Does n carry the id prefix and suffix (React's "B:1", "S:1")? */
static const char *
clean_stream_id(const xmlNode *n, const char *name, char prefix)
{
	const char	*v;

	if (!clean_is(n, name) || (v = clean_attr(n, "id")) == NULL ||
	    v[0] != prefix || v[1] != ':' || v[2] == '\0')
		return (NULL);
	return (v + 2);
}

/* React's streamed blocks and placeholders, and what moving them left. */
struct clean_stream {
	xmlNode		*holes[256];
	xmlNode		*segs[256];
	xmlNode		*trash[512];		/* unlinked, freed at the end */
	size_t		 nholes;
	size_t		 nsegs;
	size_t		 ntrash;
};

static int
clean_within(const xmlNode *n, const xmlNode *top)
{
	for (; n != NULL; n = n->parent) {
		if (n == top)
			return (1);
	}
	return (0);
}

/*
 * Put one streamed block's children where its placeholder stands.  What
 * is taken out is only unlinked: another block or placeholder in the
 * lists may sit inside it, so nothing is freed before the end.
 */
static void
clean_stream_place(struct clean_stream *cs, xmlNode *seg)
{
	const char	*id = clean_stream_id(seg, "div", 'S'), *hid;
	xmlNode		*c, *next;
	size_t		 k;

	for (k = 0; k < cs->nholes; k++) {
		if (cs->holes[k] == NULL)
			continue;
		if ((hid = clean_stream_id(cs->holes[k], "template",
		    'B')) == NULL)
			hid = clean_stream_id(cs->holes[k], "template", 'P');
		/* A placeholder inside its own block cannot take it. */
		if (hid == NULL || strcmp(hid, id) != 0 ||
		    clean_within(cs->holes[k], seg))
			continue;
		for (c = seg->children; c != NULL; c = next) {
			next = c->next;
			xmlUnlinkNode(c);
			xmlAddPrevSibling(cs->holes[k], c);
		}
		xmlUnlinkNode(cs->holes[k]);
		cs->trash[cs->ntrash++] = cs->holes[k];
		cs->holes[k] = NULL;
		xmlUnlinkNode(seg);
		cs->trash[cs->ntrash++] = seg;
		return;
	}
}

/*
 * React streams parts of a page late, in <div hidden id="S:n">, to be
 * moved by script into <template id="B:n"> (a boundary) or "P:n" (a
 * placeholder): move them, as a browser does.
 */
static void
clean_stream_join(xmlNode *body)
{
	struct clean_stream	*cs;
	xmlNode			*n;
	size_t			 k;

	cs = xcalloc(1, sizeof *cs);
	for (n = body; n != NULL; n = clean_next(n, body, 0)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((clean_stream_id(n, "template", 'B') != NULL ||
		    clean_stream_id(n, "template", 'P') != NULL) &&
		    cs->nholes < UTIL_ARRLEN(cs->holes))
			cs->holes[cs->nholes++] = n;
		else if (clean_stream_id(n, "div", 'S') != NULL &&
		    clean_attr(n, "hidden") != NULL &&
		    cs->nsegs < UTIL_ARRLEN(cs->segs))
			cs->segs[cs->nsegs++] = n;
	}
	/* Later segments can fill holes that earlier ones brought. */
	for (k = 0; k < cs->nsegs; k++)
		clean_stream_place(cs, cs->segs[k]);
	for (k = 0; k < cs->ntrash; k++)
		xmlFreeNode(cs->trash[k]);
	free(cs);
}

/*
 * A block elsewhere in the page wearing exactly top's class, prose and
 * not links: the article's other part (an intro set apart from the
 * body by a layout block, a story split around an advertisement).
 */
static int
clean_twin(xmlNode *n, const char *kind)
{
	const char	*c;
	char		*k;
	int		 same;

	if (n->type != XML_ELEMENT_NODE || n->_private == NULL ||
	    (c = clean_attr(n, "class")) == NULL || INFO(n)->teasers ||
	    INFO(n)->in_teasers || clean_prose_chars(n) < 140 ||
	    clean_density(n) >= 0.25 || (k = clean_class_kind(c)) == NULL)
		return (0);
	same = strcmp(k, kind) == 0;
	free(k);
	return (same && clean_prose(n));
}
/*
 * The kind of class naming the article's text: top's own, else that of
 * the child holding most of its prose, a few levels down.  Freed by the
 * caller.
 */
static char *
clean_key_class(xmlNode *top)
{
	xmlNode		*n = top, *c;
	const char	*class;
	int		 level;

	for (level = 0; level < 3; level++) {
		if ((class = clean_attr(n, "class")) != NULL && *class != '\0')
			return (clean_class_kind(class));
		for (c = n->children; c != NULL; c = c->next) {
			if (c->type == XML_ELEMENT_NODE && c->_private != NULL &&
			    clean_prose_chars(c) * 10 >=
			    clean_prose_chars(top) * 6)
				break;
		}
		if (c == NULL)
			return (NULL);
		n = c;
	}
	return (NULL);
}
/*
 * Top's twins go before the gathered nodes (siblings, in page order):
 * the page walked up to the first of them, each twin taken whole.
 */
static size_t
clean_twins(xmlNode *top, xmlNode *body, xmlNode ***nodes, size_t n)
{
	xmlNode		**out = NULL, *w;
	char		*kind;
	size_t		 m = 0;
	int		 took = 0;

	if (top == NULL || top == body ||
	    (kind = clean_key_class(top)) == NULL)
		return (n);
	for (w = body; w != NULL && w != (*nodes)[0];
	    w = clean_next(w, body, took)) {
		took = clean_twin(w, kind) &&
		    clean_prose_chars(w) < clean_prose_chars(top) &&
		    !clean_within(top, w);
		if (took) {
			out = xreallocarray(out, m + n + 1, sizeof *out);
			out[m++] = w;
		}
	}
	free(kind);
	if (m == 0)
		return (n);
	memcpy(out + m, *nodes, n * sizeof *out);
	free(*nodes);
	*nodes = out;
	return (m + n);
}

/*
 * Find the article in doc with the CLEAN_* flags: prune, score, pick
 * and clean.  Fills *nodes (the caller frees the array, not the nodes,
 * which stay in doc) with the subtrees to render, in order.
 */
size_t
clean_extract(xmlDoc *doc, int flags, xmlNode ***nodes)
{
	struct clean_scan	 sc;
	xmlNode			*body, *top;
	size_t			 n, k, i;

	*nodes = NULL;
	if ((body = clean_body(doc)) == NULL)
		return (0);
	memset(&sc, 0, sizeof sc);
	sc.flags = flags;
	clean_stream_join(body);
	clean_stats_attach(&sc, body);
	clean_stats(body);
	clean_prune_tree(body, 1, flags);
	clean_stats(body);
	clean_classes(body);
	clean_mark_teasers(&sc, body);
	top = clean_best(&sc, body);
	sc.story = top;
	clean_mark_strong(&sc, top);
	if (top != NULL && top != body)
		top = clean_climb(&sc, top, body);
	top = clean_use_hint(top, body);
	top = clean_spread(top, body);
	top = clean_sections(&sc, top, body);
	if (top != NULL && top != body)
		top = clean_series(top, body);
	n = clean_gather(&sc, top, body, nodes);
	n = clean_twins(top, body, nodes, n);
	for (k = 0; k < n; k++)
		sc.total_text += INFO((*nodes)[k])->text;
	for (k = i = 0; k < n; k++) {
		sc.root_text = INFO((*nodes)[k])->text;
		/* A promotion kept as a section of its own is left out. */
		if (!clean_conditionally(&sc, (*nodes)[k]))
			(*nodes)[i++] = (*nodes)[k];
	}
	n = i;
	free(sc.cand);
	free(sc.info);
	return (n);
}
