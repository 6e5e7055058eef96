/*
 * Searching and filing from the shell: search (ranked, with snippets),
 * tag and mark by query, tags, saved searches, and the config file's
 * rules handed to the store for new items.
 */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "json.h"
#include "query.h"
#include "rules.h"
#include "store.h"
#include "util.h"

#define CLI_SEARCH_DEFAULT	20
#define CLI_BOLD		"\033[1m"
#define CLI_PLAIN		"\033[0m"

struct cli_search_how {
	int	 json;
	int	 tty;
};

/* Bytes to characters, for offsets that any JSON reader can use. */
static size_t
cli_search_chars(const char *s, size_t bytes)
{
	size_t	 i, n = 0;

	for (i = 0; i < bytes && s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	}
	return (n);
}

static void
cli_search_json(const struct store_hit *h)
{
	const struct store_item	*it = h->item;
	struct buf		 b;
	size_t			 i;
	int			 first = 1;

	buf_init(&b, 0);
	buf_addc(&b, '{');
	cli_item_json_keys(&b, &first, it);
	json_key(&b, &first, "score");
	buf_printf(&b, "%.4f", h->score);
	json_key_string(&b, &first, "snippet", h->snippet);
	json_key(&b, &first, "highlights");
	buf_addc(&b, '[');
	for (i = 0; i < h->nspans; i++)
		buf_printf(&b, "%s[%zu,%zu]", i > 0 ? "," : "",
		    cli_search_chars(h->snippet, h->spans[i].start),
		    cli_search_chars(h->snippet, h->spans[i].end));
	buf_adds(&b, "]}\n");
	fputs(b.data, stdout);
	buf_free(&b);
}

/* The snippet with its matches in bold (a terminal) or [brackets]. */
static void
cli_search_snippet(const struct store_hit *h, int tty)
{
	size_t	 i, at = 0;

	for (i = 0; i < h->nspans; i++) {
		fwrite(h->snippet + at, 1, h->spans[i].start - at, stdout);
		fputs(tty ? CLI_BOLD : "[", stdout);
		fwrite(h->snippet + h->spans[i].start, 1,
		    h->spans[i].end - h->spans[i].start, stdout);
		fputs(tty ? CLI_PLAIN : "]", stdout);
		at = h->spans[i].end;
	}
	fputs(h->snippet + at, stdout);
}


/* A terminal gets the snippet indented below; a pipe, a sixth field. */
static int
cli_search_one(const struct store_hit *h, void *arg)
{
	const struct cli_search_how	*how = arg;

	if (how->json)
		cli_search_json(h);
	else {
		cli_item_fields(h->item);
		if (how->tty && *h->snippet != '\0')
			fputs("\n    ", stdout);
		else
			fputc('\t', stdout);
		cli_search_snippet(h, how->tty);
		fputc('\n', stdout);
	}
	return (ferror(stdout) ? -1 : 0);
}

/* Parse a command's query words into qf; 1 (usage) with a message. */
static int
cli_search_filter(struct query_filter *cf, int argc, char **argv)
{
	if (query_filter_words(cf, argc, argv) != 0) {
		cli_error("%s", cf->error);
		return (CLI_USAGE);
	}
	return (0);
}

int
cli_search(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli_search_how	 how;
	struct query_filter	 cf;
	struct store		*st;
	size_t			 limit = CLI_SEARCH_DEFAULT, window = 0;
	int			 ch, rc;

	memset(&how, 0, sizeof how);
	while ((ch = getopt_long(argc, argv, "+n:", longopts, NULL)) != -1) {
		if (ch == 'j')
			how.json = 1;
		else if (ch == 'a')
			window = SIZE_MAX;
		else if (ch != 'n' || cli_parse_count(optarg, &limit) != 0)
			return (CLI_SHOW_USAGE);
	}
	if (optind == argc)
		return (CLI_SHOW_USAGE);
	if ((rc = cli_search_filter(&cf, argc - optind, argv + optind)) != 0)
		goto out;
	how.tty = cli->tty_out;
	cf.f.limit = limit;
	cf.f.window = window;
	rc = CLI_FAILURE;
	if ((st = cli_store(cli)) == NULL)
		goto out;
	if (store_search(st, &cf.f, cli_search_one, &how) != 0) {
		cli_error("cannot search: %s", store_errmsg(st));
		goto out;
	}
	rc = CLI_OK;
out:
	query_filter_free(&cf);
	return (rc);
}

