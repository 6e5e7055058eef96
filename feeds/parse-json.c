/*
 * JSON Feed over the JSON reader: the document is read whole into a tree,
 * then each item becomes a struct feed_item.  A member of the wrong type
 * (a number where a string belongs) is passed over as a repair; an item
 * the document broke inside is dropped, the ones before it kept.
 */
#include "config.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "json-read.h"
#include "parse-json.h"
#include "url.h"
#include "util.h"

#define PARSE_JSON_VERSION	"://jsonfeed.org/version/"

struct parse_json {
	const char		*url;		/* the feed's own address */
	const char		*base;		/* for relative URLs */
	struct feed_info	*info;
	feed_item_cb		 cb;
	void			*arg;
	char			*feed_author;	/* for items without one */
	int			 repaired;
	int			 stopped;
};

/* Is the media type of a Content-Type value JSON: 2 JSON Feed, 1 JSON. */
static int
parse_json_media_type(const char *content_type)
{
	size_t	 n;

	if (content_type == NULL)
		return (0);
	content_type += strspn(content_type, " \t");
	n = strcspn(content_type, "; \t");
	if (n == 21 && strncasecmp(content_type, "application/feed+json",
	    n) == 0)
		return (2);
	if ((n == 16 && strncasecmp(content_type, "application/json",
	    n) == 0) || (n == 9 && strncasecmp(content_type, "text/json",
	    n) == 0))
		return (1);
	return (0);
}

int
parse_json_sniff(const char *data, size_t len, const char *content_type)
{
	size_t	 i = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && strchr(" \t\r\n", data[i]) != NULL &&
	    data[i] != '\0')
		i++;
	if (i < len && (data[i] == '{' || data[i] == '['))
		return (1);
	return (parse_json_media_type(content_type) != 0 &&
	    (i == len || data[i] != '<'));
}

/* The string member key of obj; a member of another type is a repair. */
static const char *
parse_json_str(struct parse_json *pj, const struct jv *obj, const char *key)
{
	const struct jv	*v;

	if ((v = jv_get(obj, key)) == NULL || v->type == JV_NULL)
		return (NULL);
	if (v->type != JV_STRING) {
		pj->repaired = 1;
		return (NULL);
	}
	return (v->s);
}

/* s on one line: control characters out, white space collapsed; or NULL. */
static char *
parse_json_plain(const char *s)
{
	char	*clean, *out;

	if (s == NULL)
		return (NULL);
	clean = util_utf8_sanitize(s, strlen(s));
	out = util_collapse_space(clean);
	free(clean);
	if (*out == '\0') {
		free(out);
		return (NULL);
	}
	return (out);
}

/* A URL member made absolute against the feed's base, or NULL. */
static char *
parse_json_url(struct parse_json *pj, const struct jv *obj, const char *key)
{
	char	*t, *url;

	if ((t = parse_json_plain(parse_json_str(pj, obj, key))) == NULL)
		return (NULL);
	url = url_resolve(pj->base, t);
	free(t);
	return (url);
}

/* The item's id as a string: JSON Feed 1.1 says numbers count too. */
static char *
parse_json_id(struct parse_json *pj, const struct jv *item)
{
	const struct jv	*v;

	if ((v = jv_get(item, "id")) == NULL || v->type == JV_NULL)
		return (NULL);
	if (v->type == JV_STRING)
		return (parse_json_plain(v->s));
	if (v->type == JV_NUMBER) {
		if (v->n == (double)v->i)
			return (xasprintf("%" PRId64, v->i));
		return (xasprintf("%.17g", v->n));
	}
	pj->repaired = 1;
	return (NULL);
}

/* One author object: its name, else its URL. */
static char *
parse_json_author_one(struct parse_json *pj, const struct jv *a)
{
	char	*name;

	if (a == NULL)
		return (NULL);
	if (a->type != JV_OBJECT) {
		pj->repaired = 1;
		return (NULL);
	}
	if ((name = parse_json_plain(parse_json_str(pj, a, "name"))) != NULL)
		return (name);
	return (parse_json_url(pj, a, "url"));
}

/*
 * The authors of obj (an item or the feed) joined by ", ": "authors" of
 * JSON Feed 1.1, else the "author" of 1.0.  NULL when there are none.
 */
