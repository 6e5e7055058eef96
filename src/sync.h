/*
 * Sync with a server people already run (Tiny Tiny RSS first): its feeds
 * become synced feeds, its articles items, and read, starred and labels
 * go both ways; local changes wait in the archive's queue until sent.
 */
#ifndef TELEX_SYNC_H
#define TELEX_SYNC_H

#include <stddef.h>
#include <stdint.h>

#include "conf.h"
#include "poll.h"
#include "store.h"
#include "util.h"

#define SYNC_PAGE	200	/* articles asked for at once */
#define SYNC_BATCH	500	/* ids sent in one change */

/* "sync ttrss URL USER" and "sync-password-command CMD". */
struct sync_config {
	char	*kind;			/* "ttrss" */
	char	*url;			/* as written */
	char	*user;
	char	*password_command;	/* or NULL */
};

/*
 * The config's sync lines: 0 with *sc filled, 1 when there is no sync
 * line, -1 with *cause (naming the file and line) for a bad one.
 */
int	 sync_config_get(const struct conf *, struct sync_config *,
	     char **cause);
void	 sync_config_free(struct sync_config *);

struct sync_counts {
	size_t	 feeds;			/* on the server */
	size_t	 articles;		/* new on the server since last time */
	size_t	 new_items;		/* stored as new items here */
	size_t	 sent;			/* queued changes sent */
	size_t	 requests;
	int	 first;			/* the first sync of this archive */
	int	 api_level;
	double	 server_seconds;	/* waiting for the server */
	double	 seconds;		/* the whole sync */
};

struct sync_cbs {
	/* Now and then while articles arrive; may be NULL. */
	void	(*progress)(const struct sync_counts *, void *arg);
};

/*
 * One sync of st with the server sc names, with po's timeouts and
 * limits: the queue sent, feeds and new articles stored, the server's
 * state applied.  0, or -1 with *cause (caller frees) as one line:
 * which server, what failed, what to do.  The queue stays until the
 * server has taken it; what was stored stays stored.
 */
int	 sync_run(struct store *, const struct sync_config *,
	     const struct poll_options *, const struct sync_cbs *, void *arg,
	     struct sync_counts *, char **cause);

/*
 * Subscribe to each of the n urls on the server and store them as synced
 * feeds: ids[i] is the local feed of urls[i], or 0 when the server keeps
 * it under another address (the next sync brings it).
 */
int	 sync_subscribe(struct store *, const struct sync_config *,
	     const struct poll_options *, const char *const *urls, size_t n,
	     int64_t *ids, char **cause);
/* Unsubscribe on the server from local feed id (1: it is not synced). */
int	 sync_unsubscribe(struct store *, const struct sync_config *,
	     const struct poll_options *, int64_t feed_id, char **cause);

struct sync_report {
	char	*server;		/* NULL: never synced */
	int	 api_level;
	int64_t	 last_sync;
	int64_t	 queued;
	char	**local_tags;		/* tags with no label on the server */
	size_t	 nlocal_tags;
};
/* What telex sync --status says, from the archive alone. */
int	 sync_report(struct store *, struct sync_report *, char **cause);
void	 sync_report_free(struct sync_report *);

/*
 * For backends (src/sync-*.c): a connection to the server and the
 * calls each backend answers.
 */
struct sync_conn {
	struct store			*store;
	const struct sync_config	*config;
	const struct poll_options	*poll;
	char				*session;	/* or NULL */
	int				 api_level;
	struct sync_counts		*counts;
	void				*backend;	/* the backend's own */
};

struct sync_feed {
	int64_t	 id;
	char	*url;
	char	*title;
	char	*category;		/* or NULL */
};

struct sync_label {
	int64_t	 id;
	char	*caption;
};

struct sync_article {
	int64_t	 id;
	int64_t	 feed_id;		/* the server's */
	char	*guid;			/* as the server keeps it */
	char	*guid_hash;		/* "SHA1:..." of the feed's guid */
	char	*url;
	char	*title;
	char	*author;
	char	*html;
	int64_t	 updated;
	int	 unread;
	int	 starred;
};

enum sync_field {
	SYNC_FIELD_UNREAD,
	SYNC_FIELD_STARRED,
	SYNC_FIELD_LABEL
};

struct sync_backend {
	const char	*name;
	int	(*open)(struct sync_conn *, char **cause);
	void	(*close)(struct sync_conn *);
	int	(*login)(struct sync_conn *, char **cause);
	/* Feeds and labels at once (TT-RSS lists both in one call). */
	int	(*feeds)(struct sync_conn *, struct sync_feed **, size_t *,
		    struct sync_label **, size_t *, char **cause);
	/* One page of articles after since, skip from the first. */
	int	(*articles)(struct sync_conn *, int64_t since, size_t skip,
		    struct sync_article **, size_t *, char **cause);
	/* The ids of articles unread, starred or with label. */
	int	(*ids)(struct sync_conn *, enum sync_field, int64_t label,
		    int64_t **, size_t *, char **cause);
	/* Set (value 1) or clear a field on ids. */
	int	(*push)(struct sync_conn *, enum sync_field, int64_t label,
		    int value, const int64_t *ids, size_t n, char **cause);
	int	(*subscribe)(struct sync_conn *, const char *url, char **cause);
	int	(*unsubscribe)(struct sync_conn *, int64_t id, char **cause);
};

extern const struct sync_backend sync_ttrss;

/*
 * What backends share (src/sync-conn.c).  POST body to url: 0 with the
 * answer in *out (the caller's buffer), or -1 with *cause.  Counts the
 * request and its time.
 */
int	 sync_post(struct sync_conn *, const char *url, const char *body,
	     size_t len, const char *content_type, struct buf *out,
	     char **cause);
/* The password from the password command: caller frees, or NULL. */
char	*sync_password(struct sync_conn *, char **cause);

void	 sync_feeds_free(struct sync_feed *, size_t);
void	 sync_labels_free(struct sync_label *, size_t);
void	 sync_articles_free(struct sync_article *, size_t);

#endif
