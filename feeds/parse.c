/*
 * Feed parsing over mxml's SAX interface.  Nothing of the document is kept
 * as a tree: a stack of open elements carries names, namespaces and
 * xml:base, text is captured into one buffer per field, and an item is
 * finished and handed on the moment it closes, so memory stays bounded.
 */
#include "config.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <mxml.h>

#include "date.h"
#include "parse.h"
#include "parse-json.h"
#include "prepass.h"
#include "url.h"
#include "util.h"

#define PARSE_FIELD_LIMIT	(32U << 20)
#define PARSE_HOLD_MAX		64	/* items kept back for a late author */

enum parse_ns {
	NS_NONE = 0,
	NS_RSS,
	NS_RSS090,
	NS_ATOM,
	NS_ATOM03,
	NS_RDF,
	NS_DC,
	NS_DCTERMS,
	NS_CONTENT,
	NS_ITUNES,
	NS_MEDIA,
	NS_XHTML,
	NS_OTHER
};

/* What an open element is to the parser. */
enum parse_role {
	ROLE_NONE = 0,
	ROLE_ROOT,	/* rss or rdf:RDF */
	ROLE_CHANNEL,	/* channel, or the Atom feed element */
	ROLE_ITEM,
	ROLE_AUTHOR,	/* an Atom author inside an item */
	ROLE_FEED_AUTHOR, /* an Atom author of the whole feed */
	ROLE_MEDIA,	/* media:group inside an item */
	ROLE_ITUNES,	/* itunes:category inside an item */
	ROLE_FIELD,	/* an element whose text is being captured */
	ROLE_INNER,	/* markup inside a captured field */
	ROLE_WRAPPER	/* the xhtml div around Atom xhtml content */
};

/* Where a handler applies: the role of the parent element. */
enum parse_context {
	CTX_ROOT,
	CTX_CHANNEL,
	CTX_ITEM,
	CTX_AUTHOR,
	CTX_FEED_AUTHOR,
	CTX_MEDIA,
	CTX_ITUNES
};

enum parse_capture_mode {
	CAPTURE_RAW,	/* text as it is, inner elements as tags */
	CAPTURE_XHTML	/* text escaped, inner elements as tags */
};

/* Content kept in order of preference. */
enum parse_body {
	BODY_ENCODED,	/* content:encoded */
	BODY_CONTENT,	/* Atom content */
	BODY_SUMMARY,	/* description, summary */
	BODY_MEDIA,	/* media:description, itunes:summary */
	BODY_COUNT
};

struct parse_frame {
	mxml_node_t	*node;
	const char	*local;
	enum parse_ns	 ns;
	const char	*family;
	enum parse_role	 role;
	const struct parse_handler *handler;
	const char	*base;
	char		*own_base;
	int		 base_explicit;
};

struct parse_binding {
	char		*prefix;	/* "" for the default namespace */
	enum parse_ns	 ns;
	size_t		 depth;
};

struct parse_item {
	char			*title;
	char			*alt_title;	/* dc:title, media:title */
	char			*link;
	int			 link_score;
	char			*guid;
	int			 guid_permalink;
	char			*about;
	char			*author[4];	/* Atom, RSS, dc, itunes */
	char			*author_email;
	char			*author_uri;
	int64_t			 published;
	int64_t			 created;	/* Atom 0.3 */
	int64_t			 updated;
	char			**categories;
	size_t			 ncategories;
	struct feed_enclosure	*enclosures;
	size_t			 nenclosures;
	struct feed_enclosure	*media;
	size_t			 nmedia;
	char			*body[BODY_COUNT];
	char			*body_base[BODY_COUNT];
};

struct parse_ctx {
	const char		*url;
	struct feed_info	*info;
	feed_item_cb		 cb;
	void			*arg;
	int			 dead;		/* not a feed */
	int			 stopped;	/* the callback said stop */
	int			 atom;		/* unprefixed names are Atom */
	enum parse_ns		 atom_ns;	/* the namespace of <feed> */
	int			 guessed;	/* a prefix nobody declared */
	char			*root;		/* name of the root element */
	int			 root_closed;

	struct parse_frame	*frames;
	size_t			 nframes;
	size_t			 framecap;
	struct parse_binding	*bindings;
	size_t			 nbindings;
	size_t			 bindcap;

	int			 capturing;
	size_t			 capture_depth;
	enum parse_capture_mode	 capture_mode;
	struct buf		 text;

	struct parse_item	*item;
	size_t			 items_seen;
	char			*site_link;
	int			 site_score;
	/*
	 * The channel's author, for items without one.  Until it is known
	 * (or the channel closes), items are held back, PARSE_HOLD_MAX at
	 * most, so an author written after the first items reaches them.
	 */
	char			*feed_author[4];	/* as item authors */
	char			*feed_author_email;
	char			*feed_author_uri;
	struct feed_item	 held[PARSE_HOLD_MAX];
	size_t			 nheld;
	int			 channel_closed;
};

typedef void (*parse_open_fn)(struct parse_ctx *, struct parse_frame *);
typedef void (*parse_close_fn)(struct parse_ctx *, struct parse_frame *,
    const char *);

struct parse_handler {
	enum parse_context	 context;
	const char		*key;		/* family:local */
	int			 capture;	/* capture the element's text */
	parse_open_fn		 open;
	parse_close_fn		 close;
};

static _Thread_local char parse_error_msg[256];

static const struct {
	const char	*uri;
	enum parse_ns	 ns;
} parse_ns_uris[] = {
	{ "http://www.w3.org/2005/Atom", NS_ATOM },
	{ "http://purl.org/atom/ns#", NS_ATOM03 },
	{ "http://purl.org/rss/1.0/", NS_RSS },
	{ "http://purl.org/net/rss1.1#", NS_RSS },
	{ "http://backend.userland.com/rss2", NS_RSS },
	{ "http://backend.userland.com/rss", NS_RSS },
	{ "http://blogs.law.harvard.edu/tech/rss", NS_RSS },
	{ "http://my.netscape.com/rdf/simple/0.9/", NS_RSS090 },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF },
	{ "http://purl.org/dc/elements/1.1/", NS_DC },
	{ "http://purl.org/dc/elements/1.0/", NS_DC },
	{ "http://purl.org/dc/terms/", NS_DCTERMS },
	{ "http://purl.org/rss/1.0/modules/content/", NS_CONTENT },
	{ "http://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES },
	{ "http://search.yahoo.com/mrss/", NS_MEDIA },
	{ "http://video.search.yahoo.com/mrss", NS_MEDIA },
	{ "http://www.w3.org/1999/xhtml", NS_XHTML }
};

/* Prefixes as feeds commonly use them, for when nothing binds them. */
static const struct {
	const char	*prefix;
	enum parse_ns	 ns;
} parse_ns_prefixes[] = {
	{ "atom", NS_ATOM }, { "atom10", NS_ATOM }, { "content", NS_CONTENT },
	{ "dc", NS_DC }, { "dcterms", NS_DCTERMS }, { "itunes", NS_ITUNES },
	{ "media", NS_MEDIA }, { "rdf", NS_RDF }, { "xhtml", NS_XHTML }
};

static const char *parse_families[] = {
	"rss", "rss", "rss", "atom", "atom", "rdf", "dc", "dcterms",
	"content", "itunes", "media", "xhtml", "other"
};

static void
parse_error_cb(const char *msg)
{
	if (parse_error_msg[0] == '\0')
		snprintf(parse_error_msg, sizeof parse_error_msg, "%s", msg);
}

