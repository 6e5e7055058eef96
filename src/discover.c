/*
 * Feed discovery in web pages: <link rel=alternate> with a feed type
 * (RSS, Atom, JSON Feed) first, in page order, then <a> links whose
 * target looks like a feed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "discover.h"
#include "url.h"
#include "util.h"
#include "xml.h"

#define DISCOVER_MAX 16

struct discover {
	char		**urls;
	size_t		  n;
	const char	 *base;
};

static const char *discover_types[] = {
	"application/rss+xml", "application/atom+xml", "application/rdf+xml",
	"application/xml", "text/xml", "application/feed+xml",
	"application/feed+json"
};

static void
discover_add(struct discover *d, const char *href)
{
	char	*url;
	size_t	 i;

	if (d->n == DISCOVER_MAX || (url = url_resolve(d->base, href)) == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		if (strcmp(d->urls[i], url) == 0) {
			free(url);
			return;
		}
	}
	d->urls = xreallocarray(d->urls, d->n + 1, sizeof *d->urls);
	d->urls[d->n++] = url;
}

static char *
discover_attr(xmlNode *n, const char *name)
{
	return ((char *)xmlGetProp(n, (const xmlChar *)name));
}

/* <link rel="alternate" type="application/rss+xml" href="..."> */
static int
discover_is_feed_link(xmlNode *n)
{
	char	*rel, *type;
	size_t	 i;
	int	 yes = 0;

	rel = discover_attr(n, "rel");
	type = discover_attr(n, "type");
	if (rel != NULL && type != NULL && util_strcasestr(rel, "alternate")) {
		for (i = 0; i < UTIL_ARRLEN(discover_types); i++) {
			if (strncasecmp(type, discover_types[i],
			    strlen(discover_types[i])) == 0)
				yes = 1;
		}
	}
	xmlFree(rel);
	xmlFree(type);
	return (yes);
}

/* An <a href> whose path looks like a feed: rss, atom, feed, .xml. */
static int
discover_looks_like_feed(const char *href)
{
	static const char *hints[] = { "rss", "atom", "/feed", ".xml", ".rdf" };
	size_t	 i;

	for (i = 0; i < UTIL_ARRLEN(hints); i++) {
		if (util_strcasestr(href, hints[i]) != NULL)
			return (1);
	}
	return (0);
}

static void
discover_visit(struct discover *d, xmlNode *root, int anchors)
{
	xmlNode	*n = root;
	char	*href;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			href = NULL;
			if (!anchors && strcmp((char *)n->name, "link") == 0 &&
			    discover_is_feed_link(n))
				href = discover_attr(n, "href");
			else if (anchors && strcmp((char *)n->name, "a") == 0) {
				href = discover_attr(n, "href");
				if (href != NULL && !discover_looks_like_feed(href)) {
					xmlFree(href);
					href = NULL;
				}
			}
			if (href != NULL)
				discover_add(d, href);
			xmlFree(href);
		}
		if (n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL)
			n = n->parent;
		if (n != NULL)
			n = n->next;
	}
}

size_t
discover_feeds(const char *html, size_t len, const char *base, char ***urls)
{
	struct discover	 d = { NULL, 0, base };
	htmlDocPtr	 doc;

	*urls = NULL;
	if (len == 0 || len > INT32_MAX || xml_need(NULL) != 0)
		return (0);
	doc = htmlReadMemory(html, (int)len, base, NULL, HTML_PARSE_RECOVER |
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	if (doc == NULL)
		return (0);
	discover_visit(&d, xmlDocGetRootElement(doc), 0);
	if (d.n == 0)
		discover_visit(&d, xmlDocGetRootElement(doc), 1);
	xmlFreeDoc(doc);
	*urls = d.urls;
	return (d.n);
}

void
discover_free(char **urls, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(urls[i]);
	free(urls);
}
