/*
 * Feed parsing: RSS 0.90-0.92, 2.0, RSS 1.0 (RDF), Atom 0.3 and 1.0, read
 * through the prepass and mxml in SAX mode, and JSON Feed 1.0 and 1.1
 * (parse-json.c).  Each item is handed to a callback as soon as it is
 * whole, so a broken feed still yields the items before the break.
 */
#ifndef TELEX_PARSE_H
#define TELEX_PARSE_H

#include <stddef.h>
#include <stdint.h>

struct feed_enclosure {
	char		*url;
	char		*type;		/* NULL if not given */
	int64_t		 length;	/* -1 if not given */
};

struct feed_item {
	char			*guid;		/* never NULL */
	char			*url;		/* absolute, or NULL */
	char			*title;		/* plain text, or NULL */
	char			*author;	/* plain text, or NULL */
	int64_t			 published;	/* UTC seconds, or DATE_NONE */
	int64_t			 updated;	/* UTC seconds, or DATE_NONE */
	int			 published_inferred; /* 1: published is updated */
	char			**categories;
	size_t			 ncategories;
	struct feed_enclosure	*enclosures;
	size_t			 nenclosures;
	char			*html;		/* content (HTML), or NULL */
	char			*base;		/* base URL for html */
};

enum feed_format {
	FEED_FORMAT_UNKNOWN = 0,
	FEED_FORMAT_RSS090,
	FEED_FORMAT_RSS091,
	FEED_FORMAT_RSS092,
	FEED_FORMAT_RSS20,
	FEED_FORMAT_RSS10,
	FEED_FORMAT_ATOM03,
	FEED_FORMAT_ATOM10,
	FEED_FORMAT_JSON10,	/* JSON Feed 1.0 */
	FEED_FORMAT_JSON11	/* JSON Feed 1.1 */
};

struct feed_info {
	enum feed_format	 format;
	char			*title;		/* plain text, or NULL */
	char			*site_url;	/* absolute, or NULL */
	char			*encoding;	/* charset the bytes were read as */
	size_t			 nitems;	/* items handed to the callback */
	int			 damaged;	/* 1: broken; items may be lost */
	char			*damage;	/* what was wrong, or NULL */
	int			 repaired;	/* 1: bad bytes or entities fixed */
};

/*
 * Copy an item the callback was given, every string its own (free with
 * feed_item_clear, which also zeroes it).
 */
/* Items, in feed-item.c (shared by parse.c and parse-json.c). */

/*
 * An item with an updated date but no published one shows it as
 * published too, as readers do; published_inferred says so.
 */
void	 feed_item_infer_published(struct feed_item *);

void	 feed_item_copy(struct feed_item *dst, const struct feed_item *);
void	 feed_item_clear(struct feed_item *);
/*
 * Add name (taken; NULL is ignored) to a list of categories unless one
 * of them is the same but for letter case, in which case it is freed.
 */
void	 feed_categories_add(char ***list, size_t *n, char *name);

/* Called once per item; return non-zero to stop parsing. */
typedef int (*feed_item_cb)(const struct feed_item *, void *arg);

/*
 * Parse len bytes of data fetched from url (used to make links absolute;
 * may be NULL), with http_charset from the Content-Type header or NULL.
 * Fills *info (the caller frees it with feed_info_free) and calls cb for
 * each item; the item is freed when cb returns.
 *
 * Returns 0 when the document is a feed (info->damaged says whether it was
 * cut short or repaired), or -1 with *cause set (caller frees) when it is
 * not a feed at all (HTML, not XML, no RSS/Atom root).
 */
int	 feed_parse(const char *data, size_t len, const char *url,
	     const char *http_charset, struct feed_info *info,
	     feed_item_cb cb, void *arg, char **cause);

/*
 * feed_parse for a document fetched over HTTP: content_type (the whole
 * Content-Type value, or NULL) may say JSON Feed.  A document whose first
 * character past a byte order mark and white space is '{' (or '[') is
 * read as JSON whatever the type says.
 */
int	 feed_parse_typed(const char *data, size_t len, const char *url,
	     const char *content_type, const char *http_charset,
	     struct feed_info *info, feed_item_cb cb, void *arg,
	     char **cause);

/*
 * A guid for an item with neither id nor link: "telex:" and a hash of its
 * title, date and the start of its content (caller frees).
 */
char	*feed_item_hash_guid(const struct feed_item *);

void	 feed_info_free(struct feed_info *);
const char *feed_format_name(enum feed_format);

#endif
