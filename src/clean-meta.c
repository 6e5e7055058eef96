/*
 * What a page says about its article: headline (og:title, JSON-LD, h1,
 * <title> without the site name), byline, published time, site name,
 * language and lead image, and JSON-LD's articleBody as a fallback.
 */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clean-int.h"
#include "url.h"
#include "xml.h"

/* A list of names, each once, at most CLEAN_NAMES_MAX. */
#define CLEAN_NAMES_MAX	16
struct clean_names {
	char	*v[CLEAN_NAMES_MAX];
	size_t	 n;
};

struct clean_meta_found {
	char	*og_title, *ld_title, *h1, *title, *site, *ld_site;
	char	*byline, *published, *modified, *image, *image_alt, *lang;
	char	*ld_body, *logo, *canonical;
	struct clean_names meta_authors, ld_authors, byline_authors;
	int	 nh1;
};

static void	clean_jsonld(struct clean_meta_found *, xmlNode *);

static char *
clean_prop(const xmlNode *n, const char *name)
{
	xmlChar	*v;
	char	*s;

	if ((v = xmlGetProp(n, (const xmlChar *)name)) == NULL)
		return (NULL);
	s = util_display_safe((char *)v);
	xmlFree(v);
	if (*s == '\0') {
		free(s);
		return (NULL);
	}
	return (s);
}

/* Keep the first value found for a field; free the rest. */
static void
clean_keep(char **field, char *value)
{
	if (*field == NULL)
		*field = value;
	else
		free(value);
}

static char *
clean_node_text(xmlNode *n)
{
	xmlChar	*t;
	char	*s;

	if ((t = xmlNodeGetContent(n)) == NULL)
		return (NULL);
	s = util_display_safe((char *)t);
	xmlFree(t);
	if (*s == '\0') {
		free(s);
		return (NULL);
	}
	return (s);
}

static void
clean_names_free(struct clean_names *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	l->n = 0;
}

/*
 * Add a name to the list, white space collapsed, unless it is empty, a
 * URL, too long, or there already; takes value.
 */
static void
clean_names_add(struct clean_names *l, char *value)
{
	char	*name;
	size_t	 i;

	name = util_collapse_space(value);
	free(value);
	if (name[0] == '\0' || strlen(name) > 80 || l->n == CLEAN_NAMES_MAX ||
	    strstr(name, "://") != NULL || name[0] == '/')
		goto drop;
	for (i = 0; i < l->n; i++) {
		if (strcasecmp(l->v[i], name) == 0)
			goto drop;
	}
	l->v[l->n++] = name;
	return;
drop:
	free(name);
}

static void
clean_meta_tag(struct clean_meta_found *m, xmlNode *n)
{
	static const struct {
		const char	*key;
		size_t		 field;
	} keys[] = {
		{ "og:title", offsetof(struct clean_meta_found, og_title) },
		{ "twitter:title", offsetof(struct clean_meta_found, og_title) },
		{ "og:site_name", offsetof(struct clean_meta_found, site) },
		{ "article:published_time",
		  offsetof(struct clean_meta_found, published) },
		{ "datepublished", offsetof(struct clean_meta_found, published) },
		{ "date", offsetof(struct clean_meta_found, published) },
		{ "dc.date", offsetof(struct clean_meta_found, published) },
		{ "article:modified_time",
		  offsetof(struct clean_meta_found, modified) },
		{ "og:updated_time",
		  offsetof(struct clean_meta_found, modified) },
		{ "datemodified", offsetof(struct clean_meta_found, modified) },
		{ "og:image", offsetof(struct clean_meta_found, image) },
		{ "twitter:image", offsetof(struct clean_meta_found, image) },
		{ "og:url", offsetof(struct clean_meta_found, canonical) },
		{ "og:image:alt",
		  offsetof(struct clean_meta_found, image_alt) },
		{ "twitter:image:alt",
		  offsetof(struct clean_meta_found, image_alt) },
	};
	char	*key, *value;
	size_t	 i;

	if ((key = clean_prop(n, "property")) == NULL &&
	    (key = clean_prop(n, "name")) == NULL &&
	    (key = clean_prop(n, "itemprop")) == NULL)
		return;
	for (i = 0; key[i] != '\0'; i++)
		key[i] = (char)tolower((unsigned char)key[i]);
	if (strcmp(key, "author") == 0 || strcmp(key, "dc.creator") == 0 ||
	    strcmp(key, "parsely-author") == 0 ||
	    strcmp(key, "article:author") == 0) {
		if ((value = clean_prop(n, "content")) != NULL)
			clean_names_add(&m->meta_authors, value);
		free(key);
		return;
	}
	for (i = 0; i < UTIL_ARRLEN(keys); i++) {
		if (strcmp(key, keys[i].key) != 0)
			continue;
		if ((value = clean_prop(n, "content")) != NULL)
			clean_keep((char **)((char *)m + keys[i].field), value);
		break;
	}
	free(key);
}

