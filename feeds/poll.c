/*
 * The poller: libcurl's multi interface drives up to "parallel" transfers
 * while a queue of our own holds the rest.  Redirects are followed here,
 * by hand, so every hop's scheme is checked and permanent moves reported.
 */
#include "config.h"

#include <ctype.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>

#include "date.h"
#include "exec.h"
#include "poll.h"
#include "url.h"
#include "util.h"

/*
 * libcurl is loaded when the first poll starts, not with telex: its
 * libraries take longer to link than a whole search, and most runs of
 * telex fetch nothing.
 */
#define POLL_CURL_LIBRARY	"libcurl.so.4"
#define POLL_CURL_FUNCTIONS(f) \
	f(curl_easy_cleanup) f(curl_easy_getinfo) f(curl_easy_init) \
	f(curl_easy_setopt) f(curl_easy_strerror) f(curl_free) \
	f(curl_global_cleanup) f(curl_global_init) \
	f(curl_multi_add_handle) f(curl_multi_cleanup) f(curl_multi_info_read) \
	f(curl_multi_init) f(curl_multi_perform) f(curl_multi_poll) \
	f(curl_multi_remove_handle) f(curl_multi_setopt) \
	f(curl_slist_append) f(curl_slist_free_all) f(curl_url) \
	f(curl_url_cleanup) f(curl_url_get) f(curl_url_set)

#define POLL_CURL_FIELD(name) __typeof__(&name) f_##name;
static struct {
	POLL_CURL_FUNCTIONS(POLL_CURL_FIELD)
} poll_curl;
#undef POLL_CURL_FIELD
static pthread_once_t	 poll_curl_once = PTHREAD_ONCE_INIT;
static const char	*poll_curl_why;

