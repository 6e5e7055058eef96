/*
 * Subscription lists: OPML read with libxml2 (no network, no entity
 * expansion: only literal text of attributes is used), newsboat urls
 * files read line by line, OPML 2.0 written.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsboat.h"
#include "opml.h"
#include "url.h"
#include "util.h"
#include "xml.h"

#define OPML_NOT_A_LIST "not an OPML file or a newsboat urls file"

/* Longest attribute value or urls-file token kept. */
#define OPML_VALUE_MAX 8192

struct opml_list {
	struct opml_feed	*feeds;
	size_t			 n;
	size_t			 cap;
};

struct opml_tags {
	char	**v;
	size_t	  n;
};

/* Add a copy of tag (cleaned for display) unless it is empty or there. */
static void
opml_tags_add(struct opml_tags *t, const char *tag)
{
	char	*clean;
	size_t	 i;

	clean = util_display_safe(tag);
	for (i = 0; i < t->n; i++) {
		if (strcmp(t->v[i], clean) == 0)
			break;
	}
	if (*clean == '\0' || i < t->n) {
		free(clean);
		return;
	}
	t->v = xreallocarray(t->v, t->n + 1, sizeof *t->v);
	t->v[t->n++] = clean;
}

static void
opml_tags_free(struct opml_tags *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

/* Cut the field before the next sep out of *rest (strsep, which C11 lacks). */
static char *
opml_field(char **rest, char sep)
{
	char	*field = *rest, *end;

	if (field == NULL)
		return (NULL);
	if ((end = strchr(field, sep)) != NULL) {
		*end = '\0';
		*rest = end + 1;
	} else
		*rest = NULL;
	return (field);
}

/*
 * Tags of an OPML category attribute: comma-separated, each either a
 * plain tag or a "/a/b" path giving one tag per part.
 */
static void
opml_tags_category(struct opml_tags *t, const char *category)
{
	char	*copy, *rest, *item, *part;

	rest = copy = xstrdup(category);
	while ((item = opml_field(&rest, ',')) != NULL) {
		item = util_trim(item);
		if (*item != '/') {
			opml_tags_add(t, item);
			continue;
		}
		while ((part = opml_field(&item, '/')) != NULL)
			opml_tags_add(t, util_trim(part));
	}
	free(copy);
}

/* The feed with this URL already in the list, or NULL. */
static struct opml_feed *
opml_list_find(struct opml_list *l, const char *url)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		if (strcmp(l->feeds[i].url, url) == 0)
			return (&l->feeds[i]);
	}
	return (NULL);
}

/*
 * Add a feed, taking title, site_url and the tags; a URL listed twice
 * (in two folders) becomes one feed with the tags of both.
 */
static void
opml_list_add(struct opml_list *l, const char *url, char *title,
    char *site_url, struct opml_tags *tags)
{
	struct opml_feed	*f;
	struct opml_tags	 merged;
	size_t			 i;

	if ((f = opml_list_find(l, url)) == NULL) {
		if (l->n == l->cap) {
			l->cap = l->cap == 0 ? 16 : l->cap * 2;
			l->feeds = xreallocarray(l->feeds, l->cap, sizeof *f);
		}
		f = &l->feeds[l->n++];
		memset(f, 0, sizeof *f);
		f->url = xstrdup(url);
	}
	if (f->title == NULL) {
		f->title = title;
		title = NULL;
	}
	if (f->site_url == NULL) {
		f->site_url = site_url;
		site_url = NULL;
	}
	merged.v = f->tags;
	merged.n = f->ntags;
	for (i = 0; i < tags->n; i++)
		opml_tags_add(&merged, tags->v[i]);
	f->tags = merged.v;
	f->ntags = merged.n;
	free(title);
	free(site_url);
}

/*
 * A URL telex can subscribe to: a scheme, then "//", or a command feed
 * (exec:, filter:), which opml_screen may then take out.
 */