/* A byline element (rel=author, itemprop=author, class "byline"). */
static int
clean_byline_node(const xmlNode *n)
{
	const xmlAttr	*a;
	const char	*name, *v;

	for (a = n->properties; a != NULL; a = a->next) {
		if (a->children == NULL || a->children->content == NULL)
			continue;
		name = (const char *)a->name;
		v = (const char *)a->children->content;
		if ((strcmp(name, "rel") == 0 && strcmp(v, "author") == 0) ||
		    (strcmp(name, "itemprop") == 0 &&
		    strstr(v, "author") != NULL) ||
		    (strcmp(name, "class") == 0 &&
		    util_strcasestr(v, "byline") != NULL))
			return (1);
	}
	return (0);
}

/* Does href lead to the site's front page ("/", "https://host/")? */
static int
clean_root_href(const char *href)
{
	const char	*p;

	href += strspn(href, " \t\r\n");
	if ((p = strstr(href, "://")) != NULL)
		href = p + 3 + strcspn(p + 3, "/?#");
	else if (href[0] == '/' && href[1] == '/')
		href += 2 + strcspn(href + 2, "/?#");
	if (href[0] == '.' && href[1] == '/')
		href++;
	if (href[0] == '/')
		href++;
	return (href[strcspn(href, "?# \t\r\n")] == '\0' &&
	    (href[0] == '\0' || href[0] == '?' || href[0] == '#' ||
	    strncmp(href, "index.", 6) == 0));
}

/* A link to the front page, or NULL. */
static int
clean_home_link(const xmlNode *n)
{
	xmlChar	*href;
	int	 yes;

	if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name,
	    "a") != 0 || (href = xmlGetProp(n, (const xmlChar *)"href")) ==
	    NULL)
		return (0);
	yes = clean_root_href((const char *)href);
	xmlFree(href);
	return (yes);
}

/*
 * Is this <h1> the site's logo: inside a link to the front page, or
 * all its text such a link, or wearing a logo's class?
 */
static int
clean_h1_logo(const xmlNode *h1)
{
	const xmlNode	*n, *only = NULL;
	xmlChar		*v;
	int		 k, yes = 0;

	for (n = h1->parent, k = 0; n != NULL && k < 3; n = n->parent, k++) {
		if (clean_home_link(n))
			return (1);
	}
	for (n = h1->children; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE) {
			if (only != NULL)
				break;
			only = n;
		} else if (clean_words_node(n))
			break;
	}
	if (n == NULL && only != NULL && clean_home_link(only))
		return (1);
	if ((v = xmlGetProp(h1, (const xmlChar *)"class")) != NULL) {
		yes = util_strcasestr((char *)v, "logo") != NULL ||
		    util_strcasestr((char *)v, "site-title") != NULL ||
		    util_strcasestr((char *)v, "site-name") != NULL;
		xmlFree(v);
	}
	return (yes);
}

/* Cut s at the first of the strings in cuts (case-insensitive). */
static void
clean_cut_at(char *s, const char *const *cuts, size_t ncuts)
{
	char	*p;
	size_t	 i;

	for (i = 0; i < ncuts; i++) {
		if ((p = util_strcasestr(s, cuts[i])) != NULL)
			*p = '\0';
	}
}