static void
poll_curl_open(void)
{
	void	*h;

	if ((h = dlopen(POLL_CURL_LIBRARY, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		poll_curl_why = "cannot load " POLL_CURL_LIBRARY
		    " — install libcurl4";
		return;
	}
#define POLL_CURL_LOOKUP(name) \
	if ((*(void **)&poll_curl.f_##name = dlsym(h, #name)) == NULL) { \
		poll_curl_why = POLL_CURL_LIBRARY " has no " #name \
		    " — install a newer libcurl4"; \
		return; \
	}
	POLL_CURL_FUNCTIONS(POLL_CURL_LOOKUP)
#undef POLL_CURL_LOOKUP
}

/* Load libcurl once: 0, or -1 with *why saying what is missing. */
static int
poll_curl_need(const char **why)
{
	pthread_once(&poll_curl_once, poll_curl_open);
	*why = poll_curl_why;
	return (poll_curl_why == NULL ? 0 : -1);
}

/* curl.h makes these function-like macros, to check their arguments. */
#undef curl_easy_getinfo
#undef curl_easy_setopt
#undef curl_multi_setopt
#define curl_easy_cleanup	(*poll_curl.f_curl_easy_cleanup)
#define curl_easy_getinfo	(*poll_curl.f_curl_easy_getinfo)
#define curl_easy_init		(*poll_curl.f_curl_easy_init)
#define curl_easy_setopt	(*poll_curl.f_curl_easy_setopt)
#define curl_easy_strerror	(*poll_curl.f_curl_easy_strerror)
#define curl_free		(*poll_curl.f_curl_free)
#define curl_global_cleanup	(*poll_curl.f_curl_global_cleanup)
#define curl_global_init	(*poll_curl.f_curl_global_init)
#define curl_multi_add_handle	(*poll_curl.f_curl_multi_add_handle)
#define curl_multi_cleanup	(*poll_curl.f_curl_multi_cleanup)
#define curl_multi_info_read	(*poll_curl.f_curl_multi_info_read)
#define curl_multi_init		(*poll_curl.f_curl_multi_init)
#define curl_multi_perform	(*poll_curl.f_curl_multi_perform)
#define curl_multi_poll		(*poll_curl.f_curl_multi_poll)
#define curl_multi_remove_handle (*poll_curl.f_curl_multi_remove_handle)
#define curl_multi_setopt	(*poll_curl.f_curl_multi_setopt)
#define curl_slist_append	(*poll_curl.f_curl_slist_append)
#define curl_slist_free_all	(*poll_curl.f_curl_slist_free_all)
#define curl_url		(*poll_curl.f_curl_url)
#define curl_url_cleanup	(*poll_curl.f_curl_url_cleanup)
#define curl_url_get		(*poll_curl.f_curl_url_get)
#define curl_url_set		(*poll_curl.f_curl_url_set)

#define POLL_VALUE_MAX	1024	/* longest header value we keep */
#define POLL_URL_MAX	8192	/* longest redirect target we follow */
#define POLL_CHARSET_MAX 40
#define POLL_EXEC_FDS	256	/* command pipes waited on at once */

struct poll_xfer {
	struct poll		*p;
	struct poll_request	 req;		/* strings owned */
	struct poll_xfer	*next;		/* in the queue */
	char			*url;		/* the current hop */
	char			*host;		/* of url, lower case, or NULL */
	CURL			*easy;
	struct curl_slist	*headers;
	char			 errbuf[CURL_ERROR_SIZE];
	double			 started;
	int			 hops;
	int			 permanent;	/* every hop was 301 or 308 */
	int			 too_big;
	int			 file_started;	/* this hop wrote to the file */
	int64_t			 file_base;	/* where this hop's bytes go */
	int64_t			 written;	/* by this hop */
	int			 write_errno;
	char			*command;	/* of exec: and filter: */
	int			 is_exec;	/* no transfer, only command */
	/* A feed's own HTTP options, beyond req's. */
	char			*origin;	/* scheme://host:port of hop 0 */
	int			 foreign;	/* a hop left the origin */
	const char		*proxy;		/* in use: x's, p's or NULL */

	/* The current response. */
	struct buf		 body;
	char			*etag;
	char			*last_modified;
	char			*content_type;
	char			*charset;
	char			*disposition;	/* Content-Disposition */
	int64_t			 retry_after;

	/* The outcome. */
	enum poll_result	 result;
	enum poll_error		 kind;
	char			*error;
	long			 status;
};

struct poll {
	struct poll_options	 opts;
	char			*user_agent;
	char			*proxy;
	char			*cookie_file;
	poll_done_cb		 cb;
	void			*arg;
	CURLM			*multi;
	struct poll_xfer	*queue_head;
	struct poll_xfer	*queue_tail;
	size_t			 queued;
	struct poll_xfer	**active;
	size_t			 nactive;
	struct exec_set		*exec;		/* exec: and filter: commands */
	struct poll_xfer	*ready;		/* failed before they started */
};

static const struct {
	long		 status;
	const char	*reason;
} poll_reasons[] = {
	{ 300, "Multiple Choices" },
	{ 305, "Use Proxy" },
	{ 400, "Bad Request" },
	{ 401, "Unauthorized" },
	{ 402, "Payment Required" },
	{ 403, "Forbidden" },
	{ 404, "Not Found" },
	{ 405, "Method Not Allowed" },
	{ 406, "Not Acceptable" },
	{ 407, "Proxy Authentication Required" },
	{ 408, "Request Timeout" },
	{ 409, "Conflict" },
	{ 410, "Gone" },
	{ 411, "Length Required" },
	{ 412, "Precondition Failed" },
	{ 413, "Content Too Large" },
	{ 414, "URI Too Long" },
	{ 415, "Unsupported Media Type" },
	{ 416, "Range Not Satisfiable" },
	{ 417, "Expectation Failed" },
	{ 418, "I'm a teapot" },
	{ 421, "Misdirected Request" },
	{ 422, "Unprocessable Content" },
	{ 423, "Locked" },
	{ 424, "Failed Dependency" },
	{ 425, "Too Early" },
	{ 426, "Upgrade Required" },
	{ 428, "Precondition Required" },
	{ 429, "Too Many Requests" },
	{ 431, "Request Header Fields Too Large" },
	{ 451, "Unavailable For Legal Reasons" },
	{ 500, "Internal Server Error" },
	{ 501, "Not Implemented" },
	{ 502, "Bad Gateway" },
	{ 503, "Service Unavailable" },
	{ 504, "Gateway Timeout" },
	{ 505, "HTTP Version Not Supported" },
	{ 506, "Variant Also Negotiates" },
	{ 507, "Insufficient Storage" },
	{ 508, "Loop Detected" },
	{ 510, "Not Extended" },
	{ 511, "Network Authentication Required" },
};

static void
poll_fatal_oom(void)
{
	fputs("telex: out of memory\n", stderr);
	abort();
}

void
poll_options_default(struct poll_options *o)
{
	memset(o, 0, sizeof *o);
	o->parallel = 8;
	o->per_host = 2;
	o->connect_timeout = 15;
	o->transfer_timeout = 60;
	o->low_speed_limit = 10;
	o->low_speed_time = 30;
	o->max_body = (size_t)32 << 20;
	o->max_download = (int64_t)4 << 30;
	o->max_redirects = 5;
	o->allow_file = 1;
	o->user_agent = "telex/" PACKAGE_VERSION;
}

int
poll_global_init(char **cause)
{
	CURLcode	 code;
	const char	*why;

	if (poll_curl_need(&why) != 0) {
		*cause = xstrdup(why);
		return (-1);
	}
	code = curl_global_init(CURL_GLOBAL_DEFAULT);
	if (code != CURLE_OK) {
		*cause = xasprintf("cannot start the network library: %s",
		    curl_easy_strerror(code));
		return (-1);
	}
	return (0);
}

void
poll_global_cleanup(void)
{
	const char	*why;

	if (poll_curl_need(&why) == 0)
		curl_global_cleanup();
}

struct poll *
poll_create(const struct poll_options *opts, poll_done_cb cb, void *arg)
{
	struct poll	*p;

	p = xcalloc(1, sizeof *p);
	p->opts = *opts;
	if (p->opts.parallel < 1)
		p->opts.parallel = 1;
	if (p->opts.per_host < 1)
		p->opts.per_host = 1;
	if (p->opts.max_redirects < 0)
		p->opts.max_redirects = 0;
	p->user_agent = xstrdup(opts->user_agent != NULL ? opts->user_agent :
	    "telex/" PACKAGE_VERSION);
	p->opts.user_agent = p->user_agent;
	p->proxy = opts->proxy != NULL ? xstrdup(opts->proxy) : NULL;
	p->opts.proxy = p->proxy;
	p->cookie_file = opts->cookie_file != NULL ?
	    xstrdup(opts->cookie_file) : NULL;
	p->opts.cookie_file = p->cookie_file;
	p->cb = cb;
	p->arg = arg;
	p->active = xreallocarray(NULL, (size_t)p->opts.parallel,
	    sizeof *p->active);
	if ((p->multi = curl_multi_init()) == NULL)
		poll_fatal_oom();
	curl_multi_setopt(p->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    (long)p->opts.parallel);
	curl_multi_setopt(p->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)p->opts.per_host);
	curl_multi_setopt(p->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
	return (p);
}

/* A header value we may send back or keep: printable ASCII, bounded. */
static int
poll_value_ok(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0 || len > POLL_VALUE_MAX)
		return (0);
	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
			return (0);
	}
	return (1);
}

static char *
poll_copy_value(const char *s)
{
	if (s == NULL || !poll_value_ok(s, strlen(s)))
		return (NULL);
	return (xstrdup(s));
}

/* The lower-case host of url, or NULL (file:// has none). */
static char *
poll_host_of(const char *url)
{
	CURLU	*u;
	char	*host = NULL, *out = NULL, *c;

	if ((u = curl_url()) == NULL)
		poll_fatal_oom();
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    *host != '\0') {
		out = xstrdup(host);
		for (c = out; *c != '\0'; c++)
			*c = (char)tolower((unsigned char)*c);
	}
	curl_free(host);
	curl_url_cleanup(u);
	return (out);
}

static int	poll_command_add(struct poll *, struct poll_xfer *);
static void	poll_command_done(const struct exec_result *, void *);

/* "scheme://host:port" of url, lower case, or NULL. */
static char *
poll_origin_of(const char *url)
{
	CURLU	*u;
	char	*scheme = NULL, *host = NULL, *port = NULL, *out = NULL, *c;

	if ((u = curl_url()) == NULL)
		poll_fatal_oom();
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) ==
	    CURLUE_OK) {
		out = xasprintf("%s://%s:%s", scheme, host, port);
		for (c = out; *c != '\0'; c++)
			*c = (char)tolower((unsigned char)*c);
	}
	curl_free(port);
	curl_free(host);
	curl_free(scheme);
	curl_url_cleanup(u);
	return (out);
}

