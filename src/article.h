/*
 * One item loaded for reading, as telex show and the reader's pager
 * display it: the feed's text, or the archived page's article in its
 * place, with the links numbered when asked.
 */
#ifndef TELEX_ARTICLE_H
#define TELEX_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

#include "clean.h"
#include "store.h"

struct buf;

struct article {
	/* text and title are the archived page's when it has text. */
	struct store_item	 item;
	int			 archived;	/* a page's text is shown */
	int			 summary_only;	/* the feed gives a summary */
	/* What the cleaner found on the archived page, or NULL. */
	char			*byline;
	char			*site_name;
	char			*published;	/* as the page wrote it */
	char			*modified;	/* as the page wrote it */
	/*
	 * With ARTICLE_LINKS: the text cleaned again (the page's, else the
	 * feed HTML's) with [n] after each link, and links[n - 1] the link
	 * [n] marks; otherwise NULL and none.
	 */
	char			*numbered;
	struct clean_link	*links;
	size_t			 nlinks;
};

#define ARTICLE_LINKS	0x1	/* number the links (costs a clean) */

/*
 * Load item id into *a (free with article_free, whatever the result),
 * reading its page once.  Returns 0, 1 when there is no such item, or
 * -1 (store_errmsg says why).
 */
int	 article_load(struct store *, int64_t id, int flags,
	     struct article *a);
void	 article_free(struct article *);

/*
 * Add "FEED | AUTHOR | DATE" of an article's item to b, each part
 * display-safe, the author only when there is one: the meta line both
 * faces show, to which each adds its own parts.
 */
void	 article_meta(const struct store_item *, struct buf *b);
/*
 * An item as telex list prints it, into b without a newline: id, date,
 * feed, flags (N unread, * starred, else -) and title, tab-separated.
 */
void	 article_line(const struct store_item *, struct buf *b);

/*
 * Add "SITE | by BYLINE | DATE | updated DATE" of an archived page to
 * b, the parts the cleaner found, display-safe; nothing without them.
 */
void	 article_page_meta(const struct article *, struct buf *b);

#endif
