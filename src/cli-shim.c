#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clean.h"
#include "cli.h"
#include "json.h"
int cli_archive_show_page(struct store *, struct store_item *); int cli_archive_show_links(struct store *, const struct store_item *); void cli_archive_show_note(struct store *, const struct store_item *); void cli_archive_json_flags(struct store *, struct buf *, int *, int64_t);
/*
 * For show: put the archived page's text (and title) in place of the
 * feed's when the item has a page with text.  Returns 0 or -1.
 */
int
cli_archive_show_page(struct store *st, struct store_item *it)
{
	struct store_page	 p;
	int			 rc;

	if ((rc = store_page_get(st, it->id, &p)) != 0)
		return (rc == 1 ? 0 : -1);
	if (p.text != NULL) {
		free(it->text);
		it->text = p.text;
		p.text = NULL;
		if (p.title != NULL && *p.title != '\0') {
			free(it->title);
			it->title = p.title;
			p.title = NULL;
		}
	}
	store_page_free(&p);
	return (0);
}

static void
cli_archive_print_article(const struct clean_article *a)
{
	char	*s;
	size_t	 i;

	s = a->numbered != NULL ? util_utf8_sanitize(a->numbered,
	    strlen(a->numbered)) : util_utf8_sanitize(a->text, strlen(a->text));
	if (*s != '\0')
		printf("%s\n", s);
	free(s);
	for (i = 0; i < a->nlinks; i++) {
		s = util_display_safe(a->links[i].url);
		printf("%s[%zu] %s\n", i == 0 ? "\n" : "", i + 1, s);
		free(s);
	}
}

/*
 * For show --links: clean the item's stored page (else its feed HTML)
 * now and print the text with its numbered links after it.
 */
int
cli_archive_show_links(struct store *st, const struct store_item *it)
{
	struct clean_article	 a;
	struct store_page	 p;
	int			 rc;

	if ((rc = store_page_get(st, it->id, &p)) < 0)
		return (-1);
	if (rc == 0 && p.text != NULL && p.html != NULL)
		clean_page(p.html, strlen(p.html), p.final_url != NULL ?
		    p.final_url : p.url, p.charset, &a);
	else
		clean_fragment_article(it->html != NULL ? it->html : "",
		    it->html != NULL ? strlen(it->html) : 0, it->base, &a);
	cli_archive_print_article(&a);
	clean_article_free(&a);
	store_page_free(&p);
	return (0);
}

/* For show: a note when the feed gave only a summary not yet archived. */
void
cli_archive_show_note(struct store *st, const struct store_item *it)
{
	int	 archived, summary_only;

	if (store_item_flags(st, it->id, &archived, &summary_only) == 0 &&
	    summary_only && !archived)
		printf("\n(the feed gives only a summary; telex archive id:%lld "
		    "fetches the whole article)\n", (long long)it->id);
}

/* For list --json: the "archived" and "summary_only" keys. */
void
cli_archive_json_flags(struct store *st, struct buf *b, int *first,
    int64_t id)
{
	int	 archived, summary_only;

	if (store_item_flags(st, id, &archived, &summary_only) != 0)
		archived = summary_only = 0;
	json_key_bool(b, first, "archived", archived);
	json_key_bool(b, first, "summary_only", summary_only);
}