static char *
poll_copy_opt(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

/* A feed's own options into x->req (see struct poll_request). */
static void
poll_add_options(struct poll_xfer *x, const struct poll_request *req)
{
	char	**h;
	size_t	  i;

	x->req.user_agent = poll_copy_opt(req->user_agent);
	x->req.username = poll_copy_opt(req->username);
	x->req.password = poll_copy_opt(req->password);
	x->req.cookie_file = poll_copy_opt(req->cookie_file);
	x->req.proxy = poll_copy_opt(req->proxy);
	if (req->nheaders != 0) {
		h = xreallocarray(NULL, req->nheaders, sizeof *h);
		for (i = 0; i < req->nheaders; i++)
			h[i] = xstrdup(req->headers[i]);
		x->req.headers = (const char *const *)h;
		x->req.nheaders = req->nheaders;
	}
	x->origin = poll_origin_of(x->url);
}

/* Free what poll_add_options copied; the password is wiped first. */
static void
poll_free_options(struct poll_xfer *x)
{
	size_t		 i;

	if (x->req.password != NULL)
		util_wipe((char *)x->req.password, strlen(x->req.password));
	for (i = 0; i < x->req.nheaders; i++)
		free((char *)x->req.headers[i]);
	free((void *)x->req.headers);
	free((char *)x->req.user_agent);
	free((char *)x->req.username);
	free((char *)x->req.password);
	free((char *)x->req.cookie_file);
	free((char *)x->req.proxy);
	free(x->origin);
}

/* A POST's body and type, copied into the transfer's request. */
static void
poll_post_copy(struct poll_xfer *x, const struct poll_request *req)
{
	char	*body;

	if (req->body == NULL)
		return;
	body = xmalloc(req->body_len + 1);
	memcpy(body, req->body, req->body_len);
	body[req->body_len] = '\0';
	x->req.body = body;
	x->req.body_len = req->body_len;
	x->req.content_type = poll_copy_value(req->content_type);
}

/* Make the handle send the request's body, if it has one, as a POST. */
static void
poll_post_set(struct poll_xfer *x)
{
	struct curl_slist	*l;
	char			*h;

	if (x->req.body == NULL)
		return;
	curl_easy_setopt(x->easy, CURLOPT_POSTFIELDSIZE_LARGE,
	    (curl_off_t)x->req.body_len);
	curl_easy_setopt(x->easy, CURLOPT_POSTFIELDS, x->req.body);
	if (x->req.content_type != NULL) {
		h = xasprintf("Content-Type: %s", x->req.content_type);
		if ((l = curl_slist_append(x->headers, h)) == NULL)
			poll_fatal_oom();
		x->headers = l;
		free(h);
	}
}

void
poll_add(struct poll *p, const struct poll_request *req)
{
	struct poll_xfer	*x;

	x = xcalloc(1, sizeof *x);
	x->p = p;
	x->req.feed_id = req->feed_id;
	x->req.user = req->user;
	x->url = xstrdup(req->url != NULL ? req->url : "");
	x->req.url = xstrdup(x->url);
	x->req.etag = poll_copy_value(req->etag);
	x->req.last_modified = poll_copy_value(req->last_modified);
	x->req.to_file = req->to_file;
	x->req.out_fd = req->out_fd;
	x->req.resume = req->resume > 0 ? req->resume : 0;
	poll_post_copy(x, req);
	x->permanent = 1;
	x->retry_after = -1;
	buf_init(&x->body, p->opts.max_body);
	if (p->opts.allow_exec && poll_command_add(p, x) == 0)
		return;
	x->host = poll_host_of(x->url);
	poll_add_options(x, req);

	if (p->queue_tail != NULL)
		p->queue_tail->next = x;
	else
		p->queue_head = x;
	p->queue_tail = x;
	p->queued++;
}

static void
poll_headers_reset(struct poll_xfer *x)
{
	free(x->etag);
	free(x->last_modified);
	free(x->content_type);
	free(x->charset);
	free(x->disposition);
	x->etag = x->last_modified = x->content_type = x->charset = NULL;
	x->disposition = NULL;
	x->retry_after = -1;
}

static void
poll_xfer_free(struct poll_xfer *x)
{
	if (x->easy != NULL)
		curl_easy_cleanup(x->easy);
	curl_slist_free_all(x->headers);
	poll_headers_reset(x);
	buf_free(&x->body);
	free(x->error);
	free(x->command);
	free(x->url);
	free(x->host);
	free((char *)x->req.url);
	free((char *)x->req.etag);
	free((char *)x->req.last_modified);
	poll_free_options(x);
	free((char *)x->req.body);
	free((char *)x->req.content_type);
	free(x);
}

/* Seconds from a Retry-After value (delay or HTTP date), or -1. */
static int64_t
poll_retry_after(const char *v)
{
	const char	*s;
	int64_t		 n = 0, t;

	for (s = v; isdigit((unsigned char)*s); s++) {
		if (n < INT64_C(1000000000))
			n = n * 10 + (*s - '0');
	}
	if (s != v && *s == '\0')
		return (n);
	if ((t = date_parse(v)) == DATE_NONE)
		return (-1);
	t -= util_now();
	return (t < 0 ? 0 : t);
}

static void
poll_header_line(struct poll_xfer *x, const char *line, size_t len)
{
	const char	*colon, *v, *end;
	size_t		 nlen;
	char		*value;

	if ((colon = memchr(line, ':', len)) == NULL)
		return;
	nlen = (size_t)(colon - line);
	v = colon + 1;
	end = line + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && isspace((unsigned char)end[-1]))
		end--;
	if (!poll_value_ok(v, (size_t)(end - v)))
		return;
	value = xstrndup(v, (size_t)(end - v));
	if (nlen == 4 && strncasecmp(line, "etag", 4) == 0) {
		free(x->etag);
		x->etag = value;
	} else if (nlen == 13 && strncasecmp(line, "last-modified", 13) == 0) {
		free(x->last_modified);
		x->last_modified = value;
	} else if (nlen == 12 && strncasecmp(line, "content-type", 12) == 0) {
		free(x->content_type);
		x->content_type = value;
	} else if (nlen == 19 &&
	    strncasecmp(line, "content-disposition", 19) == 0) {
		free(x->disposition);
		x->disposition = value;
	} else {
		if (nlen == 11 && strncasecmp(line, "retry-after", 11) == 0)
			x->retry_after = poll_retry_after(value);
		free(value);
	}
}

