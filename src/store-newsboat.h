/*
 * newsboat's cache (cache.db) read as a foreign SQLite file, read-only,
 * and what an import or a sync sets on the archive's feeds: a title the
 * user chose (a poll keeps it) and tags made equal to a list.
 */
#ifndef TELEX_STORE_NEWSBOAT_H
#define TELEX_STORE_NEWSBOAT_H

#include <stddef.h>
#include <stdint.h>

#include "../feeds/parse.h"
#include "store.h"

struct store_newsboat;

/* One row of newsboat's rss_item; strings live until the callback returns. */
struct store_newsboat_item {
	struct feed_item	 item;
	int			 unread;
	const char		*flags;		/* letters, or NULL */
	int			 deleted;
};
typedef int (*store_newsboat_cb)(const struct store_newsboat_item *, void *);

/*
 * Open newsboat's cache at path read-only.  0, or -1 with *cause set
 * (caller frees) when it cannot be read or is not newsboat's cache.
 */
int	 store_newsboat_open(const char *path, struct store_newsboat **,
	     char **cause);
void	 store_newsboat_close(struct store_newsboat *);
/* The title newsboat keeps for the feed at url (caller frees), or NULL. */
char	*store_newsboat_feed_title(struct store_newsboat *, const char *url);
/*
 * Call cb for every item newsboat keeps for the feed at url, oldest
 * first, until cb returns non-zero.  0, or -1 with *cause set.
 */
int	 store_newsboat_items(struct store_newsboat *, const char *url,
	     store_newsboat_cb, void *, char **cause);
/* How many items the cache holds, of every feed: 0, or -1. */
int	 store_newsboat_count(struct store_newsboat *, int64_t *);

/*
 * A title the user gave the feed: set, and kept by later polls (NULL
 * gives the feed's own title back to the next poll).  0, or -1.
 */
int	 store_feed_title_set(struct store *, int64_t id, const char *title);
/* 1 when the feed's title is one the user gave, 0 if not, -1 on error. */
int	 store_feed_title_is_set(struct store *, int64_t id);
/* Make the feed's tags exactly tags[0..n): 0, or -1. */
int	 store_feed_tags_set(struct store *, int64_t id, char *const *tags,
	     size_t n);
/*
 * Set the read, starred and hidden states of the feed's item with guid;
 * its id goes to *id (0 when there is no such item).  0, or -1.
 */
int	 store_item_state_set(struct store *, int64_t feed_id,
	     const char *guid, int read, int starred, int hidden, int64_t *id);

#endif