static int
opml_url_usable(const char *url)
{
	const char	*colon;

	if (url_kind(url) == URL_KIND_EXEC || url_kind(url) == URL_KIND_FILTER)
		return (1);
	if (!url_is_absolute(url) || (colon = strchr(url, ':')) == NULL)
		return (0);
	return (colon[1] == '/' && colon[2] == '/');
}

void
opml_free(struct opml_feed *feeds, size_t n)
{
	struct opml_tags	 t;
	size_t			 i;

	for (i = 0; i < n; i++) {
		free(feeds[i].url);
		free(feeds[i].title);
		free(feeds[i].site_url);
		t.v = feeds[i].tags;
		t.n = feeds[i].ntags;
		opml_tags_free(&t);
	}
	free(feeds);
}

/*
 * The value of the attribute name (any case) as a new string cleaned for
 * display, or NULL when absent or blank.  Only the attribute's literal
 * text is used: references to entities the document declares are left
 * out, so nothing is expanded or fetched.
 */
static char *
opml_attr(xmlNode *node, const char *name)
{
	xmlAttr		*a;
	xmlNode		*c;
	struct buf	 b;
	char		*out;

	for (a = node->properties; a != NULL; a = a->next) {
		if (util_streq_nocase((const char *)a->name, name))
			break;
	}
	if (a == NULL)
		return (NULL);
	buf_init(&b, OPML_VALUE_MAX);
	for (c = a->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			buf_adds(&b, (const char *)c->content);
	}
	out = util_display_safe(b.data);
	buf_free(&b);
	if (*out == '\0') {
		free(out);
		return (NULL);
	}
	return (out);
}

static int
opml_is_element(xmlNode *node, const char *name)
{
	return (node->type == XML_ELEMENT_NODE &&
	    util_streq_nocase((const char *)node->name, name));
}

/* A feed outline: its URL, title or text, htmlUrl, folders and category. */
static void
opml_outline_feed(xmlNode *node, const char *url, struct opml_list *l,
    struct opml_tags *folders)
{
	struct opml_tags	 tags = { NULL, 0 };
	char			*title, *category;
	size_t			 i;

	if ((title = opml_attr(node, "title")) == NULL)
		title = opml_attr(node, "text");
	if (title != NULL && strcmp(title, url) == 0) {
		free(title);
		title = NULL;
	}
	for (i = 0; i < folders->n; i++)
		opml_tags_add(&tags, folders->v[i]);
	if ((category = opml_attr(node, "category")) != NULL)
		opml_tags_category(&tags, category);
	free(category);
	opml_list_add(l, url, title, opml_attr(node, "htmlUrl"), &tags);
	opml_tags_free(&tags);
}

/*
 * Walk the outlines under parent.  One with a feed URL (xmlUrl, or url
 * as some exporters write it) is a feed; one without is a folder whose
 * text becomes a tag of every feed inside it.
 */
static void
opml_walk(xmlNode *parent, struct opml_list *l, struct opml_tags *folders)
{
	xmlNode	*node;
	char	*url, *type, *name;
	size_t	 depth;

	for (node = parent->children; node != NULL; node = node->next) {
		if (node->type != XML_ELEMENT_NODE ||
		    opml_is_element(node, "head"))
			continue;
		if (!opml_is_element(node, "outline")) {
			opml_walk(node, l, folders);
			continue;
		}
		if ((url = opml_attr(node, "xmlUrl")) == NULL)
			url = opml_attr(node, "url");
		type = opml_attr(node, "type");
		depth = folders->n;
		if (url != NULL && opml_url_usable(url) &&
		    (type == NULL || !util_streq_nocase(type, "include")))
			opml_outline_feed(node, url, l, folders);
		else if (url == NULL) {
			if ((name = opml_attr(node, "text")) == NULL)
				name = opml_attr(node, "title");
			if (name != NULL)
				opml_tags_add(folders, name);
			free(name);
		}
		opml_walk(node, l, folders);
		while (folders->n > depth)
			free(folders->v[--folders->n]);
		free(url);
		free(type);
	}
}