const char *
feed_format_name(enum feed_format format)
{
	switch (format) {
	case FEED_FORMAT_RSS090:
		return ("RSS 0.90");
	case FEED_FORMAT_RSS091:
		return ("RSS 0.91");
	case FEED_FORMAT_RSS092:
		return ("RSS 0.92");
	case FEED_FORMAT_RSS20:
		return ("RSS 2.0");
	case FEED_FORMAT_RSS10:
		return ("RSS 1.0");
	case FEED_FORMAT_ATOM03:
		return ("Atom 0.3");
	case FEED_FORMAT_ATOM10:
		return ("Atom 1.0");
	case FEED_FORMAT_JSON10:
		return ("JSON Feed 1.0");
	case FEED_FORMAT_JSON11:
		return ("JSON Feed 1.1");
	default:
		return ("unknown");
	}
}

void
feed_info_free(struct feed_info *info)
{
	free(info->title);
	free(info->site_url);
	free(info->encoding);
	free(info->damage);
	memset(info, 0, sizeof *info);
}

/* Namespace URIs compare without case and without a trailing '/' or '#'. */
static int
parse_uri_eq(const char *a, const char *b)
{
	size_t	 na = strlen(a), nb = strlen(b);

	if (na > 0 && (a[na - 1] == '/' || a[na - 1] == '#'))
		na--;
	if (nb > 0 && (b[nb - 1] == '/' || b[nb - 1] == '#'))
		nb--;
	return (na == nb && strncasecmp(a, b, na) == 0);
}

static enum parse_ns
parse_ns_from_uri(const char *uri)
{
	size_t	 i;

	for (i = 0; i < UTIL_ARRLEN(parse_ns_uris); i++) {
		if (parse_uri_eq(uri, parse_ns_uris[i].uri))
			return (parse_ns_uris[i].ns);
	}
	return (*uri == '\0' ? NS_NONE : NS_OTHER);
}

/* Record the xmlns attributes of an element opened at depth. */
static void
parse_bind(struct parse_ctx *ctx, mxml_node_t *node, size_t depth)
{
	struct parse_binding	*b;
	const char		*name, *value;
	int			 i, n;

	n = mxmlElementGetAttrCount(node);
	for (i = 0; i < n; i++) {
		value = mxmlElementGetAttrByIndex(node, i, &name);
		if (name == NULL || value == NULL ||
		    strncmp(name, "xmlns", 5) != 0 ||
		    (name[5] != '\0' && name[5] != ':'))
			continue;
		if (ctx->nbindings == ctx->bindcap) {
			ctx->bindcap = ctx->bindcap == 0 ? 16 : ctx->bindcap * 2;
			ctx->bindings = xreallocarray(ctx->bindings,
			    ctx->bindcap, sizeof *ctx->bindings);
		}
		b = &ctx->bindings[ctx->nbindings++];
		b->prefix = xstrdup(name[5] == ':' ? name + 6 : "");
		b->ns = parse_ns_from_uri(value);
		b->depth = depth;
	}
}

static void
parse_unbind(struct parse_ctx *ctx, size_t depth)
{
	while (ctx->nbindings > 0 &&
	    ctx->bindings[ctx->nbindings - 1].depth >= depth)
		free(ctx->bindings[--ctx->nbindings].prefix);
}

/* The namespace of prefix (length n): innermost binding, else by habit. */
static enum parse_ns
parse_lookup_prefix(struct parse_ctx *ctx, const char *prefix, size_t n)
{
	size_t	 i;

	for (i = ctx->nbindings; i > 0; i--) {
		if (strlen(ctx->bindings[i - 1].prefix) == n &&
		    strncmp(ctx->bindings[i - 1].prefix, prefix, n) == 0)
			return (ctx->bindings[i - 1].ns);
	}
	if (n == 0)
		return (NS_NONE);
	ctx->guessed = 1;
	for (i = 0; i < UTIL_ARRLEN(parse_ns_prefixes); i++) {
		if (strlen(parse_ns_prefixes[i].prefix) == n &&
		    strncasecmp(parse_ns_prefixes[i].prefix, prefix, n) == 0)
			return (parse_ns_prefixes[i].ns);
	}
	return (NS_OTHER);
}

/* Split an element name into namespace, family and local name. */
static void
parse_name(struct parse_ctx *ctx, struct parse_frame *f)
{
	const char	*name, *colon;

	name = mxmlGetElement(f->node);
	if (name == NULL)
		name = "";
	if ((colon = strchr(name, ':')) != NULL) {
		f->ns = parse_lookup_prefix(ctx, name, (size_t)(colon - name));
		f->local = colon + 1;
	} else {
		f->ns = parse_lookup_prefix(ctx, "", 0);
		f->local = name;
	}
	if (ctx->atom && (f->ns == NS_NONE || f->ns == ctx->atom_ns))
		f->family = "atom";
	else
		f->family = parse_families[f->ns];
}

/* Set the frame's base from its xml:base (or its parent's). */
static void
parse_base(struct parse_ctx *ctx, struct parse_frame *f,
    const struct parse_frame *parent)
{
	const char	*attr;

	f->base = parent != NULL ? parent->base : ctx->url;
	f->base_explicit = parent != NULL ? parent->base_explicit : 0;
	attr = mxmlElementGetAttr(f->node, "xml:base");
	if (attr == NULL || *attr == '\0')
		return;
	f->own_base = url_resolve(f->base, attr);
	if (f->own_base != NULL) {
		f->base = f->own_base;
		f->base_explicit = 1;
	}
}

static struct parse_frame *
parse_push(struct parse_ctx *ctx, mxml_node_t *node)
{
	struct parse_frame	*f, *parent;

	if (ctx->nframes == ctx->framecap) {
		ctx->framecap = ctx->framecap == 0 ? 32 : ctx->framecap * 2;
		ctx->frames = xreallocarray(ctx->frames, ctx->framecap,
		    sizeof *ctx->frames);
	}
	parent = ctx->nframes > 0 ? &ctx->frames[ctx->nframes - 1] : NULL;
	f = &ctx->frames[ctx->nframes++];
	memset(f, 0, sizeof *f);
	f->node = node;
	parse_bind(ctx, node, ctx->nframes);
	parse_name(ctx, f);
	parse_base(ctx, f, parent);
	return (f);
}

static void
parse_pop(struct parse_ctx *ctx)
{
	struct parse_frame	*f = &ctx->frames[ctx->nframes - 1];

	free(f->own_base);
	parse_unbind(ctx, ctx->nframes);
	ctx->nframes--;
}

static struct parse_frame *
parse_parent(struct parse_ctx *ctx)
{
	if (ctx->nframes < 2)
		return (NULL);
	return (&ctx->frames[ctx->nframes - 2]);
}

/* Does s look like HTML: a tag, or an entity or character reference? */
static int
parse_looks_html(const char *s)
{
	const char	*p;

	for (p = s; *p != '\0'; p++) {
		if (p[0] == '<' && (isalpha((unsigned char)p[1]) ||
		    p[1] == '/' || p[1] == '!'))
			return (1);
		if (p[0] != '&')
			continue;
		for (p++; isalnum((unsigned char)*p) || *p == '#'; p++)
			;
		if (*p == ';')
			return (1);
		p--;
	}
	return (0);
}

/* Is the tag at s (after '<') one that breaks a line? */
static int
parse_block_tag(const char *s)
{
	static const char *tags[] = {
		"br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3",
		"h4", "h5", "h6", "blockquote", "ul", "ol", "hr", "pre"
	};
	size_t	 i, n;

	if (*s == '/')
		s++;
	for (n = 0; isalnum((unsigned char)s[n]); n++)
		;
	for (i = 0; i < UTIL_ARRLEN(tags); i++) {
		if (strlen(tags[i]) == n && strncasecmp(s, tags[i], n) == 0)
			return (1);
	}
	return (0);
}

/* The '>' that ends the tag at s, past quoted attribute values. */
static const char *
parse_tag_end(const char *s)
{
	char	 quote = 0;

	for (; *s != '\0'; s++) {
		if (quote != 0) {
			if (*s == quote)
				quote = 0;
		} else if (*s == '"' || *s == '\'')
			quote = *s;
		else if (*s == '>')
			return (s);
	}
	return (NULL);
}

