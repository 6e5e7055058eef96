/*
 * What the command files share: the archive and the configuration
 * opened on first use, error lines, option words and the printing of
 * items, progress bars and failures.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "cli.h"
#include "date.h"
#include "json.h"

#define CLI_BAR_WIDTH	30

void
cli_error(const char *fmt, ...)
{
	va_list	 ap;

	fflush(stdout);
	fputs("telex: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Packing an older telex's bodies on open: a line on a terminal. */
static void
cli_store_progress(int64_t done, int64_t total, void *arg)
{
	int	*said = arg;

	if (!isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\r\033[Ktelex: compressing the archive (once, for "
	    "this version): %lld of %lld items", (long long)done,
	    (long long)total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
	*said = 1;
}

struct store *
cli_store(struct cli *cli)
{
	char	*cause = NULL;
	int	 said = 0;

	if (cli->store != NULL)
		return (cli->store);
	if (cli->db_path == NULL) {
		cli_error("no archive: set HOME, TELEX_DB or use -d DB");
		return (NULL);
	}
	if (store_open_progress(cli->db_path, &cli->store, &cause,
	    cli_store_progress, &said) != 0) {
		if (said)
			fputc('\n', stderr);
		cli_error("%s", cause);
		free(cause);
		return (NULL);
	}
	return (cli->store);
}

/* The configuration, read on first use; NULL (said why) if it is bad. */
struct conf *
cli_conf(struct cli *cli)
{
	char	*path = NULL, *cause = NULL;
	size_t	 i;

	if (cli->conf != NULL)
		return (cli->conf);
	if (cli->config_path == NULL && (path = conf_default_path()) == NULL)
		path = xstrdup("/dev/null");
	if (conf_load(cli->config_path != NULL ? cli->config_path : path,
	    &cli->conf, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
	}
	for (i = 0; cli->conf != NULL && i < cli->conf->nwarnings; i++)
		cli_error("%s", cli->conf->warnings[i]);
	free(path);
	return (cli->conf);
}

/* Parse -j N: 0, or -1 with a message when N is not 1 to max. */
int
cli_parse_jobs(const char *s, int max, int *out)
{
	char	*end;
	long	 j;

	j = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || j < 1 || j > max) {
		cli_error("-j wants a number from 1 to %d, not \"%s\"", max, s);
		return (-1);
	}
	*out = (int)j;
	return (0);
}

void
cli_bar_init(struct cli_bar *bar, int tty)
{
	memset(bar, 0, sizeof *bar);
	bar->on = tty;
}

/*
 * Draw "[####....] done/total UNIT, N new, N failed" on stderr, at
 * most ten times a second but always at the start and the end.
 */
void
cli_bar_draw(struct cli_bar *bar, size_t done, size_t total,
    const char *unit, size_t new_ones, size_t failed)
{
	double	 now = util_monotonic();
	size_t	 fill, i;
	char	 line[CLI_BAR_WIDTH + 1];

	if (!bar->on || total == 0 || (done != 0 && done != total &&
	    now - bar->last < 0.1))
		return;
	bar->last = now;
	bar->drawn = 1;
	fill = done * CLI_BAR_WIDTH / total;
	for (i = 0; i < CLI_BAR_WIDTH; i++)
		line[i] = i < fill ? '#' : '.';
	line[CLI_BAR_WIDTH] = '\0';
	fprintf(stderr, "\r\033[K[%s] %zu/%zu %s, %zu new, %zu failed", line,
	    done, total, unit, new_ones, failed);
	fflush(stderr);
}

void
cli_bar_clear(struct cli_bar *bar)
{
	if (bar->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	bar->drawn = 0;
}

/* Keep one failed page's line: what failed, why and what to do. */
void
cli_page_failure(struct buf *b, const struct archive_failure *f)
{
	buf_printf(b, "telex: item %lld (%s): %s \xe2\x80\x94 %s\n",
	    (long long)f->item_id, f->url, f->error, f->hint);
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
	if (it->published_inferred)
		json_key_bool(b, first, "published_inferred", 1);
	json_key_date(b, first, "updated", it->updated);
	json_key_date(b, first, "date", it->date);
	json_key_strings(b, first, "categories", it->categories,
	    it->ncategories);
	json_key_strings(b, first, "tags", it->tags, it->ntags);
	json_key_bool(b, first, "read", it->read);
	json_key_bool(b, first, "starred", it->starred);
}

/* ID, date, feed, flags and title, tab-separated, without a newline. */
void
cli_item_fields(const struct store_item *it)
{
	struct buf	 b;

	buf_init(&b, 0);
	article_line(it, &b);
	fputs(b.data, stdout);
	buf_free(&b);
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


/* "enclosures": [{url, type, length}] of it, in an object being made. */
void
cli_enclosures_json(struct buf *b, int *first, const struct store_item *it)
{
	const struct feed_enclosure	*e;
	size_t				 i;
	int				 inner;

	json_key(b, first, "enclosures");
	buf_addc(b, '[');
	for (i = 0; i < it->nenclosures; i++) {
		e = &it->enclosures[i];
		inner = 1;
		buf_adds(b, i == 0 ? "{" : ",{");
		json_key_string(b, &inner, "url", e->url);
		json_key_string(b, &inner, "type", e->type);
		if (e->length >= 0)
			json_key_int(b, &inner, "length", e->length);
		else {
			json_key(b, &inner, "length");
			buf_adds(b, "null");
		}
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
}