/* Add one piece of a byline, trimmed, when it looks like a name. */
static void
clean_byline_name(struct clean_names *l, const char *piece, size_t len)
{
	size_t	 words = 1, i;

	while (len > 0 && strchr(" ,;:.", *piece) != NULL) {
		piece++;
		len--;
	}
	while (len > 0 && strchr(" ,;:.-", piece[len - 1]) != NULL)
		len--;
	for (i = 0; i < len; i++)
		words += piece[i] == ' ';
	if (len < 2 || words > 5 || ispunct((unsigned char)piece[0]))
		return;
	clean_names_add(l, xstrndup(piece, len));
}

/*
 * The names in a byline ("By Ana Ruiz and Tom Lee", "Von Eva Roth |
 * 3. März"): what comes before a bar or a digit, without "By", split at
 * commas and "and" in a few languages.
 */
static void
clean_byline_names(struct clean_names *l, const char *byline)
{
	static const char *const opens[] = {
		"written by ", "posted by ", "by ", "von ", "par ", "por ",
		"di ", "door ", "av ", "af ", "автор: ", "Автор: ",
	};
	static const char *const cuts[] = {
		" | ", " - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " \xc2\xb7 ",
		" \xe2\x80\xa2 ", "updated", "published", "view author",
		"email", "follow",
	};
	static const char *const ands[] = {
		" and ", " & ", " und ", " et ", " y ", " e ", " en ",
		" \xd0\xb8 ", " og ", " och ", " i ",
	};
	char	*s, *p, *q;
	size_t	 i, len;

	s = util_collapse_space(byline);
	p = s;
	for (i = 0; i < UTIL_ARRLEN(opens); i++) {
		if (util_starts_nocase(p, opens[i])) {
			p += strlen(opens[i]);
			break;
		}
	}
	clean_cut_at(p, cuts, UTIL_ARRLEN(cuts));
	p[strcspn(p, "0123456789")] = '\0';
	for (i = 0; i < UTIL_ARRLEN(ands); i++) {
		while ((q = util_strcasestr(p, ands[i])) != NULL) {
			*q = ',';
			len = strlen(ands[i]);
			memmove(q + 1, q + len, strlen(q + len) + 1);
		}
	}
	for (; *p != '\0'; p += len + (p[len] != '\0')) {
		len = strcspn(p, ",;");
		clean_byline_name(l, p, len);
	}
	free(s);
}

static void
clean_meta_element(struct clean_meta_found *m, xmlNode *n)
{
	const char	*name = (const char *)n->name;
	char		*t;

	if (strcmp(name, "meta") == 0)
		clean_meta_tag(m, n);
	else if (strcmp(name, "link") == 0 && m->canonical == NULL) {
		t = clean_prop(n, "rel");
		if (t != NULL && strcasecmp(t, "canonical") == 0)
			m->canonical = clean_prop(n, "href");
		free(t);
	}
	else if (strcmp(name, "title") == 0 && m->title == NULL)
		m->title = clean_node_text(n);
	else if (strcmp(name, "h1") == 0) {
		if (clean_h1_logo(n)) {
			if (m->logo == NULL)
				m->logo = clean_node_text(n);
		} else if (m->nh1++ == 0)
			m->h1 = clean_node_text(n);
	} else if (strcmp(name, "html") == 0 && m->lang == NULL)
		m->lang = clean_prop(n, "lang");
	else if (strcmp(name, "script") == 0) {
		if ((t = clean_prop(n, "type")) != NULL &&
		    strcmp(t, "application/ld+json") == 0)
			clean_jsonld(m, n);
		free(t);
	} else if (m->byline == NULL && clean_byline_node(n)) {
		t = clean_node_text(n);
		if (t != NULL && strlen(t) < 100)
			m->byline = t;
		else
			free(t);
		if (m->byline != NULL)
			clean_byline_names(&m->byline_authors, m->byline);
	}
}