/* Drop tags (block tags leave a space); comments go whole. */
static void
parse_strip_tags(const char *s, struct buf *b)
{
	const char	*end;

	while (*s != '\0') {
		if (s[0] != '<' || !(isalpha((unsigned char)s[1]) ||
		    s[1] == '/' || s[1] == '!' || s[1] == '?')) {
			buf_addc(b, *s++);
			continue;
		}
		if (strncmp(s, "<!--", 4) == 0 &&
		    (end = strstr(s + 4, "-->")) != NULL) {
			s = end + 3;
			continue;
		}
		if ((end = parse_tag_end(s)) == NULL &&
		    (end = strchr(s, '>')) == NULL)
			break;
		if (parse_block_tag(s + 1))
			buf_addc(b, ' ');
		s = end + 1;
	}
}

/* Decode the references the prepass leaves: the XML five and &#N;. */
static void
parse_decode_refs(const char *s, struct buf *b)
{
	static const struct {
		const char	*ref;
		char		 c;
	} xml[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		{ "&quot;", '"' }, { "&apos;", '\'' }
	};
	char	*end;
	size_t	 i;
	long	 v;

	while (*s != '\0') {
		if (*s != '&') {
			buf_addc(b, *s++);
			continue;
		}
		if (s[1] == '#' && isdigit((unsigned char)s[2])) {
			v = strtol(s + 2, &end, 10);
			if (*end == ';') {
				buf_add_cp(b, v == 0 ? 0xfffd : (uint32_t)v);
				s = end + 1;
				continue;
			}
		}
		for (i = 0; i < UTIL_ARRLEN(xml); i++) {
			if (strncmp(s, xml[i].ref, strlen(xml[i].ref)) == 0)
				break;
		}
		if (i < UTIL_ARRLEN(xml)) {
			buf_addc(b, xml[i].c);
			s += strlen(xml[i].ref);
		} else
			buf_addc(b, *s++);
	}
}

/* HTML to plain text: tags out, every entity decoded. */
static char *
parse_html_to_text(const char *html)
{
	struct buf		 stripped, fixed, text;
	struct prepass_result	 res;
	char			*cause = NULL;

	buf_init(&stripped, 0);
	buf_init(&fixed, 0);
	buf_init(&text, 0);
	parse_strip_tags(html, &stripped);
	if (prepass_run(stripped.data, stripped.len, "utf-8", &fixed, &res,
	    &cause) != 0) {
		free(cause);
		buf_reset(&fixed);
		buf_adds(&fixed, stripped.data);
	}
	parse_decode_refs(fixed.data, &text);
	buf_free(&stripped);
	buf_free(&fixed);
	return (buf_steal(&text));
}

/*
 * One line of plain text from s (HTML when html is set): control
 * characters out, white space collapsed.  NULL when nothing is left.
 */
static char *
parse_plain(const char *s, int html)
{
	char	*text, *clean, *out;

	if (s == NULL)
		return (NULL);
	text = html ? parse_html_to_text(s) : xstrdup(s);
	clean = util_utf8_sanitize(text, strlen(text));
	out = util_collapse_space(clean);
	free(text);
	free(clean);
	if (*out == '\0') {
		free(out);
		return (NULL);
	}
	return (out);
}

/* A trimmed copy of s, or NULL when it is empty. */
static char *
parse_trimmed(const char *s)
{
	char	*copy, *t, *out;

	if (s == NULL)
		return (NULL);
	copy = util_utf8_sanitize(s, strlen(s));
	t = util_trim(copy);
	out = *t == '\0' ? NULL : xstrdup(t);
	free(copy);
	return (out);
}

static void
parse_escape(struct buf *b, const char *s, int attr)
{
	for (; *s != '\0'; s++) {
		if (*s == '&')
			buf_adds(b, "&amp;");
		else if (*s == '<')
			buf_adds(b, "&lt;");
		else if (*s == '>')
			buf_adds(b, "&gt;");
		else if (*s == '"' && attr)
			buf_adds(b, "&quot;");
		else
			buf_addc(b, *s);
	}
}

enum parse_text_type {
	TYPE_TEXT,
	TYPE_HTML,
	TYPE_XHTML,
	TYPE_BASE64	/* any other type: base64, says Atom */
};

/* The type of an Atom text construct (type and Atom 0.3 mode). */
static enum parse_text_type
parse_text_type(mxml_node_t *node, enum parse_text_type dflt)
{
	const char	*type, *mode;

	type = mxmlElementGetAttr(node, "type");
	mode = mxmlElementGetAttr(node, "mode");
	if (mode != NULL && strcasecmp(mode, "escaped") == 0)
		return (type != NULL && util_strcasestr(type, "html") == NULL &&
		    strncasecmp(type, "text/", 5) == 0 ? TYPE_TEXT : TYPE_HTML);
	if (mode != NULL && strcasecmp(mode, "xml") == 0)
		return (TYPE_XHTML);
	if (mode != NULL && strcasecmp(mode, "base64") == 0)
		return (TYPE_BASE64);
	if (type == NULL || *type == '\0')
		return (dflt);
	if (strcasecmp(type, "text") == 0 ||
	    strcasecmp(type, "text/plain") == 0)
		return (TYPE_TEXT);
	if (strcasecmp(type, "html") == 0 || strcasecmp(type, "text/html") == 0)
		return (TYPE_HTML);
	if (strcasecmp(type, "xhtml") == 0 ||
	    strcasecmp(type, "application/xhtml+xml") == 0)
		return (TYPE_XHTML);
	if (strncasecmp(type, "text/", 5) == 0)
		return (TYPE_TEXT);
	if (util_strcasestr(type, "xml") != NULL)
		return (TYPE_XHTML);
	return (TYPE_BASE64);
}

/* Decode base64 (white space ignored); NULL unless it gives UTF-8 text. */
static char *
parse_base64(const char *s)
{
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	struct buf	 b;
	const char	*d;
	uint32_t	 acc = 0;
	int		 bits = 0;

	buf_init(&b, 0);
	for (; *s != '\0' && *s != '='; s++) {
		if (isspace((unsigned char)*s))
			continue;
		if ((d = strchr(digits, *s)) == NULL) {
			buf_free(&b);
			return (NULL);
		}
		acc = (acc << 6) | (uint32_t)(d - digits);
		if ((bits += 6) >= 8) {
			bits -= 8;
			buf_addc(&b, (char)((acc >> bits) & 0xff));
		}
	}
	if (memchr(b.data, '\0', b.len) != NULL ||
	    !util_utf8_valid(b.data, b.len)) {
		buf_free(&b);
		return (NULL);
	}
	return (buf_steal(&b));
}

static int
parse_void_element(const char *name)
{
	static const char *tags[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input",
		"link", "meta", "param", "source", "track", "wbr"
	};
	size_t	 i;

	for (i = 0; i < UTIL_ARRLEN(tags); i++) {
		if (strcasecmp(name, tags[i]) == 0)
			return (1);
	}
	return (0);
}

static void
parse_capture_start(struct parse_ctx *ctx, struct parse_frame *f,
    enum parse_capture_mode mode)
{
	f->role = ROLE_FIELD;
	ctx->capturing = 1;
	ctx->capture_depth = ctx->nframes;
	ctx->capture_mode = mode;
	buf_reset(&ctx->text);
}

static int
parse_blank(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return (*s == '\0');
}

