/*
 * The cleaner turns article HTML into reading text: the article alone
 * (page mode) or a feed item's content (fragment mode), boilerplate out,
 * entities decoded, Unicode NFC, white space normalised; links are
 * numbered in a second copy of the text, for display.
 */
#ifndef TELEX_CLEAN_H
#define TELEX_CLEAN_H

#include <stddef.h>

struct clean_link {
	char	*url;		/* absolute */
	char	*text;		/* the link's words, one line */
};

/* What the cleaner found; every string may be NULL but text. */
struct clean_article {
	char			*title;		/* headline */
	char			*byline;	/* the authors, ", " between */
	char			**authors;	/* one name each */
	size_t			 nauthors;
	char			*published;	/* as the page wrote it */
	char			*modified;	/* as the page wrote it */
	char			*site_name;
	char			*lang;
	char			*image;		/* lead image URL */
	char			*image_alt;	/* its description */
	char			*canonical;	/* the page's own address */
	char			*text;		/* reading text, never NULL */
	char			*numbered;	/* text with [n] after links */
	struct clean_link	*links;		/* [n] is links[n-1] */
	size_t			 nlinks;
};

/*
 * Extract the article from a whole web page of len bytes fetched from
 * url (may be NULL), with http_charset from the Content-Type header or
 * NULL.  Fills *out (free with clean_article_free).  Returns 0, or -1
 * when the page holds no readable text (out->text is then "").
 */
int	 clean_page(const char *html, size_t len, const char *url,
	     const char *http_charset, struct clean_article *out);

/*
 * Clean a feed item's HTML content (UTF-8) with links resolved against
 * base (may be NULL).  Fills *out as clean_page does (no title).
 */
void	 clean_fragment_article(const char *html, size_t len,
	     const char *base, struct clean_article *out);

void	 clean_article_free(struct clean_article *);

/* The text of clean_fragment_article alone, for the caller to free. */
char	*clean_fragment(const char *html, size_t len, const char *base);

/* Plain text of a short inline string (a title): tags out, one line. */
char	*clean_inline(const char *html);

#endif
