/*
 * One item loaded for reading: the item, its archived page read once
 * (its article in place of the feed's text), its flags, and when asked
 * the text cleaned again with its links numbered.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "clean.h"
#include "date.h"
#include "store.h"
#include "util.h"

/* Put the page's text, headline and metadata in place of the feed's. */
static void
article_take_page(struct article *a, struct store_page *p)
{
	struct store_item	*it = &a->item;

	free(it->text);
	it->text = p->text;
	p->text = NULL;
	if (p->title != NULL && *p->title != '\0') {
		free(it->title);
		it->title = p->title;
		p->title = NULL;
	}
	a->byline = p->byline;
	a->site_name = p->site_name;
	a->published = p->published;
	a->modified = p->modified;
	p->byline = p->site_name = p->published = p->modified = NULL;
	a->archived = 1;
}

/*
 * Clean the page (when its text is shown and its HTML kept), else the
 * feed's HTML, again for the numbered text and its links.
 */
static void
article_links(struct article *a, const struct store_page *p)
{
	const struct store_item	*it = &a->item;
	struct clean_article	 c;

	if (a->archived && p->html != NULL)
		clean_page(p->html, strlen(p->html), p->final_url != NULL ?
		    p->final_url : p->url, p->charset, &c);
	else
		clean_fragment_article(it->html != NULL ? it->html : "",
		    it->html != NULL ? strlen(it->html) : 0,
		    it->base != NULL ? it->base : it->url, &c);
	a->numbered = c.numbered;
	a->links = c.links;
	a->nlinks = c.nlinks;
	c.numbered = NULL;
	c.links = NULL;
	c.nlinks = 0;
	clean_article_free(&c);
}

int
article_load(struct store *st, int64_t id, int flags, struct article *a)
{
	struct store_page	 p;
	int			 rc;

	memset(a, 0, sizeof *a);
	memset(&p, 0, sizeof p);
	if ((rc = store_item_get(st, id, &a->item)) != 0)
		return (rc);
	if ((rc = store_page_get(st, id, &p)) < 0)
		goto out;
	if (rc == 0 && p.text != NULL)
		article_take_page(a, &p);
	rc = 0;
	a->summary_only = a->item.summary_only;
	if (flags & ARTICLE_LINKS)
		article_links(a, &p);
out:
	store_page_free(&p);
	return (rc);
}

void
article_free(struct article *a)
{
	size_t	 i;

	store_item_free(&a->item);
	free(a->byline);
	free(a->site_name);
	free(a->published);
	free(a->modified);
	free(a->numbered);
	for (i = 0; i < a->nlinks; i++) {
		free(a->links[i].url);
		free(a->links[i].text);
	}
	free(a->links);
	memset(a, 0, sizeof *a);
}

static void
article_meta_part(struct buf *b, const char *sep, const char *s)
{
	char	*safe;

	safe = util_display_safe(s);
	buf_printf(b, "%s%s", sep, safe);
	free(safe);
}

void
article_meta(const struct store_item *it, struct buf *b)
{
	char	 date[32];

	article_meta_part(b, "", it->feed != NULL ? it->feed : "");
	if (it->author != NULL && *it->author != '\0')
		article_meta_part(b, " | ", it->author);
	date_format_short(it->date, date, sizeof date);
	buf_printf(b, " | %s", date);
}

void
article_line(const struct store_item *it, struct buf *b)
{
	char	 date[32], flags[3];
	int	 n = 0;

	date_format_short(it->date, date, sizeof date);
	if (!it->read)
		flags[n++] = 'N';
	if (it->starred)
		flags[n++] = '*';
	if (n == 0)
		flags[n++] = '-';
	flags[n] = '\0';
	buf_printf(b, "%lld\t%s\t", (long long)it->id, date);
	article_meta_part(b, "", it->feed != NULL ? it->feed : "");
	buf_printf(b, "\t%s", flags);
	article_meta_part(b, "\t", it->title != NULL ? it->title :
	    "(untitled)");
}

/* A page's date as "2026-11-29 08:24" when it can be read, else as is. */
static void
article_page_date(struct buf *b, const char *sep, const char *date)
{
	char	 out[32];
	int64_t	 t;

	if ((t = date_parse(date)) == DATE_NONE) {
		article_meta_part(b, sep, date);
		return;
	}
	date_format_short(t, out, sizeof out);
	buf_printf(b, "%s%s", sep, out);
}

void
article_page_meta(const struct article *a, struct buf *b)
{
	const char	*sep = "";

	if (a->site_name != NULL && *a->site_name != '\0') {
		article_meta_part(b, sep, a->site_name);
		sep = " | ";
	}
	if (a->byline != NULL && *a->byline != '\0') {
		buf_printf(b, "%sby ", sep);
		article_meta_part(b, "", a->byline);
		sep = " | ";
	}
	if (a->published != NULL && *a->published != '\0') {
		article_page_date(b, sep, a->published);
		sep = " | ";
	}
	if (a->modified != NULL && *a->modified != '\0' &&
	    (a->published == NULL || strcmp(a->published, a->modified) != 0))
		article_page_date(b, *sep != '\0' ? " | updated " : "updated ",
		    a->modified);
}