/* Decode the JSON string starting after its opening quote at p. */
static char *
clean_json_string(const char *p)
{
	struct buf	 b;
	unsigned long	 c, lo;
	char		 hex[5];

	buf_init(&b, 1 << 22);
	for (; *p != '\0' && *p != '"'; p++) {
		if (*p != '\\') {
			buf_addc(&b, *p);
			continue;
		}
		switch (*++p) {
		case 'n':
			buf_addc(&b, '\n');
			break;
		case 't': case 'r': case 'b': case 'f':
			buf_addc(&b, ' ');
			break;
		case 'u':
			if (strlen(p + 1) < 4)
				goto out;
			memcpy(hex, p + 1, 4);
			hex[4] = '\0';
			c = strtoul(hex, NULL, 16);
			p += 4;
			if (c >= 0xd800 && c < 0xdc00 && p[1] == '\\' &&
			    p[2] == 'u' && strlen(p + 3) >= 4) {
				memcpy(hex, p + 3, 4);
				lo = strtoul(hex, NULL, 16);
				if (lo >= 0xdc00 && lo < 0xe000) {
					c = 0x10000 + ((c - 0xd800) << 10) +
					    (lo - 0xdc00);
					p += 6;
				}
			}
			if (c >= 0xd800 && c < 0xe000)
				c = 0xfffd;
			buf_add_cp(&b, (uint32_t)c);
			break;
		case '\0':
			goto out;
		default:
			buf_addc(&b, *p);
			break;
		}
	}
out:
	return (buf_steal(&b));
}

/* Does s hold an HTML entity ("&amp;", "&#8230;", "&#x2019;")? */
static int
clean_has_entity(const char *s)
{
	size_t	n;

	for (; (s = strchr(s, '&')) != NULL; s++) {
		if (s[1] == '#')
			n = 2 + strspn(s + 2 + (s[2] == 'x' || s[2] == 'X'),
			    "0123456789abcdefABCDEF") +
			    (s[2] == 'x' || s[2] == 'X');
		else
			n = 1 + strspn(s + 1, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (n > 2 && s[n] == ';')
			return (1);
	}
	return (0);
}

/*
 * A JSON-LD string with HTML entities in it, decoded: sites write their
 * headline as HTML ("And finally&#8230;"), some twice over ("&amp;#8230;"),
 * so up to two rounds.  A "<" stays a "<".
 */
static char *
clean_json_entities(char *s)
{
	struct buf	 b;
	xmlDoc		*doc;
	xmlNode		*root;
	xmlChar		*t;
	const char	*p;
	int		 round;

	for (round = 0; round < 2 && clean_has_entity(s); round++) {
		buf_init(&b, 0);
		buf_adds(&b, "<html><body><p>");
		for (p = s; *p != '\0'; p++) {
			if (*p == '<')
				buf_adds(&b, "&lt;");
			else
				buf_addc(&b, *p);
		}
		buf_adds(&b, "</p></body></html>");
		doc = htmlReadMemory(b.data, (int)b.len, NULL, "UTF-8",
		    CLEAN_PARSE_OPTIONS);
		buf_free(&b);
		if (doc == NULL)
			break;
		if ((root = xmlDocGetRootElement(doc)) != NULL &&
		    (t = xmlNodeGetContent(root)) != NULL) {
			free(s);
			s = xstrdup((char *)t);
			xmlFree(t);
		}
		xmlFreeDoc(doc);
	}
	return (s);
}

/* The string value of "key" at or after p, or NULL (first match only). */
static char *
clean_json_find(const char *p, const char *key)
{
	char	 quoted[64];
	const char *q;

	snprintf(quoted, sizeof quoted, "\"%s\"", key);
	if ((q = strstr(p, quoted)) == NULL)
		return (NULL);
	q += strlen(quoted);
	q += strspn(q, " \t\r\n");
	if (*q++ != ':')
		return (NULL);
	q += strspn(q, " \t\r\n");
	if (*q == '[' || *q == '{') {
		if (strcmp(key, "author") != 0 && strcmp(key, "publisher") != 0)
			return (NULL);
		return (clean_json_find(q, "name"));
	}
	if (*q != '"')
		return (NULL);
	return (clean_json_entities(clean_json_string(q + 1)));
}

/* Past the JSON value at p: a string, object, array or scalar. */
static const char *
clean_json_skip(const char *p)
{
	int	 depth = 0, in_string = 0;

	for (; *p != '\0'; p++) {
		if (in_string) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			else if (*p == '"') {
				in_string = 0;
				if (depth == 0)
					return (p + 1);
			}
		} else if (*p == '"')
			in_string = 1;
		else if (*p == '{' || *p == '[')
			depth++;
		else if (*p == '}' || *p == ']') {
			if (--depth <= 0)
				return (depth < 0 ? p : p + 1);
		} else if (depth == 0 && *p == ',')
			return (p);
	}
	return (p);
}