/* Each response in a redirect chain starts with its status line. */
static size_t
poll_header_cb(char *data, size_t size, size_t n, void *arg)
{
	struct poll_xfer	*x = arg;
	size_t			 len = size * n;

	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0)
		poll_headers_reset(x);
	else
		poll_header_line(x, data, len);
	return (len);
}

/*
 * A download's bytes: a redirect's or an error's body is dropped; the
 * first bytes of a 206 go after what the file holds, of a 200 at its
 * start.  0 aborts the transfer (too big, or the file cannot be written).
 */
static size_t
poll_write_file(struct poll_xfer *x, const char *data, size_t len)
{
	long	 code = 0;
	ssize_t	 n;
	size_t	 off = 0;

	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
	if (code != 0 && code != 200 && code != 206)
		return (len);
	if (!x->file_started) {
		x->file_started = 1;
		x->file_base = code == 206 ? x->req.resume : 0;
		x->written = 0;
		if (lseek(x->req.out_fd, (off_t)x->file_base, SEEK_SET) == -1 ||
		    ftruncate(x->req.out_fd, (off_t)x->file_base) == -1) {
			x->write_errno = errno;
			return (0);
		}
	}
	if (x->file_base + x->written + (int64_t)len > x->p->opts.max_download) {
		x->too_big = 1;
		return (0);
	}
	while (off < len) {
		if ((n = write(x->req.out_fd, data + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			x->write_errno = errno;
			return (0);
		}
		off += (size_t)n;
	}
	x->written += (int64_t)len;
	return (len);
}

/* Returning short makes curl abort with CURLE_WRITE_ERROR. */
static size_t
poll_write_cb(char *data, size_t size, size_t n, void *arg)
{
	struct poll_xfer	*x = arg;

	if (x->req.to_file)
		return (poll_write_file(x, data, size * n));
	if (buf_add(&x->body, data, size * n) != 0) {
		x->too_big = 1;
		return (0);
	}
	return (size * n);
}

static void
poll_set_protocols(struct poll *p, struct poll_xfer *x)
{
	const char	*protocols = "http,https";

	if (p->opts.allow_file && x->hops == 0 &&
	    util_starts_nocase(x->url, "file:"))
		protocols = "http,https,file";
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(x->easy, CURLOPT_PROTOCOLS_STR, protocols);
#else
	curl_easy_setopt(x->easy, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP |
	    CURLPROTO_HTTPS | (strchr(protocols, 'f') != NULL ?
	    CURLPROTO_FILE : 0)));
#endif
}

static void
poll_header_add(struct poll_xfer *x, const char *h)
{
	struct curl_slist	*l;

	if ((l = curl_slist_append(x->headers, h)) == NULL)
		poll_fatal_oom();
	x->headers = l;
}

/* A header that carries credentials: never sent past the origin. */
static int
poll_header_secret(const char *h)
{
	return (strncasecmp(h, "authorization:", 14) == 0 ||
	    strncasecmp(h, "cookie:", 7) == 0);
}

static void
poll_set_headers(struct poll_xfer *x)
{
	struct curl_slist	*l;
	char			*h;
	size_t			 i;

	if (x->req.etag != NULL) {
		h = xasprintf("If-None-Match: %s", x->req.etag);
		if ((l = curl_slist_append(x->headers, h)) == NULL)
			poll_fatal_oom();
		x->headers = l;
		free(h);
	}
	if (x->req.last_modified != NULL) {
		h = xasprintf("If-Modified-Since: %s", x->req.last_modified);
		if ((l = curl_slist_append(x->headers, h)) == NULL)
			poll_fatal_oom();
		x->headers = l;
		free(h);
	}
	for (i = 0; i < x->req.nheaders; i++) {
		if (!x->foreign || !poll_header_secret(x->req.headers[i]))
			poll_header_add(x, x->req.headers[i]);
	}
	curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, x->headers);
}

/*
 * A feed's own options on the handle: agent, proxy, cookies, and basic
 * auth for the first origin only (curl never sends it on by itself).
 */
static void
poll_set_options(struct poll *p, struct poll_xfer *x)
{
	CURL		*e = x->easy;
	const char	*cookies;
	char		*path;

	if (x->req.user_agent != NULL)
		curl_easy_setopt(e, CURLOPT_USERAGENT, x->req.user_agent);
	x->proxy = x->req.proxy != NULL ? x->req.proxy : p->proxy;
	if (x->proxy != NULL)
		curl_easy_setopt(e, CURLOPT_PROXY, x->proxy);
	if (x->proxy != NULL && *x->proxy == '\0')
		x->proxy = NULL;
	cookies = x->req.cookie_file != NULL ? x->req.cookie_file :
	    p->cookie_file;
	if (cookies != NULL) {
		path = util_home_path(cookies);
		curl_easy_setopt(e, CURLOPT_COOKIEFILE, path);
		free(path);
	}
	curl_easy_setopt(e, CURLOPT_UNRESTRICTED_AUTH, 0L);
	if (x->req.username != NULL) {
		curl_easy_setopt(e, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(e, CURLOPT_USERNAME, x->req.username);
		curl_easy_setopt(e, CURLOPT_PASSWORD, x->req.password != NULL ?
		    x->req.password : "");
	}
}

/* A hop left the first origin: no credentials go with it or after. */
static void
poll_drop_credentials(struct poll_xfer *x)
{
	struct curl_slist	*old = x->headers;

	x->foreign = 1;
	x->headers = NULL;
	poll_set_headers(x);
	curl_slist_free_all(old);
	curl_easy_setopt(x->easy, CURLOPT_USERNAME, NULL);
	curl_easy_setopt(x->easy, CURLOPT_PASSWORD, NULL);
}

/* What stays the same for every hop of a transfer. */
static void
poll_easy_create(struct poll *p, struct poll_xfer *x)
{
	CURL	*e;
	char	*range;

	if ((e = x->easy = curl_easy_init()) == NULL)
		poll_fatal_oom();
	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, poll_write_cb);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, poll_header_cb);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	/*
	 * Wait to share an HTTP/2 connection only where one can be had: over
	 * plain http a slow first answer would hold back the second.
	 */
	if (util_starts_nocase(x->url, "https://"))
		curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
	curl_easy_setopt(e, CURLOPT_USERAGENT, p->user_agent);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, p->opts.connect_timeout);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, p->opts.low_speed_limit);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, p->opts.low_speed_time);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, x->req.to_file ?
	    (curl_off_t)p->opts.max_download : (curl_off_t)p->opts.max_body);
	if (x->req.to_file && x->req.resume > 0) {
		range = xasprintf("%lld-", (long long)x->req.resume);
		curl_easy_setopt(e, CURLOPT_RANGE, range);
		free(range);
		/* A download is no text: no compression to undo. */
	}
	if (x->req.to_file)
		curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, NULL);
	curl_easy_setopt(e, CURLOPT_BUFFERSIZE, 65536L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	poll_post_set(x);
	poll_set_headers(x);
	poll_set_options(p, x);
}

