/*
 * Reading the archive from the shell: list, show and stats, with the
 * query language of src/query.c as the filter.
 */
#include "config.h"

#include <ctype.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "cli.h"
#include "date.h"
#include "json.h"
#include "query.h"
#include "store.h"
#include "util.h"

/*
 * Build a filter from the words of argv, joined by spaces and read as
 * one query (src/query.c).  Returns 0, or -1 with cf->error set saying
 * which word is wrong and where.
 */
int
cli_filter_parse(struct cli_filter *cf, int argc, char **argv)
{
	struct buf	 text;
	int		 i;

	memset(cf, 0, sizeof *cf);
	buf_init(&cf->match, 0);
	buf_init(&text, 0);
	for (i = 0; i < argc; i++) {
		if (i > 0)
			buf_addc(&text, ' ');
		buf_adds(&text, argv[i]);
	}
	cf->text = buf_steal(&text);
	if (query_parse(cf->text, &cf->query, &cf->error) != 0)
		return (-1);
	cf->f.query = cf->query;
	return (0);
}

void
cli_filter_free(struct cli_filter *cf)
{
	query_free(cf->query);
	free(cf->text);
	buf_free(&cf->match);
	free(cf->error);
}

/* The keys every item object has, in list and search output alike. */
void
cli_item_json_keys(struct buf *b, int *first, const struct store_item *it)
{
	json_key_int(b, first, "id", it->id);
	json_key_int(b, first, "feed_id", it->feed_id);
	json_key_string(b, first, "feed", it->feed);
	json_key_string(b, first, "guid", it->guid);
	json_key_string(b, first, "url", it->url);
	json_key_string(b, first, "title", it->title);
	json_key_string(b, first, "author", it->author);
	json_key_date(b, first, "published", it->published);
	json_key_date(b, first, "updated", it->updated);
	json_key_date(b, first, "date", it->date);
	json_key_strings(b, first, "categories", it->categories,
	    it->ncategories);
	json_key_strings(b, first, "tags", it->tags, it->ntags);
	json_key_bool(b, first, "read", it->read);
	json_key_bool(b, first, "starred", it->starred);
}

static void
cli_print_item_json(struct store *st, const struct store_item *it)
{
	struct buf	 b;
	int		 first = 1;

	buf_init(&b, 0);
	buf_addc(&b, '{');
	cli_item_json_keys(&b, &first, it);
	cli_archive_json_flags(st, &b, &first, it->id);
	buf_adds(&b, "}\n");
	fputs(b.data, stdout);
	buf_free(&b);
}

/* ID, date, feed, flags and title, tab-separated, without a newline. */
void
cli_item_fields(const struct store_item *it)
{
	char	 date[32], flags[3];
	char	*feed, *title;
	int	 n = 0;

	date_format_short(it->date, date, sizeof date);
	if (!it->read)
		flags[n++] = 'N';
	if (it->starred)
		flags[n++] = '*';
	if (n == 0)
		flags[n++] = '-';
	flags[n] = '\0';
	feed = util_display_safe(it->feed != NULL ? it->feed : "");
	title = util_display_safe(it->title != NULL ? it->title :
	    "(untitled)");
	printf("%lld\t%s\t%s\t%s\t%s", (long long)it->id, date, feed, flags,
	    title);
	free(feed);
	free(title);
}

static void
cli_print_item_line(const struct store_item *it)
{
	cli_item_fields(it);
	putchar('\n');
}

struct cli_list_how {
	int		 json;
	struct store	*st;
};

static int
cli_list_one(const struct store_item *it, void *arg)
{
	const struct cli_list_how *how = arg;

	if (how->json)
		cli_print_item_json(how->st, it);
	else
		cli_print_item_line(it);
	return (ferror(stdout) ? -1 : 0);
}

/* For commands whose one option is --json: 1 with it, 0 without, -1. */
int
cli_json_only(int argc, char **argv)
{
	if (argc == 1)
		return (0);
	return (argc == 2 && strcmp(argv[1], "--json") == 0 ? 1 : -1);
}

/* Parse -n N; -1 with a message when N is not a count. */
int
cli_parse_count(const char *s, size_t *out)
{
	char		*end;
	long long	 n;

	n = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || n < 0) {
		cli_error("-n wants a number of items, not \"%s\"", s);
		return (-1);
	}
	*out = (size_t)n;
	return (0);
}