/* An element inside a captured field: written out as a tag. */
static void
parse_capture_open(struct parse_ctx *ctx, struct parse_frame *f)
{
	const char	*name, *value;
	int		 i, n;

	f->role = ROLE_INNER;
	if (ctx->capture_mode == CAPTURE_XHTML &&
	    ctx->nframes == ctx->capture_depth + 1 &&
	    strcasecmp(f->local, "div") == 0 && parse_blank(ctx->text.data)) {
		f->role = ROLE_WRAPPER;
		return;
	}
	buf_printf(&ctx->text, "<%s", f->local);
	n = mxmlElementGetAttrCount(f->node);
	for (i = 0; i < n; i++) {
		value = mxmlElementGetAttrByIndex(f->node, i, &name);
		if (name == NULL || value == NULL ||
		    strncmp(name, "xmlns", 5) == 0 ||
		    strncmp(name, "xml:", 4) == 0)
			continue;
		if (strchr(name, ':') != NULL)
			name = strchr(name, ':') + 1;
		buf_printf(&ctx->text, " %s=\"", name);
		parse_escape(&ctx->text, value, 1);
		buf_addc(&ctx->text, '"');
	}
	buf_addc(&ctx->text, '>');
}

static void
parse_capture_close(struct parse_ctx *ctx, struct parse_frame *f)
{
	if (f->role == ROLE_INNER && !parse_void_element(f->local))
		buf_printf(&ctx->text, "</%s>", f->local);
}

static void
parse_capture_text(struct parse_ctx *ctx, const char *s)
{
	if (ctx->capture_mode == CAPTURE_XHTML)
		parse_escape(&ctx->text, s, 0);
	else
		buf_adds(&ctx->text, s);
}

/*
 * Wrapped XHTML content keeps only what is inside the div: drop the
 * white space the wrapper's siblings left around it.
 */
static char *
parse_capture_end(struct parse_ctx *ctx)
{
	char	*s;

	ctx->capturing = 0;
	s = xstrdup(ctx->text.data);
	buf_reset(&ctx->text);
	return (s);
}

static void
parse_item_free(struct parse_item *item)
{
	size_t	 i;

	free(item->title);
	free(item->alt_title);
	free(item->link);
	free(item->guid);
	free(item->about);
	for (i = 0; i < UTIL_ARRLEN(item->author); i++)
		free(item->author[i]);
	free(item->author_email);
	free(item->author_uri);
	for (i = 0; i < item->ncategories; i++)
		free(item->categories[i]);
	free(item->categories);
	for (i = 0; i < item->nenclosures; i++) {
		free(item->enclosures[i].url);
		free(item->enclosures[i].type);
	}
	free(item->enclosures);
	for (i = 0; i < item->nmedia; i++) {
		free(item->media[i].url);
		free(item->media[i].type);
	}
	free(item->media);
	for (i = 0; i < BODY_COUNT; i++) {
		free(item->body[i]);
		free(item->body_base[i]);
	}
	free(item);
}

/* Keep s in *slot unless something is already there; s is taken. */
static void
parse_keep(char **slot, char *s)
{
	if (*slot == NULL)
		*slot = s;
	else
		free(s);
}

static int
parse_is_web_url(const char *s)
{
	return (s != NULL && (strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0));
}

/* The first name there is, else the email, else the URI. */
static char *
parse_pick_author(char *const names[4], char *email, char *uri)
{
	size_t	 i;

	for (i = 0; i < 4; i++) {
		if (names[i] != NULL)
			return (names[i]);
	}
	return (email != NULL ? email : uri);
}

/* Fill it from item; the strings stay owned by item. */
static void
parse_item_fill(struct parse_ctx *ctx, struct parse_item *item,
    struct feed_item *it)
{
	size_t	 i;

	memset(it, 0, sizeof *it);
	it->title = item->title != NULL ? item->title : item->alt_title;
	it->url = item->link;
	if (it->url == NULL && item->guid_permalink &&
	    parse_is_web_url(item->guid))
		it->url = item->guid;
	it->author = parse_pick_author(item->author, item->author_email,
	    item->author_uri);
	if (it->author == NULL)
		it->author = parse_pick_author(ctx->feed_author,
		    ctx->feed_author_email, ctx->feed_author_uri);
	it->published = item->published != DATE_NONE ? item->published :
	    item->created;
	it->updated = item->updated;
	feed_item_infer_published(it);
	it->categories = item->categories;
	it->ncategories = item->ncategories;
	it->enclosures = item->nenclosures > 0 ? item->enclosures : item->media;
	it->nenclosures = item->nenclosures > 0 ? item->nenclosures :
	    item->nmedia;
	for (i = 0; i < BODY_COUNT && it->html == NULL; i++) {
		it->html = item->body[i];
		it->base = item->body_base[i];
	}
	if (it->base == NULL)
		it->base = it->url != NULL ? it->url : (char *)ctx->url;
}

static char *
parse_feed_author_of(struct parse_ctx *ctx)
{
	return (parse_pick_author(ctx->feed_author, ctx->feed_author_email,
	    ctx->feed_author_uri));
}

static void
parse_emit(struct parse_ctx *ctx, const struct feed_item *it)
{
	if (ctx->stopped)
		return;
	ctx->info->nitems++;
	if (ctx->cb(it, ctx->arg) != 0)
		ctx->stopped = 1;
}

/* Hand on the items held back, with the channel's author if known now. */
static void
parse_flush(struct parse_ctx *ctx)
{
	struct feed_item	*it;
	const char		*author = parse_feed_author_of(ctx);
	size_t			 i;

	for (i = 0; i < ctx->nheld; i++) {
		it = &ctx->held[i];
		if (it->author == NULL && author != NULL)
			it->author = xstrdup(author);
		parse_emit(ctx, it);
		feed_item_clear(it);
	}
	ctx->nheld = 0;
}

/*
 * The item closed: hand it to the callback and forget it, or hold it back
 * while it has no author and the channel may still name one.
 */
static void
parse_item_end(struct parse_ctx *ctx)
{
	struct parse_item	*item = ctx->item;
	struct feed_item	 it;
	char			*hash = NULL;

	ctx->item = NULL;
	parse_item_fill(ctx, item, &it);
	it.guid = item->guid;
	if (it.guid == NULL)
		it.guid = item->about;
	if (it.guid == NULL)
		it.guid = it.url;
	if (it.guid == NULL)
		it.guid = hash = feed_item_hash_guid(&it);
	if (ctx->nheld > 0 || (it.author == NULL && !ctx->channel_closed &&
	    parse_feed_author_of(ctx) == NULL)) {
		feed_item_copy(&ctx->held[ctx->nheld++], &it);
		if (ctx->nheld == PARSE_HOLD_MAX)
			parse_flush(ctx);
	} else
		parse_emit(ctx, &it);
	free(hash);
	parse_item_free(item);
}

static void
parse_open_item(struct parse_ctx *ctx, struct parse_frame *f)
{
	const char	*about;

	if (ctx->item != NULL)
		return;
	f->role = ROLE_ITEM;
	ctx->items_seen++;
	ctx->item = xcalloc(1, sizeof *ctx->item);
	ctx->item->published = ctx->item->updated = DATE_NONE;
	ctx->item->created = DATE_NONE;
	ctx->item->guid_permalink = 1;
	about = mxmlElementGetAttr(f->node, "rdf:about");
	ctx->item->about = parse_trimmed(about);
}

static void
parse_open_channel(struct parse_ctx *ctx, struct parse_frame *f)
{
	(void)ctx;
	f->role = ROLE_CHANNEL;
}

static void
parse_open_author(struct parse_ctx *ctx, struct parse_frame *f)
{
	(void)ctx;
	f->role = ROLE_AUTHOR;
}

static void
parse_open_feed_author(struct parse_ctx *ctx, struct parse_frame *f)
{
	(void)ctx;
	f->role = ROLE_FEED_AUTHOR;
}

static void
parse_open_media(struct parse_ctx *ctx, struct parse_frame *f)
{
	(void)ctx;
	f->role = ROLE_MEDIA;
}

