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
#include "retain.h"
#include "run.h"
#include "store.h"
#include "update.h"
#include "util.h"

/* One item of list --json, its enclosures read for it. */
static void
cli_print_item_json(struct store *st, const struct store_item *it)
{
	struct store_item	 with = *it;
	struct buf		 b;
	size_t			 i;
	int			 first = 1;

	with.enclosures = NULL;
	with.nenclosures = 0;
	if (store_item_enclosures(st, &with) != 0)
		with.nenclosures = 0;
	buf_init(&b, 0);
	buf_addc(&b, '{');
	cli_item_json_keys(&b, &first, it);
	json_key_bool(&b, &first, "archived", it->archived);
	json_key_bool(&b, &first, "summary_only", it->summary_only);
	cli_enclosures_json(&b, &first, &with);
	for (i = 0; i < with.nenclosures; i++) {
		free(with.enclosures[i].url);
		free(with.enclosures[i].type);
	}
	free(with.enclosures);
	buf_adds(&b, "}\n");
	fputs(b.data, stdout);
	buf_free(&b);
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

struct cli_ids {
	int64_t		*ids;
	size_t		 n;
};

static int
cli_list_id(const struct store_item *it, void *arg)
{
	struct cli_ids	*l = arg;

	l->ids = xreallocarray(l->ids, l->n + 1, sizeof *l->ids);
	l->ids[l->n++] = it->id;
	return (0);
}

/*
 * list --exec: the command once per item, newest first, with the item
 * in TELEX_* variables; the first failure stops it unless keep is set.
 */
static int
cli_list_exec(struct store *st, const struct store_filter *f,
    const char *cmd, int keep)
{
	struct cli_ids	 l;
	size_t		 i, failed = 0;
	char		*cause = NULL;
	int		 status;

	memset(&l, 0, sizeof l);
	if (store_items_list(st, f, cli_list_id, &l) != 0) {
		cli_error("cannot list items: %s", store_errmsg(st));
		return (CLI_FAILURE);
	}
	fflush(stdout);
	for (i = 0; i < l.n && (failed == 0 || keep); i++) {
		if ((status = run_item(st, l.ids[i], cmd, NULL, RUN_WAIT,
		    &cause)) == 0)
			continue;
		failed++;
		if (status > 0)
			cli_error("item %lld: \"%s\" ended with status %d%s",
			    (long long)l.ids[i], cmd, status, keep ? "" :
			    "; --keep-going runs it for the rest too");
		else
			cli_error("item %lld: %s", (long long)l.ids[i], cause);
		free(cause);
		cause = NULL;
	}
	free(l.ids);
	if (failed == 0)
		return (CLI_OK);
	return (keep ? CLI_PARTIAL : CLI_FAILURE);
}

int
cli_list(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "exec", required_argument, NULL, 'x' },
		{ "keep-going", no_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 }
	};
	struct query_filter	 cf;
	struct cli_list_how	 how;
	struct store		*st;
	const char		*exec = NULL;
	size_t			 limit = 0;
	int			 ch, json = 0, keep = 0, rc = CLI_FAILURE;

	while ((ch = getopt_long(argc, argv, "+n:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'x':
			exec = optarg;
			break;
		case 'k':
			keep = 1;
			break;
		case 'n':
			if (cli_parse_count(optarg, &limit) != 0)
				return (CLI_USAGE);
			break;
		default:
			return (CLI_SHOW_USAGE);
		}
	}
	if (query_filter_words(&cf, argc - optind, argv + optind) != 0) {
		cli_error("%s", cf.error);
		query_filter_free(&cf);
		return (CLI_USAGE);
	}
	cf.f.limit = limit;
	if ((st = cli_store(cli)) == NULL)
		goto out;
	if (exec != NULL) {
		rc = cli_list_exec(st, &cf.f, exec, keep);
		goto out;
	}
	how.json = json;
	how.st = st;
	if (store_items_list(st, &cf.f, cli_list_one, &how) != 0) {
		cli_error("cannot list items: %s", store_errmsg(st));
		goto out;
	}
	rc = CLI_OK;
out:
	query_filter_free(&cf);
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

/* show --json: the item's keys, its text, numbered links, enclosures. */
static void
cli_show_json(const struct article *a)
{
	struct buf	 b;
	size_t		 i;
	int		 first = 1, inner;

	buf_init(&b, 0);
	buf_addc(&b, '{');
	cli_item_json_keys(&b, &first, &a->item);
	json_key_bool(&b, &first, "archived", a->archived);
	json_key_bool(&b, &first, "summary_only", a->summary_only);
	json_key_string(&b, &first, "text", a->item.text != NULL ?
	    a->item.text : "");
	json_key(&b, &first, "links");
	buf_addc(&b, '[');
	for (i = 0; i < a->nlinks; i++) {
		inner = 1;
		buf_adds(&b, i == 0 ? "{" : ",{");
		json_key_int(&b, &inner, "n", (int64_t)i + 1);
		json_key_string(&b, &inner, "url", a->links[i].url);
		json_key_string(&b, &inner, "text", a->links[i].text);
		buf_addc(&b, '}');
	}
	buf_addc(&b, ']');
	cli_enclosures_json(&b, &first, &a->item);
	buf_adds(&b, "}\n");
	fputs(b.data, stdout);
	buf_free(&b);
}

int
cli_show(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "html", no_argument, NULL, 'H' },
		{ "links", no_argument, NULL, 'L' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct article		 a;
	struct store		*st;
	long long		 id;
	char			*end;
	int			 ch, html = 0, links = 0, json = 0, rc;

	while ((ch = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		if (ch == 'L')
			links = 1;
		else if (ch == 'j')
			json = links = 1;
		else if (ch != 'H')
			return (CLI_SHOW_USAGE);
		else
			html = 1;
	}
	if (argc - optind != 1)
		return (CLI_SHOW_USAGE);
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
	if (json)
		cli_show_json(&a);
	else
		cli_show_article(&a, html, links);
	article_free(&a);
	return (CLI_OK);
}

/*
 * What the config's keep lines (and feeds' keep options) would prune
 * now (items -1 without any): 0, or -1 said.
 */
static int
cli_stats_retention(struct cli *cli, struct store *st,
    struct retain_counts *c)
{
	struct retain	*keep;
	char		*cause = NULL;
	int		 rc = 0;

	memset(c, 0, sizeof *c);
	c->items = -1;
	if (update_retain_load(st, cli_conf(cli), &keep, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return (-1);
	}
	if (retain_count(keep) != 0 && (rc = retain_apply(st, keep, 1,
	    c)) != 0)
		cli_error("cannot see what keep lines would prune: %s",
		    store_errmsg(st));
	retain_free(keep);
	return (rc);
}

static void
cli_stats_json(const struct store_stats *s, const char *path,
    const struct retain_counts *keep)
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
	if (keep->items >= 0) {
		json_key_int(&b, &first, "retention_items", keep->items);
		json_key_int(&b, &first, "retention_bytes", keep->text_bytes);
	}
	buf_adds(&b, "}\n");
	fputs(b.data, stdout);
	buf_free(&b);
}

int
cli_stats(struct cli *cli, int argc, char **argv)
{
	struct store_stats	 s;
	struct retain_counts	 keep;
	struct store		*st;
	char			 last[32];
	int			 json = 0;

	if ((json = cli_json_only(argc, argv)) < 0)
		return (CLI_SHOW_USAGE);
	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	if (store_stats(st, &s) != 0) {
		cli_error("cannot count the archive: %s", store_errmsg(st));
		return (CLI_FAILURE);
	}
	if (cli_stats_retention(cli, st, &keep) != 0)
		return (CLI_FAILURE);
	if (json) {
		cli_stats_json(&s, cli->db_path, &keep);
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
	if (keep.items >= 0)
		printf("retention: %lld item%s (%.1f MB of text) to prune at "
		    "the next poll\n", (long long)keep.items, keep.items == 1 ?
		    "" : "s", (double)keep.text_bytes / 1e6);
	return (CLI_OK);
}