int
cli_list(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli_filter	 cf;
	struct cli_list_how	 how;
	struct store		*st;
	size_t			 limit = 0;
	int			 ch, json = 0, rc = CLI_FAILURE;

	while ((ch = getopt_long(argc, argv, "+n:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'n':
			if (cli_parse_count(optarg, &limit) != 0)
				return (CLI_USAGE);
			break;
		default:
			return (cli_usage("list"));
		}
	}
	if (cli_filter_parse(&cf, argc - optind, argv + optind) != 0) {
		cli_error("%s", cf.error);
		cli_filter_free(&cf);
		return (CLI_USAGE);
	}
	cf.f.limit = limit;
	if ((st = cli_store(cli)) == NULL)
		goto out;
	how.json = json;
	how.st = st;
	if (store_items_list(st, &cf.f, cli_list_one, &how) != 0) {
		cli_error("cannot list items: %s", store_errmsg(st));
		goto out;
	}
	rc = CLI_OK;
out:
	cli_filter_free(&cf);
	return (rc);
}

static void
cli_show_meta(const struct article *a)
{
	struct buf	 b;
	char		*s;

	s = util_display_safe(a->item.title != NULL ? a->item.title :
	    "(untitled)");
	printf("%s\n", s);
	free(s);
	buf_init(&b, 0);
	article_meta(&a->item, &b);
	if (a->item.url != NULL) {
		s = util_display_safe(a->item.url);
		buf_printf(&b, " | %s", s);
		free(s);
	}
	printf("%s\n\n", b.data);
	buf_free(&b);
}

/* The text with its links marked [n], then the links, one a line. */
static void
cli_show_links(const struct article *a)
{
	char	*s;
	size_t	 i;

	s = util_utf8_sanitize(a->numbered != NULL ? a->numbered : "",
	    a->numbered != NULL ? strlen(a->numbered) : 0);
	if (*s != '\0')
		printf("%s\n", s);
	free(s);
	for (i = 0; i < a->nlinks; i++) {
		s = util_display_safe(a->links[i].url);
		printf("%s[%zu] %s\n", i == 0 ? "\n" : "", i + 1, s);
		free(s);
	}
}

static void
cli_show_enclosures(const struct store_item *it)
{
	char	*s;
	size_t	 i;

	for (i = 0; i < it->nenclosures; i++) {
		s = util_display_safe(it->enclosures[i].url);
		printf("%s[enclosure: %s%s%s]\n", i == 0 ? "\n" : "", s,
		    it->enclosures[i].type != NULL ? ", " : "",
		    it->enclosures[i].type != NULL ? it->enclosures[i].type : "");
		free(s);
	}
}

static void
cli_show_article(const struct article *a, int html, int links)
{
	const struct store_item	*it = &a->item;
	char			*s;

	cli_show_meta(a);
	if (html) {
		s = util_utf8_sanitize(it->html != NULL ? it->html : "",
		    it->html != NULL ? strlen(it->html) : 0);
		printf("%s\n", s);
		free(s);
		return;
	}
	if (links)
		cli_show_links(a);
	else if (it->text != NULL && *it->text != '\0') {
		s = util_utf8_sanitize(it->text, strlen(it->text));
		printf("%s\n", s);
		free(s);
	}
	cli_show_enclosures(it);
	if (a->summary_only && !a->archived)
		printf("\n(the feed gives only a summary; telex archive id:%lld "
		    "fetches the whole article)\n", (long long)it->id);
}

int
cli_show(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "html", no_argument, NULL, 'H' },
		{ "links", no_argument, NULL, 'L' },
		{ NULL, 0, NULL, 0 }
	};
	struct article		 a;
	struct store		*st;
	long long		 id;
	char			*end;
	int			 ch, html = 0, links = 0, rc;

	while ((ch = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		if (ch == 'L')
			links = 1;
		else if (ch != 'H')
			return (cli_usage("show"));
		else
			html = 1;
	}
	if (argc - optind != 1)
		return (cli_usage("show"));
	id = strtoll(argv[optind], &end, 10);
	if (*end != '\0' || id <= 0) {
		cli_error("\"%s\" is not an item id; telex list shows ids",
		    argv[optind]);
		return (CLI_USAGE);
	}
	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	if ((rc = article_load(st, id, links && !html ? ARTICLE_LINKS : 0,
	    &a)) != 0) {
		if (rc == 1)
			cli_error("no item %lld in the archive", id);
		else
			cli_error("cannot read item %lld: %s", id,
			    store_errmsg(st));
		article_free(&a);
		return (CLI_FAILURE);
	}
	cli_show_article(&a, html, links);
	article_free(&a);
	return (CLI_OK);
}

static void
cli_stats_json(const struct store_stats *s, const char *path)
{
	struct buf	 b;
	int		 first = 1;

	buf_init(&b, 0);
	buf_addc(&b, '{');
	json_key_string(&b, &first, "archive", path);
	json_key_int(&b, &first, "feeds", s->feeds);
	json_key_int(&b, &first, "items", s->items);
	json_key_int(&b, &first, "unread", s->unread);
	json_key_int(&b, &first, "starred", s->starred);
	json_key_int(&b, &first, "tags", s->tags);
	json_key_int(&b, &first, "failing", s->failing);
	json_key_int(&b, &first, "bytes", s->bytes);
	json_key_date(&b, &first, "last_poll", s->last_poll == 0 ?
	    DATE_NONE : s->last_poll);
	json_key_int(&b, &first, "schema", s->schema);
	buf_adds(&b, "}\n");
	fputs(b.data, stdout);
	buf_free(&b);
}

int
cli_stats(struct cli *cli, int argc, char **argv)
{
	struct store_stats	 s;
	struct store		*st;
	char			 last[32];
	int			 json = 0;

	if ((json = cli_json_only(argc, argv)) < 0)
		return (cli_usage("stats"));
	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	if (store_stats(st, &s) != 0) {
		cli_error("cannot count the archive: %s", store_errmsg(st));
		return (CLI_FAILURE);
	}
	if (json) {
		cli_stats_json(&s, cli->db_path);
		return (CLI_OK);
	}
	if (s.last_poll == 0)
		strcpy(last, "never");
	else
		date_format_short(s.last_poll, last, sizeof last);
	printf("archive:   %s\nfeeds:     %" PRId64 " (%" PRId64 " failing)\n"
	    "items:     %" PRId64 " (%" PRId64 " unread, %" PRId64
	    " starred)\ntags:      %" PRId64 "\nsize:      %.1f MB\n"
	    "last poll: %s\n", cli->db_path, s.feeds, s.failing, s.items,
	    s.unread, s.starred, s.tags, s.bytes / 1e6, last);
	return (CLI_OK);
}