/* The name of one author: a string, or an object's "name". */
static void
clean_json_author(struct clean_names *l, const char *p, const char *end)
{
	char	*object, *name;

	if (*p == '"') {
		clean_names_add(l,
		    clean_json_entities(clean_json_string(p + 1)));
		return;
	}
	if (*p != '{')
		return;
	object = xstrndup(p, (size_t)(end - p));
	if ((name = clean_json_find(object, "name")) != NULL)
		clean_names_add(l, name);
	free(object);
}

/* Every author named by the first "author" member of a JSON-LD text. */
static void
clean_json_authors(struct clean_names *l, const char *text)
{
	const char	*p, *end;

	if ((p = strstr(text, "\"author\"")) == NULL)
		return;
	p += strlen("\"author\"");
	p += strspn(p, " \t\r\n");
	if (*p++ != ':')
		return;
	p += strspn(p, " \t\r\n");
	if (*p != '[') {
		clean_json_author(l, p, clean_json_skip(p));
		return;
	}
	for (p++; *p != '\0' && *p != ']'; p = end) {
		p += strspn(p, " \t\r\n,");
		if (*p == ']' || *p == '\0')
			break;
		end = clean_json_skip(p);
		if (end == p)
			break;
		clean_json_author(l, p, end);
	}
}

static void
clean_jsonld(struct clean_meta_found *m, xmlNode *n)
{
	xmlChar	*t;
	char	*v;

	if ((t = xmlNodeGetContent(n)) == NULL)
		return;
	if ((v = clean_json_find((char *)t, "headline")) != NULL)
		clean_keep(&m->ld_title, v);
	if ((v = clean_json_find((char *)t, "articleBody")) != NULL)
		clean_keep(&m->ld_body, v);
	if (m->ld_authors.n == 0)
		clean_json_authors(&m->ld_authors, (char *)t);
	if ((v = clean_json_find((char *)t, "publisher")) != NULL)
		clean_keep(&m->ld_site, v);
	if ((v = clean_json_find((char *)t, "datePublished")) != NULL)
		clean_keep(&m->published, v);
	if ((v = clean_json_find((char *)t, "dateModified")) != NULL)
		clean_keep(&m->modified, v);
	xmlFree(t);
}

/* "Headline | Site" or "Site - Headline": the headline alone. */
static char *
clean_title_trim(const char *title, const char *site)
{
	static const char *const seps[] = {
		" | ", " - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " :: ",
		" \xc2\xbb ", " \xc2\xab ", " / ",
	};
	const char	*s;
	size_t		 i, len = strlen(title), slen;

	slen = site != NULL ? strlen(site) : 0;
	if (slen > 0 && len > slen + 2 && strncmp(title, site, slen) == 0 &&
	    title[slen] == ':' && title[slen + 1] == ' ')
		return (xstrdup(title + slen + 2));
	for (i = 0; i < UTIL_ARRLEN(seps); i++) {
		if ((s = strstr(title, seps[i])) == NULL)
			continue;
		if (site != NULL && strstr(s, site) == NULL &&
		    strncmp(title, site, strlen(site)) == 0)
			return (xstrdup(s + strlen(seps[i])));
		if ((size_t)(s - title) * 2 >= len / 2)
			return (xstrndup(title, (size_t)(s - title)));
	}
	return (xstrdup(title));
}