/*
 * Point the handle at the current hop and hand it to curl.  The transfer
 * timeout covers the whole chain: each hop gets what is left of it.
 */
static void
poll_easy_start(struct poll *p, struct poll_xfer *x)
{
	double	 left;

	curl_easy_setopt(x->easy, CURLOPT_URL, x->url);
	poll_set_protocols(p, x);
	if (p->opts.transfer_timeout > 0) {
		left = (double)p->opts.transfer_timeout -
		    (util_monotonic() - x->started);
		curl_easy_setopt(x->easy, CURLOPT_TIMEOUT_MS,
		    left < 1 ? 1000L : (long)(left * 1000));
	}
	x->errbuf[0] = '\0';
	x->too_big = 0;
	x->file_started = 0;
	x->written = 0;
	buf_reset(&x->body);
	poll_headers_reset(x);
	curl_multi_add_handle(p->multi, x->easy);
}

static size_t
poll_host_count(struct poll *p, const char *host)
{
	size_t	 i, n = 0;

	for (i = 0; i < p->nactive; i++) {
		if (p->active[i]->host != NULL &&
		    strcmp(p->active[i]->host, host) == 0)
			n++;
	}
	return (n);
}

/*
 * Start queued requests while there is room, skipping those whose host
 * already has per_host transfers; they wait in the queue, timers unstarted.
 */
static void
poll_fill(struct poll *p)
{
	struct poll_xfer	*x, *prev = NULL, *next;

	for (x = p->queue_head; x != NULL &&
	    p->nactive < (size_t)p->opts.parallel; x = next) {
		next = x->next;
		if (x->host != NULL &&
		    poll_host_count(p, x->host) >= (size_t)p->opts.per_host) {
			prev = x;
			continue;
		}
		if (prev != NULL)
			prev->next = next;
		else
			p->queue_head = next;
		if (p->queue_tail == x)
			p->queue_tail = prev;
		x->next = NULL;
		p->queued--;

		p->active[p->nactive++] = x;
		x->started = util_monotonic();
		poll_easy_create(p, x);
		poll_easy_start(p, x);
	}
}

static void
poll_active_remove(struct poll *p, struct poll_xfer *x)
{
	size_t	 i;

	for (i = 0; i < p->nactive; i++) {
		if (p->active[i] == x) {
			p->active[i] = p->active[--p->nactive];
			break;
		}
	}
	curl_multi_remove_handle(p->multi, x->easy);
}

static void
poll_fail(struct poll_xfer *x, enum poll_error kind, char *error)
{
	x->result = POLL_FAILED;
	x->kind = kind;
	free(x->error);
	x->error = error;
}

/* "32 MiB", "64 KiB", "1.5 MiB", "900 bytes". */
static char *
poll_size_text(size_t n)
{
	if (n >= (1 << 20) && n % (1 << 20) == 0)
		return (xasprintf("%zu MiB", n >> 20));
	if (n >= (1 << 20))
		return (xasprintf("%.1f MiB", (double)n / (1 << 20)));
	if (n >= 1024 && n % 1024 == 0)
		return (xasprintf("%zu KiB", n >> 10));
	if (n >= 1024)
		return (xasprintf("%.1f KiB", (double)n / 1024));
	return (xasprintf("%zu bytes", n));
}

static const char *
poll_reason(long status)
{
	size_t	 i;

	for (i = 0; i < UTIL_ARRLEN(poll_reasons); i++) {
		if (poll_reasons[i].status == status)
			return (poll_reasons[i].reason);
	}
	return (NULL);
}

/* "404 Not Found", or words for a status the table does not know. */
static char *
poll_status_text(long status)
{
	const char	*reason;

	if ((reason = poll_reason(status)) != NULL)
		return (xasprintf("%ld %s", status, reason));
	if (status >= 500 && status <= 599)
		return (xasprintf("%ld (a server error)", status));
	if (status >= 400 && status <= 499)
		return (xasprintf("%ld (a request the server refused)", status));
	return (xasprintf("the server answered with status %ld, which telex "
	    "does not understand", status));
}

/* curl's error buffer, safe to show, or its description of code. */
static char *
poll_detail(struct poll_xfer *x, CURLcode code)
{
	if (x->errbuf[0] == '\0')
		return (xstrdup(curl_easy_strerror(code)));
	return (util_display_safe(x->errbuf));
}

/* A part of url, safe to show; "?" when it cannot be read. */
static char *
poll_url_part(const char *url, CURLUPart what, unsigned int flags)
{
	CURLU	*u;
	char	*part = NULL, *out = NULL;

	if ((u = curl_url()) == NULL)
		poll_fatal_oom();
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, what, &part, flags) == CURLUE_OK)
		out = util_display_safe(part);
	curl_free(part);
	curl_url_cleanup(u);
	return (out != NULL ? out : xstrdup("?"));
}

/* "connection refused", from the errno curl kept. */
static char *
poll_os_reason(struct poll_xfer *x)
{
	long	 os = 0;
	char	*s;

	curl_easy_getinfo(x->easy, CURLINFO_OS_ERRNO, &os);
	if (os == 0)
		return (xstrdup("no connection could be made"));
	s = xstrdup(strerror((int)os));
	s[0] = (char)tolower((unsigned char)s[0]);
	return (s);
}