static void
parse_open_text(struct parse_ctx *ctx, struct parse_frame *f)
{
	enum parse_text_type	 type;

	type = parse_text_type(f->node, TYPE_TEXT);
	parse_capture_start(ctx, f, type == TYPE_XHTML ? CAPTURE_XHTML :
	    CAPTURE_RAW);
}

/* A title, plain: Atom by its type, RSS when it looks like HTML. */
static char *
parse_title_text(struct parse_frame *f, const char *text)
{
	enum parse_text_type	 type;
	int			 html;

	char			*decoded, *out;

	if (strcmp(f->family, "atom") == 0) {
		type = parse_text_type(f->node, TYPE_TEXT);
		if (type == TYPE_BASE64) {
			decoded = parse_base64(text);
			out = parse_plain(decoded, 1);
			free(decoded);
			return (out);
		}
		html = type == TYPE_HTML || type == TYPE_XHTML;
	} else
		html = parse_looks_html(text);
	return (parse_plain(text, html));
}

static void
parse_item_title(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	parse_keep(&ctx->item->title, parse_title_text(f, text));
}

static void
parse_feed_title(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	parse_keep(&ctx->info->title, parse_title_text(f, text));
}

static void
parse_better_link(char **slot, int *score, char *url, int s)
{
	if (url == NULL)
		return;
	if (*slot != NULL && *score >= s) {
		free(url);
		return;
	}
	free(*slot);
	*slot = url;
	*score = s;
}

static char *
parse_resolve(struct parse_frame *f, const char *ref)
{
	char	*t, *url;

	if ((t = parse_trimmed(ref)) == NULL)
		return (NULL);
	url = url_resolve(f->base, t);
	free(t);
	return (url);
}

static void
parse_item_link(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	struct parse_item	*item = ctx->item;

	parse_better_link(&item->link, &item->link_score,
	    parse_resolve(f, text), 10);
}

static void
parse_feed_link(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	parse_better_link(&ctx->site_link, &ctx->site_score,
	    parse_resolve(f, text), 10);
}

static int64_t
parse_length(const char *s)
{
	char		*end;
	long long	 v;

	if (s == NULL || !isdigit((unsigned char)*s))
		return (-1);
	v = strtoll(s, &end, 10);
	return (*end == '\0' || isspace((unsigned char)*end) ? v : -1);
}

static void
parse_add_enclosure(struct feed_enclosure **v, size_t *n, char *url,
    const char *type, const char *length)
{
	struct feed_enclosure	*e;

	if (url == NULL)
		return;
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	e = &(*v)[(*n)++];
	e->url = url;
	e->type = parse_trimmed(type);
	e->length = parse_length(length);
}

/* How much an alternate link of this type is worth; 0: not alternate. */
static int
parse_link_score(mxml_node_t *node)
{
	const char	*rel, *type;

	rel = mxmlElementGetAttr(node, "rel");
	type = mxmlElementGetAttr(node, "type");
	if (rel != NULL && *rel != '\0' && strcasecmp(rel, "alternate") != 0)
		return (0);
	if (type == NULL || *type == '\0')
		return (2);
	if (strcasecmp(type, "text/html") == 0 ||
	    strcasecmp(type, "application/xhtml+xml") == 0)
		return (3);
	return (1);
}

static void
parse_item_atom_link(struct parse_ctx *ctx, struct parse_frame *f,
    const char *text)
{
	struct parse_item	*item = ctx->item;
	const char		*rel, *href;
	int			 score;

	(void)text;
	rel = mxmlElementGetAttr(f->node, "rel");
	href = mxmlElementGetAttr(f->node, "href");
	if (rel != NULL && strcasecmp(rel, "enclosure") == 0) {
		parse_add_enclosure(&item->enclosures, &item->nenclosures,
		    parse_resolve(f, href), mxmlElementGetAttr(f->node, "type"),
		    mxmlElementGetAttr(f->node, "length"));
		return;
	}
	if ((score = parse_link_score(f->node)) > 0)
		parse_better_link(&item->link, &item->link_score,
		    parse_resolve(f, href), score);
}

static void
parse_feed_atom_link(struct parse_ctx *ctx, struct parse_frame *f,
    const char *text)
{
	int	 score;

	(void)text;
	if ((score = parse_link_score(f->node)) > 0)
		parse_better_link(&ctx->site_link, &ctx->site_score,
		    parse_resolve(f, mxmlElementGetAttr(f->node, "href")),
		    score);
}

static void
parse_item_guid(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	const char	*perma;

	perma = mxmlElementGetAttr(f->node, "isPermaLink");
	if (ctx->item->guid != NULL)
		return;
	ctx->item->guid = parse_trimmed(text);
	if (perma != NULL &&
	    strncasecmp(perma + strspn(perma, " \t\r\n"), "false", 5) == 0)
		ctx->item->guid_permalink = 0;
}

static void
parse_item_id(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	(void)f;
	ctx->item->guid_permalink = 0;
	parse_keep(&ctx->item->guid, parse_trimmed(text));
}

/* The part of s from p to q as plain text, or NULL. */
static char *
parse_plain_span(const char *p, const char *q)
{
	char	*span, *out;

	span = xstrndup(p, (size_t)(q - p));
	out = parse_plain(span, 0);
	free(span);
	return (out);
}

/*
 * The name in an RSS author: "jo@example.org (Jo Bloggs)", "Jo Bloggs
 * (jo@example.org)" and "Jo Bloggs <jo@example.org>" all give Jo Bloggs.
 */
static char *
parse_rss_author(const char *s)
{
	const char	*open, *close, *at;
	char		*out = NULL;

	open = strchr(s, '(');
	close = strrchr(s, ')');
	at = strchr(s, '@');
	if (open != NULL && close != NULL && close > open + 1 && at != NULL) {
		if (at < open)
			out = parse_plain_span(open + 1, close);
		else if (at < close && close[1 + strspn(close + 1, " \t")] ==
		    '\0')
			out = parse_plain_span(s, open);
	} else if ((open = strchr(s, '<')) != NULL && at != NULL && at > open)
		out = parse_plain_span(s, open);
	return (out != NULL ? out : parse_plain(s, 0));
}

static void
parse_item_author(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	int	 slot;

	if (strcmp(f->family, "dc") == 0)
		slot = 2;
	else if (strcmp(f->family, "itunes") == 0)
		slot = 3;
	else
		slot = 1;
	parse_keep(&ctx->item->author[slot], parse_rss_author(text));
}

static void
parse_author_name(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	(void)f;
	parse_keep(&ctx->item->author[0], parse_plain(text, 0));
}

static void
parse_author_email(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	(void)f;
	parse_keep(&ctx->item->author_email, parse_plain(text, 0));
}

static void
parse_author_uri(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	parse_keep(&ctx->item->author_uri, parse_resolve(f, text));
}

/* Channel authors: managingEditor, dc:creator, itunes:author. */
static void
parse_feed_author(struct parse_ctx *ctx, struct parse_frame *f,
    const char *text)
{
	int	 slot;

	if (strcmp(f->family, "dc") == 0)
		slot = 2;
	else if (strcmp(f->family, "itunes") == 0)
		slot = 3;
	else
		slot = 1;
	parse_keep(&ctx->feed_author[slot], parse_rss_author(text));
}

static void
parse_feed_author_name(struct parse_ctx *ctx, struct parse_frame *f,
    const char *text)
{
	(void)f;
	parse_keep(&ctx->feed_author[0], parse_plain(text, 0));
}

static void
parse_feed_author_email(struct parse_ctx *ctx, struct parse_frame *f,
    const char *text)
{
	(void)f;
	parse_keep(&ctx->feed_author_email, parse_plain(text, 0));
}