static char *
parse_json_authors(struct parse_json *pj, const struct jv *obj)
{
	const struct jv	*list;
	struct buf	 b;
	char		*one;
	size_t		 i;

	list = jv_get(obj, "authors");
	if (list != NULL && list->type != JV_ARRAY && list->type != JV_NULL)
		pj->repaired = 1;
	buf_init(&b, 0);
	for (i = 0; i < jv_count(list) && list->type == JV_ARRAY; i++) {
		if ((one = parse_json_author_one(pj, jv_at(list, i))) == NULL)
			continue;
		buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", one);
		free(one);
	}
	if (b.len == 0 && (one = parse_json_author_one(pj, jv_get(obj,
	    "author"))) != NULL) {
		buf_adds(&b, one);
		free(one);
	}
	if (b.len == 0) {
		buf_free(&b);
		return (NULL);
	}
	return (buf_steal(&b));
}

static void
parse_json_escape(struct buf *b, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (s[i] == '&')
			buf_adds(b, "&amp;");
		else if (s[i] == '<')
			buf_adds(b, "&lt;");
		else if (s[i] == '>')
			buf_adds(b, "&gt;");
		else if (s[i] == '"')
			buf_adds(b, "&quot;");
		else
			buf_addc(b, s[i]);
	}
}