static char *
clean_choose_title(struct clean_meta_found *m, const char *site)
{
	const char	*t;
	size_t		 n;

	if ((t = m->ld_title) == NULL && (t = m->og_title) == NULL &&
	    (m->nh1 != 1 || (t = m->h1) == NULL) && (t = m->title) == NULL &&
	    (t = m->h1) == NULL)
		return (NULL);
	/* "Logo Headline": the name the logo shows, then the headline. */
	if (m->logo != NULL && (n = strlen(m->logo)) > 0 &&
	    strncmp(t, m->logo, n) == 0 && t[n] == ' ' &&
	    strlen(t + n) > 4 && strchr(": |-", t[n + 1]) == NULL)
		return (xstrdup(t + n + 1));
	return (clean_title_trim(t, site));
}

static void
clean_meta_free(struct clean_meta_found *m)
{
	free(m->og_title);
	free(m->ld_title);
	free(m->h1);
	free(m->title);
	free(m->ld_site);
	free(m->byline);
	free(m->site);
	free(m->published);
	free(m->modified);
	free(m->image);
	free(m->image_alt);
	free(m->canonical);
	free(m->lang);
	free(m->logo);
	clean_names_free(&m->meta_authors);
	clean_names_free(&m->ld_authors);
	clean_names_free(&m->byline_authors);
}

/* The names become out's authors, and joined its byline; l is emptied. */
static void
clean_meta_take_authors(struct clean_names *l, struct clean_article *out)
{
	struct buf	 b;
	size_t		 i;

	out->authors = xreallocarray(NULL, l->n, sizeof *out->authors);
	buf_init(&b, 4096);
	for (i = 0; i < l->n; i++) {
		out->authors[i] = l->v[i];
		buf_printf(&b, "%s%s", i == 0 ? "" : ", ", l->v[i]);
	}
	out->nauthors = l->n;
	l->n = 0;
	out->byline = buf_steal(&b);
}

/*
 * The authors: JSON-LD's, else the <meta> tags', else the byline's
 * names; the byline is them joined, else the byline element's text.
 */
static void
clean_meta_authors(struct clean_meta_found *m, struct clean_article *out)
{
	struct clean_names	*l = &m->ld_authors;

	if (l->n == 0)
		l = &m->meta_authors;
	if (l->n == 0)
		l = &m->byline_authors;
	if (l->n == 0) {
		out->byline = m->byline;
		m->byline = NULL;
		return;
	}
	clean_meta_take_authors(l, out);
}

/*
 * Read the page's metadata into out (title, byline, published,
 * site_name, lang, image), JSON-LD's articleBody into *body and the
 * text of the page's one <h1> into *h1 (NULL when absent; the caller
 * frees both).
 */
void
clean_meta(xmlDoc *doc, const char *url, struct clean_article *out,
    char **body, char **h1)
{
	struct clean_meta_found	 m;
	xmlNode			*root = xmlDocGetRootElement(doc), *n;

	memset(&m, 0, sizeof m);
	for (n = root; n != NULL; ) {
		if (n->type == XML_ELEMENT_NODE)
			clean_meta_element(&m, n);
		if (n->type == XML_ELEMENT_NODE && n->children != NULL &&
		    strcmp((char *)n->name, "script") != 0) {
			n = n->children;
			continue;
		}
		while (n != NULL && n != root && n->next == NULL)
			n = n->parent;
		n = (n == NULL || n == root) ? NULL : n->next;
	}
	if (m.site == NULL) {
		m.site = m.ld_site;
		m.ld_site = NULL;
	}
	clean_meta_authors(&m, out);
	out->site_name = m.site;
	out->title = clean_choose_title(&m, out->site_name);
	m.site = NULL;
	out->published = m.published;
	out->modified = m.modified;
	out->lang = m.lang;
	out->image = m.image != NULL ? url_resolve(url, m.image) : NULL;
	if (out->image != NULL) {
		out->image_alt = m.image_alt;
		m.image_alt = NULL;
	}
	if (m.canonical != NULL)
		out->canonical = url_resolve(url, m.canonical);
	m.published = m.modified = m.lang = NULL;
	*body = m.ld_body;
	*h1 = NULL;
	if (m.nh1 == 1) {
		*h1 = m.h1;
		m.h1 = NULL;
	}
	clean_meta_free(&m);
}

/*
 * Is rest (n bytes, after a headline) a site's part: " | Site",
 * " - Site", at most 60 bytes; with paren, " (Ana Ruiz)" too?
 */