static void
parse_feed_author_uri(struct parse_ctx *ctx, struct parse_frame *f,
    const char *text)
{
	parse_keep(&ctx->feed_author_uri, parse_resolve(f, text));
}

static int64_t
parse_date(const char *text)
{
	char	*t;
	int64_t	 when;

	if ((t = parse_plain(text, 0)) == NULL)
		return (DATE_NONE);
	when = date_parse(t);
	free(t);
	return (when);
}

static void
parse_item_published(struct parse_ctx *ctx, struct parse_frame *f,
    const char *text)
{
	int64_t	 when;

	(void)f;
	if ((when = parse_date(text)) != DATE_NONE)
		ctx->item->published = when;
}

/* Atom 0.3 created: the date when neither issued nor published is. */
static void
parse_item_created(struct parse_ctx *ctx, struct parse_frame *f,
    const char *text)
{
	int64_t	 when;

	(void)f;
	if ((when = parse_date(text)) != DATE_NONE)
		ctx->item->created = when;
}

static void
parse_item_updated(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	int64_t	 when;

	(void)f;
	if ((when = parse_date(text)) != DATE_NONE)
		ctx->item->updated = when;
}

static void
parse_add_category(struct parse_item *item, char *term)
{
	feed_categories_add(&item->categories, &item->ncategories, term);
}

static void
parse_item_category(struct parse_ctx *ctx, struct parse_frame *f,
    const char *text)
{
	const char	*term, *label;

	if (strcmp(f->family, "atom") != 0) {
		parse_add_category(ctx->item, parse_plain(text, 0));
		return;
	}
	/* The label is for people, the term for programs. */
	term = mxmlElementGetAttr(f->node, "term");
	label = mxmlElementGetAttr(f->node, "label");
	if (label != NULL && !parse_blank(label))
		term = label;
	parse_add_category(ctx->item, parse_plain(term, 0));
}

static void
parse_item_enclosure(struct parse_ctx *ctx, struct parse_frame *f,
    const char *text)
{
	struct parse_item	*item = ctx->item;

	(void)text;
	parse_add_enclosure(&item->enclosures, &item->nenclosures,
	    parse_resolve(f, mxmlElementGetAttr(f->node, "url")),
	    mxmlElementGetAttr(f->node, "type"),
	    mxmlElementGetAttr(f->node, "length"));
}

static void
parse_item_media(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	struct parse_item	*item = ctx->item;

	(void)text;
	parse_add_enclosure(&item->media, &item->nmedia,
	    parse_resolve(f, mxmlElementGetAttr(f->node, "url")),
	    mxmlElementGetAttr(f->node, "type"),
	    mxmlElementGetAttr(f->node, "fileSize"));
}

/* Keep html as body number which, with the xml:base in scope if any. */
static void
parse_set_body(struct parse_ctx *ctx, struct parse_frame *f,
    enum parse_body which, char *html)
{
	struct parse_item	*item = ctx->item;

	if (item->body[which] != NULL || html == NULL || parse_blank(html)) {
		free(html);
		return;
	}
	item->body[which] = html;
	if (f->base_explicit && f->base != NULL)
		item->body_base[which] = xstrdup(f->base);
}

/* Atom text constructs as HTML: text is escaped, other types dropped. */
static char *
parse_atom_html(struct parse_frame *f, const char *text)
{
	struct buf	 b;

	if (mxmlElementGetAttr(f->node, "src") != NULL)
		return (NULL);
	switch (parse_text_type(f->node, TYPE_TEXT)) {
	case TYPE_HTML:
	case TYPE_XHTML:
		return (xstrdup(text));
	case TYPE_TEXT:
		buf_init(&b, 0);
		parse_escape(&b, text, 0);
		return (buf_steal(&b));
	case TYPE_BASE64:
		return (parse_base64(text));
	}
	return (NULL);
}

static void
parse_item_encoded(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	parse_set_body(ctx, f, BODY_ENCODED, xstrdup(text));
}

static void
parse_item_description(struct parse_ctx *ctx, struct parse_frame *f,
    const char *text)
{
	parse_set_body(ctx, f, BODY_SUMMARY, xstrdup(text));
}

static void
parse_item_content(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	parse_set_body(ctx, f, BODY_CONTENT, parse_atom_html(f, text));
}

static void
parse_item_summary(struct parse_ctx *ctx, struct parse_frame *f, const char *text)
{
	parse_set_body(ctx, f, BODY_SUMMARY, parse_atom_html(f, text));
}

static void
parse_item_media_text(struct parse_ctx *ctx, struct parse_frame *f,
    const char *text)
{
	parse_set_body(ctx, f, BODY_MEDIA, xstrdup(text));
}

static void
parse_item_alt_title(struct parse_ctx *ctx, struct parse_frame *f,
    const char *text)
{
	parse_keep(&ctx->item->alt_title, parse_title_text(f, text));
}

/* itunes:category text="..."; they nest, and each one counts. */
static void
parse_open_itunes_category(struct parse_ctx *ctx, struct parse_frame *f)
{
	f->role = ROLE_ITUNES;
	parse_add_category(ctx->item, parse_plain(mxmlElementGetAttr(f->node,
	    "text"), 0));
}

static void
parse_open_raw(struct parse_ctx *ctx, struct parse_frame *f)
{
	parse_capture_start(ctx, f, CAPTURE_RAW);
}

static void
parse_open_xhtml(struct parse_ctx *ctx, struct parse_frame *f)
{
	parse_capture_start(ctx, f, CAPTURE_XHTML);
}

#define TEXT(c, k, fn)	{ c, k, 1, parse_open_text, fn }
#define RAW(c, k, fn)	{ c, k, 1, parse_open_raw, fn }
#define ATTRS(c, k, fn)	{ c, k, 0, NULL, fn }
#define ROLE(c, k, fn)	{ c, k, 0, fn, NULL }
#define XHTML(c, k, fn)	{ c, k, 1, parse_open_xhtml, fn }

