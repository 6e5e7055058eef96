/*
 * The archive: one SQLite file (WAL) holding feeds, items, their bodies,
 * tags and an FTS5 index kept in step.  All SQL in telex lives behind
 * this interface; errors are read back with store_errmsg.
 */
#ifndef TELEX_STORE_H
#define TELEX_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "../feeds/parse.h"

struct store;

struct store_feed {
	int64_t	  id;
	char	 *url;
	char	 *title;		/* NULL until a poll names it */
	char	 *site_url;
	char	 *etag;
	char	 *last_modified;
	int64_t	  added;
	int64_t	  last_poll;		/* 0: never polled */
	int	  http_status;		/* of the last poll; 0 if none */
	char	 *last_error;		/* NULL when the last poll worked */
	int64_t	  backoff_until;	/* 0: no back-off */
	int	  failures;		/* consecutive failed polls */
	int64_t	  items;
	int64_t	  unread;
	char	**tags;
	size_t	  ntags;
};

struct store_item {
	int64_t	  id;
	int64_t	  feed_id;
	char	 *feed;			/* feed title, else its URL */
	char	 *guid;
	char	 *url;
	char	 *title;
	char	 *author;
	int64_t	  published;		/* DATE_NONE if unknown */
	int64_t	  updated;		/* DATE_NONE if unknown */
	int64_t	  first_seen;
	int64_t	  date;			/* published, else updated, else first_seen */
	int	  read;
	int	  starred;
	char	**categories;
	size_t	  ncategories;
	char	**tags;
	size_t	  ntags;
	/* Filled by store_item_get only. */
	char	 *html;
	char	 *base;
	char	 *text;
	struct feed_enclosure *enclosures;
	size_t	  nenclosures;
};

/* Which items a list shows; zero/NULL fields do not restrict. */
struct store_filter {
	const char	*match;		/* FTS5 expression, bound as a parameter */
	int64_t		 id;		/* one item */
	int64_t		 feed_id;
	const char	*feed;		/* substring of feed title or URL */
	const char	*tag;		/* item tag, or a tag of its feed */
	int		 unread;	/* 1: unread only, -1: read only */
	int		 starred;	/* 1: starred only */
	size_t		 limit;		/* 0: all */
};

enum store_upsert {
	STORE_UNCHANGED,
	STORE_NEW,
	STORE_UPDATED
};

/* What one poll of a feed found; NULL strings leave a field as it was. */
struct store_poll_update {
	int64_t		 when;
	int		 http_status;
	const char	*etag;		/* with clear_validators: stored as given */
	const char	*last_modified;
	int		 clear_validators;
	const char	*error;		/* NULL: success (clears error, failures) */
	int64_t		 backoff_until;
	const char	*new_url;	/* permanent redirect */
	const char	*title;
	const char	*site_url;
};

struct store_stats {
	int64_t	 feeds;
	int64_t	 items;
	int64_t	 unread;
	int64_t	 starred;
	int64_t	 tags;
	int64_t	 failing;	/* feeds whose last poll failed */
	int64_t	 bytes;		/* size of the archive file */
	int64_t	 last_poll;	/* 0: never */
	int	 schema;
};

typedef int (*store_item_cb)(const struct store_item *, void *);

/*
 * Open (creating and migrating as needed) the archive at path.  Returns
 * 0, or -1 with *cause set (caller frees) saying what failed and why.
 */
int		 store_open(const char *path, struct store **, char **cause);
void		 store_close(struct store *);
const char	*store_errmsg(struct store *);
int		 store_schema_version(void);

int		 store_begin(struct store *);
int		 store_commit(struct store *);
void		 store_rollback(struct store *);

/* Feeds. add returns 1 (and the id) when the URL is already there. */
int		 store_feed_add(struct store *, const char *url,
		     const char *title, int64_t *id);
int		 store_feed_tag(struct store *, int64_t id, const char *tag);
int		 store_feed_find(struct store *, const char *id_or_url,
		     int64_t *id);
int		 store_feed_remove(struct store *, int64_t id, int purge);
/* 0, 1 when there is no such feed, -1 on error. */
int		 store_feed_get(struct store *, int64_t id, struct store_feed *);
int		 store_feeds_list(struct store *, struct store_feed **,
		     size_t *);
void		 store_feed_free(struct store_feed *);
void		 store_feeds_free(struct store_feed *, size_t);
int		 store_feed_update_poll(struct store *, int64_t id,
		     const struct store_poll_update *);

/* Items.  text is the cleaned text of item->html (may be NULL). */
int		 store_item_upsert(struct store *, int64_t feed_id,
		     const struct feed_item *, const char *text,
		     enum store_upsert *);
int		 store_items_list(struct store *, const struct store_filter *,
		     store_item_cb, void *);
/* 0, 1 when there is no such item, -1 on error. */
int		 store_item_get(struct store *, int64_t id, struct store_item *);
void		 store_item_free(struct store_item *);

int		 store_stats(struct store *, struct store_stats *);

#endif