/*
 * Parse leniently (a feed list broken half-way still gives its first
 * feeds), but an OPML document with no feeds counts only when it is
 * well-formed: a truncated file must not read as an empty list.
 */
static int
opml_read_xml(const char *data, size_t len, struct opml_list *l,
    char **cause)
{
	struct opml_tags	 folders = { NULL, 0 };
	xmlParserCtxt		*ctxt;
	xmlDoc			*doc = NULL;
	xmlNode			*root, *start, *node;
	int			 options, wellformed = 0, rc = -1;

	options = XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING;
#if LIBXML_VERSION >= 21300
	options |= XML_PARSE_NO_XXE;
#endif
	if (xml_need(cause) != 0)
		return (-1);
	if (len > INT_MAX || (ctxt = xmlNewParserCtxt()) == NULL)
		goto out;
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL, options);
	wellformed = ctxt->wellFormed;
	xmlFreeParserCtxt(ctxt);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL)
		goto out;
	start = root;
	for (node = root->children; node != NULL; node = node->next) {
		if (opml_is_element(node, "body"))
			start = node;
	}
	opml_walk(start, l, &folders);
	if (l->n > 0 || (wellformed && opml_is_element(root, "opml")))
		rc = 0;
out:
	if (rc != 0)
		*cause = xstrdup(OPML_NOT_A_LIST);
	opml_tags_free(&folders);
	if (doc != NULL)
		xmlFreeDoc(doc);
	return (rc);
}

/*
 * One line of a newsboat urls file: URL, then tags; "~Name" names the
 * feed and "!" (hidden) is dropped.  Query feeds are newsboat's own and
 * are skipped; exec: and filter: feeds are read (see opml_screen).
 */
static void
opml_urls_line(const char *line, struct opml_list *l)
{
	struct opml_tags	 tags = { NULL, 0 };
	char			*url, *token, *title = NULL;

	if ((url = newsboat_token(&line)) == NULL)
		return;
	if (util_starts_nocase(url, "query:") || !opml_url_usable(url))
		goto out;
	while ((token = newsboat_token(&line)) != NULL) {
		if (token[0] == '~' && token[1] != '\0' && title == NULL)
			title = util_display_safe(token + 1);
		else if (strcmp(token, "!") != 0 && token[0] != '~')
			opml_tags_add(&tags, token);
		free(token);
	}
	opml_list_add(l, url, title, NULL, &tags);
out:
	opml_tags_free(&tags);
	free(url);
}

static int
opml_read_urls(const char *data, size_t len, struct opml_list *l,
    char **cause)
{
	char	*text, *rest, *line;

	text = util_utf8_sanitize(data, len);
	rest = text;
	while ((line = opml_field(&rest, '\n')) != NULL) {
		line = util_trim(line);
		if (*line != '\0' && *line != '#')
			opml_urls_line(line, l);
	}
	free(text);
	if (l->n == 0) {
		*cause = xstrdup(OPML_NOT_A_LIST);
		return (-1);
	}
	return (0);
}

/* Does the input look like XML: '<' first, after a BOM and white space? */
static int
opml_looks_xml(const char *data, size_t len)
{
	size_t	 i = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' ||
	    data[i] == '\r' || data[i] == '\n'))
		i++;
	return (i < len && data[i] == '<');
}

int
opml_read(const char *data, size_t len, struct opml_feed **feeds, size_t *n,
    char **cause)
{
	struct opml_list	 l = { NULL, 0, 0 };
	int			 rc;

	*feeds = NULL;
	*n = 0;
	if (opml_looks_xml(data, len))
		rc = opml_read_xml(data, len, &l, cause);
	else
		rc = opml_read_urls(data, len, &l, cause);
	if (rc != 0) {
		opml_free(l.feeds, l.n);
		return (-1);
	}
	*feeds = l.feeds;
	*n = l.n;
	return (0);
}

static void
opml_feed_clear(struct opml_feed *f)
{
	struct opml_tags	 t;

	free(f->url);
	free(f->title);
	free(f->site_url);
	t.v = f->tags;
	t.n = f->ntags;
	opml_tags_free(&t);
}