static const struct parse_handler parse_handlers[] = {
	ROLE(CTX_ROOT, "rss:channel", parse_open_channel),
	ROLE(CTX_ROOT, "rss:item", parse_open_item),
	ROLE(CTX_CHANNEL, "rss:item", parse_open_item),
	ROLE(CTX_CHANNEL, "atom:entry", parse_open_item),
	TEXT(CTX_CHANNEL, "rss:title", parse_feed_title),
	TEXT(CTX_CHANNEL, "atom:title", parse_feed_title),
	TEXT(CTX_CHANNEL, "dc:title", parse_feed_title),
	RAW(CTX_CHANNEL, "rss:link", parse_feed_link),
	ATTRS(CTX_CHANNEL, "atom:link", parse_feed_atom_link),
	RAW(CTX_CHANNEL, "rss:managingEditor", parse_feed_author),
	RAW(CTX_CHANNEL, "dc:creator", parse_feed_author),
	RAW(CTX_CHANNEL, "itunes:author", parse_feed_author),
	ROLE(CTX_CHANNEL, "atom:author", parse_open_feed_author),
	RAW(CTX_FEED_AUTHOR, "atom:name", parse_feed_author_name),
	RAW(CTX_FEED_AUTHOR, "atom:email", parse_feed_author_email),
	RAW(CTX_FEED_AUTHOR, "atom:uri", parse_feed_author_uri),
	RAW(CTX_FEED_AUTHOR, "atom:url", parse_feed_author_uri),

	TEXT(CTX_ITEM, "rss:title", parse_item_title),
	TEXT(CTX_ITEM, "atom:title", parse_item_title),
	TEXT(CTX_ITEM, "dc:title", parse_item_alt_title),
	TEXT(CTX_ITEM, "media:title", parse_item_alt_title),
	TEXT(CTX_MEDIA, "media:title", parse_item_alt_title),
	RAW(CTX_ITEM, "rss:link", parse_item_link),
	ATTRS(CTX_ITEM, "atom:link", parse_item_atom_link),
	RAW(CTX_ITEM, "rss:guid", parse_item_guid),
	RAW(CTX_ITEM, "atom:id", parse_item_id),
	RAW(CTX_ITEM, "rss:author", parse_item_author),
	RAW(CTX_ITEM, "dc:creator", parse_item_author),
	RAW(CTX_ITEM, "dc:author", parse_item_author),
	RAW(CTX_ITEM, "itunes:author", parse_item_author),
	ROLE(CTX_ITEM, "atom:author", parse_open_author),
	RAW(CTX_AUTHOR, "atom:name", parse_author_name),
	RAW(CTX_AUTHOR, "atom:email", parse_author_email),
	RAW(CTX_AUTHOR, "atom:uri", parse_author_uri),
	RAW(CTX_AUTHOR, "atom:url", parse_author_uri),
	RAW(CTX_ITEM, "rss:pubDate", parse_item_published),
	RAW(CTX_ITEM, "dc:date", parse_item_published),
	RAW(CTX_ITEM, "atom:published", parse_item_published),
	RAW(CTX_ITEM, "atom:issued", parse_item_published),
	RAW(CTX_ITEM, "atom:created", parse_item_created),
	RAW(CTX_ITEM, "dcterms:issued", parse_item_published),
	RAW(CTX_ITEM, "atom:updated", parse_item_updated),
	RAW(CTX_ITEM, "atom:modified", parse_item_updated),
	RAW(CTX_ITEM, "dcterms:modified", parse_item_updated),
	RAW(CTX_ITEM, "rss:category", parse_item_category),
	RAW(CTX_ITEM, "dc:subject", parse_item_category),
	ATTRS(CTX_ITEM, "atom:category", parse_item_category),
	RAW(CTX_ITEM, "media:category", parse_item_category),
	RAW(CTX_MEDIA, "media:category", parse_item_category),
	ROLE(CTX_ITEM, "itunes:category", parse_open_itunes_category),
	ROLE(CTX_ITUNES, "itunes:category", parse_open_itunes_category),
	ATTRS(CTX_ITEM, "rss:enclosure", parse_item_enclosure),
	ATTRS(CTX_ITEM, "media:content", parse_item_media),
	ROLE(CTX_ITEM, "media:group", parse_open_media),
	ATTRS(CTX_MEDIA, "media:content", parse_item_media),
	RAW(CTX_ITEM, "content:encoded", parse_item_encoded),
	XHTML(CTX_ITEM, "xhtml:body", parse_item_encoded),
	XHTML(CTX_ITEM, "rss:body", parse_item_encoded),
	RAW(CTX_ITEM, "rss:fullitem", parse_item_encoded),
	TEXT(CTX_ITEM, "atom:content", parse_item_content),
	RAW(CTX_ITEM, "rss:description", parse_item_description),
	RAW(CTX_ITEM, "dc:description", parse_item_description),
	TEXT(CTX_ITEM, "atom:summary", parse_item_summary),
	RAW(CTX_ITEM, "itunes:summary", parse_item_media_text),
	RAW(CTX_ITEM, "media:description", parse_item_media_text),
	RAW(CTX_MEDIA, "media:description", parse_item_media_text)
};

static const struct parse_handler *
parse_find_handler(struct parse_ctx *ctx, struct parse_frame *f)
{
	struct parse_frame	*parent = parse_parent(ctx);
	enum parse_context	 c;
	char			 key[64];
	size_t			 i;

	switch (parent->role) {
	case ROLE_ROOT:
		c = CTX_ROOT;
		break;
	case ROLE_CHANNEL:
		c = CTX_CHANNEL;
		break;
	case ROLE_ITEM:
		c = CTX_ITEM;
		break;
	case ROLE_AUTHOR:
		c = CTX_AUTHOR;
		break;
	case ROLE_FEED_AUTHOR:
		c = CTX_FEED_AUTHOR;
		break;
	case ROLE_MEDIA:
		c = CTX_MEDIA;
		break;
	case ROLE_ITUNES:
		c = CTX_ITUNES;
		break;
	default:
		return (NULL);
	}
	if ((size_t)snprintf(key, sizeof key, "%s:%s", f->family, f->local) >=
	    sizeof key)
		return (NULL);
	for (i = 0; i < UTIL_ARRLEN(parse_handlers); i++) {
		if (parse_handlers[i].context == c &&
		    strcasecmp(parse_handlers[i].key, key) == 0)
			return (&parse_handlers[i]);
	}
	return (NULL);
}

static enum feed_format
parse_rss_version(const char *version)
{
	if (version == NULL)
		return (FEED_FORMAT_RSS20);
	if (strncmp(version, "0.90", 4) == 0)
		return (FEED_FORMAT_RSS090);
	if (strncmp(version, "0.91", 4) == 0)
		return (FEED_FORMAT_RSS091);
	if (strncmp(version, "0.9", 3) == 0)
		return (FEED_FORMAT_RSS092);
	return (FEED_FORMAT_RSS20);
}

/* Is any xmlns on node bound to ns? */
static int
parse_declares(struct parse_ctx *ctx, enum parse_ns ns)
{
	size_t	 i;

	for (i = 0; i < ctx->nbindings; i++) {
		if (ctx->bindings[i].ns == ns)
			return (1);
	}
	return (0);
}

/* The root element says what the document is. */
static void
parse_root(struct parse_ctx *ctx, struct parse_frame *f)
{
	const char	*version;

	free(ctx->root);	/* a second top-level element replaces it */
	ctx->root = xstrdup(mxmlGetElement(f->node));
	version = mxmlElementGetAttr(f->node, "version");
	if (strcasecmp(f->local, "rss") == 0) {
		f->role = ROLE_ROOT;
		ctx->info->format = parse_rss_version(version);
	} else if (strcmp(f->local, "RDF") == 0) {
		f->role = ROLE_ROOT;
		ctx->info->format = parse_declares(ctx, NS_RSS090) ?
		    FEED_FORMAT_RSS090 : FEED_FORMAT_RSS10;
	} else if (strcmp(f->local, "feed") == 0 ||
	    (strcmp(f->local, "entry") == 0 &&
	    (f->ns == NS_ATOM || f->ns == NS_ATOM03))) {
		f->role = ROLE_CHANNEL;
		ctx->atom = 1;
		ctx->atom_ns = f->ns;
		f->family = "atom";
		ctx->info->format = f->ns == NS_ATOM03 ||
		    (version != NULL && strcmp(version, "0.3") == 0) ?
		    FEED_FORMAT_ATOM03 : FEED_FORMAT_ATOM10;
		if (strcmp(f->local, "entry") == 0)
			parse_open_item(ctx, f);
	} else
		ctx->dead = 1;
}

static void
parse_open(struct parse_ctx *ctx, mxml_node_t *node)
{
	struct parse_frame	*f;

	f = parse_push(ctx, node);
	if (ctx->nframes == 1) {
		parse_root(ctx, f);
		return;
	}
	if (ctx->capturing) {
		parse_capture_open(ctx, f);
		return;
	}
	if ((f->handler = parse_find_handler(ctx, f)) == NULL)
		return;
	if (f->handler->open != NULL)
		f->handler->open(ctx, f);
	if (f->handler->capture && !ctx->capturing)
		parse_capture_start(ctx, f, CAPTURE_RAW);
}

