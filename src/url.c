/*
 * URL reference resolution as RFC 3986 section 5 gives it (split, merge,
 * remove dot segments, recompose) and small questions about a URL: its
 * scheme and its host.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "url.h"
#include "util.h"

struct url_span {
	const char	*p;
	size_t		 len;
	int		 defined;
};

struct url_parts {
	struct url_span	 scheme;
	struct url_span	 auth;
	struct url_span	 path;
	struct url_span	 query;
	struct url_span	 frag;
};

/*
 * Length of the scheme at s (ALPHA *(ALPHA / DIGIT / "+" / "-" / ".")
 * followed by ':'), or 0 when there is none.
 */
static size_t
url_scheme_len(const char *s)
{
	size_t	 n;

	if (!isalpha((unsigned char)s[0]))
		return (0);
	for (n = 1; s[n] != '\0'; n++) {
		if (s[n] == ':')
			return (n);
		if (!isalnum((unsigned char)s[n]) && s[n] != '+' &&
		    s[n] != '-' && s[n] != '.')
			return (0);
	}
	return (0);
}

static void
url_span_set(struct url_span *sp, const char *p, size_t len)
{
	sp->p = p;
	sp->len = len;
	sp->defined = 1;
}

/* Split s into its five components (RFC 3986 appendix B). */
static void
url_split(const char *s, struct url_parts *u)
{
	size_t	 n;

	memset(u, 0, sizeof *u);
	if ((n = url_scheme_len(s)) != 0) {
		url_span_set(&u->scheme, s, n);
		s += n + 1;
	}
	if (s[0] == '/' && s[1] == '/') {
		s += 2;
		n = strcspn(s, "/?#");
		url_span_set(&u->auth, s, n);
		s += n;
	}
	n = strcspn(s, "?#");
	url_span_set(&u->path, s, n);
	s += n;
	if (*s == '?') {
		n = strcspn(++s, "#");
		url_span_set(&u->query, s, n);
		s += n;
	}
	if (*s == '#')
		url_span_set(&u->frag, s + 1, strlen(s + 1));
}

/* Drop the last segment of out and the "/" before it. */
static void
url_pop_segment(struct buf *out)
{
	char	*slash;

	if ((slash = strrchr(out->data, '/')) == NULL)
		slash = out->data;
	out->len = (size_t)(slash - out->data);
	out->data[out->len] = '\0';
}

/*
 * RFC 3986 5.2.4: remove "." and ".." segments from len bytes of path,
 * appending the result to out.  Where a rule replaces a prefix by "/",
 * the copy is edited in place.
 */
static void
url_remove_dots(struct buf *out, const char *path, size_t len)
{
	struct buf	 done;
	char		*copy, *in;
	size_t		 n;

	buf_init(&done, 0);
	in = copy = xstrndup(path, len);
	while (*in != '\0') {
		if (strncmp(in, "../", 3) == 0)
			in += 3;
		else if (strncmp(in, "./", 2) == 0 ||
		    strncmp(in, "/./", 3) == 0)
			in += 2;
		else if (strcmp(in, "/.") == 0)
			*++in = '/';
		else if (strncmp(in, "/../", 4) == 0 ||
		    strcmp(in, "/..") == 0) {
			in += 3;
			if (*in == '\0')
				*--in = '/';
			url_pop_segment(&done);
		} else if (strcmp(in, ".") == 0 || strcmp(in, "..") == 0)
			in += strlen(in);
		else {
			n = 1 + strcspn(in + 1, "/");
			if (*in != '/')
				n = strcspn(in, "/");
			buf_add(&done, in, n);
			in += n;
		}
	}
	buf_add(out, done.data, done.len);
	buf_free(&done);
	free(copy);
}

/* RFC 3986 5.2.3: the base path up to its last "/", then the ref path. */
static char *
url_merge(const struct url_parts *b, const struct url_span *ref)
{
	const char	*slash = NULL;
	size_t		 i;

	if (b->auth.defined && b->path.len == 0)
		return (xasprintf("/%.*s", (int)ref->len, ref->p));
	for (i = 0; i < b->path.len; i++) {
		if (b->path.p[i] == '/')
			slash = b->path.p + i;
	}
	if (slash == NULL)
		return (xstrndup(ref->p, ref->len));
	return (xasprintf("%.*s%.*s", (int)(slash + 1 - b->path.p),
	    b->path.p, (int)ref->len, ref->p));
}