static void
poll_error_connect(struct poll_xfer *x)
{
	char	*host, *port, *why;
	int	 proxy = x->proxy != NULL && strstr(x->proxy, "://") != NULL;

	host = poll_url_part(proxy ? x->proxy : x->url, CURLUPART_HOST, 0);
	port = poll_url_part(proxy ? x->proxy : x->url, CURLUPART_PORT,
	    CURLU_DEFAULT_PORT);
	why = poll_os_reason(x);
	poll_fail(x, POLL_ERROR_NETWORK, xasprintf("cannot connect to %s%s "
	    "port %s: %s", proxy ? "the proxy " : "", host, port, why));
	free(why);
	free(port);
	free(host);
}

static void
poll_error_timeout(struct poll *p, struct poll_xfer *x)
{
	curl_off_t	 connect = 0;
	char		*host;

	curl_easy_getinfo(x->easy, CURLINFO_CONNECT_TIME_T, &connect);
	if (strstr(x->errbuf, "too slow") != NULL) {
		poll_fail(x, POLL_ERROR_TIMEOUT, xasprintf("the server sent "
		    "less than %ld bytes/s for %ld s", p->opts.low_speed_limit,
		    p->opts.low_speed_time));
	} else if (connect == 0) {
		host = poll_url_part(x->url, CURLUPART_HOST, 0);
		poll_fail(x, POLL_ERROR_TIMEOUT, xasprintf("cannot connect "
		    "to %s: no answer within %ld s", host,
		    p->opts.connect_timeout));
		free(host);
	} else {
		poll_fail(x, POLL_ERROR_TIMEOUT, xasprintf("timed out after "
		    "%ld s", p->opts.transfer_timeout));
	}
}

/* "the connection broke after 12 KB". */
static void
poll_error_broke(struct poll_xfer *x)
{
	curl_off_t	 got = 0;

	curl_easy_getinfo(x->easy, CURLINFO_SIZE_DOWNLOAD_T, &got);
	if (got == 0) {
		poll_fail(x, POLL_ERROR_NETWORK, xstrdup("the connection broke "
		    "before any data arrived"));
	} else if (got < 1024) {
		poll_fail(x, POLL_ERROR_NETWORK, xasprintf("the connection "
		    "broke after %ld bytes", (long)got));
	} else {
		poll_fail(x, POLL_ERROR_NETWORK, xasprintf("the connection "
		    "broke after %ld KB", (long)(got / 1024)));
	}
}

static void
poll_error_file(struct poll_xfer *x)
{
	char	*path;
	int	 fd, saved;

	path = poll_url_part(x->url, CURLUPART_PATH, CURLU_URLDECODE);
	if ((fd = open(path, O_RDONLY)) == -1) {
		saved = errno;
		poll_fail(x, POLL_ERROR_FILE, xasprintf("cannot read %s: %s",
		    path, strerror(saved)));
	} else {
		close(fd);
		poll_fail(x, POLL_ERROR_FILE, xasprintf("cannot read %s",
		    path));
	}
	free(path);
}

static void
poll_error_too_big(struct poll *p, struct poll_xfer *x)
{
	char	*size;

	size = poll_size_text(p->opts.max_body);
	poll_fail(x, POLL_ERROR_TOO_BIG, xasprintf("the feed is larger than "
	    "%s", size));
	free(size);
}

static void
poll_error_scheme(struct poll_xfer *x)
{
	char	*scheme;

	scheme = poll_url_part(x->url, CURLUPART_SCHEME, 0);
	if (strcmp(scheme, "?") == 0)
		poll_fail(x, POLL_ERROR_OTHER, xstrdup("the URL is not valid"));
	else if (strcmp(scheme, "file") == 0)
		poll_fail(x, POLL_ERROR_OTHER, xstrdup("file:// URLs are not "
		    "allowed here"));
	else
		poll_fail(x, POLL_ERROR_OTHER, xasprintf("telex fetches only "
		    "http, https and file URLs, not %s://", scheme));
	free(scheme);
}

static int
poll_error_tls(struct poll_xfer *x, CURLcode code)
{
	char	*detail, *host;

	switch (code) {
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
		detail = poll_detail(x, code);
		poll_fail(x, POLL_ERROR_TLS, xasprintf("the server's TLS "
		    "certificate cannot be verified: %s", detail));
		free(detail);
		return (0);
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_USE_SSL_FAILED:
		detail = poll_detail(x, code);
		host = poll_url_part(x->url, CURLUPART_HOST, 0);
		poll_fail(x, POLL_ERROR_TLS, xasprintf("the TLS handshake "
		    "with %s failed: %s", host, detail));
		free(host);
		free(detail);
		return (0);
	default:
		return (-1);
	}
}

static int
poll_error_network(struct poll_xfer *x, CURLcode code)
{
	char	*host;

	switch (code) {
	case CURLE_COULDNT_RESOLVE_HOST:
		host = poll_url_part(x->url, CURLUPART_HOST, 0);
		poll_fail(x, POLL_ERROR_NETWORK, xasprintf("cannot resolve "
		    "host %s", host));
		free(host);
		return (0);
	case CURLE_COULDNT_RESOLVE_PROXY:
		poll_fail(x, POLL_ERROR_NETWORK, xstrdup("cannot resolve the "
		    "proxy's host name"));
		return (0);
	case CURLE_COULDNT_CONNECT:
		poll_error_connect(x);
		return (0);
	case CURLE_PARTIAL_FILE:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		poll_error_broke(x);
		return (0);
	case CURLE_GOT_NOTHING:
		poll_fail(x, POLL_ERROR_NETWORK, xstrdup("the server closed "
		    "the connection without answering"));
		return (0);
	case CURLE_WEIRD_SERVER_REPLY:
		poll_fail(x, POLL_ERROR_NETWORK, xstrdup("the server's answer "
		    "is not valid HTTP"));
		return (0);
	default:
		return (-1);
	}
}