static void
parse_close(struct parse_ctx *ctx)
{
	struct parse_frame	*f = &ctx->frames[ctx->nframes - 1];
	char			*text = NULL;

	if (f->role == ROLE_INNER || f->role == ROLE_WRAPPER) {
		parse_capture_close(ctx, f);
		parse_pop(ctx);
		return;
	}
	if (ctx->capturing && ctx->capture_depth == ctx->nframes)
		text = parse_capture_end(ctx);
	if (f->handler != NULL && f->handler->close != NULL &&
	    (ctx->item != NULL || f->handler->context == CTX_CHANNEL ||
	    f->handler->context == CTX_FEED_AUTHOR))
		f->handler->close(ctx, f, text != NULL ? text : "");
	free(text);
	if (f->role == ROLE_ITEM && ctx->item != NULL)
		parse_item_end(ctx);
	if (f->role == ROLE_CHANNEL)
		ctx->channel_closed = 1;
	if (ctx->nheld > 0 && (ctx->channel_closed ||
	    parse_feed_author_of(ctx) != NULL))
		parse_flush(ctx);
	if (ctx->nframes == 1)
		ctx->root_closed = 1;
	parse_pop(ctx);
}

static void
parse_sax(mxml_node_t *node, mxml_sax_event_t event, void *arg)
{
	struct parse_ctx	*ctx = arg;

	if (ctx->dead || ctx->stopped)
		return;
	switch (event) {
	case MXML_SAX_ELEMENT_OPEN:
		parse_open(ctx, node);
		break;
	case MXML_SAX_ELEMENT_CLOSE:
		if (ctx->nframes > 0)
			parse_close(ctx);
		break;
	case MXML_SAX_DATA:
		if (ctx->capturing && mxmlGetOpaque(node) != NULL)
			parse_capture_text(ctx, mxmlGetOpaque(node));
		break;
	case MXML_SAX_CDATA:
		if (ctx->capturing && mxmlGetCDATA(node) != NULL)
			parse_capture_text(ctx, mxmlGetCDATA(node));
		break;
	default:
		break;
	}
}

/* mxml's message as part of a sentence: no capital, no '!'. */
static char *
parse_readable_error(void)
{
	char	*s;
	size_t	 n;

	if (parse_error_msg[0] == '\0')
		return (xstrdup("the XML is not well-formed"));
	s = xstrdup(parse_error_msg);
	n = strlen(s);
	while (n > 0 && (s[n - 1] == '!' || s[n - 1] == '.' ||
	    isspace((unsigned char)s[n - 1])))
		s[--n] = '\0';
	s[0] = (char)tolower((unsigned char)s[0]);
	return (s);
}

/* Say what went wrong when the document stopped early. */
static void
parse_damage(struct parse_ctx *ctx)
{
	struct feed_info	*info = ctx->info;
	char			*why;
	int			 eof;

	why = parse_readable_error();
	eof = parse_error_msg[0] == '\0' ||
	    strstr(parse_error_msg, "Missing close tag") != NULL ||
	    strstr(parse_error_msg, "Early EOF") != NULL;
	free(info->damage);
	info->damaged = 1;
	if (ctx->item != NULL && eof)
		info->damage = xasprintf("the feed ends in the middle of item "
		    "%zu", ctx->items_seen);
	else if (ctx->item != NULL)
		info->damage = xasprintf("the feed is broken in item %zu: %s",
		    ctx->items_seen, why);
	else if (ctx->items_seen > 0)
		info->damage = xasprintf("the feed is broken after item %zu: "
		    "%s", ctx->items_seen, why);
	else
		info->damage = xasprintf("the feed is broken before its first "
		    "item: %s", why);
	free(why);
}

/* Why a document that yielded no feed root is not a feed. */
static char *
parse_not_feed(struct parse_ctx *ctx, const char *xml)
{
	const char	*p = xml + strspn(xml, " \t\r\n");
	char		*why;

	if (*p == '\0')
		return (xstrdup("not a feed: the document is empty"));
	if (*p != '<')
		return (xstrdup("not a feed: the document is not XML"));
	if ((ctx->root != NULL && strcasecmp(ctx->frames == NULL ? "" :
	    ctx->root, "html") == 0) || util_starts_nocase(p, "<html") ||
	    (ctx->root == NULL && util_strcasestr(p, "<html") != NULL))
		return (xstrdup("this is an HTML page, not a feed"));
	if (ctx->root != NULL) {
		return (xasprintf("not a feed: the document is XML but its "
		    "root element is <%.40s>, not <rss>, <rdf:RDF> or <feed>",
		    ctx->root));
	}
	why = parse_readable_error();
	p = xasprintf("not a feed: the document is not well-formed XML (%s)",
	    why);
	free(why);
	return ((char *)p);
}

static void
parse_ctx_free(struct parse_ctx *ctx)
{
	size_t	 i;

	while (ctx->nframes > 0)
		parse_pop(ctx);
	parse_unbind(ctx, 0);
	free(ctx->frames);
	free(ctx->bindings);
	if (ctx->item != NULL)
		parse_item_free(ctx->item);
	free(ctx->root);
	free(ctx->site_link);
	for (i = 0; i < ctx->nheld; i++)
		feed_item_clear(&ctx->held[i]);
	for (i = 0; i < UTIL_ARRLEN(ctx->feed_author); i++)
		free(ctx->feed_author[i]);
	free(ctx->feed_author_email);
	free(ctx->feed_author_uri);
	buf_free(&ctx->text);
}

/* Run mxml over the prepared document. */
static void
parse_run(struct parse_ctx *ctx, const char *xml)
{
	mxml_node_t	*top;

	/*
	 * Parse under a node of our own: mxml leaks the element it is building
	 * when a document breaks inside a start tag, unless it has a parent
	 * that is deleted afterwards.  Its name holds a '>', which no close
	 * tag in the document can spell, so the document cannot close it.
	 */
	parse_error_msg[0] = '\0';
	mxmlSetErrorCallback(parse_error_cb);
	top = mxmlNewElement(MXML_NO_PARENT, ">telex");
	mxmlSAXLoadString(top, xml, MXML_OPAQUE_CALLBACK, parse_sax, ctx);
	mxmlDelete(top);
	mxmlSetErrorCallback(NULL);
}

int
feed_parse(const char *data, size_t len, const char *url,
    const char *http_charset, struct feed_info *info, feed_item_cb cb,
    void *arg, char **cause)
{
	return (feed_parse_typed(data, len, url, NULL, http_charset, info, cb,
	    arg, cause));
}

int
feed_parse_typed(const char *data, size_t len, const char *url,
    const char *content_type, const char *http_charset,
    struct feed_info *info, feed_item_cb cb, void *arg, char **cause)
{
	struct parse_ctx	 ctx;
	struct prepass_result	 res;
	struct buf		 xml;
	int			 rc = -1;

	if (parse_json_sniff(data, len, content_type))
		return (parse_json_feed(data, len, url, content_type, info, cb,
		    arg, cause));
	memset(info, 0, sizeof *info);
	memset(&ctx, 0, sizeof ctx);
	ctx.url = url;
	ctx.info = info;
	ctx.cb = cb;
	ctx.arg = arg;
	buf_init(&ctx.text, PARSE_FIELD_LIMIT);
	buf_init(&xml, len > (SIZE_MAX - 4096) / 4 ? 0 : len * 4 + 4096);
	if (prepass_run(data, len, http_charset, &xml, &res, cause) != 0)
		goto out;
	info->encoding = xstrdup(res.encoding);
	parse_run(&ctx, xml.data);
	parse_flush(&ctx);
	if (info->format == FEED_FORMAT_UNKNOWN) {
		*cause = parse_not_feed(&ctx, xml.data);
		goto out;
	}
	if (!ctx.stopped && (!ctx.root_closed || parse_error_msg[0] != '\0'))
		parse_damage(&ctx);
	/* Repairs lose nothing: the feed is read whole, though not as sent. */
	info->repaired = res.repaired || ctx.guessed;
	info->site_url = ctx.site_link;
	ctx.site_link = NULL;
	rc = 0;
out:
	buf_free(&xml);
	parse_ctx_free(&ctx);
	return (rc);
}