/* Plain text as HTML: a paragraph per blank line, <br> per line break. */
static void
parse_json_paragraphs(struct buf *b, const char *text)
{
	const char	*p = text, *eol;
	size_t		 n;
	int		 open = 0;

	while (*p != '\0') {
		eol = p + strcspn(p, "\n");
		n = (size_t)(eol - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (strspn(p, " \t\r") >= (size_t)(eol - p)) {
			if (open)
				buf_adds(b, "</p>\n");
			open = 0;
		} else {
			buf_adds(b, open ? "<br>\n" : "<p>");
			open = 1;
			parse_json_escape(b, p, n);
		}
		p = *eol == '\0' ? eol : eol + 1;
	}
	if (open)
		buf_adds(b, "</p>");
}

/*
 * An image (image, banner_image) at the head of the content, its alt the
 * title and then what it is, unless the content shows it already.
 */
static void
parse_json_image(struct parse_json *pj, struct buf *b, const struct jv *item,
    const char *key, const char *title, const char *body)
{
	char	*url;

	if ((url = parse_json_url(pj, item, key)) == NULL)
		return;
	if (body == NULL || strstr(body, url) == NULL) {
		buf_adds(b, "<p><img src=\"");
		parse_json_escape(b, url, strlen(url));
		buf_adds(b, "\" alt=\"");
		if (title != NULL) {
			parse_json_escape(b, title, strlen(title));
			buf_adds(b, " ");
		}
		buf_printf(b, "(%s)\"></p>\n", strcmp(key, "image") == 0 ?
		    "image" : "banner");
	}
	free(url);
}

/*
 * The item's content as HTML: content_html, else content_text, else the
 * summary, as paragraphs; its image and banner before it, and a link to
 * external_url after it when the item has a url of its own.
 */
static char *
parse_json_html(struct parse_json *pj, const struct jv *item,
    const char *title, const char *url, const char *external)
{
	const char	*html, *text;
	struct buf	 b;

	html = parse_json_str(pj, item, "content_html");
	text = parse_json_str(pj, item, "content_text");
	if (text == NULL)
		text = parse_json_str(pj, item, "summary");
	buf_init(&b, 0);
	parse_json_image(pj, &b, item, "image", title, html);
	parse_json_image(pj, &b, item, "banner_image", title, html);
	if (html != NULL && html[strspn(html, " \t\r\n")] != '\0')
		buf_adds(&b, html);
	else if (text != NULL)
		parse_json_paragraphs(&b, text);
	if (url != NULL && external != NULL && strcmp(url, external) != 0 &&
	    (html == NULL || strstr(html, external) == NULL)) {
		buf_adds(&b, "\n<p><a href=\"");
		parse_json_escape(&b, external, strlen(external));
		buf_adds(&b, "\">");
		parse_json_escape(&b, external, strlen(external));
		buf_adds(&b, "</a></p>");
	}
	if (b.len == 0 || b.data[strspn(b.data, " \t\r\n")] == '\0') {
		buf_free(&b);
		return (NULL);
	}
	return (buf_steal(&b));
}

static int64_t
parse_json_date(struct parse_json *pj, const struct jv *item, const char *key)
{
	const char	*s;

	if ((s = parse_json_str(pj, item, key)) == NULL)
		return (DATE_NONE);
	return (date_parse(s));
}

/* tags: strings, each once (letter case aside). */
static void
parse_json_tags(struct parse_json *pj, const struct jv *item,
    struct feed_item *it)
{
	const struct jv	*tags = jv_get(item, "tags"), *t;
	char		*name;
	size_t		 i;

	if (tags != NULL && tags->type != JV_ARRAY && tags->type != JV_NULL)
		pj->repaired = 1;
	for (i = 0; i < jv_count(tags) && tags->type == JV_ARRAY; i++) {
		t = jv_at(tags, i);
		if ((name = parse_json_plain(jv_str(t))) == NULL) {
			pj->repaired |= t->type != JV_STRING;
			continue;
		}
		feed_categories_add(&it->categories, &it->ncategories, name);
	}
}

/* attachments: url, mime_type, size_in_bytes. */
static void
parse_json_attachments(struct parse_json *pj, const struct jv *item,
    struct feed_item *it)
{
	const struct jv		*list = jv_get(item, "attachments"), *a, *size;
	struct feed_enclosure	*e;
	char			*url;
	size_t			 i;

	if (list != NULL && list->type != JV_ARRAY && list->type != JV_NULL)
		pj->repaired = 1;
	for (i = 0; i < jv_count(list) && list->type == JV_ARRAY; i++) {
		a = jv_at(list, i);
		if (a->type != JV_OBJECT ||
		    (url = parse_json_url(pj, a, "url")) == NULL) {
			pj->repaired = 1;
			continue;
		}
		it->enclosures = xreallocarray(it->enclosures,
		    it->nenclosures + 1, sizeof *it->enclosures);
		e = &it->enclosures[it->nenclosures++];
		e->url = url;
		e->type = parse_json_plain(parse_json_str(pj, a, "mime_type"));
		size = jv_get(a, "size_in_bytes");
		e->length = size != NULL && size->type == JV_NUMBER &&
		    size->n >= 0 && size->n == (double)size->i ? size->i : -1;
	}
}

/* Build one item; the strings belong to it (feed_item_clear frees). */
static void
parse_json_item_build(struct parse_json *pj, const struct jv *item,
    struct feed_item *it)
{
	char	*own_url, *external;

	memset(it, 0, sizeof *it);
	it->title = parse_json_plain(parse_json_str(pj, item, "title"));
	own_url = parse_json_url(pj, item, "url");
	external = parse_json_url(pj, item, "external_url");
	it->url = own_url != NULL ? own_url : external != NULL ?
	    xstrdup(external) : NULL;
	it->author = parse_json_authors(pj, item);
	if (it->author == NULL && pj->feed_author != NULL)
		it->author = xstrdup(pj->feed_author);
	it->published = parse_json_date(pj, item, "date_published");
	it->updated = parse_json_date(pj, item, "date_modified");
	feed_item_infer_published(it);
	parse_json_tags(pj, item, it);
	parse_json_attachments(pj, item, it);
	it->html = parse_json_html(pj, item, it->title, own_url, external);
	it->base = xstrdup(it->url != NULL ? it->url : pj->base != NULL ?
	    pj->base : "");
	it->guid = parse_json_id(pj, item);
	if (it->guid == NULL && it->url != NULL)
		it->guid = xstrdup(it->url);
	if (it->guid == NULL)
		it->guid = feed_item_hash_guid(it);
	free(external);
}

static void
parse_json_items(struct parse_json *pj, const struct jv *items)
{
	struct feed_item	 it;
	const struct jv		*item;
	size_t			 i;

	if (items == NULL || items->type != JV_ARRAY)
		return;
	for (i = 0; i < jv_count(items) && !pj->stopped; i++) {
		item = jv_at(items, i);
		if (item->incomplete)
			break;
		if (item->type != JV_OBJECT) {
			pj->repaired = 1;
			continue;
		}
		parse_json_item_build(pj, item, &it);
		pj->info->nitems++;
		if (pj->cb(&it, pj->arg) != 0)
			pj->stopped = 1;
		feed_item_clear(&it);
	}
}

/* Which JSON Feed the version member names; UNKNOWN if none. */
static enum feed_format
parse_json_version(const struct jv *root)
{
	const char	*v, *p;

	if ((v = jv_get_str(root, "version")) == NULL)
		return (FEED_FORMAT_UNKNOWN);
	if (strncasecmp(v, "https", 5) == 0)
		p = v + 5;
	else if (strncasecmp(v, "http", 4) == 0)
		p = v + 4;
	else
		return (FEED_FORMAT_UNKNOWN);
	if (strncasecmp(p, PARSE_JSON_VERSION, strlen(PARSE_JSON_VERSION)) != 0)
		return (FEED_FORMAT_UNKNOWN);
	p += strlen(PARSE_JSON_VERSION);
	if (strcmp(p, "1") == 0 || strcmp(p, "1/") == 0)
		return (FEED_FORMAT_JSON10);
	return (FEED_FORMAT_JSON11);
}

/* Say where the document broke, as feed_parse does for XML. */
static void
parse_json_damage(struct parse_json *pj, const struct jv *items,
    const char *why)
{
	struct feed_info	*info = pj->info;
	const struct jv		*last;
	size_t			 n;

	info->damaged = 1;
	n = items != NULL && items->type == JV_ARRAY ? jv_count(items) : 0;
	last = n > 0 ? jv_at(items, n - 1) : NULL;
	if (last != NULL && last->incomplete &&
	    strncmp(why, "the document ends too soon", 26) == 0)
		info->damage = xasprintf("the feed ends in the middle of item "
		    "%zu", n);
	else if (last != NULL && last->incomplete)
		info->damage = xasprintf("the feed is broken in item %zu: %s",
		    n, why);
	else if (n > 0)
		info->damage = xasprintf("the feed is broken after item %zu: "
		    "%s", n, why);
	else
		info->damage = xasprintf("the feed is broken before its first "
		    "item: %s", why);
}

/* Is root a JSON Feed, and which; *cause says why not. */
static int
parse_json_format(const struct jv *root, const char *content_type,
    const char *broken, struct feed_info *info, char **cause)
{
	const struct jv	*items;

	if (root == NULL || root->type != JV_OBJECT) {
		*cause = broken != NULL ? xasprintf("not a feed: the "
		    "document is not JSON (%s)", broken) : xstrdup("not a "
		    "feed: the document is JSON but not an object");
		return (-1);
	}
	info->format = parse_json_version(root);
	items = jv_get(root, "items");
	if (info->format == FEED_FORMAT_UNKNOWN && items != NULL &&
	    items->type == JV_ARRAY && (root->incomplete ||
	    parse_json_media_type(content_type) == 2)) {
		/* A broken feed may have lost its version after its items. */
		info->format = FEED_FORMAT_JSON11;
		info->repaired = 1;
	}
	if (info->format == FEED_FORMAT_UNKNOWN) {
		*cause = xstrdup("not a feed: the document is JSON but not a "
		    "JSON Feed (its \"version\" does not name "
		    "https://jsonfeed.org/version/1 or 1.1)");
		return (-1);
	}
	return (0);
}

/* Feed-level members: title, home page, base for links, authors. */
static void
parse_json_head(struct parse_json *pj, const struct jv *root, char **base)
{
	char	*feed_url;

	*base = NULL;
	pj->base = pj->url;
	pj->info->site_url = parse_json_url(pj, root, "home_page_url");
	feed_url = parse_json_url(pj, root, "feed_url");
	if (pj->info->site_url != NULL)
		*base = xstrdup(pj->info->site_url);
	else if (pj->url == NULL && feed_url != NULL)
		*base = xstrdup(feed_url);
	if (*base != NULL)
		pj->base = *base;
	free(feed_url);
	pj->info->title = parse_json_plain(parse_json_str(pj, root, "title"));
	pj->feed_author = parse_json_authors(pj, root);
}

int
parse_json_feed(const char *data, size_t len, const char *url,
    const char *content_type, struct feed_info *info, feed_item_cb cb,
    void *arg, char **cause)
{
	struct parse_json	 pj;
	struct jv		*root;
	const struct jv		*items;
	char			*broken = NULL, *base = NULL;
	int			 rc = -1;

	memset(info, 0, sizeof *info);
	memset(&pj, 0, sizeof pj);
	pj.url = url;
	pj.info = info;
	pj.cb = cb;
	pj.arg = arg;
	root = jv_parse(data, len, &broken);
	if (parse_json_format(root, content_type, broken, info, cause) != 0)
		goto out;
	info->encoding = xstrdup("UTF-8");
	parse_json_head(&pj, root, &base);
	items = jv_get(root, "items");
	if (items != NULL && items->type != JV_ARRAY)
		pj.repaired = 1;
	parse_json_items(&pj, items);
	if (broken != NULL && !pj.stopped)
		parse_json_damage(&pj, items, broken);
	info->repaired |= pj.repaired;
	rc = 0;
out:
	free(pj.feed_author);
	free(base);
	free(broken);
	jv_free(root);
	return (rc);
}