/* Turn a failed transfer's curl code into a kind and a sentence. */
static void
poll_error_curl(struct poll *p, struct poll_xfer *x, CURLcode code)
{
	char	*detail;

	if (poll_error_network(x, code) == 0 || poll_error_tls(x, code) == 0)
		return;
	switch (code) {
	case CURLE_OPERATION_TIMEDOUT:
		poll_error_timeout(p, x);
		break;
	case CURLE_WRITE_ERROR:
	case CURLE_FILESIZE_EXCEEDED:
		if (x->write_errno != 0)
			poll_fail(x, POLL_ERROR_FILE, xasprintf("cannot write "
			    "the file: %s", strerror(x->write_errno)));
		else if (x->too_big || code == CURLE_FILESIZE_EXCEEDED)
			poll_error_too_big(p, x);
		else
			poll_fail(x, POLL_ERROR_OTHER, xstrdup("the downloaded "
			    "data could not be kept"));
		break;
	case CURLE_FILE_COULDNT_READ_FILE:
	case CURLE_READ_ERROR:
		poll_error_file(x);
		break;
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
		poll_error_scheme(x);
		break;
	case CURLE_BAD_CONTENT_ENCODING:
		poll_fail(x, POLL_ERROR_OTHER, xstrdup("the server's "
		    "compressed data is damaged"));
		break;
	default:
		detail = poll_detail(x, code);
		poll_fail(x, POLL_ERROR_OTHER, xasprintf("the transfer failed: "
		    "%s", detail));
		free(detail);
		break;
	}
}

static void
poll_result_http(struct poll_xfer *x)
{
	long	 status = x->status;

	if ((status >= 200 && status <= 299) ||
	    (status == 0 && util_starts_nocase(x->url, "file:")))
		x->result = POLL_OK;
	else if (status == 416 && x->req.to_file && x->req.resume > 0) {
		/* Nothing past what the file holds: it is whole. */
		x->result = POLL_OK;
		x->file_base = x->req.resume;
		x->written = 0;
	}
	else if (status == 304)
		x->result = POLL_NOT_MODIFIED;
	else
		poll_fail(x, POLL_ERROR_HTTP, poll_status_text(status));
}

static int
poll_is_redirect(long status)
{
	return (status == 301 || status == 302 || status == 303 ||
	    status == 307 || status == 308);
}

/* Why target may not be followed (its kind in *kind), or NULL. */
static char *
poll_redirect_refusal(struct poll *p, struct poll_xfer *x, const char *target,
    enum poll_error *kind)
{
	size_t	 n;

	*kind = POLL_ERROR_REDIRECT;
	if (target == NULL)
		return (xasprintf("the server answered %ld but did not say "
		    "where to", x->status));
	if (!util_starts_nocase(target, "http://") &&
	    !util_starts_nocase(target, "https://")) {
		n = strcspn(target, ":");
		if (target[n] == ':' && n > 0 && n <= 16 &&
		    strspn(target, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") == n)
			return (xasprintf("redirected to a %.*s:// URL, which "
			    "telex does not follow", (int)n, target));
		return (xstrdup("redirected to an address that is not a web "
		    "URL"));
	}
	if (strlen(target) > POLL_URL_MAX)
		return (xasprintf("redirected to a URL longer than %d bytes",
		    POLL_URL_MAX));
	if (x->hops >= p->opts.max_redirects)
		return (xasprintf("more than %d redirect%s",
		    p->opts.max_redirects, p->opts.max_redirects == 1 ?
		    "" : "s"));
	*kind = POLL_ERROR_TIMEOUT;
	if (p->opts.transfer_timeout > 0 && util_monotonic() - x->started >=
	    (double)p->opts.transfer_timeout)
		return (xasprintf("timed out after %ld s",
		    p->opts.transfer_timeout));
	return (NULL);
}

/* Follow a redirect: 0 when the next hop has started, else -1. */
static int
poll_redirect(struct poll *p, struct poll_xfer *x)
{
	enum poll_error	 kind;
	char		*target = NULL, *why, *origin;

	curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_URL, &target);
	if ((why = poll_redirect_refusal(p, x, target, &kind)) != NULL) {
		poll_fail(x, kind, why);
		return (-1);
	}
	target = xstrdup(target);
	curl_multi_remove_handle(p->multi, x->easy);
	free(x->url);
	free(x->host);
	x->url = target;
	x->host = poll_host_of(target);
	if (!x->foreign) {
		origin = poll_origin_of(target);
		if (origin == NULL || x->origin == NULL ||
		    strcmp(origin, x->origin) != 0)
			poll_drop_credentials(x);
		free(origin);
	}
	if (x->status != 301 && x->status != 308)
		x->permanent = 0;
	x->hops++;
	poll_easy_start(p, x);
	return (0);
}

/* The charset parameter of a Content-Type, or NULL. */
static char *
poll_charset(const char *type)
{
	const char	*s;
	size_t		 n;

	if ((s = strchr(type, ';')) == NULL ||
	    (s = util_strcasestr(s, "charset=")) == NULL)
		return (NULL);
	s += 8;
	if (*s == '"')
		s++;
	n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789-_.:+");
	if (n == 0 || n > POLL_CHARSET_MAX)
		return (NULL);
	return (xstrndup(s, n));
}

/*
 * Hand the outcome to the callback; its pointers die when it returns.
 * moved_to is set only when the moved document was actually served.
 */
static void
poll_deliver(struct poll *p, struct poll_xfer *x)
{
	struct poll_response	 r;
	char			*moved = NULL;
	int			 ok = (x->result != POLL_FAILED);

	memset(&r, 0, sizeof r);
	r.req = &x->req;
	r.result = x->result;
	r.error_kind = ok ? POLL_ERROR_NONE : x->kind;
	r.error = ok ? NULL : x->error;
	r.http_status = x->status;
	r.body = x->result == POLL_OK ? x->body.data : "";
	r.len = x->result == POLL_OK ? x->body.len : 0;
	r.content_type = ok ? x->content_type : NULL;
	r.disposition = ok ? x->disposition : NULL;
	r.etag = ok ? x->etag : NULL;
	r.last_modified = ok ? x->last_modified : NULL;
	r.final_url = x->is_exec ? NULL : x->url;
	r.moved_to = ok && x->hops > 0 && x->permanent ? x->url : NULL;
	if (r.moved_to != NULL && x->command != NULL)
		r.moved_to = moved = xasprintf("filter:%s:%s", x->command,
		    x->url);
	r.retry_after = !ok && x->kind == POLL_ERROR_HTTP &&
	    (x->status == 429 || x->status == 503) ? x->retry_after : -1;
	r.seconds = util_monotonic() - x->started;
	r.file_size = x->req.to_file && x->result == POLL_OK ?
	    x->file_base + x->written : 0;
	if (r.content_type != NULL)
		r.charset = x->charset = poll_charset(r.content_type);
	p->cb(&r, p->arg);
	free(moved);
}

/*
 * A transfer ended: follow a redirect, or settle the outcome, start what
 * waits in the queue and tell the caller.
 */
static void
poll_finished(struct poll *p, struct poll_xfer *x, CURLcode code)
{
	x->status = 0;
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &x->status);
	if (code == CURLE_OK && poll_is_redirect(x->status)) {
		if (poll_redirect(p, x) == 0)
			return;
	} else if (code != CURLE_OK)
		poll_error_curl(p, x, code);
	else
		poll_result_http(x);
	poll_active_remove(p, x);
	poll_fill(p);
	if (x->command != NULL && x->result == POLL_OK) {
		/* A filter's body goes through its command first. */
		exec_start(p->exec, x->command, x->body.data, x->body.len, x);
		return;
	}
	poll_deliver(p, x);
	poll_xfer_free(x);
}