static void
url_add_span(struct buf *out, const char *before, const struct url_span *sp)
{
	if (!sp->defined)
		return;
	buf_adds(out, before);
	buf_add(out, sp->p, sp->len);
}

/* The path of the target: RFC 3986 5.2.2 without the other parts. */
static void
url_target_path(struct buf *out, const struct url_parts *b,
    const struct url_parts *r)
{
	char	*merged;

	if (r->scheme.defined || r->auth.defined || (r->path.len > 0 &&
	    r->path.p[0] == '/'))
		url_remove_dots(out, r->path.p, r->path.len);
	else if (r->path.len == 0)
		buf_add(out, b->path.p, b->path.len);
	else {
		merged = url_merge(b, &r->path);
		url_remove_dots(out, merged, strlen(merged));
		free(merged);
	}
}

/* RFC 3986 5.2.2 and 5.3: resolve r against b and recompose. */
static char *
url_transform(const struct url_parts *b, const struct url_parts *r)
{
	const struct url_parts	*from;
	const struct url_span	*query;
	struct buf		 out;

	buf_init(&out, 0);
	from = r->scheme.defined ? r : b;
	buf_add(&out, from->scheme.p, from->scheme.len);
	buf_addc(&out, ':');
	from = (r->scheme.defined || r->auth.defined) ? r : b;
	url_add_span(&out, "//", &from->auth);
	url_target_path(&out, b, r);
	query = &r->query;
	if (from == b && r->path.len == 0 && !r->query.defined)
		query = &b->query;
	url_add_span(&out, "?", query);
	url_add_span(&out, "#", &r->frag);
	return (out.data);
}

/*
 * A copy of s without the white space around it and without the tabs
 * and line breaks inside it (URLs wrapped across lines in feeds).
 */
static char *
url_clean(const char *s)
{
	char	*copy, *trimmed, *out, *o;

	copy = xstrdup(s);
	trimmed = util_trim(copy);
	out = o = xmalloc(strlen(trimmed) + 1);
	for (; *trimmed != '\0'; trimmed++) {
		if (*trimmed != '\t' && *trimmed != '\n' && *trimmed != '\r')
			*o++ = *trimmed;
	}
	*o = '\0';
	free(copy);
	return (out);
}

char *
url_resolve(const char *base, const char *ref)
{
	struct url_parts	 b, r;
	char			*cbase = NULL, *cref, *out = NULL;

	if (ref == NULL)
		return (NULL);
	cref = url_clean(ref);
	if (*cref == '\0')
		goto out;
	if (base != NULL)
		cbase = url_clean(base);
	if (cbase == NULL || !url_is_absolute(cbase)) {
		out = cref;
		cref = NULL;
		goto out;
	}
	url_split(cbase, &b);
	url_split(cref, &r);
	out = url_transform(&b, &r);
out:
	free(cbase);
	free(cref);
	return (out);
}

int
url_is_absolute(const char *url)
{
	if (url == NULL)
		return (0);
	while (isspace((unsigned char)*url))
		url++;
	return (url_scheme_len(url) != 0);
}

int
url_is_http(const char *url)
{
	if (url == NULL)
		return (0);
	while (isspace((unsigned char)*url))
		url++;
	return (util_starts_nocase(url, "http://") ||
	    util_starts_nocase(url, "https://"));
}

int
url_is_file(const char *url)
{
	if (url == NULL)
		return (0);
	while (isspace((unsigned char)*url))
		url++;
	return (util_starts_nocase(url, "file://"));
}

/* url after leading white space, if it starts with prefix (any case). */
static const char *
url_after(const char *url, const char *prefix)
{
	if (url == NULL)
		return (NULL);
	while (isspace((unsigned char)*url))
		url++;
	if (!util_starts_nocase(url, prefix))
		return (NULL);
	return (url + strlen(prefix));
}