/* Why url may not be imported under flags, or NULL when it may. */
const char *
opml_refusal(const char *url, int flags)
{
	enum url_kind	 kind = url_kind(url);
	char		*command, *inner = NULL, *cause = NULL;
	int		 local;

	if ((kind == URL_KIND_EXEC || kind == URL_KIND_FILTER) &&
	    !(flags & OPML_ALLOW_EXEC))
		return ("it runs a command; telex import --allow-exec "
		    "subscribes to such feeds");
	local = kind == URL_KIND_FILE;
	if (kind == URL_KIND_FILTER) {
		if (url_command(url, &command, &inner, &cause) == 0)
			local = url_kind(inner) == URL_KIND_FILE;
		else
			free(cause);
		free(command);
		free(inner);
	}
	if (local && !(flags & OPML_ALLOW_LOCAL))
		return ("it reads a local file; telex import --allow-local "
		    "subscribes to such feeds");
	return (NULL);
}

void
opml_screen(struct opml_feed *feeds, size_t *n, int flags,
    struct opml_skip **skipped, size_t *nskipped)
{
	const char	*why;
	size_t		 i, kept = 0;

	*skipped = NULL;
	*nskipped = 0;
	for (i = 0; i < *n; i++) {
		if ((why = opml_refusal(feeds[i].url, flags)) == NULL) {
			feeds[kept++] = feeds[i];
			continue;
		}
		*skipped = xreallocarray(*skipped, *nskipped + 1,
		    sizeof **skipped);
		(*skipped)[*nskipped].url = xstrdup(feeds[i].url);
		(*skipped)[(*nskipped)++].why = why;
		opml_feed_clear(&feeds[i]);
	}
	*n = kept;
}

void
opml_skips_free(struct opml_skip *skipped, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(skipped[i].url);
	free(skipped);
}

/* Write s escaped for an XML attribute value. */
static void
opml_escape(FILE *f, const char *s)
{
	char	*clean, *p;

	clean = util_utf8_sanitize(s, strlen(s));
	for (p = clean; *p != '\0'; p++) {
		switch (*p) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\t':
			fputs("&#9;", f);
			break;
		case '\n':
			fputs("&#10;", f);
			break;
		default:
			fputc(*p, f);
			break;
		}
	}
	free(clean);
}

static void
opml_write_attr(FILE *f, const char *name, const char *value)
{
	if (value == NULL)
		return;
	fprintf(f, " %s=\"", name);
	opml_escape(f, value);
	fputc('"', f);
}

/* One outline; with no title the URL stands as its text. */
static void
opml_write_feed(FILE *f, const struct opml_feed *feed)
{
	struct buf	 category;
	size_t		 i;
	char		*shown;

	shown = url_mask(feed->url);
	fputs("    <outline type=\"rss\"", f);
	opml_write_attr(f, "text", feed->title ? feed->title : shown);
	opml_write_attr(f, "title", feed->title);
	opml_write_attr(f, "xmlUrl", shown);
	free(shown);
	opml_write_attr(f, "htmlUrl", feed->site_url);
	if (feed->ntags > 0) {
		buf_init(&category, 0);
		for (i = 0; i < feed->ntags; i++) {
			if (i > 0)
				buf_addc(&category, ',');
			buf_adds(&category, feed->tags[i]);
		}
		opml_write_attr(f, "category", category.data);
		buf_free(&category);
	}
	fputs("/>\n", f);
}

int
opml_write(FILE *f, const struct opml_feed *feeds, size_t n,
    const char *title)
{
	size_t	 i;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n  <head>\n    <title>", f);
	opml_escape(f, title != NULL ? title : "telex subscriptions");
	fputs("</title>\n  </head>\n  <body>\n", f);
	for (i = 0; i < n; i++)
		opml_write_feed(f, &feeds[i]);
	fputs("  </body>\n</opml>\n", f);
	if (fflush(f) != 0 || ferror(f))
		return (-1);
	return (0);
}