/* Take +T and -T words up to "--" or the first other word. */
static int
cli_tag_words(int argc, char **argv, int *used, struct query_tags *t)
{
	char	*why = NULL;
	int	 i, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if ((rc = query_tags_word(t, argv[i], 0, &why)) == 1)
			break;
		if (rc != 0) {
			cli_error("%s", why);
			free(why);
			return (-1);
		}
	}
	*used = i;
	return (0);
}

int
cli_tag(struct cli *cli, int argc, char **argv)
{
	struct query_filter	 cf;
	struct query_tags	 t;
	struct store		*st;
	int64_t			 matched;
	int			 used, rc = CLI_USAGE;

	memset(&cf, 0, sizeof cf);
	memset(&t, 0, sizeof t);
	if (cli_tag_words(argc, argv, &used, &t) != 0)
		goto done;
	if (t.nadd + t.nremove == 0 || used == argc) {
		rc = CLI_SHOW_USAGE;
		goto done;
	}
	if ((rc = cli_search_filter(&cf, argc - used, argv + used)) != 0)
		goto out;
	rc = CLI_FAILURE;
	if ((st = cli_store(cli)) == NULL)
		goto out;
	if (store_tag_items(st, &cf.f, t.add, t.nadd, t.remove, t.nremove,
	    &matched) != 0) {
		cli_error("cannot tag: %s", store_errmsg(st));
		goto out;
	}
	printf("tagged %" PRId64 " item%s\n", matched, matched == 1 ? "" : "s");
	rc = CLI_OK;
out:
	query_filter_free(&cf);
done:
	query_tags_free(&t);
	return (rc);
}

int
cli_mark(struct cli *cli, int argc, char **argv)
{
	static const char *names[] = {
		[STORE_MARK_READ] = "read",
		[STORE_MARK_UNREAD] = "unread",
		[STORE_MARK_STAR] = "star",
		[STORE_MARK_UNSTAR] = "unstar",
		[STORE_MARK_HIDE] = "hide",
		[STORE_MARK_UNHIDE] = "unhide"
	};
	struct query_filter	 cf;
	struct store		*st;
	int64_t			 changed;
	size_t			 mark;
	int			 rc;

	if (argc < 3)
		return (CLI_SHOW_USAGE);
	for (mark = 0; mark < UTIL_ARRLEN(names); mark++) {
		if (strcmp(argv[1], names[mark]) == 0)
			break;
	}
	if (mark == UTIL_ARRLEN(names)) {
		cli_error("mark: \"%s\" is not a mark (use read, unread, star, "
		    "unstar, hide or unhide)", argv[1]);
		return (CLI_USAGE);
	}
	if ((rc = cli_search_filter(&cf, argc - 2, argv + 2)) != 0)
		goto out;
	rc = CLI_FAILURE;
	if ((st = cli_store(cli)) == NULL)
		goto out;
	if (store_mark_items(st, &cf.f, (enum store_mark)mark,
	    &changed) != 0) {
		cli_error("cannot mark items %s: %s", names[mark],
		    store_errmsg(st));
		goto out;
	}
	printf("marked %" PRId64 " item%s %s\n", changed, changed == 1 ? "" :
	    "s", names[mark]);
	rc = CLI_OK;
out:
	query_filter_free(&cf);
	return (rc);
}

static void
cli_tags_print(const struct store_tag_count *t, int json)
{
	struct buf	 b;
	char		*name;
	int		 first = 1;

	if (!json) {
		name = util_display_safe(t->name);
		printf("%s\t%" PRId64 "\t%" PRId64 "\n", name, t->items,
		    t->feeds);
		free(name);
		return;
	}
	buf_init(&b, 0);
	buf_addc(&b, '{');
	json_key_string(&b, &first, "tag", t->name);
	json_key_int(&b, &first, "items", t->items);
	json_key_int(&b, &first, "feeds", t->feeds);
	buf_adds(&b, "}\n");
	fputs(b.data, stdout);
	buf_free(&b);
}