enum url_kind
url_kind(const char *url)
{
	if (url_after(url, "exec:") != NULL)
		return (URL_KIND_EXEC);
	if (url_after(url, "filter:") != NULL)
		return (URL_KIND_FILTER);
	if (url_is_http(url))
		return (URL_KIND_HTTP);
	if (url_is_file(url))
		return (URL_KIND_FILE);
	return (URL_KIND_OTHER);
}

const char *
url_kind_name(enum url_kind kind)
{
	switch (kind) {
	case URL_KIND_HTTP:
		return ("http");
	case URL_KIND_FILE:
		return ("file");
	case URL_KIND_EXEC:
		return ("exec");
	case URL_KIND_FILTER:
		return ("filter");
	default:
		return ("other");
	}
}

/* Is s nothing but white space? */
static int
url_blank(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		if (!isspace((unsigned char)s[i]))
			return (0);
	}
	return (1);
}

/* Where the URL of a filter: address starts (after its ':'), or NULL. */
static const char *
url_filter_target(const char *s)
{
	for (s = strchr(s, ':'); s != NULL; s = strchr(s + 1, ':')) {
		if (url_is_http(s + 1) || url_is_file(s + 1))
			return (s + 1);
	}
	return (NULL);
}

int
url_command(const char *url, char **command, char **inner, char **cause)
{
	const char	*s, *target = NULL;
	size_t		 len;

	*command = *inner = NULL;
	if ((s = url_after(url, "exec:")) != NULL)
		len = strlen(s);
	else if ((s = url_after(url, "filter:")) != NULL) {
		if ((target = url_filter_target(s)) == NULL) {
			*cause = xstrdup("a filter feed is filter:COMMAND:URL, "
			    "with an http, https or file URL last");
			return (-1);
		}
		len = (size_t)(target - 1 - s);
	} else {
		*cause = xstrdup("the address is not exec:COMMAND or "
		    "filter:COMMAND:URL");
		return (-1);
	}
	if (url_blank(s, len)) {
		*cause = xstrdup("the command is empty");
		return (-1);
	}
	*command = xstrndup(s, len);
	if (target != NULL)
		*inner = xstrdup(target);
	return (0);
}

/*
 * The host of the authority, without user information or port; an IPv6
 * literal keeps its brackets.  NULL when there is no authority or it
 * names no host.
 */
char *
url_host(const char *url)
{
	struct url_parts	 u;
	const char		*host, *end, *at;
	char			*clean, *out = NULL, *p;

	if (url == NULL)
		return (NULL);
	clean = url_clean(url);
	url_split(clean, &u);
	if (!u.auth.defined)
		goto out;
	host = u.auth.p;
	end = u.auth.p + u.auth.len;
	for (at = host; at < end; at++) {
		if (*at == '@')
			host = at + 1;
	}
	if (*host == '[') {
		if ((at = memchr(host, ']', (size_t)(end - host))) != NULL)
			end = at + 1;
	} else if ((at = memchr(host, ':', (size_t)(end - host))) != NULL)
		end = at;
	if (end == host)
		goto out;
	out = xstrndup(host, (size_t)(end - host));
	for (p = out; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
out:
	free(clean);
	return (out);
}

char *
url_mask(const char *url)
{
	const char	*auth, *end, *at, *colon;

	if (url == NULL)
		return (NULL);
	if ((auth = strstr(url, "://")) == NULL ||
	    url_scheme_len(url) != (size_t)(auth - url))
		return (xstrdup(url));
	auth += 3;
	end = auth + strcspn(auth, "/?#");
	for (at = NULL, colon = auth; colon < end; colon++) {
		if (*colon == '@')
			at = colon;
	}
	if (at == NULL || (colon = memchr(auth, ':', (size_t)(at - auth))) ==
	    NULL || colon + 1 == at)
		return (xstrdup(url));
	return (xasprintf("%.*s***%s", (int)(colon + 1 - url), url, at));
}

int
url_has_password(const char *url)
{
	char	*masked;
	int	 rc;

	if (url == NULL)
		return (0);
	masked = url_mask(url);
	rc = strcmp(masked, url) != 0;
	free(masked);
	return (rc);
}
