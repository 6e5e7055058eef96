/*
 * The poller: fetches many feeds at once with libcurl's multi interface,
 * with conditional GET, compression, redirect, size and time limits, and
 * hands each finished transfer to a callback while the others go on.
 */
#ifndef TELEX_POLL_H
#define TELEX_POLL_H

#include <stddef.h>
#include <stdint.h>

struct poll_request {
	int64_t		 feed_id;
	const char	*url;
	const char	*etag;		/* from the last 200, or NULL */
	const char	*last_modified;	/* from the last 200, or NULL */
	void		*user;		/* handed back in the response */
	/*
	 * With to_file, the body goes to out_fd (opened for writing), not
	 * to memory, up to max_download bytes.  resume bytes of it are
	 * there already: they are asked for with Range and kept when the
	 * server answers 206, else the file is written from the start.
	 */
	int		 to_file;
	int		 out_fd;
	int64_t		 resume;
	/*
	 * A feed's own HTTP options (all copied by poll_add; NULL or 0:
	 * the poll's options).  username and password go to the first
	 * host only, as basic auth, never into the URL; on a redirect to
	 * another host, scheme or port they are dropped, and so are
	 * Authorization and Cookie lines among headers.
	 */
	const char	*user_agent;	/* in place of poll_options' */
	const char *const *headers;	/* "Name: value" lines to send */
	size_t		 nheaders;
	const char	*username;	/* basic auth ... */
	const char	*password;	/* ... with this password */
	const char	*cookie_file;	/* Netscape cookie file to read */
	const char	*proxy;		/* http://host:port; "": none at all */
	/*
	 * A POST (the JSON APIs of sync servers): body_len bytes of body
	 * are sent with the type content_type (both copied).  A NULL body
	 * makes a GET.
	 */
	const char	*body;
	size_t		 body_len;
	const char	*content_type;
};

enum poll_result {
	POLL_OK,		/* body holds a new document */
	POLL_NOT_MODIFIED,	/* 304: nothing to parse */
	POLL_FAILED		/* error says why */
};

enum poll_error {
	POLL_ERROR_NONE,
	POLL_ERROR_HTTP,	/* a 4xx/5xx status */
	POLL_ERROR_NETWORK,	/* resolve, connect, reset */
	POLL_ERROR_TIMEOUT,	/* connect, transfer or low-speed limit */
	POLL_ERROR_TLS,		/* certificate or handshake */
	POLL_ERROR_TOO_BIG,	/* body past the limit */
	POLL_ERROR_REDIRECT,	/* too many, or to a scheme not allowed */
	POLL_ERROR_FILE,	/* file:// that cannot be read */
	POLL_ERROR_COMMAND,	/* exec: or filter: command failed */
	POLL_ERROR_OTHER,
	POLL_ERROR_SETUP	/* a feed's own options could not be used */
};

struct poll_response {
	const struct poll_request *req;
	enum poll_result	 result;
	enum poll_error		 error_kind;
	const char		*error;		/* one sentence, or NULL */
	long			 http_status;	/* final status; 0 if none */
	const char		*body;		/* NUL-terminated */
	size_t			 len;
	const char		*content_type;	/* or NULL */
	const char		*disposition;	/* Content-Disposition, or NULL */
	const char		*charset;	/* from Content-Type, or NULL */
	const char		*etag;		/* new validator, or NULL */
	const char		*last_modified;	/* new validator, or NULL */
	const char		*final_url;	/* where the body came from */
	const char		*moved_to;	/* permanent redirect target */
	int64_t			 retry_after;	/* seconds asked by 429/503, or -1 */
	double			 seconds;	/* time the transfer took */
	int64_t			 file_size;	/* to_file: bytes in the file */
};

struct poll_options {
	int		 parallel;		/* transfers at once (8) */
	int		 per_host;		/* at most per host (2) */
	long		 connect_timeout;	/* seconds (15) */
	long		 transfer_timeout;	/* seconds (60) */
	long		 low_speed_limit;	/* bytes/s (10) ... */
	long		 low_speed_time;	/* ... for this long (30 s) */
	size_t		 max_body;		/* bytes (32 MiB) */
	int64_t		 max_download;		/* to a file (4 GiB) */
	int		 max_redirects;		/* (5) */
	int		 allow_file;		/* accept file:// (1) */
	const char	*user_agent;		/* "telex/VERSION" */
	/*
	 * Run "exec:COMMAND" and "filter:COMMAND:URL" feeds (0): up to
	 * parallel commands at once beside the transfers, within
	 * transfer_timeout and max_body; a 304 runs no filter.
	 */
	int		 allow_exec;
	const char	*proxy;			/* NULL: curl's (the env) */
	const char	*cookie_file;		/* NULL: none */
};

struct poll;

/* Called once for each request, from poll_step or poll_run. */
typedef void (*poll_done_cb)(const struct poll_response *, void *arg);

void		 poll_options_default(struct poll_options *);
int		 poll_global_init(char **cause);
void		 poll_global_cleanup(void);

struct poll	*poll_create(const struct poll_options *, poll_done_cb, void *);
/* Queue a request; its strings are copied. */
void		 poll_add(struct poll *, const struct poll_request *);
/*
 * Drive transfers for at most timeout_ms, calling the callback for each
 * that ends; returns the number of requests not yet finished.
 */
size_t		 poll_step(struct poll *, int timeout_ms);
/* Run until every queued request has finished. */
void		 poll_run(struct poll *);
void		 poll_free(struct poll *);

#endif