int
cli_tags(struct cli *cli, int argc, char **argv)
{
	struct store_tag_count	*tags;
	struct store		*st;
	size_t			 n, i;
	int			 json = 0;

	if ((json = cli_json_only(argc, argv)) < 0)
		return (CLI_SHOW_USAGE);
	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	if (store_tags_counts(st, &tags, &n) != 0) {
		cli_error("cannot count tags: %s", store_errmsg(st));
		return (CLI_FAILURE);
	}
	for (i = 0; i < n; i++)
		cli_tags_print(&tags[i], json);
	store_tag_counts_free(tags, n);
	return (CLI_OK);
}

static int
cli_saved_add(struct store *st, int argc, char **argv)
{
	struct query_filter	 cf;
	char			*why = NULL;
	int			 rc;

	if (argc < 4)
		return (CLI_SHOW_USAGE);
	if (query_tag_valid(argv[2], &why) != 0) {
		cli_error("\"%s\" cannot name a saved search: %s", argv[2],
		    strstr(why, "a tag name") == why ? why + 6 : why);
		free(why);
		return (CLI_USAGE);
	}
	if ((rc = cli_search_filter(&cf, argc - 3, argv + 3)) != 0)
		goto out;
	rc = CLI_FAILURE;
	if ((rc = store_saved_put(st, argv[2], cf.text)) < 0) {
		cli_error("cannot save the search: %s", store_errmsg(st));
		rc = CLI_FAILURE;
		goto out;
	}
	printf("%s search \"%s\": %s\n", rc == 1 ? "replaced" : "saved",
	    argv[2], cf.text);
	rc = CLI_OK;
out:
	query_filter_free(&cf);
	return (rc);
}

static int
cli_saved_rm(struct store *st, int argc, char **argv)
{
	int	 rc;

	if (argc != 3)
		return (CLI_SHOW_USAGE);
	if ((rc = store_saved_remove(st, argv[2])) < 0) {
		cli_error("cannot remove the search: %s", store_errmsg(st));
		return (CLI_FAILURE);
	}
	if (rc == 1) {
		cli_error("there is no saved search \"%s\"; telex saved lists "
		    "them", argv[2]);
		return (CLI_FAILURE);
	}
	return (CLI_OK);
}

/* One saved search with the items it finds now (-1 if it is broken). */
static int
cli_saved_print(struct store *st, const struct store_saved *s, int json)
{
	struct query_filter	 cf;
	struct buf		 b;
	int64_t			 count = -1;
	int			 first = 1;

	if (query_filter_parse(&cf, s->query) == 0 &&
	    store_items_count(st, &cf.f, &count) != 0) {
		query_filter_free(&cf);
		return (-1);
	}
	query_filter_free(&cf);
	buf_init(&b, 0);
	if (json) {
		buf_addc(&b, '{');
		json_key_string(&b, &first, "name", s->name);
		json_key_string(&b, &first, "query", s->query);
		json_key_int(&b, &first, "items", count);
		buf_adds(&b, "}\n");
	} else
		buf_printf(&b, "%s\t%" PRId64 "\t%s\n", s->name, count,
		    s->query);
	fputs(b.data, stdout);
	buf_free(&b);
	return (0);
}

static int
cli_saved_list(struct store *st, int json)
{
	struct store_saved	*saved;
	size_t			 n, i;
	int			 rc = CLI_OK;

	if (store_saved_list(st, &saved, &n) != 0) {
		cli_error("cannot read the saved searches: %s",
		    store_errmsg(st));
		return (CLI_FAILURE);
	}
	for (i = 0; i < n && rc == CLI_OK; i++) {
		if (cli_saved_print(st, &saved[i], json) != 0) {
			cli_error("cannot count the saved search \"%s\": %s",
			    saved[i].name, store_errmsg(st));
			rc = CLI_FAILURE;
		}
	}
	store_saved_free(saved, n);
	return (rc);
}

int
cli_saved(struct cli *cli, int argc, char **argv)
{
	struct store	*st;
	int		 json = argc == 2 && strcmp(argv[1], "--json") == 0;

	if (argc > 1 && !json && strcmp(argv[1], "add") != 0 &&
	    strcmp(argv[1], "rm") != 0)
		return (CLI_SHOW_USAGE);
	if ((st = cli_store(cli)) == NULL)
		return (CLI_FAILURE);
	if (argc == 1 || json)
		return (cli_saved_list(st, json));
	if (strcmp(argv[1], "add") == 0)
		return (cli_saved_add(st, argc, argv));
	return (cli_saved_rm(st, argc, argv));
}
