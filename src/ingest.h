/*
 * Ingest ties the poller to the archive: each finished transfer is
 * parsed, its items cleaned and stored, and the feed's poll state
 * recorded, all in one transaction per feed.
 */
#ifndef TELEX_INGEST_H
#define TELEX_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "../feeds/poll.h"
#include "store.h"

struct ingest_result {
	int64_t		 feed_id;
	const char	*url;
	int		 failed;	/* 1: error holds why */
	int		 not_modified;
	int		 damaged;	/* parsed, but the feed was broken */
	size_t		 new_items;
	size_t		 updated_items;
	size_t		 items;
	char		*error;		/* a sentence, or NULL */
	char		*hint;		/* what to do, or NULL */
};

/*
 * Store what resp brought for its feed.  Fills *res (free error and hint
 * with ingest_result_clear).  Returns 0, or -1 when the archive itself
 * failed (the feed's transaction is rolled back).
 */
int	 ingest_response(struct store *, const struct poll_response *,
	     struct ingest_result *);
void	 ingest_result_clear(struct ingest_result *);

/* Back-off for a feed that has failed `failures` times in a row. */
int64_t	 ingest_backoff(int failures, int64_t retry_after);

#endif