static int
clean_site_part(const char *rest, size_t n, int paren)
{
	static const char *const seps[] = {
		" | ", " - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " :: ",
	};
	size_t	i;

	if (n > 60)
		return (0);
	if (paren && n > 2 && strncmp(rest, " (", 2) == 0 &&
	    rest[n - 1] == ')')
		return (1);
	for (i = 0; i < UTIL_ARRLEN(seps); i++) {
		if (n >= strlen(seps[i]) &&
		    strncmp(rest, seps[i], strlen(seps[i])) == 0)
			return (1);
	}
	return (0);
}

/*
 * Is this line the headline: the title, alone or with the site ("Title
 * | Site"), or what the title adds its site to ("Fold and Cut" for
 * "Fold and Cut (Ana Ruiz)" or "Fold and Cut | Site")?  A short label
 * ("News") may open a title and be no headline.
 */
static int
clean_is_headline(const char *line, size_t len, const char *title)
{
	size_t	 tlen = strlen(title);

	if (len >= tlen && strncasecmp(line, title, tlen) == 0)
		return (len == tlen ||
		    clean_site_part(line + tlen, len - tlen, 0));
	return (len >= 12 && tlen > len &&
	    strncasecmp(line, title, len) == 0 &&
	    clean_site_part(title + len, tlen - len, 1));
}

/*
 * Drop the first of the text's opening lines that is title (after the
 * short labels above it: site name, section, date).  Returns 1 if one
 * went.
 */
static int
clean_drop_title_line(struct clean_article *a, const char *title)
{
	const char	*p, *nl;
	size_t		 len, skip, k;

	if (title == NULL || title[0] == '\0' || a->text[0] == '\0')
		return (0);
	for (p = a->text, k = 0; k < 4; k++) {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if (clean_is_headline(p, len, title)) {
			skip = (size_t)(p - a->text) + len;
			skip += strspn(a->text + skip, "\n");
			memmove(a->text, a->text + skip,
			    strlen(a->text + skip) + 1);
			return (1);
		}
		if (nl == NULL || (len > 80 && !clean_label_row(p, len)))
			return (0);
		p = nl + strspn(nl, "\n");
	}
	return (0);
}

/*
 * Drop the headline when the body repeats it in its first lines: as
 * the metadata says it, else as the page's one <h1> shows it (a site's
 * headline for search engines may differ from the one on the page).
 */
void
clean_drop_headline(struct clean_article *a, const char *h1)
{
	char	*shown;

	if (clean_drop_title_line(a, a->title) || h1 == NULL)
		return;
	shown = clean_squeeze(h1);
	clean_drop_title_line(a, shown);
	free(shown);
}

/*
 * Is this block a byline alone ("By Ana Ruiz and Tom Lee", "Von Eva
 * Roth")?  When it is and the page named no author, its names become
 * the article's authors.
 */
int
clean_meta_byline(struct clean_article *a, const char *block, size_t len)
{
	static const char *const opens[] = {
		"By ", "by ", "Von ", "Par ", "Por ", "Door ", "Di ", "Av ",
		"Автор: ",
	};
	struct clean_names	 l;
	char			*s;
	size_t			 i, words = 1;

	if (len > 80 || memchr(block, '\n', len) != NULL ||
	    strchr(".!?", block[len - 1]) != NULL)
		return (0);
	for (i = 0; i < UTIL_ARRLEN(opens); i++) {
		if (len > strlen(opens[i]) &&
		    strncmp(block, opens[i], strlen(opens[i])) == 0)
			break;
	}
	if (i == UTIL_ARRLEN(opens))
		return (0);
	for (i = 0; i < len; i++)
		words += block[i] == ' ';
	if (words > 9)
		return (0);
	memset(&l, 0, sizeof l);
	s = xstrndup(block, len);
	clean_byline_names(&l, s);
	free(s);
	if (l.n == 0)
		return (0);
	if (a->nauthors == 0) {
		free(a->byline);
		a->byline = NULL;
		clean_meta_take_authors(&l, a);
	}
	clean_names_free(&l);
	return (1);
}
