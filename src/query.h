/*
 * The search language shared by the command line, the interface, saved
 * searches and rules: words, phrases, fields, states, dates, AND, OR, NOT
 * and parentheses, parsed into a tree.  No SQL here (see store-query.c).
 */
#ifndef TELEX_QUERY_H
#define TELEX_QUERY_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

#define QUERY_TAG_MAX	64	/* bytes in a tag name */

enum query_kind {
	QUERY_AND,
	QUERY_OR,
	QUERY_NOT,
	QUERY_TEXT,		/* full text: a word, a phrase or a prefix */
	QUERY_FEED,		/* substring of the feed's title or URL */
	QUERY_TAG,
	QUERY_IS,
	QUERY_DATE,
	QUERY_ID
};

enum query_field {
	QUERY_ANY,
	QUERY_TITLE,
	QUERY_AUTHOR
};

enum query_state {
	QUERY_UNREAD,
	QUERY_READ,
	QUERY_STARRED,
	QUERY_ARCHIVED,
	QUERY_HIDDEN,
	QUERY_DOWNLOADED,	/* is:downloaded: an enclosure was fetched */
	QUERY_ENCLOSURE		/* has:enclosure */
};

struct query {
	enum query_kind	  kind;
	size_t		  column;	/* 1-based, in characters */
	char		 *text;		/* TEXT, FEED, TAG */
	enum query_field  field;	/* TEXT */
	int		  phrase;	/* TEXT: given in quotes */
	int		  prefix;	/* TEXT: word* */
	enum query_state  state;	/* IS */
	int64_t		  from;		/* DATE: from <= date < to; */
	int64_t		  to;		/*   INT64_MIN / INT64_MAX: open */
	int64_t		  ago;		/* DATE: > 0: the last ago seconds */
	int64_t		  id;		/* ID */
	struct query	**children;	/* AND, OR (two or more), NOT (one) */
	size_t		  nchildren;
};

/*
 * Parse text into a new tree (free with query_free).  An empty query
 * gives *q = NULL, which matches everything.  Returns 0, or -1 with
 * *cause set (caller frees) naming the word and its column.
 */
int	 query_parse(const char *text, struct query **q, char **cause);
void	 query_free(struct query *);

/* The tree as an S-expression, for tests and debugging; caller frees. */
char	*query_print(const struct query *);

/* Does the tree ask for a state anywhere (to show hidden items)? */
int	 query_mentions(const struct query *, enum query_state);

/*
 * Is name a tag name: 1 to QUERY_TAG_MAX bytes of valid UTF-8 with no
 * spaces, control characters, quotes, parentheses or leading +/-?
 * Returns 0, or -1 with *cause set (caller frees).
 */
int	 query_tag_valid(const char *name, char **cause);

/*
 * A query given as text, ready to list with: f.query points at the
 * parsed tree, and callers may set f's other fields (limit, window...).
 */
struct query_filter {
	struct store_filter	 f;
	struct query		*query;	/* NULL: everything */
	char			*text;	/* the query as parsed */
	char			*error;	/* why parsing failed, or NULL */
};

/*
 * Parse text (or argv's words joined by spaces) into qf.  Returns 0, or
 * -1 with qf->error naming the bad word; free qf either way.
 */
int	 query_filter_parse(struct query_filter *, const char *text);
int	 query_filter_words(struct query_filter *, int argc,
	     char *const *argv);
void	 query_filter_free(struct query_filter *);

/* Tag changes asked for by words such as +news -old; names are copies. */
struct query_tags {
	char	**add;
	size_t	  nadd;
	char	**remove;
	size_t	  nremove;
};

/*
 * Take one word: +name adds, -name removes, and a bare name adds when
 * bare_adds is set.  Returns 0 when taken, 1 when the word is not a tag
 * word, -1 with *cause set (caller frees) when the name is not a tag.
 */
int	 query_tags_word(struct query_tags *, const char *word,
	     int bare_adds, char **cause);
void	 query_tags_free(struct query_tags *);

#endif