static void
poll_drain(struct poll *p)
{
	CURLMsg		*m;
	CURL		*easy;
	CURLcode	 code;
	char		*priv;
	int		 left;

	while ((m = curl_multi_info_read(p->multi, &left)) != NULL) {
		if (m->msg != CURLMSG_DONE)
			continue;
		easy = m->easy_handle;
		code = m->data.result;
		priv = NULL;
		curl_easy_getinfo(easy, CURLINFO_PRIVATE, &priv);
		if (priv != NULL)
			poll_finished(p, (struct poll_xfer *)(void *)priv, code);
	}
}

/*
 * Feeds that are programs.  "exec:COMMAND" runs the command alone;
 * "filter:COMMAND:URL" fetches URL like any feed (conditional GET
 * included), then runs the body through the command.  Either way the
 * command's output is the response's body, and its failure the
 * response's error.
 */

/* An exec: or filter: request: 0 when taken care of, -1 if neither. */
static int
poll_command_add(struct poll *p, struct poll_xfer *x)
{
	enum url_kind		 kind = url_kind(x->url);
	struct exec_limits	 limits;
	char			*inner = NULL, *why = NULL;

	if (kind != URL_KIND_EXEC && kind != URL_KIND_FILTER)
		return (-1);
	if (p->exec == NULL) {
		limits.parallel = p->opts.parallel;
		limits.timeout = p->opts.transfer_timeout;
		limits.max_output = p->opts.max_body;
		p->exec = exec_create(&limits, poll_command_done, p);
	}
	x->started = util_monotonic();
	if (url_command(x->url, &x->command, &inner, &why) != 0) {
		poll_fail(x, POLL_ERROR_COMMAND, why);
		x->next = p->ready;
		p->ready = x;
		return (0);
	}
	if (kind == URL_KIND_EXEC) {
		x->is_exec = 1;
		exec_start(p->exec, x->command, NULL, 0, x);
		return (0);
	}
	free(x->url);
	x->url = inner;
	return (-1);
}

/* A command ended: its output (or failure) is the request's outcome. */
static void
poll_command_done(const struct exec_result *r, void *arg)
{
	struct poll		*p = arg;
	struct poll_xfer	*x = r->user;

	free(x->content_type);
	free(x->charset);
	x->content_type = x->charset = NULL;
	buf_reset(&x->body);
	if (r->ok && buf_add(&x->body, r->out, r->len) == 0)
		x->result = POLL_OK;
	else
		poll_fail(x, POLL_ERROR_COMMAND, xstrdup(r->error != NULL ?
		    r->error : "the command wrote more than the limit"));
	poll_deliver(p, x);
	poll_xfer_free(x);
}

/* Tell of the requests whose address could not be run. */
static void
poll_command_failed(struct poll *p)
{
	struct poll_xfer	*x;

	while ((x = p->ready) != NULL) {
		p->ready = x->next;
		poll_deliver(p, x);
		poll_xfer_free(x);
	}
}

static void
poll_command_drop(void *user)
{
	poll_xfer_free(user);
}

/* Wait for a transfer or a command's pipe, at most timeout_ms. */
static void
poll_wait(struct poll *p, int timeout_ms)
{
	struct pollfd		 pfds[POLL_EXEC_FDS];
	struct curl_waitfd	 extra[POLL_EXEC_FDS];
	size_t			 n, i;

	n = exec_fds(p->exec, pfds, POLL_EXEC_FDS);
	for (i = 0; i < n; i++) {
		extra[i].fd = pfds[i].fd;
		extra[i].events = (pfds[i].events & POLLIN ?
		    CURL_WAIT_POLLIN : 0) | (pfds[i].events & POLLOUT ?
		    CURL_WAIT_POLLOUT : 0);
		extra[i].revents = 0;
	}
	if (p->exec != NULL)
		timeout_ms = exec_wait_ms(p->exec, timeout_ms);
	curl_multi_poll(p->multi, extra, (unsigned int)n, timeout_ms, NULL);
}

size_t
poll_step(struct poll *p, int timeout_ms)
{
	int	 running;

	poll_fill(p);
	poll_command_failed(p);
	if (p->nactive == 0 && exec_pending(p->exec) == 0)
		return (p->queued);
	if (p->nactive > 0) {
		curl_multi_perform(p->multi, &running);
		poll_drain(p);
	}
	exec_service(p->exec);
	if (p->nactive > 0 || exec_pending(p->exec) > 0) {
		poll_wait(p, timeout_ms);
		if (p->nactive > 0) {
			curl_multi_perform(p->multi, &running);
			poll_drain(p);
		}
		exec_service(p->exec);
	}
	poll_fill(p);
	return (p->nactive + p->queued + exec_pending(p->exec));
}

void
poll_run(struct poll *p)
{
	while (poll_step(p, 1000) > 0)
		;
}

/* Drop everything, finished or not; no callbacks are made. */
void
poll_free(struct poll *p)
{
	struct poll_xfer	*x;

	if (p == NULL)
		return;
	while (p->nactive > 0) {
		x = p->active[0];
		poll_active_remove(p, x);
		poll_xfer_free(x);
	}
	while ((x = p->queue_head) != NULL) {
		p->queue_head = x->next;
		poll_xfer_free(x);
	}
	while ((x = p->ready) != NULL) {
		p->ready = x->next;
		poll_xfer_free(x);
	}
	exec_free(p->exec, poll_command_drop);
	curl_multi_cleanup(p->multi);
	free(p->active);
	free(p->user_agent);
	free(p->proxy);
	free(p->cookie_file);
	free(p);
}
